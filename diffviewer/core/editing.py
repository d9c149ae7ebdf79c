"""A version's text as paragraphs and the separators between them, edited without touching the rest.

``EditableText`` cuts a decoded text into the very paragraphs ``split_paragraphs`` finds (same
line spans) and keeps everything between them byte for byte: the text before the first
paragraph, each separator, the text after the last. Replacing, inserting or removing a
paragraph rebuilds the text from those pieces, so untouched paragraphs, separators and the
newline style stay exactly as they were; new text gets the file's newline style.

``SourceFile`` is what an editor needs to write a version back: the bytes read (to notice a
file changed on disk since), the codec, the BOM and whether the decoded text gives the same
bytes again. ``encode_text`` turns text into bytes in that codec, newline style and BOM, and
raises ``UnencodableError`` naming the first character the codec cannot hold.

``compare_edited`` compares files of which some are replaced by texts being edited.
Imports: the standard library and ``core`` modules only (no Qt).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from diffviewer.core.errors import Cancelled, DiffViewerError, LoadError
from diffviewer.core.loading import LoadedText, decode_bytes, detect_newline
from diffviewer.core.model import Change, ChangeType, Comparison, Newline
from diffviewer.core.options import DEFAULT_MAX_FILE_BYTES, CompareOptions
from diffviewer.core.paragraphs import split_paragraphs

__all__ = [
    "EditableText",
    "SourceFile",
    "UnencodableError",
    "apply_splices",
    "compare_edited",
    "copy_across",
    "encode_text",
    "read_source",
]

_LINE_END = re.compile(r"\r\n|\r|\n")
_BLANK_INSIDE = re.compile(r"\n[^\S\n]*\n")
_NEWLINES = {Newline.LF: "\n", Newline.CRLF: "\r\n", Newline.CR: "\r"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UnencodableError(DiffViewerError):
    """Text holds a character the target encoding cannot hold."""

    def __init__(self, encoding: str, character: str, line: int) -> None:
        shown = f"U+{ord(character):04X} {character!r}"
        super().__init__(f"{encoding} cannot hold {shown} (line {line})")
        self.encoding = encoding
        self.character = character
        self.line = line


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end of content) of every line, as ``split_paragraphs`` numbers them."""
    spans = []
    start = 0
    for match in _LINE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _dominant_newline(text: str) -> str:
    """The commonest line ending of ``text`` (``\\n`` when it has none)."""
    style = detect_newline(text)
    if style in _NEWLINES:
        return _NEWLINES[style]
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    best = max(counts.items(), key=lambda item: item[1])
    return best[0] if best[1] else "\n"


