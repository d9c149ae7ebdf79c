"""The comparison's own helpers: changes in row order, a version's word count."""

from __future__ import annotations

from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Kind,
    Newline,
    Paragraph,
    Row,
    RowStatus,
    Version,
)


def _change(*rows: int) -> Change:
    return Change(ChangeType.REMOVED, 0, 1, (0,), (), Kind.BODY, "default", rows=rows)


def _version(words: list[int]) -> Version:
    paragraphs = tuple(
        Paragraph(n, "x", "x", n + 1, n + 1, count, Kind.BODY, "default")
        for n, count in enumerate(words)
    )
    return Version("v", None, "utf-8", 1.0, Newline.LF, paragraphs)


def test_in_row_order_sorts_by_first_row_then_index() -> None:
    """By each change's first row (its smallest, in whatever order ``rows`` holds them; a
    change without rows counts as row 0), ties by index; only the numbers asked for."""
    changes = (_change(5), _change(9, 2), _change(), _change(2), _change(7, 0), _change(5))
    row = Row((0, None), (RowStatus.REMOVED,), RowStatus.REMOVED)
    comparison = Comparison((_version([1]), _version([])), (row,) * 10, changes, ((0, 1),))
    assert comparison.in_row_order(range(6)) == [2, 4, 1, 3, 0, 5]
    assert comparison.in_row_order([5, 3, 0]) == [3, 0, 5]
    assert comparison.in_row_order([]) == []


def test_version_words_is_the_sum_of_its_paragraphs() -> None:
    """What the header and the report show: every paragraph's words counted once."""
    assert _version([3, 0, 12, 1]).words == 16
    assert _version([]).words == 0
