"""Rows for N versions: merging pairwise alignments into one table.

Each compared pair (p, q) yields "units", one per row that pair needs: (old paragraph or None,
new paragraph or None, status). The first pair's units make the table; each later pair is merged
on its pivot column p (the previous version, or the first one), which lists p's paragraphs in
order exactly once on both sides, so the merge is a single walk. Rows lacking the pivot
paragraph (removed earlier) are placed before a new insertion in the same gap.
Imports: the standard library and ``core.model``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import is_not, itemgetter
from typing import NamedTuple

from diffviewer.core.model import Row, RowStatus


class Unit(NamedTuple):
    """One row's worth of a pairwise alignment (a tuple: thousands are made per comparison)."""

    old: int | None
    new: int | None
    status: RowStatus


@dataclass(slots=True)
class _Draft:
    cells: list[int | None]
    links: list[RowStatus | None]


def merge_units(
    counts: Sequence[int],
    pairs: Sequence[tuple[int, int]],
    unit_lists: Sequence[Sequence[Unit]],
) -> tuple[tuple[Row, ...], list[list[int]]]:
    """Rows for all versions, and for each version the row of each of its paragraphs."""
    if len(pairs) == 1:
        return _one_pair(unit_lists[0])
    width, links = len(counts), len(pairs)
    table: list[_Draft] = []
    for k, ((p, q), units) in enumerate(zip(pairs, unit_lists, strict=True)):
        if k == 0:
            table = [_draft(width, links, p, u.old, q, u.new, k, u.status) for u in units]
            continue
        merged: list[_Draft] = []
        r = 0
        for u in units:
            if u.old is None:
                while r < len(table) and table[r].cells[p] is None:
                    merged.append(table[r])
                    r += 1
                merged.append(_draft(width, links, p, None, q, u.new, k, u.status))
                continue
            while table[r].cells[p] != u.old:
                merged.append(table[r])
                r += 1
            row = table[r]
            row.cells[q] = u.new
            row.links[k] = u.status
            merged.append(row)
            r += 1
        merged.extend(table[r:])
        table = merged
    # A comparison has few distinct links: rows share one tuple of each, and its status.
    known: dict[tuple[RowStatus | None, ...], tuple[tuple[RowStatus | None, ...], RowStatus]] = {}
    done_rows: list[Row] = []
    for draft in table:
        row_links = tuple(draft.links)
        seen = known.get(row_links)
        if seen is None:
            seen = known[row_links] = (row_links, _overall(row_links))
        done_rows.append(Row(tuple(draft.cells), *seen))
    rows = tuple(done_rows)
    row_of = [[-1] * n for n in counts]
    for number, done in enumerate(rows):
        for version, cell in enumerate(done.cells):
            if cell is not None:
                row_of[version][cell] = number
    return rows, row_of


def _one_pair(units: Sequence[Unit]) -> tuple[tuple[Row, ...], list[list[int]]]:
    """``merge_units`` of two versions: a row per unit, made by builtins (a third of the
    general walk's time: bench/engine_bench.py, two versions of 5,000 paragraphs).

    Each version's paragraphs are in the units in order, once: a paragraph's row is the
    number of the unit that holds it."""
    statuses = list(map(_STATUS, units))
    links = {status: (status,) for status in RowStatus}
    rows = tuple(map(Row, map(_CELLS, units), map(links.__getitem__, statuses), statuses))
    row_of = [
        list(compress(count(), map(is_not, map(side, units), repeat(None))))
        for side in (_OLD, _NEW)
    ]
    return rows, row_of


_CELLS = itemgetter(0, 1)
_OLD, _NEW, _STATUS = itemgetter(0), itemgetter(1), itemgetter(2)


def _draft(
    width: int,
    links: int,
    p: int,
    old: int | None,
    q: int,
    new: int | None,
    k: int,
    status: RowStatus,
) -> _Draft:
    cells: list[int | None] = [None] * width
    cells[p], cells[q] = old, new
    draft_links: list[RowStatus | None] = [None] * links
    draft_links[k] = status
    return _Draft(cells, draft_links)


def _overall(links: Sequence[RowStatus | None]) -> RowStatus:
    for link in links:
        if link is not None and link is not RowStatus.EQUAL:
            return link
    return RowStatus.EQUAL