@dataclass(frozen=True, slots=True)
class EditableText:
    """A text as ``head, p0, sep0, p1, …, p(n-1), tail``: its paragraphs as written in the
    file (original line endings inside) and the exact text around and between them."""

    head: str
    paragraphs: tuple[str, ...]
    separators: tuple[str, ...]
    """``len(paragraphs) - 1`` of them (none when there is no paragraph)."""
    tail: str
    newline: str
    """The line ending new text is written with."""

    @classmethod
    def parse(cls, text: str) -> EditableText:
        lines = _lines(text)
        newline = _dominant_newline(text)
        raws = split_paragraphs(text)
        if not raws:
            return cls(text, (), (), "", newline)
        spans = [(lines[raw.first_line - 1][0], lines[raw.last_line - 1][1]) for raw in raws]
        head = text[: spans[0][0]]
        paragraphs = tuple(text[start:end] for start, end in spans)
        separators = tuple(text[spans[n][1] : spans[n + 1][0]] for n in range(len(spans) - 1))
        return cls(head, paragraphs, separators, text[spans[-1][1] :], newline)

    def text(self) -> str:
        """The whole text again: ``parse(t).text() == t``."""
        parts = [self.head]
        for n, paragraph in enumerate(self.paragraphs):
            if n:
                parts.append(self.separators[n - 1])
            parts.append(paragraph)
        parts.append(self.tail)
        return "".join(parts)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def _line_mode(self) -> bool:
        """No blank line stands between two lines: each line is a paragraph (see
        ``split_paragraphs``)."""
        # Paragraph lines are never blank, and each piece around them holds the line ends on
        # both sides of its blank lines: looking at the pieces is looking at the text.
        return not any(
            _BLANK_INSIDE.search(_LINE_END.sub("\n", piece))
            for piece in (self.head, *self.separators, self.tail)
        )

    def prepared(self, text: str) -> str:
        """``text`` (lines ending in ``\\n``, as the viewer shows paragraphs) as this file writes
        a paragraph: its line endings, no blank line at either end; one paragraph per line, no
        blank line inside, when the file has a paragraph per line."""
        lines = _LINE_END.split(text)
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if self._line_mode():
            lines = [line for line in lines if line.strip()]
        return self.newline.join(lines)

    def _separator_near(self, position: int) -> str:
        if self.separators:
            return self.separators[min(max(position - 1, 0), len(self.separators) - 1)]
        return self.newline * 2

    def replaced(self, index: int, text: str) -> EditableText:
        """Paragraph ``index`` holds ``text`` (prepared); empty text removes the paragraph."""
        return self.spliced(index, 1, [text])

    def inserted(self, position: int, text: str) -> EditableText:
        """A new paragraph ``text`` (prepared) that becomes paragraph ``position``."""
        return self.spliced(position, 0, [text])

    def removed(self, index: int) -> EditableText:
        return self.spliced(index, 1, [])

    def spliced(self, start: int, count: int, texts: Sequence[str]) -> EditableText:
        """Paragraphs ``start .. start+count-1`` replaced by ``texts`` (prepared; empty ones
        dropped). A replaced paragraph's place keeps its separators; a new one takes the
        separator next to where it goes."""
        if not (0 <= start <= len(self) and 0 <= count <= len(self) - start):
            raise IndexError(f"paragraphs {start}..{start + count} of {len(self)}")
        new = [prepared for prepared in map(self.prepared, texts) if prepared]
        if count == 0 and not new:
            return self
        between = self._separator_near(start)
        paragraphs = list(self.paragraphs)
        separators = list(self.separators)
        paragraphs[start : start + count] = new
        head = self.head
        if not len(self) and head and not _LINE_END.search(head[-1]):
            head += self.newline  # Blank text that ends mid-line: the new one starts a line.
        if not paragraphs:
            separators = []
        elif count == 0:
            # s[k] stands between p[k] and p[k+1]: the new ones each bring one after them,
            # or, at the end, one before them.
            separators[start:start] = [between] * (len(new) - (len(self) == 0))
        elif new:
            inner = separators[start : start + count - 1][: len(new) - 1]
            inner += [between] * (len(new) - 1 - len(inner))
            separators[start : start + count - 1] = inner
        elif start + count < len(self):
            del separators[start : start + count]  # with the separator after them
        else:
            del separators[start - 1 : start + count - 1]  # the last ones: the one before
        result = EditableText(head, tuple(paragraphs), tuple(separators), self.tail, self.newline)
        if (
            any(_LINE_END.search(p) for p in paragraphs)
            and result._line_mode()
            and not self._line_mode()
        ):
            # The last blank line between paragraphs went: without one, every line would read
            # as a paragraph. A blank line after the text keeps the paragraphs as they are.
            result = replace(result, tail=self.newline * 2 + self.tail)
        return result


def encode_text(text: str, encoding: str, bom: bytes = b"") -> bytes:
    """``text`` in ``encoding`` after ``bom``; ``UnencodableError`` names what does not fit."""
    codec = encoding.removesuffix("-sig")
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError as error:
        character = text[error.start]
        line = text.count("\n", 0, error.start) + 1
        raise UnencodableError(encoding, character, line) from None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A version as read from disk for editing: what it decoded to and how to write it back."""

    path: str
    loaded: LoadedText
    digest: str
    """SHA-256 of the bytes read: a file whose bytes differ has changed on disk since."""
    bom: bytes
    round_trips: bool
    """Whether encoding the decoded text gives back the bytes read (not so when invalid bytes
    were read as U+FFFD: saving writes those as U+FFFD)."""

    @property
    def encoding(self) -> str:
        return self.loaded.encoding.removesuffix("-sig")

    def encode(self, text: str) -> bytes:
        return encode_text(text, self.encoding, self.bom)

    def changed_on_disk(self) -> bool:
        """Whether the file now holds other bytes than were read (or is gone)."""
        try:
            with open(self.path, "rb") as handle:
                return _digest(handle.read()) != self.digest
        except OSError:
            return True


def _bom_of(data: bytes, encoding: str) -> bytes:
    codec = encoding.removesuffix("-sig")
    for bom, family in _BOMS:
        if data.startswith(bom) and family == codec:
            return bom
    return b""


def read_source(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    *,
    known: str | None = None,
) -> SourceFile:
    """Read ``path`` as the viewer does (``encoding``: a forced codec, None to detect).

    ``known``: the codec a comparison already found for the file (its guess may have leaned
    on the other versions); tried first, detection only if it cannot decode the bytes.
    """
    from diffviewer.core.loading import load_file

    shown = os.fspath(path)
    load_file(shown, max_bytes=max_bytes, encoding=encoding)  # The checks and errors of a load.
    try:
        with open(shown, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise LoadError(shown, error.strerror or str(error)) from None
    name = os.path.basename(shown)
    loaded = None
    if known and not encoding:
        try:
            loaded = decode_bytes(data, name=name, path=shown, encoding=known)
        except LoadError:
            loaded = None
    if loaded is None:
        loaded = decode_bytes(data, name=name, path=shown, encoding=encoding)
    bom = _bom_of(data, loaded.encoding)
    try:
        round_trips = encode_text(loaded.text, loaded.encoding, bom) == data
    except UnencodableError:
        round_trips = False
    return SourceFile(shown, loaded, _digest(data), bom, round_trips)


def with_text(source: SourceFile, text: str) -> LoadedText:
    """The source's decoding facts with ``text`` in place of the text read."""
    return replace(source.loaded, text=text, newline=detect_newline(text))


