"""Pairing a removed and an inserted paragraph by hand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.compare import compare_texts
from diffviewer.core.handpairs import HandPair, pair_by_hand, pairable
from diffviewer.core.model import ChangeType, Comparison, OpTag
from diffviewer.core.summary import one_line

OLD = "Title here\n\nThe minister resigned on Monday after a long row.\n\nEnd of story."
NEW = "Title here\n\nOn Monday, facing a storm, she quit her post at last.\n\nEnd of story."


def hand_pair(comparison: Comparison) -> HandPair:
    removed = next(c for c in comparison.changes if c.type is ChangeType.REMOVED)
    inserted = next(c for c in comparison.changes if c.type is ChangeType.INSERTED)
    return HandPair(
        0,
        comparison.paragraph(0, removed.old[0]).key,
        1,
        comparison.paragraph(1, inserted.new[0]).key,
    )


def test_a_rewritten_paragraph_becomes_one_edit_with_a_word_diff() -> None:
    comparison = compare_texts([OLD, NEW])
    assert sorted(c.type.value for c in comparison.changes) == ["inserted", "removed"]
    paired = pair_by_hand(comparison, hand_pair(comparison))
    (edit,) = paired.changes
    assert edit.type is ChangeType.CHANGED and edit.old == (1,) and edit.new == (1,)
    assert len(paired.rows) == 3 and paired.rows[1].cells == (1, 1)
    assert paired.rows[1].status.value == "changed" and edit.rows == (1,)
    old_side = "".join(op.text for op in edit.word_ops if op.tag is not OpTag.INSERT)
    assert old_side == comparison.paragraph(0, 1).key
    assert "edited" in one_line(paired)


def test_a_pair_that_would_break_the_order_is_left_alone() -> None:
    """A paragraph both versions keep stands between the two: joining them would put one
    version's paragraphs out of order, so nothing changes."""
    old = "Removed words here, quite different.\n\nKept paragraph in both."
    new = "Kept paragraph in both.\n\nInserted text of another sort."
    comparison = compare_texts([old, new])
    pair = hand_pair(comparison)
    assert not pairable(comparison, pair)
    assert pair_by_hand(comparison, pair) is comparison


_paragraphs = st.lists(
    st.sampled_from(["Alpha beta.", "Gamma delta.", "Eta theta iota."]), max_size=5
)


@given(_paragraphs, _paragraphs, st.data())
def test_every_paragraph_still_shows_once_in_order(old, new, data) -> None:  # type: ignore[no-untyped-def]
    """Whatever pair is made, each version's paragraphs appear once each, in order, in the rows."""
    comparison = compare_texts(
        ["\n\n".join([*old, "Removed words one."]), "\n\n".join([*new, "Added words two."])]
    )
    removed = [c for c in comparison.changes if c.type is ChangeType.REMOVED]
    inserted = [c for c in comparison.changes if c.type is ChangeType.INSERTED]
    if not removed or not inserted:
        return
    r, i = data.draw(st.sampled_from(removed)), data.draw(st.sampled_from(inserted))
    pair = HandPair(
        0, comparison.paragraph(0, r.old[0]).key, 1, comparison.paragraph(1, i.new[0]).key
    )
    paired = pair_by_hand(comparison, pair)
    for version in (0, 1):
        shown = [row.cells[version] for row in paired.rows if row.cells[version] is not None]
        assert shown == list(range(len(paired.versions[version].paragraphs)))
    for change in paired.changes:
        for row in change.rows:
            cells = paired.rows[row].cells
            assert (
                cells[change.from_version] in change.old or cells[change.to_version] in change.new
            )
