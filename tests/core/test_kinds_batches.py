"""Tests of the kinds' work done for many paragraphs at once: the pattern sets' searches of
many texts (``PatternSet.candidates_of``) name every pattern that occurs in each text alone,
and classifying with them gives what classifying paragraph by paragraph gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import kind_plan
from diffviewer.core.kinds import KindMemo, classify, load_rules
from diffviewer.core.paragraphs import normalise, split_paragraphs
from diffviewer.core.pattern_set import PatternSet, _starts_anchored, joined_form
from diffviewer.core.patterns import compile_pattern
from tests.core.regex_strategies import patterns

PAGES = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("translated", "joined"),
    [
        ("^by ", "(?m:^)by "),
        (r"\Aa|b\z", "(?m:^)a|b(?m:$)"),
        ("x$", "x(?m:$)"),
        ("[^$]^", "[^$](?m:^)"),
        (r"[]^]\^\$", r"[]^]\^\$"),
        (r"\p{^Greek}$", r"\p{^Greek}(?m:$)"),
        (r"[\x{80}-\x{10ffff}^]$", r"[\x{80}-\x{10ffff}^](?m:$)"),
        (r"[[:alpha:]^]x", r"[[:alpha:]^]x"),
        (r"\Q^\E", None),
        ("[a", None),
    ],
)
def test_joined_forms_hold_their_anchors_at_every_line(translated: str, joined: str) -> None:
    """Anchors outside classes and escapes hold at a line's edges; literal text (``\\Q``) or a
    class left open gives no joined form."""
    assert joined_form(translated) == joined


@pytest.mark.parametrize(
    ("translated", "anchored"),
    [
        ("^a", True),
        ("(?i)^a|^b", True),
        (r"^(?:a|b)|\Ac", True),
        ("^[|]x", True),
        ("^a|b", False),
        ("(?m)^a", False),
        ("(?:^|x)a", False),
        ("a^", False),
    ],
)
def test_patterns_anchored_at_the_start_are_told(translated: str, anchored: bool) -> None:
    """Every branch must start with the anchor, and a multi-line ``^`` is no text start."""
    assert _starts_anchored(translated) is anchored


_ATOMS = ["a", "b", " ", "[ab]", ".", r"\b", r"\B", "^", "$", r"\Z", r"\A", "-", r"\s", "[^a]"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(patterns(_ATOMS, ["?", "*", "{1,2}"]), min_size=1, max_size=4),
    st.lists(st.text(alphabet="ab -\u00e9\n", max_size=8), min_size=1, max_size=7),
    st.integers(min_value=1, max_value=4),
)
def test_searching_many_texts_names_every_pattern_each_holds(
    sources: list[str], texts: list[str], block: int
) -> None:
    """What a block search names for a text holds what searching it alone names."""
    members = [compile_pattern(source) for source in sources]
    found = PatternSet(members)
    for text, named in zip(texts, found.candidates_of(texts, block), strict=True):
        alone = {n for n, member in enumerate(members) if member.search(text)}
        assert named is not None
        assert alone <= set(named), (text, sources)


def _pages() -> list[list[str]]:
    versions = []
    for path in sorted(PAGES.rglob("*.txt")):
        keys = [normalise(p.text) for p in split_paragraphs(path.read_text(encoding="utf-8"))]
        versions.append(keys)
    return versions


def test_classifying_with_block_searches_gives_what_searching_one_by_one_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On every sample page (real pages, structure and kinds cases), the kinds with the
    pattern set searched a block of paragraphs at a time equal those found one by one."""
    rules = load_rules()
    pages = _pages()
    assert len(pages) > 20
    kind_plan.plan_for.cache_clear()
    kind_plan.plan_for(rules).want_set()
    assert kind_plan.plan_for(rules).block_hits(pages[0][:50])  # The set was searched.
    together = [classify(keys, rules, KindMemo(keys=True)) for keys in pages]
    monkeypatch.setattr(kind_plan.Plan, "block_hits", lambda self, texts, facts=None, level=0: {})
    apart = [classify(keys, rules, KindMemo(keys=True)) for keys in pages]
    assert together == apart
    kind_plan.plan_for.cache_clear()


def test_long_paragraphs_are_searched_only_for_the_patterns_of_rules_that_admit_them() -> None:
    """A paragraph of more than ``LONG_WORDS`` words is searched without the patterns of the
    rules whose ``max_words`` it passes (none of them can hold for it), even where their words
    open it; a short paragraph with the same words has them named."""
    rules = load_rules()
    kind_plan.plan_for.cache_clear()
    plan = kind_plan.plan_for(rules)
    plan.want_set()
    short_only = {
        slot
        for rule in rules.rules
        if rule.max_words is not None and rule.max_words <= kind_plan.LONG_WORDS
        for slot in plan.slots[rule.name]
        if slot >= 0
    }
    short = "Share on Facebook"
    long = f"{short} {' '.join(['and then'] * kind_plan.LONG_WORDS)}"
    facts = {short: (3, "k", 3), long: (kind_plan.LONG_WORDS * 2 + 3, "n", 63)}
    hits = plan.block_hits([short, long], facts)
    assert short_only & set(hits[short])
    assert not short_only & set(hits[long])
    assert hits[long]  # The other patterns were searched (their sentinel at least).
    kind_plan.plan_for.cache_clear()


def test_word_counts_between_the_same_rule_bounds_share_their_candidate_rules() -> None:
    """For every word count up to the plan's cap, and each full stop, link run and previous
    rule, the candidate rules are those the cheap facts admit, and counts that no rule's
    ``min_words`` or ``max_words`` tells apart share one ``Choice`` (made once)."""
    rules = load_rules()
    kind_plan.plan_for.cache_clear()
    plan = kind_plan.plan_for(rules)
    made = set()
    for stop in (False, True):
        for in_run in (False, True):
            for previous in sorted(set(plan.after.values())):
                for words in range(plan.word_cap + 1):
                    facts = (words, stop, in_run, 0, previous)
                    choice = plan.candidates(facts)
                    admitted = [
                        r for r in rules.rules if r.structure is None and plan.admits(r, facts)
                    ]
                    assert [check[0] for check in choice.checks] == admitted, facts
                    made.add(id(choice))
    combinations = 4 * len(set(plan.after.values()))
    assert len(made) < combinations * (plan.word_cap + 1) / 2
    kind_plan.plan_for.cache_clear()
