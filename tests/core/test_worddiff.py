"""Word-level diffs: whole tokens only, deterministic, bounded on long paragraphs."""

from __future__ import annotations

import time

from diffviewer.core.model import OpTag, WordOp
from diffviewer.core.worddiff import MAX_DIRECT_TOKENS, count_changed_words, tokenize, word_ops


def side(ops: tuple[WordOp, ...], keep: OpTag) -> str:
    return "".join(op.text for op in ops if op.tag in (OpTag.EQUAL, keep))


def test_changed_words_are_whole_words() -> None:
    """Changing one word highlights that word, never a part of it."""
    ops = word_ops("The minister resigned on Monday.", "The minister resigns on Tuesday.")
    assert [(op.tag, op.text) for op in ops if op.tag is not OpTag.EQUAL] == [
        (OpTag.DELETE, "resigned"),
        (OpTag.INSERT, "resigns"),
        (OpTag.DELETE, "Monday"),
        (OpTag.INSERT, "Tuesday"),
    ]


def test_counts_words_added_and_removed() -> None:
    """Word counts come from the deleted and inserted runs."""
    ops = word_ops("one two three", "one four five three")
    assert count_changed_words(ops) == (2, 1)


def test_cjk_without_spaces_diffs_by_character() -> None:
    """Text with no spaces (Chinese) still gets a meaningful, small highlight."""
    ops = word_ops("我们今天去北京开会。", "我们明天去北京开会。")
    changed = [(op.tag, op.text) for op in ops if op.tag is not OpTag.EQUAL]
    assert changed == [(OpTag.DELETE, "今"), (OpTag.INSERT, "明")]


def test_rtl_text_round_trips() -> None:
    """Arabic and Hebrew words diff as words and rebuild both texts."""
    old, new = "قال الوزير إن المحادثات ستستأنف", "قال الوزير إن المفاوضات ستستأنف"
    ops = word_ops(old, new)
    assert side(ops, OpTag.DELETE) == old
    assert side(ops, OpTag.INSERT) == new
    assert [op.text for op in ops if op.tag is OpTag.DELETE] == ["المحادثات"]


def test_identical_and_empty() -> None:
    """Equal texts give one equal op; empty texts give none."""
    assert word_ops("same", "same") == (WordOp(OpTag.EQUAL, "same"),)
    assert word_ops("", "") == ()
    assert word_ops("", "new") == (WordOp(OpTag.INSERT, "new"),)


def test_long_paragraph_is_bounded_and_precise() -> None:
    """A 100 KB paragraph with two far-apart edits diffs quickly and finds both edits."""
    words = [f"word{k}" for k in range(15_000)]
    old = " ".join(words)
    assert len(old) > 100_000
    new = old.replace("word2000 ", "changed ").replace("word14000", "other")
    assert len(tokenize(old)) > MAX_DIRECT_TOKENS
    start = time.process_time()
    ops = word_ops(old, new)
    assert time.process_time() - start < 5  # generous: a stall would take minutes
    assert [op.text for op in ops if op.tag is OpTag.DELETE] == ["word2000", "word14000"]
    assert side(ops, OpTag.DELETE) == old
    assert side(ops, OpTag.INSERT) == new


def test_long_unrelated_paragraphs_do_not_stall() -> None:
    """Two long paragraphs sharing no order still finish (one deletion plus one insertion)."""
    old = " ".join(f"a{k % 300}" for k in range(20_000))
    new = " ".join(f"a{(k * 7) % 300}" for k in range(20_000))
    ops = word_ops(old, new)
    assert side(ops, OpTag.DELETE) == old
    assert side(ops, OpTag.INSERT) == new
