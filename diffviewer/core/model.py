"""The plain values the engine produces: versions, paragraphs, word ops, changes, rows.

Everything here is a frozen dataclass with tuple fields or an enum, so a ``Comparison`` can be
handed to another thread, exported or adapted by the UI without anyone mutating it.
Imports: the standard library only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter


class Kind(StrEnum):
    """What a paragraph is on the page. The value is the stable name used in JSON and rules."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    DATELINE = "dateline"
    CAPTION = "caption"
    COMMENT_PROMPT = "comment_prompt"
    COMMENT = "comment"
    """A reader's comment, or its name, time and reply lines."""
    SOCIAL_PROMPT = "social_prompt"
    PROMO = "promo"
    TEASER = "teaser"
    """A headline or summary of another article (latest, related, most read)."""
    NAVIGATION = "navigation"
    COPYRIGHT = "copyright"
    BODY = "body"

    @property
    def label(self) -> str:
        """Human label: ``comment_prompt`` → ``comment prompt``."""
        return self.value.replace("_", " ")

    @property
    def is_boilerplate(self) -> bool:
        """Page furniture rather than article text (what "hide boilerplate" hides)."""
        return self in _BOILERPLATE


_WORDS = attrgetter("words")

_BOILERPLATE = frozenset(
    {
        Kind.COMMENT_PROMPT,
        Kind.COMMENT,
        Kind.SOCIAL_PROMPT,
        Kind.PROMO,
        Kind.TEASER,
        Kind.NAVIGATION,
        Kind.COPYRIGHT,
    }
)


class ChangeType(StrEnum):
    """What happened to a paragraph between two versions."""

    REMOVED = "removed"
    INSERTED = "inserted"
    CHANGED = "changed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"


class RowStatus(StrEnum):
    """What a row shows between two neighbouring columns (or overall)."""

    EQUAL = "equal"
    CHANGED = "changed"
    INSERTED = "inserted"
    REMOVED = "removed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"


class Newline(StrEnum):
    """The newline style a file used."""

    LF = "LF"
    CRLF = "CRLF"
    CR = "CR"
    MIXED = "mixed"
    NONE = "none"


class OpTag(StrEnum):
    """One step of a word diff."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class WordOp:
    """A run of whole tokens (words, spaces, punctuation) that is kept, deleted or inserted.

    Concatenating the EQUAL+DELETE texts gives the old paragraph; EQUAL+INSERT the new one.
    """

    tag: OpTag
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of one version, with its original text and where it stood in the file."""

    index: int
    text: str
    """The text as in the file, with inner newlines kept (hard wraps)."""
    key: str
    """The normalised comparison key (see paragraphs.normalise)."""
    first_line: int
    """1-based line number of the paragraph's first line in the file."""
    last_line: int
    words: int
    kind: Kind = Kind.BODY
    rule: str = "default"
    """The name of the kind rule that fired (``default`` when none did)."""


def _paragraph_maker() -> Callable[[int, str, str, int, int, int, Kind, str], Paragraph]:
    """``Paragraph`` called with every field in order, about 40 % faster (bench/: 10,000
    paragraphs a version at 5,000-paragraph pairs): each slot is set through its descriptor,
    where the frozen ``__init__`` calls ``object.__setattr__`` for each."""
    index, text, key, first_line, last_line, words, kind, rule = (
        getattr(Paragraph, f.name).__set__ for f in fields(Paragraph)
    )
    new = object.__new__

    def make(
        i: int, t: str, k: str, first: int, last: int, count: int, kd: Kind, r: str
    ) -> Paragraph:
        paragraph = new(Paragraph)
        index(paragraph, i)
        text(paragraph, t)
        key(paragraph, k)
        first_line(paragraph, first)
        last_line(paragraph, last)
        words(paragraph, count)
        kind(paragraph, kd)
        rule(paragraph, r)
        return paragraph

    return make


make_paragraph = _paragraph_maker()


@dataclass(frozen=True, slots=True)
class Version:
    """One input: a file (or a text) with its decoding facts and its paragraphs."""

    name: str
    path: str | None
    encoding: str
    confidence: float
    """1.0 for a BOM or valid UTF-8; for a guessed encoding, its share among the ranked candidates
    (``core.codepages.rank``); 0.0 for the last fallback."""
    newline: Newline
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[str, ...] = ()
    """Things a user should know about the decoding, e.g. an invalid byte and its offset."""
    size: int = 0
    """Size of the input in bytes."""

    @property
    def words(self) -> int:
        return sum(map(_WORDS, self.paragraphs))


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between version ``from_version`` and ``to_version``.

    ``old`` are paragraph indexes in the from-version, ``new`` in the to-version: one each for
    changed and moved, none on one side for removed/inserted, two on one side for split/merged.
    ``rows`` are the row numbers in ``Comparison.rows`` where the change shows (two for a move).
    """

    type: ChangeType
    from_version: int
    to_version: int
    old: tuple[int, ...]
    new: tuple[int, ...]
    kind: Kind
    rule: str
    word_ops: tuple[WordOp, ...] = ()
    words_added: int = 0
    words_removed: int = 0
    typographic: bool = False
    """True when the edit only touches case, quotes, dashes or punctuation."""
    similarity: float = 1.0
    rows: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned row: a cell per version (paragraph index or None for a gap).

    ``links[k]`` is the status between the two versions of the k-th compared pair (see
    ``Comparison.pairs``), or None when neither of them has a paragraph in this row.
    ``status`` is the row's overall status: the first non-equal link, else equal.
    """

    cells: tuple[int | None, ...]
    links: tuple[RowStatus | None, ...]
    status: RowStatus


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of comparing N ≥ 2 versions: what the exports and the viewer read."""

    versions: tuple[Version, ...]
    rows: tuple[Row, ...]
    changes: tuple[Change, ...]
    pairs: tuple[tuple[int, int], ...]
    """The compared version pairs, in order: (0,1),(1,2)… or (0,1),(0,2)…"""
    muted_typographic: int = 0
    """Typographic-only edits left out of ``changes`` because the options muted them."""
    options_summary: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    first_look: bool = False
    """A large comparison's first look (``core.compare.compare_loaded``): its versions and rows
    as they will be, before its kinds and changes are found. No changes; every paragraph is
    ``body`` with no word count, made when read (``paragraphs`` is a sequence, not a tuple:
    ``core.versions.ParagraphsOnDemand``). Nothing but the view reads one."""

    @property
    def has_differences(self) -> bool:
        return bool(self.changes)

    def paragraph(self, version: int, index: int) -> Paragraph:
        return self.versions[version].paragraphs[index]

    def in_row_order(self, numbers: Iterable[int]) -> list[int]:
        """Change indexes ``numbers`` ordered by each change's first row, then by index."""
        changes = self.changes
        first = [min(change.rows) if change.rows else 0 for change in changes]
        # A stable sort of ascending indexes: equal first rows stay in index order.
        return sorted(sorted(numbers), key=first.__getitem__)

    def move_rows(self, change: Change) -> tuple[int, int]:
        """(the row a moved paragraph left, the row it arrived at). ``change.rows`` holds both
        in table order, which is the other way round when the paragraph moved up."""
        first, second = change.rows
        if self.rows[first].cells[change.from_version] == change.old[0]:
            return first, second
        return second, first
