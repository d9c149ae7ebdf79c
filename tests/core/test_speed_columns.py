"""Tests of the shortcuts from text to rows: each must give exactly what the long way gives.

Paragraphs as columns and their keys found for the whole text at once, word counts that pair
one paragraph with another without bags, move candidates found by distinct words, stretches
that share nothing left unmatched without a matcher, the rows of two versions made in one
pass, and paragraphs made slot by slot.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import fields
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import steps
from diffviewer.core.align import align_pair
from diffviewer.core.compare import compare_texts
from diffviewer.core.matching import matching_pairs
from diffviewer.core.model import Kind, Paragraph, make_paragraph
from diffviewer.core.paragraphs import (
    ODD_SPACES,
    normalise,
    normalise_all,
    split_columns,
    split_paragraphs,
)
from diffviewer.core.steps import shared_count, word_bag


def test_odd_spaces_are_every_whitespace_but_the_space_and_the_line_end() -> None:
    """``normalise_all`` trusts a text without these to hold no other whitespace."""
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(ODD_SPACES) == spaces - {" ", "\n"}


# Paragraph text with what keys care about: spaces of all sorts, line ends, invisible and
# combining characters (NFC), and words.
_texts = st.text(alphabet="ab é\u0301\n\t\u00a0\u2009\u200b\u00ad\u2001\x01", max_size=80)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_keys_of_a_whole_text_are_each_paragraph_normalised(text: str) -> None:
    """The whole-text checks give every paragraph the key ``normalise`` gives it."""
    texts = split_columns(text)[0]
    assert normalise_all(texts, text) == [normalise(t) for t in texts]


def test_a_clean_paragraph_is_its_own_key_object() -> None:
    """No second copy of a text that is its key; a hard-wrapped one is joined."""
    text = "One line here.\n\nTwo  spaces.\n\nHard\nwrapped.\n\nThe end.\n"
    texts = split_columns(text)[0]
    keys = normalise_all(texts, text)
    assert keys == ["One line here.", "Two spaces.", "Hard wrapped.", "The end."]
    assert keys[0] is texts[0] and keys[3] is texts[3]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0\u200b.", max_size=60))
def test_columns_are_the_paragraphs_fields(text: str) -> None:
    """The columns hold what the paragraphs hold, in order."""
    raws = split_paragraphs(text)
    assert split_columns(text) == (
        [r.text for r in raws],
        [r.first_line for r in raws],
        [r.last_line for r in raws],
    )


_words = st.lists(st.sampled_from(["a", "b", "c", "the", "of"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_words, _words)
def test_shared_word_counts_are_the_bags_intersection(a: list[str], b: list[str]) -> None:
    """Pairing one paragraph with one other by counts shares what the bags share."""
    assert shared_count(Counter(a), Counter(b)) == len(word_bag(a) & word_bag(b))


def test_stretches_sharing_nothing_need_no_matcher() -> None:
    """An edited paragraph between two matches is left unmatched without building a
    ``SequenceMatcher`` (the commonest stretch)."""
    with patch("difflib.SequenceMatcher", side_effect=AssertionError("built")):
        assert matching_pairs(["a", "b", "x", "c"], ["a", "b", "y", "c"]) == [
            (0, 0),
            (1, 1),
            (3, 3),
        ]


_versions = st.lists(st.sampled_from(["One.", "Two.", "Three.", "One two.", "Four."]), max_size=8)


@settings(max_examples=150, deadline=None)
@given(_versions, _versions)
def test_rows_of_two_versions_are_the_general_merge(old: list[str], new: list[str]) -> None:
    """The rows of two versions are those the general merge gives for the same two with an
    unchanged third version after them (its column dropped)."""
    texts = ["\n\n".join(old) + "\n", "\n\n".join(new) + "\n"]
    two = compare_texts(texts)
    three = compare_texts([*texts, texts[1]])
    assert [(r.cells, r.links, r.status) for r in two.rows] == [
        (r.cells[:2], r.links[:1], r.status) for r in three.rows
    ]
    assert [c.rows for c in two.changes] == [c.rows for c in three.changes if c.from_version == 0]


def test_paragraphs_made_slot_by_slot_equal_the_constructed_ones() -> None:
    """``make_paragraph`` sets every field, in ``Paragraph``'s order."""
    values = (3, "Text  here", "Text here", 7, 8, 2, Kind.CAPTION, "photo credit")
    made = make_paragraph(*values)
    assert made == Paragraph(*values)
    assert [getattr(made, f.name) for f in fields(Paragraph)] == list(values)


def test_move_candidates_too_different_get_no_bags(monkeypatch: pytest.MonkeyPatch) -> None:
    """A removed and an inserted paragraph sharing a rare word but few others are not
    compared by bags (their distinct words bound the similarity below the threshold); a
    near copy is, and is a move."""
    made: list[str] = []
    real = steps.bag_of
    monkeypatch.setattr(steps, "bag_of", lambda counts: made.append("") or real(counts))
    keep = [f"Paragraph {n} stays where it was, unchanged." for n in range(8)]
    moved = "The minister said the budget would pass on Tuesday after the vote."
    gone = [f"Zebras {n} graze quietly on the plain near the river." for n in range(3)]
    came = [f"Zebras {n} appear in a report about something else today." for n in range(3)]
    old = [keep[0], moved, keep[1], gone[0], keep[2], gone[1], keep[3], gone[2], *keep[4:]]
    new = [*keep[:5], *came, *keep[5:], "The minister said the budget would pass on Tuesday."]
    steps_found = align_pair(old, new)
    assert [(s.old, s.moved_to) for s in steps_found if s.moved_to is not None] == [((1,), 11)]
    assert len(made) == 2  # The near copy's two bags only.
