"""Which compared pair each column's colours and word marks refer to (3+ versions).

With v1 v2 v3 a middle column sits in two pairs; its marks must describe one, and say which.
A column shows the pair arriving at it ("← changes from v1"), or with ``towards_next`` the one
leaving it ("changes to v3 →"); the first (last) column, which has none, the other one. The
column a pair is stated for shows the pair's whole word diff (deleted and inserted words); a
column left over beside it (v1 "changes to v2 →" next to v2 "← changes from v1") shows its own
side only, as with two versions, which keep the classic split. Shared by the viewer and the
HTML report, so both say the same.
Imports: diffviewer.core.model only (no Qt).
"""

from __future__ import annotations

from collections.abc import Sequence

from diffviewer.core.model import Comparison, RowStatus


def highlight_pair(comparison: Comparison, column: int, towards_next: bool) -> tuple[int, int]:
    """The compared pair whose changes ``column`` shows: the one arriving at it (or, with
    ``towards_next``, the one leaving it); the other way round when there is none."""
    arriving = [pair for pair in comparison.pairs if pair[1] == column]
    leaving = [pair for pair in comparison.pairs if pair[0] == column]
    first, second = (leaving, arriving) if towards_next else (arriving, leaving)
    return (first or second or [(column, column)])[0]


def column_pairs(comparison: Comparison, towards_next: bool = False) -> list[tuple[int, int]]:
    """``highlight_pair`` of every column."""
    return [
        highlight_pair(comparison, column, towards_next)
        for column in range(len(comparison.versions))
    ]


def highlight_chip(
    comparison: Comparison, column: int, towards_next: bool, *, short: bool = False
) -> str:
    """The header's note of what the column's highlights mean ("← changes from v1"); ``short``:
    the form for a narrow column ("← from v1", "to v3 →")."""
    a, b = highlight_pair(comparison, column, towards_next)
    if a == b:
        return ""
    changes = "" if short else "changes "
    return f"← {changes}from v{a + 1}" if column == b else f"{changes}to v{b + 1} →"


def whole_diff_columns(shown: Sequence[tuple[int, int]], towards_next: bool) -> frozenset[int]:
    """Columns whose cells show their pair's whole word diff (deleted and inserted words).

    Two versions: none (deletions in the old column, insertions in the new). Three or more:
    the column a pair is stated for (the new version's; with ``towards_next`` the old one's),
    and a column whose pair no other column shows.
    """
    if len(shown) < 3:
        return frozenset()
    whole = set()
    for column, (a, b) in enumerate(shown):
        if a == b:
            continue
        stated, other = (a, b) if towards_next else (b, a)
        if column == stated or shown[other] != (a, b):
            whole.add(column)
    return frozenset(whole)


def link(comparison: Comparison, row: int, pair: tuple[int, int]) -> RowStatus | None:
    """The row's link in ``pair`` (None where the pair was not compared or has no link)."""
    links = comparison.rows[row].links
    for k, compared in enumerate(comparison.pairs):
        if compared == pair:
            return links[k] if k < len(links) else None
    return None


def gap_note(comparison: Comparison, row: int, column: int, shown: tuple[int, int]) -> str:
    """With 3+ versions, a gap that is its column's change: "removed from v2" where the
    shown pair removed the paragraph, "added in v3" where (changes to the next version) the
    pair adds one; "" otherwise."""
    a, b = shown
    if len(comparison.versions) < 3 or a == b:
        return ""
    status = link(comparison, row, shown)
    if column == b and status is RowStatus.REMOVED:
        return f"removed from v{a + 1}"
    if column == a and status is RowStatus.INSERTED:
        return f"added in v{b + 1}"
    return ""


def paragraph_notes(
    comparison: Comparison, row: int, column: int, shown: tuple[int, int]
) -> list[tuple[tuple[int, int], RowStatus, str]]:
    """With 3+ versions, the paragraph-level changes of pairs the column does not show that
    leave a gap on the other side: (pair, status, "removed in v3" / "added, not in v2")."""
    if len(comparison.versions) < 3:
        return []
    cells = comparison.rows[row].cells
    notes: list[tuple[tuple[int, int], RowStatus, str]] = []
    for pair in comparison.pairs:
        a, b = pair
        if pair == shown or column not in pair:
            continue
        status = link(comparison, row, pair)
        if column == a and status is RowStatus.REMOVED and cells[b] is None:
            notes.append((pair, status, f"removed in v{b + 1}"))
        elif column == b and status is RowStatus.INSERTED and cells[a] is None:
            notes.append((pair, status, f"added, not in v{a + 1}"))
    return notes
