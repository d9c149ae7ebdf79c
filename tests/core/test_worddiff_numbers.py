"""Numbers in word diffs: a number written with group separators or a decimal mark is one
word, so an edit to it highlights the whole number, not its first digits."""

from __future__ import annotations

import pytest

from diffviewer.core.compare import compare_texts
from diffviewer.core.model import ChangeType, OpTag, WordOp
from diffviewer.core.worddiff import tokenize, word_ops

NNBSP, NBSP = "\u202f", "\u00a0"


def changed(ops: tuple[WordOp, ...]) -> list[tuple[str, str]]:
    return [(op.tag.value, op.text) for op in ops if op.tag is not OpTag.EQUAL]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "about 100,000 people",
            "more than 120,000 people",
            [("delete", "about 100,000"), ("insert", "more than 120,000")],
        ),
        (
            "It cost 1.234.567 euros.",
            "It cost 1.234.569 euros.",
            [("delete", "1.234.567"), ("insert", "1.234.569")],
        ),
        ("un taux de 3,5 %", "un taux de 3,7 %", [("delete", "3,5"), ("insert", "3,7")]),
        ("up 12.5 percent", "up 12.7 percent", [("delete", "12.5"), ("insert", "12.7")]),
        (
            f"1{NNBSP}000 habitants",
            f"1{NNBSP}200 habitants",
            [("delete", f"1{NNBSP}000"), ("insert", f"1{NNBSP}200")],
        ),
        (
            f"1{NBSP}000 habitants",
            f"1{NBSP}200 habitants",
            [("delete", f"1{NBSP}000"), ("insert", f"1{NBSP}200")],
        ),
        (
            "Київ: 100,000 людей",
            "Київ: 120,000 людей",
            [("delete", "100,000"), ("insert", "120,000")],
        ),
        (
            "👍🏽 100,000 likes",
            "👍🏽 120,000 likes",
            [("delete", "100,000"), ("insert", "120,000")],
        ),
        # A full stop or a hyphen after a number is no decimal mark: it stays out of the edit.
        ("It opened in 2024.", "It opened in 2025.", [("delete", "2024"), ("insert", "2025")]),
        ("a 3,000-word essay", "a 4,000-word essay", [("delete", "3,000"), ("insert", "4,000")]),
        # A plain space never joins two numbers.
        ("in 2024 100 people", "in 2024 200 people", [("delete", "100"), ("insert", "200")]),
    ],
)
def test_an_edited_number_is_highlighted_whole(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    """The highlighted runs hold the whole old and new numbers."""
    ops = word_ops(old, new)
    assert changed(ops) == expected
    assert "".join(op.text for op in ops if op.tag is not OpTag.INSERT) == old
    assert "".join(op.text for op in ops if op.tag is not OpTag.DELETE) == new


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("100,000 people.", ["100,000", " ", "people", "."]),
        ("in 2024.", ["in", " ", "2024", "."]),
        ("1,2,3", ["1,2,3"]),
        ("3,000-word", ["3,000", "-", "word"]),
        ("2.5km, 12,", ["2.5km", ",", " ", "12", ","]),
        ("1. Intro", ["1", ".", " ", "Intro"]),
    ],
)
def test_number_tokens(text: str, tokens: list[str]) -> None:
    """A mark joins digits only with a digit on both sides."""
    assert tokenize(text) == tokens


def test_compared_paragraph_shows_the_number_edit() -> None:
    """Through the public entry point, the edited paragraph's ops show 100,000 → 120,000."""
    comparison = compare_texts(
        [
            "Headline\n\nThe march drew about 100,000 people to the square on Sunday.\n",
            "Headline\n\nThe march drew more than 120,000 people to the square on Sunday.\n",
        ]
    )
    (change,) = [c for c in comparison.changes if c.type is ChangeType.CHANGED]
    assert changed(change.word_ops) == [
        ("delete", "about 100,000"),
        ("insert", "more than 120,000"),
    ]
