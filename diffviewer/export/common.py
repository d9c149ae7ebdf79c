"""What several export formats need: the two sides of a change, word marks, locations, labels.

Human-facing formats (text, Markdown, HTML, CSV) number versions and paragraphs from 1
("v1 ¶3"); JSON, for programs, keeps the model's 0-based indexes.
Imports: the standard library and ``diffviewer.core`` (no Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from diffviewer.core.cleaning import CleaningReport, cleaning_report, excerpt
from diffviewer.core.model import Change, ChangeType, Comparison, OpTag, Paragraph, WordOp

#: How each change type is named in exports (the JSON values are the ``ChangeType`` values).
TYPE_LABELS: dict[ChangeType, str] = {
    ChangeType.REMOVED: "removed",
    ChangeType.INSERTED: "inserted",
    ChangeType.CHANGED: "edited",
    ChangeType.MOVED: "moved",
    ChangeType.SPLIT: "split",
    ChangeType.MERGED: "merged",
}


@dataclass(frozen=True, slots=True)
class Sides:
    """The paragraphs a change touches in its from-version (old) and to-version (new)."""

    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]

    @property
    def old_text(self) -> str | None:
        return "\n\n".join(p.text for p in self.old) if self.old else None

    @property
    def new_text(self) -> str | None:
        return "\n\n".join(p.text for p in self.new) if self.new else None


def sides(comparison: Comparison, change: Change) -> Sides:
    return Sides(
        old=tuple(comparison.paragraph(change.from_version, i) for i in change.old),
        new=tuple(comparison.paragraph(change.to_version, i) for i in change.new),
    )


def version_label(version: int) -> str:
    """``0`` → ``"v1"``."""
    return f"v{version + 1}"


def pair_label(change: Change) -> str:
    return f"{version_label(change.from_version)}→{version_label(change.to_version)}"


def paragraph_numbers(indexes: tuple[int, ...]) -> str:
    """0-based indexes as the 1-based numbers an editor sees: ``(2, 3)`` → ``"¶3+¶4"``."""
    return "+".join(f"¶{i + 1}" for i in indexes)


def location(comparison: Comparison, version: int, indexes: tuple[int, ...]) -> str:
    """``"v1 ¶3 (line 5)"`` or ``"v2 ¶4+¶5 (lines 7–9)"``."""
    if not indexes:
        return version_label(version)
    paragraphs = [comparison.paragraph(version, i) for i in indexes]
    first = min(p.first_line for p in paragraphs)
    last = max(p.last_line for p in paragraphs)
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    return f"{version_label(version)} {paragraph_numbers(indexes)} ({lines})"


def change_location(comparison: Comparison, change: Change) -> str:
    """Where the change is: ``"v1 ¶1 (line 1) → v2"`` / ``"v1 ¶5 (line 9) → v2 ¶4 (line 7)"``."""
    old = location(comparison, change.from_version, change.old)
    new = location(comparison, change.to_version, change.new)
    return f"{old} → {new}"


def word_counts(change: Change) -> str:
    """``"+3 −1 words"``, ``"−12 words"``, or ``""`` when the change adds and removes no word."""
    parts = []
    if change.words_added:
        parts.append(f"+{change.words_added}")
    if change.words_removed:
        parts.append(f"−{change.words_removed}")
    if not parts:
        return ""
    total = change.words_added + change.words_removed
    return " ".join(parts) + (" word" if total == 1 else " words")


def has_word_marks(change: Change) -> bool:
    """True when the change carries a word diff worth showing (an edit or an edited move)."""
    return any(op.tag is not OpTag.EQUAL for op in change.word_ops)


def _edges(text: str) -> tuple[str, str]:
    """The leading and trailing whitespace of a run ("" for a run that is only whitespace)."""
    if not text.strip():
        return "", ""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def _shared_edges(delete: WordOp, insert: WordOp) -> tuple[str, str]:
    """Whitespace a deletion and the insertion right after it both start/end with."""
    d_lead, d_trail = _edges(delete.text)
    i_lead, i_trail = _edges(insert.text)
    return (d_lead if d_lead == i_lead else ""), (d_trail if d_trail == i_trail else "")


def marked(
    ops: tuple[WordOp, ...],
    escape: Callable[[str], str],
    deleted: Callable[[str], str],
    inserted: Callable[[str], str],
    *,
    apart: bool = False,
) -> str:
    """One text with both sides: kept runs escaped, deleted/inserted runs wrapped.

    Dropping the deleted runs reads the new text exactly, dropping the inserted ones the old
    text. A replacement (a deletion then an insertion) that starts or ends with the same
    whitespace on both sides writes it once, outside the marks: "Old " → "New " reads
    ``[-Old-]{+New+} ``, as ``git diff --word-diff`` shows it. ``apart``: a deleted word
    right against an inserted one gets a space between them, outside the marks (the viewer's
    cells with both sides read "demanded insisted", not "demandedinsisted").
    """
    out: list[str] = []
    for position, op in enumerate(ops):
        if op.tag is OpTag.EQUAL:
            out.append(escape(op.text))
            continue
        lead = trail = ""
        if op.tag is OpTag.DELETE:
            after = ops[position + 1] if position + 1 < len(ops) else None
            if after is not None and after.tag is OpTag.INSERT:
                lead, trail = _shared_edges(op, after)
            inner = op.text[len(lead) : len(op.text) - len(trail)]
            next_text = after.text if after is not None and after.tag is OpTag.INSERT else ""
            joins = apart and not trail and inner[-1:].strip() and next_text[:1].strip()
            space = " " if joins else ""
            out.append(escape(lead) + deleted(escape(inner)) + space)
        else:
            before = ops[position - 1] if position > 0 else None
            if before is not None and before.tag is OpTag.DELETE:
                lead, trail = _shared_edges(before, op)
            inner = op.text[len(lead) : len(op.text) - len(trail)]
            out.append(inserted(escape(inner)) + escape(trail))
    return "".join(out)


def side_of(ops: tuple[WordOp, ...], tag: OpTag) -> tuple[WordOp, ...]:
    """The ops that make up one side: ``OpTag.DELETE`` → the old text, ``INSERT`` → the new."""
    return tuple(op for op in ops if op.tag is OpTag.EQUAL or op.tag is tag)


@dataclass(frozen=True, slots=True)
class Removals:
    """What one compared pair removed, as the reports show it (``core.cleaning``): the
    verdict on body text, how sure it is, and the removed paragraphs taken for body text
    (an editor reads those first), each with its place and an excerpt."""

    pair: str
    """``"v1→v2"``."""
    verdict: str
    certainty: str
    body: tuple[tuple[str, str], ...]
    """(location, excerpt) of each removed paragraph taken for body text, in page order."""
    lost: bool
    """Whether body text was removed or cut short."""


def removals(comparison: Comparison) -> list[Removals]:
    """``Removals`` of each compared pair that removed text or cut a body paragraph short
    (none for pairs that only added or kept text)."""
    out: list[Removals] = []
    for first, second in comparison.pairs:
        report: CleaningReport = cleaning_report(comparison, (first, second))
        if not report.removed_total and not report.body_shortened:
            continue
        out.append(
            Removals(
                pair=f"{version_label(first)}→{version_label(second)}",
                verdict=report.verdict,
                certainty=report.certainty,
                # In page order (a body rule's paragraphs are listed after the default's).
                body=tuple(
                    (location(comparison, first, (r.index,)), excerpt(r.text))
                    for r in sorted(report.body, key=_INDEX)
                ),
                lost=report.body_lost,
            )
        )
    return out


_INDEX = attrgetter("index")

#: The heading of the removals' section, and the line over the body paragraphs listed.
REMOVALS_TITLE = "Removed text"
READ_FIRST = "Removed paragraphs taken for body text (read these first)"
