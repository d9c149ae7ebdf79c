"""One cell showing both sides of an edit: a paragraph with the other side's words inline.

With three or more versions a column states one compared pair ("← changes from v2"); its
cells then show that pair's whole word diff, as a unified word diff does: the paragraph's own
text, with the words the other side had (deleted words in a new version's cell, inserted
words in an old version's cell) put in where they were. Nothing an edit removed is hidden in a
column that only shows insertions. The cell's text (editing, copying, find) stays the
paragraph's own; ``Unified.shown`` is what is painted and ``shown_offset`` moves a
position in the paragraph onto it.
Pure Python: diffviewer.core.model only, no Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from diffviewer.core.model import OpTag, WordOp


@dataclass(frozen=True, slots=True)
class Unified:
    """The painted text of a cell with both sides, its word marks and where text was added."""

    shown: str
    spans: tuple[tuple[int, int, OpTag], ...]
    """(start, length, tag) in ``shown``: the paragraph's own changed words and the other
    side's words."""
    insertions: tuple[tuple[int, int], ...]
    """(position in the paragraph, length) of each run put into it, in order."""


def shown_offset(insertions: Sequence[tuple[int, int]], position: int, *, end: bool = False) -> int:
    """``position`` in the paragraph → position in the painted text (``Unified.insertions``).
    A run put in at ``position`` comes before it for a start, after it for an ``end``
    (exclusive) position."""
    places = [place for place, _ in insertions]
    count = (bisect_left if end else bisect_right)(places, position)
    return position + sum(length for _, length in insertions[:count])


def _boundaries(rebuilt: str, text: str) -> list[int] | None:
    """Position in ``text`` of each offset 0..len(rebuilt) of ``rebuilt``, when the two differ
    only in whitespace (word ops may be computed on a normalised paragraph): an offset goes to
    the next non-space character it reaches. None when they differ in more."""
    out = [0] * (len(rebuilt) + 1)
    out[len(rebuilt)] = len(text)
    j = 0
    pending: list[int] = []
    for i, ch in enumerate(rebuilt):
        pending.append(i)
        if ch.isspace():
            continue
        while j < len(text) and text[j] != ch:
            j += 1
        if j >= len(text):
            return None
        for k in pending:
            out[k] = j
        pending.clear()
        j += 1
    for k in pending:
        out[k] = len(text)
    return out


def _joins(left: str, right: str) -> bool:
    """Whether two runs would read as one word when put side by side."""
    return bool(left) and bool(right) and not left[-1].isspace() and not right[0].isspace()


def unified(ops: Sequence[WordOp], own: OpTag, text: str) -> Unified | None:
    """``text`` (the side of ``ops`` made of EQUAL and ``own`` runs) with the other side's
    runs put in; None when ``ops`` change nothing or do not rebuild ``text``.

    A deleted run right beside an inserted one is kept apart by a space ("demanded insisted",
    not "demandedinsisted"); the space belongs to neither side and carries no mark.
    """
    other = OpTag.INSERT if own is OpTag.DELETE else OpTag.DELETE
    if not any(op.tag is not OpTag.EQUAL for op in ops):
        return None
    rebuilt = "".join(op.text for op in ops if op.tag is not other)
    exact = list(range(len(text) + 1))
    bounds = exact if rebuilt == text else _boundaries(rebuilt, text)
    if bounds is None:
        return None
    parts: list[str] = []
    spans: list[tuple[int, int, OpTag]] = []
    insertions: list[tuple[int, int]] = []
    size = 0  # length of "".join(parts)
    taken = 0  # text[:taken] is in parts
    at = 0  # offset in rebuilt

    def take(stop: int) -> None:
        nonlocal size, taken
        if stop > taken:
            parts.append(text[taken:stop])
            size += stop - taken
            taken = stop

    for position, op in enumerate(ops):
        if op.tag is other:
            take(bounds[at])
            before = ops[position - 1].text if position else ""
            after = ops[position + 1].text if position + 1 < len(ops) else ""
            lead = (
                " " if position and ops[position - 1].tag is own and _joins(before, op.text) else ""
            )
            next_own = position + 1 < len(ops) and ops[position + 1].tag is own
            trail = " " if next_own and _joins(op.text, after) else ""
            if op.text.strip():
                spans.append((size + len(lead), len(op.text), other))
            run = lead + op.text + trail
            parts.append(run)
            insertions.append((taken, len(run)))
            size += len(run)
            continue
        start, at = at, at + len(op.text)
        if op.tag is own and op.text.strip():
            take(bounds[start])
            take(bounds[at])
            piece = text[bounds[start] : bounds[at]]
            if bounds is not exact:  # a normalised run may reach over the text's own spacing
                piece = piece.rstrip() if not op.text[-1].isspace() else piece
            spans.append((size - (bounds[at] - bounds[start]), len(piece), own))
    take(len(text))
    return Unified("".join(parts), tuple(spans), tuple(insertions))
