"""What one cell of the comparison table holds, and the item roles that expose it.

``CellInfo`` is what ``ComparisonModel.cell()`` gives the delegate for one cell; the custom
roles hand the same facts to tests and to anything else that speaks Qt roles; ``word_spans`` and
``map_spans`` turn an edit's word ops into ranges of the text the cell shows.
Imports: PySide6.QtCore (the roles) and diffviewer.core.model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from diffviewer.core.model import Change, OpTag, Paragraph, RowStatus

_USER = int(Qt.ItemDataRole.UserRole)
STATUS_ROLE = _USER + 1
"""RowStatus of the cell (None for a gap)."""
KIND_ROLE = _USER + 2
"""Kind of the cell's paragraph."""
BADGE_ROLE = _USER + 3
"""Badge text for a non-body paragraph (e.g. "CAPTION"), else None."""
RULE_ROLE = _USER + 4
"""Name of the kind rule that fired."""
CHANGE_ROLE = _USER + 5
"""Index into comparison.changes shown by this cell, -1 for none."""
WORD_SPANS_ROLE = _USER + 6
"""Tuple of (start, length, OpTag) ranges of the cell text to highlight."""
MOVE_LINK_ROLE = _USER + 7
"""(link text, target row) for a moved paragraph, else None."""
QUIET_ROLE = _USER + 8
"""True when the cell's change is hidden (kind filter or hidden typographic edits)."""
GAP_ROLE = _USER + 9
"""True when the version lacks a paragraph in this row."""
TYPOGRAPHIC_ROLE = _USER + 10
"""True when the cell's change touches only case, quotes, dashes or punctuation."""
SHOWN_ROLE = _USER + 11
"""The painted text: the paragraph, or with 3+ versions an edit's both sides (WORD_SPANS_ROLE
ranges are over it); None for a gap."""
NOTE_ROLE = _USER + 12
"""A paragraph-level change said in words ("− removed in v3", on a gap "− removed from v2")."""

ROLE_GETTERS: dict[int, Callable[[CellInfo], Any]] = {}


@dataclass(frozen=True, slots=True)
class CellInfo:
    """What one cell shows. ``text`` is None for a gap."""

    text: str | None
    paragraph: Paragraph | None
    status: RowStatus | None
    change: int
    spans: tuple[tuple[int, int, OpTag], ...]
    badge: str | None
    badge_tip: str
    move_link: tuple[str, int] | None
    quiet: bool
    typographic: bool
    shown: str | None = None
    """The painted text when it is not ``text``: an edit's both sides (ui/unified.py)."""
    insertions: tuple[tuple[int, int], ...] = ()
    """Runs put into ``text`` to make ``shown``: (position in ``text``, length)."""
    note: str = ""
    """A paragraph-level change of the column's pair (on a gap: "− removed from v2") or of a
    pair the column does not show (on a paragraph: "− removed in v3")."""


ROLE_GETTERS.update(
    {
        STATUS_ROLE: lambda info: info.status,
        KIND_ROLE: lambda info: info.paragraph.kind if info.paragraph else None,
        BADGE_ROLE: lambda info: info.badge,
        RULE_ROLE: lambda info: info.paragraph.rule if info.paragraph else None,
        CHANGE_ROLE: lambda info: info.change,
        WORD_SPANS_ROLE: lambda info: info.spans,
        MOVE_LINK_ROLE: lambda info: info.move_link,
        QUIET_ROLE: lambda info: info.quiet,
        GAP_ROLE: lambda info: info.text is None,
        TYPOGRAPHIC_ROLE: lambda info: info.typographic,
        SHOWN_ROLE: lambda info: info.text if info.shown is None else info.shown,
        NOTE_ROLE: lambda info: info.note,
    }
)


def describe_kind(paragraph: Paragraph, description: str) -> str:
    """Tooltip of a kind badge: the kind, the rule, and the rule's ``description`` (if any)."""
    tip = f"{paragraph.kind.label.capitalize()}: rule “{paragraph.rule}”"
    return f"{tip}\n{description}" if description else tip


def map_spans(
    rebuilt: str, text: str, spans: list[tuple[int, int, OpTag]]
) -> list[tuple[int, int, OpTag]]:
    """Move ranges over ``rebuilt`` onto ``text`` when the two differ only in whitespace.

    Word ops may be computed on a whitespace-normalised paragraph; the view shows the text as it
    is in the file. Non-space characters are matched in order; a range keeps its non-space ends.
    """
    if rebuilt == text:
        return spans
    positions: list[int] = []
    j = 0
    for ch in rebuilt:
        if ch.isspace():
            positions.append(-1)
            continue
        while j < len(text) and text[j] != ch:
            j += 1
        if j >= len(text):
            return []
        positions.append(j)
        j += 1
    out: list[tuple[int, int, OpTag]] = []
    for start, length, tag in spans:
        mapped = [p for p in positions[start : start + length] if p >= 0]
        if mapped:
            out.append((mapped[0], mapped[-1] - mapped[0] + 1, tag))
    return out


def word_spans(change: Change, old_side: bool, text: str) -> tuple[tuple[int, int, OpTag], ...]:
    """Highlight ranges of ``text`` for one side of an edited paragraph."""
    if not change.word_ops or len(change.old) != 1 or len(change.new) != 1:
        return ()
    hidden, shown = (OpTag.INSERT, OpTag.DELETE) if old_side else (OpTag.DELETE, OpTag.INSERT)
    spans: list[tuple[int, int, OpTag]] = []
    pos = 0
    parts: list[str] = []
    for op in change.word_ops:
        if op.tag is hidden:
            continue
        if op.tag is shown and op.text.strip():
            spans.append((pos, len(op.text), shown))
        parts.append(op.text)
        pos += len(op.text)
    return tuple(map_spans("".join(parts), text, spans))
