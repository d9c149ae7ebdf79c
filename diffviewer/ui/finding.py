"""Find across all columns of a comparison: the next match in reading order, and the count.

``search`` walks the comparison's cells from a (row, column, offset) forwards or backwards, wrapping
once; ``count_matches`` numbers a match among all matches in the rows shown. Both skip the
collapsed rows they are given. ``ComparisonView`` (ui/view.py) keeps the find state and
highlights; these are plain functions of the cell texts.
Imports: diffviewer.core.model only (no Qt).
"""

from __future__ import annotations

from diffviewer.core.model import Comparison


def search(
    comparison: Comparison,
    text: str,
    case_sensitive: bool,
    start: tuple[int, int, int],
    backwards: bool,
    skipped_rows: frozenset[int] = frozenset(),
) -> tuple[int, int, int] | None:
    """The next match (row, column, offset) after ``start`` in reading order, wrapping once;
    ``skipped_rows`` (collapsed rows) are not searched. (Reads the paragraphs directly, not the
    model's cells: find as you type walks every cell on a miss.)"""
    needle = text if case_sensitive else text.lower()
    rows = comparison.rows
    columns = len(comparison.versions)
    paragraphs = [version.paragraphs for version in comparison.versions]
    total = len(rows) * columns
    if not total:
        return None
    row, column, offset = start
    position = row * columns + column
    for step in range(total + 1):
        cell = (position + (-step if backwards else step)) % total
        r, c = divmod(cell, columns)
        index = rows[r].cells[c]
        if index is None or r in skipped_rows:
            continue
        haystack = paragraphs[c][index].text
        if not case_sensitive:
            haystack = haystack.lower()
        if step == 0:
            if backwards:
                found = haystack.rfind(needle, 0, offset + len(needle) - 1) if offset > 0 else -1
            else:
                found = haystack.find(needle, offset + 1)
        else:
            found = haystack.rfind(needle) if backwards else haystack.find(needle)
        if found >= 0:
            return r, c, found
    return None


def count_matches(
    comparison: Comparison,
    text: str,
    case_sensitive: bool,
    hidden: frozenset[int],
    hit: tuple[int, int, int] | None,
) -> tuple[int, int]:
    """(number of the match ``hit``, 1-based, 0 for none; matches of ``text`` in all cells of
    rows not ``hidden``)."""
    needle = text if case_sensitive else text.lower()
    total = before = 0
    for number, row in enumerate(comparison.rows):
        if number in hidden:
            continue
        for column, index in enumerate(row.cells):
            if index is None:
                continue
            haystack = comparison.paragraph(column, index).text
            if not case_sensitive:
                haystack = haystack.lower()
            count = haystack.count(needle)
            if hit is not None and (number, column) < hit[:2]:
                before += count
            elif hit is not None and (number, column) == hit[:2]:
                before += haystack.count(needle, 0, hit[2])
            total += count
    return (before + 1 if hit is not None else 0), total
