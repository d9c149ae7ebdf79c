"""Tests of the page-structure pass: places on small pages, and invariants on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.kinds import RuleSet, classify, describe_rule, load_rules
from diffviewer.core.model import Kind
from diffviewer.core.paragraphs import normalise, split_paragraphs
from diffviewer.core.structure import FACTS

CASES = Path(__file__).resolve().parents[1] / "data" / "structure"
STRUCTURAL = frozenset(rule.name for rule in load_rules().rules if rule.structure is not None)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _keys(path: Path) -> list[str]:
    return [normalise(p.text) for p in split_paragraphs(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.places")))
def test_small_pages_get_their_places(case: str, rules: RuleSet) -> None:
    """Each paragraph of each small page is decided by the rule its .places file names
    (``-``: by no structural rule, whose rules have a ``structure`` condition)."""
    keys = _keys(CASES / f"{case}.txt")
    lines = (CASES / f"{case}.places").read_text(encoding="utf-8").splitlines()
    wanted = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert len(wanted) == len(keys)
    got = [rule for _, rule in classify(keys, rules)]
    for key, rule, want in zip(keys, got, wanted, strict=True):
        if want == "-":
            assert rule not in STRUCTURAL, key
        else:
            assert rule == want, key


def test_structural_rules_are_data_with_descriptions(rules: RuleSet) -> None:
    """Every place has a rule in the bundled file, and every structural rule says why."""
    structural = [rule for rule in rules.rules if rule.structure is not None]
    assert {rule.structure for rule in structural} == set(FACTS)
    for rule in structural:
        assert rule.kind.value == rule.name.split(".")[0]
        assert describe_rule(rules, rule.name)


def test_a_structural_rule_can_be_switched_off(tmp_path: Path) -> None:
    """A user file with ``enabled = false`` turns a structural rule off like any other."""
    user = tmp_path / "mine.toml"
    user.write_text('[[rule]]\nname = "teaser.run"\nenabled = false\n', encoding="utf-8")
    keys = _keys(CASES / "news_page.txt")
    rules = [rule for _, rule in classify(keys, load_rules([user]))]
    assert "teaser.run" not in rules
    assert "headline.above_article" in rules


def test_seed_pair_versions_get_no_structural_rule(rules: RuleSet) -> None:
    """The seed pair (a raw page with few menus, and its cleaned text) is left to the
    per-paragraph rules: neither has a page's furniture around its article."""
    examples = Path(__file__).resolve().parents[2] / "resources" / "examples"
    for name in ("article-v1.txt", "article-v2.txt"):
        got = classify(_keys(examples / name), rules)
        assert not any(rule in STRUCTURAL for _, rule in got), name


_WORDS = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "on",
        "monday",
        "that",
        "a",
        "new",
        "plan",
        "would",
        "cut",
        "costs",
        "for",
        "families",
        "and",
        "firms",
    ]
)
_sentence = st.lists(_WORDS, min_size=8, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)
_furniture = st.sampled_from(
    ["Home", "Sign in", "Share", "Advertisement", "Most read", "Menu", "Search", "12 comments"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=40))
def test_a_version_of_prose_sentences_is_all_body(texts: list[str]) -> None:
    """Only prose sentences (a cleaned article): every paragraph is body."""
    assert all(kind is Kind.BODY for kind, _ in classify(texts, load_rules()))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_sentence, _furniture, st.lists(_WORDS, max_size=6).map(" ".join))))
def test_one_label_per_paragraph_and_deterministic(texts: list[str]) -> None:
    """Any mix of prose, furniture and short lines: one (kind, known rule) per paragraph, the
    same on a second call and when a memo of another version is shared."""
    rules = load_rules()
    first = classify(texts, rules)
    assert len(first) == len(texts)
    assert all(rule == "default" or rule in rules.by_name for _, rule in first)
    assert classify(texts, rules) == first


def test_off_a_page_menus_at_the_edges_stay_menus(rules: RuleSet) -> None:
    """A text with too few marker lines to be a page but mostly prose: short-line runs
    between its prose are its lists (body), a run after its last prose paragraph (before a
    copyright line, which is no prose of the article) is still a menu."""
    prose = [
        "The council voted on Tuesday to approve the budget after a long debate.",
        "Officials said the plan would take effect next year, pending a final review.",
        "Critics argued that the cuts would hurt the poorest residents the most.",
    ]
    menu = ["Politics", "Business", "Culture"]
    texts = [
        *prose[:2],
        *menu,
        prose[2],
        *menu,
        "Copyright (c) 2022 Jane Doe. All rights reserved.",
    ]
    got = [rule for _, rule in classify(texts, rules)]
    assert got[2:5] == ["body.list_off_page"] * 3
    assert got[6:9] == ["navigation.link_run"] * 3
