"""Pairwise alignment: each change type, duplicates, order, and the bounds on big blocks."""

from __future__ import annotations

import pytest

from diffviewer.core.align import align_pair
from diffviewer.core.matching import matching_pairs
from diffviewer.core.steps import Op, Step, similarity, word_bag

LONG_A = "The minister said the talks in Geneva would resume on Monday after a short pause"
LONG_B = "Officials from both sides met again in the capital late on Friday evening to talk"
LONG_C = "Police closed the bridge for several hours while divers searched the river below it"


def ops(steps: list[Step]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(s.op.value, s.old, s.new) for s in steps]


CASES = [
    pytest.param(
        ["a", "b"], ["a", "b"], [("equal", (0,), (0,)), ("equal", (1,), (1,))], id="equal"
    ),
    pytest.param(
        ["a", LONG_A, "b"],
        ["a", "b"],
        [("equal", (0,), (0,)), ("removed", (1,), ()), ("equal", (2,), (1,))],
        id="removed",
    ),
    pytest.param(
        ["a", "b"],
        ["a", LONG_A, "b"],
        [("equal", (0,), (0,)), ("inserted", (), (1,)), ("equal", (1,), (2,))],
        id="inserted",
    ),
    pytest.param(
        ["a", LONG_A, "b"],
        ["a", LONG_A.replace("Monday", "Tuesday"), "b"],
        [("equal", (0,), (0,)), ("changed", (1,), (1,)), ("equal", (2,), (2,))],
        id="changed",
    ),
    pytest.param(
        ["a", LONG_A + ". " + LONG_B + ".", "b"],
        ["a", LONG_A + ".", LONG_B + ".", "b"],
        [("equal", (0,), (0,)), ("split", (1,), (1, 2)), ("equal", (2,), (3,))],
        id="split",
    ),
    pytest.param(
        ["a", LONG_A + ".", LONG_B + ".", "b"],
        ["a", LONG_A + ". " + LONG_B + ".", "b"],
        [("equal", (0,), (0,)), ("merged", (1, 2), (1,)), ("equal", (3,), (2,))],
        id="merged",
    ),
    pytest.param(
        [LONG_A, LONG_B],
        [LONG_C],
        [("removed", (0,), ()), ("removed", (1,), ()), ("inserted", (), (0,))],
        id="unrelated-replacement-is-not-an-edit",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_each_change_type(old: list[str], new: list[str], expected: list[object]) -> None:
    """Each kind of pairwise difference is recognised as itself, in document order."""
    assert ops(align_pair(old, new)) == expected


def test_duplicate_paragraph_removed_once() -> None:
    """Two equal paragraphs against one: exactly one removal, the other stays equal."""
    steps = align_pair(["x", "y", "y", "z"], ["x", "y", "z"])
    assert [s.op for s in steps].count(Op.REMOVED) == 1
    assert [s.op for s in steps].count(Op.EQUAL) == 3


def test_move_links_both_places() -> None:
    """A paragraph removed here and inserted there is one move, carrying both positions."""
    steps = align_pair([LONG_A, "b", "c", "d"], ["b", "c", "d", LONG_A])
    removed = [s for s in steps if s.op is Op.REMOVED]
    inserted = [s for s in steps if s.op is Op.INSERTED]
    assert len(removed) == len(inserted) == 1
    assert removed[0].moved_to == 3
    assert inserted[0].moved_from == 0


def test_near_move_with_an_edit() -> None:
    """A moved paragraph with a small edit is still a move (similarity above the threshold)."""
    edited = LONG_A.replace("Monday", "Tuesday")
    steps = align_pair([LONG_A, "b", "c", "d"], ["b", "c", "d", edited])
    assert [s.moved_to for s in steps if s.op is Op.REMOVED] == [3]
    moved = next(s for s in steps if s.op is Op.REMOVED)
    assert 0.8 <= moved.similarity < 1.0


def test_pairing_keeps_order_and_prefers_the_best_match() -> None:
    """Inside a replaced block, edits pair with their own old selves, not greedily."""
    old = [LONG_A, LONG_B, LONG_C]
    new = [LONG_A + " again", LONG_C + " again"]
    assert ops(align_pair(old, new)) == [
        ("changed", (0,), (0,)),
        ("removed", (1,), ()),
        ("changed", (2,), (1,)),
    ]


def test_removals_come_before_insertions_in_a_block() -> None:
    """An unpaired block lists its removals first, as diff tools do."""
    got = [s.op for s in align_pair(["a", LONG_A, "z"], ["a", LONG_C, "z"])]
    assert got == [Op.EQUAL, Op.REMOVED, Op.INSERTED, Op.EQUAL]


def test_huge_replaced_block_uses_a_band_and_stays_complete() -> None:
    """A block far above MAX_BLOCK_CELLS is still aligned, every paragraph once, in order."""
    old = [f"{LONG_A} number {k}" for k in range(300)]
    new = [f"{LONG_A} number {k} edited" for k in range(300)]
    steps = align_pair(old, new)
    assert [i for s in steps for i in s.old] == list(range(300))
    assert [j for s in steps for j in s.new] == list(range(300))
    assert all(s.op is Op.CHANGED for s in steps)


def test_similarity_is_dice_over_words() -> None:
    """Similarity counts shared words, ignoring case."""

    assert similarity(word_bag(["a", "b", "c"]), word_bag(["a", "b", "d"])) == pytest.approx(2 / 3)
    assert similarity(word_bag(["a", "a", "b"]), word_bag(["a", "a", "a"])) == pytest.approx(2 / 3)
    assert similarity(word_bag([]), word_bag([])) == 1.0


def test_matching_pairs_interleaved_duplicates() -> None:
    """500 identical lines between unique ones still align, and fast (no quadratic blow-up)."""
    old: list[str] = []
    for k in range(500):
        old += [f"body {k}", "Advertisement"]
    new = [x for x in old if x != "body 250"]
    pairs = matching_pairs(old, new)
    assert len(pairs) == len(new)
    assert all(old[i] == new[j] for i, j in pairs)


_STORY = (
    "the minister said on monday that the council would vote on the budget after a long meeting"
)
_ASIDE = "reporters asked officials whether schools could open in spring despite warnings"


def test_a_loose_pairing_sharing_no_run_of_words_is_unpaired() -> None:
    """Two paragraphs of one vocabulary that reach the pair threshold with no three words in
    a row in common are a removal and an insertion; an edit of the same similarity, which
    keeps runs of its words, stays a pairing."""
    words, aside = _STORY.split(), _ASIDE.split()
    old = ["Intro stays.", _STORY, "End stays."]
    shuffled = " ".join([*reversed(words[5:]), *aside[:8]])
    assert similarity(word_bag(words), word_bag(shuffled.split())) >= 0.5
    assert ops(align_pair(old, ["Intro stays.", shuffled, "End stays."]))[1:3] == [
        ("removed", (1,), ()),
        ("inserted", (), (1,)),
    ]
    edited = " ".join([*words[:8], *aside[:9], *words[8:11]])
    found = align_pair(old, ["Intro stays.", edited, "End stays."])
    assert ops(found)[1] == ("changed", (1,), (1,))
    assert found[1].similarity < 0.7
