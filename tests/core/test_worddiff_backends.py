"""The compiled word-diff backend (fast_diff_match_patch) gives the pure-Python one's ops.

The corpus: the paragraph pairs the engine word-diffs in the seed article and in the benchmark
families (bench/families.py: generated, small vocabulary with curly quotes; the Wikipedia
revisions when the benchmark has cached them), neighbours that share little, and random texts.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.families import CACHE, small_vocabulary_pair, wikipedia_pair
from bench.generate import make_pair
from diffviewer.core import worddiff
from diffviewer.core.compare import compare_texts
from diffviewer.core.model import Comparison
from diffviewer.core.worddiff import pure_diff, word_ops

compiled = worddiff._differ()
pytestmark = pytest.mark.skipif(
    compiled is pure_diff, reason="fast_diff_match_patch has no wheel for this platform"
)


def _with_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worddiff, "_differ", lambda: pure_diff)


def _pairs(texts: list[str]) -> list[tuple[str, str]]:
    """What the engine word-diffs (changed, moved with edits, split and merged paragraphs),
    each removed paragraph against every inserted one, and neighbouring paragraphs."""
    comparison: Comparison = compare_texts(texts)
    pairs = []
    for change in comparison.changes:
        old = " ".join(comparison.paragraph(change.from_version, i).key for i in change.old)
        new = " ".join(comparison.paragraph(change.to_version, j).key for j in change.new)
        if old and new:
            pairs.append((old, new))
    removed = [c for c in comparison.changes if c.type.value == "removed"]
    inserted = [c for c in comparison.changes if c.type.value == "inserted"]
    for r, i in itertools.islice(itertools.product(removed, inserted), 150):
        pairs.append(
            (
                comparison.paragraph(r.from_version, r.old[0]).key,
                comparison.paragraph(i.to_version, i.new[0]).key,
            )
        )
    keys = [p.key for p in comparison.versions[0].paragraphs]
    pairs.extend(itertools.islice(itertools.pairwise(keys), 200))
    return pairs


def _assert_same_ops(pairs: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    assert pairs
    fast = [word_ops(a, b) for a, b in pairs]
    _with_pure(monkeypatch)
    assert [word_ops(a, b) for a, b in pairs] == fast


def test_seed_article_pairs(seed_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word diff of the seed pair is the same under both backends."""
    texts = [path.read_text(encoding="utf-8") for path in seed_paths]
    _assert_same_ops(_pairs(texts), monkeypatch)


@pytest.mark.parametrize("family", ["generated", "small vocabulary"])
def test_benchmark_family_pairs(family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The word diffs of two generated families (ASCII substitutions; curly quotes and
    insertions/deletions of words) are the same under both backends."""
    make = make_pair if family == "generated" else small_vocabulary_pair
    _assert_same_ops(_pairs(list(make(250, seed=7))), monkeypatch)


def test_wikipedia_revision_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Wikipedia revisions (benchmark family c) diff the same under both backends."""
    if not any(CACHE.glob("diff_match_patch-*.tar.gz")):
        pytest.skip("run bench/engine_bench.py once to cache the revisions")
    _assert_same_ops(_pairs(list(wikipedia_pair(1))), monkeypatch)


_WORDS = st.sampled_from(["a", "b", "the", "cat", "“", "”", "—", "’s", ",", ".", "  ", "x1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.lists(_WORDS, max_size=40))
def test_random_texts(old: list[str], new: list[str]) -> None:
    """Random token soups: the two backends' character diffs are equal, run for run."""
    a, b = " ".join(old), " ".join(new)
    assert compiled(a, b) == pure_diff(a, b)
    assert worddiff.word_ops(a, b) is not None
