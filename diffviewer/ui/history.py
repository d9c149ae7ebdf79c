"""What happened to a paragraph across all versions, and what a column's highlights refer to.

With three or more versions a cell's colour and word marks describe one compared pair; which one
must be said (``highlight_chip``: "← changes from v2" or "changes to v3 →" in the column
header). ``row_history`` tells a row's story across every pair: "added in v2, edited in v3,
removed in v4" (tooltips of the cells and of the change list). Which pair a column shows is
worked out in export/pairs.py (the HTML report says the same). Pure Python: no Qt.
"""

from __future__ import annotations

from diffviewer.core.model import Comparison, RowStatus
from diffviewer.export.pairs import highlight_chip, highlight_pair

__all__ = ["against_first", "highlight_chip", "highlight_pair", "row_history"]

_VERBS: dict[RowStatus, str] = {
    RowStatus.REMOVED: "removed",
    RowStatus.INSERTED: "added",
    RowStatus.CHANGED: "edited",
    RowStatus.MOVED: "moved",
    RowStatus.SPLIT: "split",
    RowStatus.MERGED: "merged",
}


def against_first(comparison: Comparison) -> bool:
    """Whether every pair compares with the first version (v1→v2, v1→v3…)."""
    return len(comparison.pairs) > 1 and all(a == 0 for a, _ in comparison.pairs)


def row_history(comparison: Comparison, row: int) -> str:
    """ "added in v2, edited in v3, removed in v4" for one row, "" when nothing happened."""
    steps = [
        f"{_VERBS[link]} in v{b + 1}"
        for (_a, b), link in zip(comparison.pairs, comparison.rows[row].links, strict=False)
        if link is not None and link is not RowStatus.EQUAL
    ]
    if not steps:
        return ""
    return ", ".join(steps) + (" (each against v1)" if against_first(comparison) else "")
