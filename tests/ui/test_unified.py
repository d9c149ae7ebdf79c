"""ui/unified.py: an edit's both sides in one cell's text, the paragraph's own text kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.model import OpTag
from diffviewer.core.worddiff import word_ops
from diffviewer.ui.unified import shown_offset, unified

WORDS = st.lists(st.sampled_from(["the", "vote", "was", "delayed", "again", ",", "now"]))


def _without_insertions(shown: str, insertions: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for place, length in insertions:
        start = shown_offset(insertions, place)  # just past the run put in at ``place``
        out.append(shown[pos : start - length])
        pos = start
    return "".join([*out, shown[pos:]])


@given(WORDS, WORDS, st.sampled_from([OpTag.INSERT, OpTag.DELETE]))
def test_the_cell_keeps_its_own_text_and_shows_every_word_of_the_other_side(
    old: list[str], new: list[str], own: OpTag
) -> None:
    """Taking out the runs put in gives the paragraph back; the other side's marked runs, in
    order, are exactly the words the edit took out (or put in)."""
    old_text, new_text = " ".join(old), " ".join(new)
    ops = word_ops(old_text, new_text)
    text = new_text if own is OpTag.INSERT else old_text
    result = unified(ops, own, text)
    if old_text == new_text:
        assert result is None
        return
    assert result is not None
    assert _without_insertions(result.shown, result.insertions) == text
    other = OpTag.DELETE if own is OpTag.INSERT else OpTag.INSERT
    marked = [result.shown[a : a + n] for a, n, tag in result.spans if tag is other]
    assert marked == [op.text for op in ops if op.tag is other and op.text.strip()]


def test_a_paragraph_with_its_own_spacing_keeps_it() -> None:
    """Word ops made on a whitespace-normalised paragraph land on the text as it is in the
    file; a deletion beside an insertion is kept apart by a space."""
    ops = word_ops("The minister demanded that.", "The minister insisted that now.")
    text = "The  minister\ninsisted   that now."
    result = unified(ops, OpTag.INSERT, text)
    assert result is not None
    assert result.shown == "The  minister\ndemanded insisted   that now."
    marks = [(result.shown[a : a + n], tag) for a, n, tag in result.spans]
    assert marks == [("demanded", OpTag.DELETE), ("insisted", OpTag.INSERT), ("now", OpTag.INSERT)]
