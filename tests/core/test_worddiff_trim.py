"""Word diffs tokenize only the part between the texts' common start and end (``_trim``), and
count changed words in one go per side; the results are those of tokenizing the whole texts
and counting op by op.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import worddiff
from diffviewer.core.model import OpTag, WordOp
from diffviewer.core.worddiff import count_changed_words, tokenize, word_ops
from diffviewer.core.words import count_words
from tests.core.edit_strategies import edited_pieces


def _whole_ops(old: str, new: str) -> tuple[WordOp, ...]:
    """The word diff with both texts tokenized whole: common token prefix, suffix, middle."""
    if old == new:
        return (WordOp(OpTag.EQUAL, old),) if old else ()
    a, b = tokenize(old), tokenize(new)
    prefix = worddiff._common_prefix(a, b)
    suffix = worddiff._common_suffix(a, b, prefix)
    ops = [(OpTag.EQUAL, "".join(a[:prefix]))]
    middle = (a[prefix : len(a) - suffix], b[prefix : len(b) - suffix])
    ops.extend(worddiff._diff_middle(*middle, worddiff.TokenCodes()))
    ops.append((OpTag.EQUAL, "".join(a[len(a) - suffix :])))
    return tuple(worddiff._merge(ops))


_PIECES = st.sampled_from(
    [
        "a", "b", "the", "x1", " ", " ", "  ", ".", ",", "1", "3.5", "1,000", "\u00a0",
        "\u202f", "“", "”", "é", "e\u0301", "👍🏽", "\n", "\t", "\x1c", "中", "文", "-",
        "\r\n", "\u2028", "\u0600", "\uff9e",
    ]
)  # fmt: skip


def _edited() -> st.SearchStrategy[tuple[str, str]]:
    """A text and an edit of it: pieces inserted, deleted or replaced here and there."""
    return edited_pieces(_PIECES).map(lambda pair: ("".join(pair[0]), "".join(pair[1])))


@settings(max_examples=600, deadline=None)
@given(_edited())
def test_ops_are_those_of_the_whole_texts(pair: tuple[str, str]) -> None:
    """Cutting the common start and end before tokenizing changes no op, and the changed words
    counted per side are the sums over the ops."""
    old, new = pair
    ops = word_ops(old, new)
    assert ops == _whole_ops(old, new)
    added = sum(count_words(op.text) for op in ops if op.tag is OpTag.INSERT)
    removed = sum(count_words(op.text) for op in ops if op.tag is OpTag.DELETE)
    assert count_changed_words(ops) == (added, removed)


def test_trim_cuts_after_a_space_before_a_word_inside_the_common_parts() -> None:
    """The cuts: after the last space-then-word of the common start, and after the first one of
    the common end (not reaching into the start)."""
    assert worddiff._trim("one two three four", "one two tree four") == (8, 14, 13)
    assert worddiff._trim("a a", "a a a") == (2, 3, 5)
    assert worddiff._trim("x", "y") == (0, 1, 1)


def test_a_middle_all_prefix_takes_the_tail_back() -> None:
    """When one text's part between the cuts is all common prefix, the token prefix may run
    into the tail: the result is still that of the whole texts ("a a" → "a a a")."""
    assert word_ops("a a", "a a a") == (WordOp(OpTag.EQUAL, "a a"), WordOp(OpTag.INSERT, " a"))
    assert word_ops("a b d", "a b c d") == _whole_ops("a b d", "a b c d")