def compare_edited(
    paths: Sequence[str],
    texts: Sequence[LoadedText | None],
    options: CompareOptions = CompareOptions(),
    *,
    encodings: Sequence[str | None] = (),
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    first_look: Callable[[Comparison], None] | None = None,
) -> Comparison:
    """Compare ``paths``, each read from disk unless ``texts`` holds a text for it
    (``first_look``: see ``core.compare.compare_loaded``)."""
    from diffviewer.core.compare import compare_loaded
    from diffviewer.core.loading import load_file

    is_cancelled = cancelled or (lambda: False)
    forced = list(encodings) + [None] * (len(paths) - len(encodings))
    given = list(texts) + [None] * (len(paths) - len(texts))
    loaded: list[LoadedText] = []
    for path, text, encoding in zip(paths, given, forced, strict=False):
        if is_cancelled():
            raise Cancelled
        # As compare_files does: the versions read before weigh an encoding guess.
        loaded.append(
            text
            or load_file(path, max_bytes=options.max_file_bytes, encoding=encoding, others=loaded)
        )
    return compare_loaded(
        loaded, options, progress=progress, cancelled=is_cancelled, first_look=first_look
    )


Splice = tuple[int, int, tuple[str, ...]]
"""(first paragraph, how many, texts that take their place) in one version."""


def copy_across(
    comparison: Comparison, rows: Sequence[int], source: int, target: int
) -> list[Splice]:
    """What copying the ``source`` column's paragraphs of ``rows`` into version ``target`` does,
    as splices over the target's current paragraphs (Meld's "copy to the other side").

    A paragraph facing one in the target replaces it; facing a gap, it goes in at the aligned
    place (before the target's next paragraph below). A moved paragraph also leaves its other
    place in the target, and a split or merge replaces the whole group on the target side, so
    the target then reads as the source does there.
    """
    by_row: dict[int, list[int]] = {}
    for number, each in enumerate(comparison.changes):
        if {each.from_version, each.to_version} == {source, target}:
            for row in each.rows:
                by_row.setdefault(row, []).append(number)
    target_count = len(comparison.versions[target].paragraphs)
    replaced: dict[int, Splice] = {}
    inserted: dict[int, list[str]] = {}
    done: set[int] = set()

    def text(index: int) -> str:
        return comparison.paragraph(source, index).text

    # The target's next paragraph below each row (where a paragraph facing a gap goes).
    below = [target_count] * len(comparison.rows)
    for row in range(len(comparison.rows) - 2, -1, -1):
        cell = comparison.rows[row + 1].cells[target]
        below[row] = below[row + 1] if cell is None else cell

    for row in sorted(set(rows)):
        cell = comparison.rows[row].cells[source]
        if cell is None:
            continue
        change = next(
            (
                comparison.changes[n]
                for n in by_row.get(row, ())
                if cell in _side(comparison.changes[n], source)
            ),
            None,
        )
        if change is not None and change.type in (ChangeType.SPLIT, ChangeType.MERGED):
            key = comparison.changes.index(change)
            if key not in done:
                done.add(key)
                theirs = _side(change, target)
                replaced[min(theirs)] = (
                    min(theirs),
                    len(theirs),
                    tuple(text(i) for i in _side(change, source)),
                )
            continue
        if change is not None and change.type is ChangeType.MOVED:
            (elsewhere,) = _side(change, target)
            replaced.setdefault(elsewhere, (elsewhere, 1, ()))
        facing = comparison.rows[row].cells[target]
        if facing is not None:
            if comparison.paragraph(target, facing).text != text(cell):
                replaced[facing] = (facing, 1, (text(cell),))
        else:
            inserted.setdefault(below[row], []).append(text(cell))
    splices = list(replaced.values()) + [(at, 0, tuple(t)) for at, t in inserted.items()]
    # Last first, so earlier indexes stay valid; at one index, the replacement before the
    # insertion in front of it.
    return sorted(splices, key=lambda s: (s[0], s[1]), reverse=True)


def _side(change: Change, version: int) -> tuple[int, ...]:
    """The paragraphs of ``change`` in ``version`` (its from- or to-version)."""
    return change.old if version == change.from_version else change.new


def apply_splices(editable: EditableText, splices: Sequence[Splice]) -> EditableText:
    """``copy_across``'s splices (last first) applied in turn."""
    for start, count, texts in splices:
        editable = editable.spliced(start, count, texts)
    return editable
