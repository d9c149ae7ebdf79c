"""Tests of the shortcuts from text to rows: each must give exactly what the long way gives.

Paragraphs as columns and their keys found for the whole text at once, word counts that pair
one paragraph with another without bags, stretches that share nothing left unmatched without
a matcher, the rows of two versions made in one pass, and paragraphs made slot by slot.
"""

from __future__ import annotations

from collections import Counter
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare_texts
from diffviewer.core.matching import matching_pairs
from diffviewer.core.steps import shared, word_bag

_words = st.lists(st.sampled_from(["a", "b", "c", "the", "of"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_words, _words)
def test_shared_word_counts_are_the_bags_intersection(a: list[str], b: list[str]) -> None:
    """Pairing one paragraph with one other by counts shares what the bags share."""
    assert shared(Counter(a), Counter(b)) == len(word_bag(a) & word_bag(b))


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
