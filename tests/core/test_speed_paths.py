"""Tests of the engine's shortcuts: each one must give exactly what the long way gives.

The tail search of end-anchored patterns, the escapes the pattern reading must not take for
literals, the classification memo shared by the versions of a comparison, the memo of
paragraph keys, the direct pairing of a one-by-one block, the ASCII word and token shortcuts,
the one-scan paragraph split, keys taken as they are, the rows of one pair, the typographic
test's word-count shortcut, the token table word diffs share, and tail rules' literal
alternations.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import worddiff
from diffviewer.core.align import Thresholds, _pair_dp, _pair_one, _Words
from diffviewer.core.compare import build_version, compare_texts
from diffviewer.core.kinds import KindMemo, Rule, classify, load_rules
from diffviewer.core.loading import LoadedText
from diffviewer.core.model import Newline, OpTag, RowStatus, WordOp
from diffviewer.core.paragraphs import (
    SPACELESS,
    _split_blocks,
    _split_lines,
    count_words,
    folded_word_tokens,
    loose_key,
    normalise,
    same_loose_key,
    split_paragraphs,
    word_tokens,
)
from diffviewer.core.patterns import analyse
from diffviewer.core.rows import Unit, _merged_rows, merge_units
from diffviewer.core.worddiff import TokenCodes, tokenize, word_ops
from tests.core.regex_strategies import patterns

pattern_strategy = patterns(
    ["a", "b", "ab", "é", " ", "[ab]", ".", r"\b", r"\W", "^", "$", r"\Z", r"(?=a)", r"(?<=b)"],
    ["?", "*", "{1,2}", "{0,3}", "{2}"],
).map(lambda p: p + "$")


@settings(max_examples=200, deadline=None)
@given(
    pattern_strategy,
    st.text(alphabet="abAB é\n.", max_size=40),
    st.sampled_from([0, re.IGNORECASE, re.MULTILINE]),
)
def test_tail_search_finds_what_a_full_search_finds(pattern: str, text: str, flags: int) -> None:
    """An end-anchored pattern searched from ``len - tail`` matches exactly when it matches at
    all, and a match's tail holds one of the required literals."""
    compiled = re.compile(pattern, flags)
    analysis = analyse(pattern, multiline=bool(flags & re.MULTILINE))
    if analysis.nested is not None or analysis.tail is None:
        return
    start = max(0, len(text) - analysis.tail)
    found = compiled.search(text) is not None
    assert (compiled.search(text, start) is not None) == found
    if found and analysis.literals is not None:
        assert any(literal in text[start:].casefold() for literal in analysis.literals)


def test_tail_is_known_only_for_bounded_end_anchored_patterns() -> None:
    """Bounded and anchored at the end: a tail (width + 1 for a final newline); else None."""
    assert analyse(r"(?:getty images|afp)\W{0,3}$").tail == len("getty images") + 3 + 1
    assert analyse(r"ab$|c\Z").tail == 3
    assert analyse(r"ab+$").tail is None  # unbounded
    assert analyse(r"ab$c?").tail is None  # not at the end
    assert analyse(r"(a)\1$").tail is None  # a back reference has no known width
    assert analyse(r"ab$", multiline=True).tail is None
    assert analyse(r"(?m)ab$").tail is None
    assert analyse(r"(?m:x)ab$").tail is None


def test_escapes_naming_a_character_are_not_literals() -> None:
    r"""``\x41bcd`` matches "Abcd": its digits must not become the required literal "41bcd"."""
    for pattern in (r"\x41bcd", r"\101bcd", r"\u0041bcd", r"\U00000041bcd"):
        literals = analyse(pattern).literals
        assert re.search(pattern, "Abcd")
        assert literals is None or any(literal in "abcd" for literal in literals), pattern


def test_scoped_verbose_flag_is_read() -> None:
    """In ``(?x:…)`` whitespace is not a literal character: "a b c d" is not required."""
    pattern = r"z?(?x: abc \ def )"
    literals = analyse(pattern).literals
    assert re.search(pattern, "abc def")
    assert literals is not None and any(literal in "abc def" for literal in literals)


def test_kind_memo_shared_by_versions_changes_nothing() -> None:
    """Classifying with a memo filled by another version gives the memo-less result."""
    rules = load_rules()
    first = ["Advertisement", "Headline Of The Day", "Body text, said the minister.", "Share"]
    second = ["Breaking Headline Here Now", *first, "Photo: John Smith/AP", "Advertisement"]
    memo = KindMemo()
    classify(first, rules, memo)
    assert classify(second, rules, memo) == classify(second, rules)
    assert classify(first, rules, memo) == classify(first, rules)


def test_versions_compared_together_equal_versions_built_alone() -> None:
    """Versions of one comparison (sharing keys and kinds) equal versions built alone."""
    texts = ["Title Here\n\nA  paragraph\u00a0of text.\n\nAd", "A paragraph of text.\n\nTitle Here"]
    loaded = [
        LoadedText(
            text=t,
            name=f"v{n}",
            path=None,
            encoding="utf-8",
            confidence=1.0,
            newline=Newline.LF,
            warnings=(),
            size=len(t),
        )
        for n, t in enumerate(texts)
    ]
    alone = [build_version(item) for item in loaded]
    together = compare_texts(texts).versions
    assert [v.paragraphs for v in together] == [v.paragraphs for v in alone]


words_text = st.text(alphabet="ab cd.,\u00e9\u4e2d", max_size=30)


@settings(max_examples=150, deadline=None)
@given(words_text, words_text, st.sampled_from([0.0, 0.3, 0.5, 0.9]))
def test_one_against_one_block_is_what_the_dynamic_programme_gives(
    old: str, new: str, pair: float
) -> None:
    """The direct answer for a one-by-one replaced block equals the general programme's."""
    old_words, new_words = _Words([old]), _Words([new])
    thresholds = Thresholds(pair=pair)
    direct = _pair_one(0, 0, old_words, new_words, thresholds)
    assert direct == _pair_dp(range(1), range(1), old_words, new_words, thresholds)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_word_counts_and_tokens_match_the_general_pattern(text: str) -> None:
    """The ASCII shortcuts count and cut words exactly as the general pattern does."""
    general = re.findall(rf"[{SPACELESS}]|[^\W{SPACELESS}]+", text)
    assert word_tokens(text) == general
    assert count_words(text) == len(general)
    assert folded_word_tokens(text) == word_tokens(text.casefold())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_tokens_are_the_general_cut(text: str) -> None:
    """For ASCII text the cheap token pattern cuts exactly as the spaceless-aware one does."""
    general = re.compile(rf"[{SPACELESS}]|[^\W{SPACELESS}]+|\s+|[^\w\s]").findall(text)
    assert tokenize(text) == general
    assert "".join(general) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\x0c\x1c\u00a0\u2028\u200b\u00ad.", max_size=60))
def test_block_scan_gives_the_line_by_line_paragraphs(text: str) -> None:
    """Where the one-scan split finds several blocks, they are the line-by-line paragraphs."""
    fast = _split_blocks(text)
    if len(fast) > 1:
        assert fast == _split_lines(text)
    assert split_paragraphs(text) == _split_lines(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=160), max_size=40))
def test_keys_taken_as_they_are_equal_the_long_normalisation(text: str) -> None:
    """The shortcut that keeps a text as its own key agrees with collapsing whitespace."""
    assert normalise(text) == " ".join(text.split()) or not text.isascii()


unit_ops = st.lists(st.sampled_from(["equal", "removed", "inserted", "changed"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(unit_ops)
def test_rows_of_one_pair_are_the_merged_rows(ops: list[str]) -> None:
    """Two versions' rows made directly equal the general pair-by-pair merge."""
    units: list[Unit] = []
    old = new = 0
    for op in ops:
        status = RowStatus(op)
        units.append(
            Unit(None if op == "inserted" else old, None if op == "removed" else new, status)
        )
        old += op != "inserted"
        new += op != "removed"
    counts = [old, new]
    assert merge_units(counts, [(0, 1)], [units]) == _merged_rows(counts, [(0, 1)], [units])


ascii_text = st.text(alphabet=st.characters(max_codepoint=127), max_size=30)


@settings(max_examples=300, deadline=None)
@given(ascii_text, ascii_text)
def test_ascii_texts_of_different_word_counts_are_never_typographic_twins(a: str, b: str) -> None:
    """The typographic test skips loose keys when ASCII word counts differ: they always do."""
    if count_words(a) != count_words(b):
        assert loose_key(a) != loose_key(b)


words_and_marks = st.text(alphabet="ab c.,\u00e9\u4e2d", max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(words_and_marks, words_and_marks), min_size=1, max_size=6))
def test_a_shared_token_table_changes_no_word_diff(pairs: list[tuple[str, str]]) -> None:
    """Word diffs sharing one token table equal word diffs each with its own."""
    shared = TokenCodes()
    assert [word_ops(a, b, shared) for a, b in pairs] == [word_ops(a, b) for a, b in pairs]


def test_a_full_token_table_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """When a shared table has no character left, the diff uses a table of its own."""
    monkeypatch.setattr(worddiff, "_MAX_CODES", 4)
    shared = TokenCodes()
    first = word_ops("one two", "one three", shared)
    word_ops("eight nine", "eight ten", shared)
    assert len(shared) == 4  # Full: the middles' tokens (two, three, nine, ten) took them all.
    assert word_ops("four five six", "four seven six", shared) == (
        WordOp(OpTag.EQUAL, "four "),
        WordOp(OpTag.DELETE, "five"),
        WordOp(OpTag.INSERT, "seven"),
        WordOp(OpTag.EQUAL, " six"),
    )
    assert first == word_ops("one two", "one three")


@settings(max_examples=300, deadline=None)
@given(words_and_marks | ascii_text, words_and_marks | ascii_text)
def test_same_loose_key_is_equal_loose_keys(a: str, b: str) -> None:
    """The fast typographic-twin test agrees with comparing loose keys, ASCII or not."""
    assert same_loose_key(a, b) == (loose_key(a) == loose_key(b))
    assert same_loose_key(a, a.upper().replace(",", ";"))


tail_rules = [rule for rule in load_rules().rules if rule.tail_literals is not None]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(tail_rules), st.text(alphabet="afp getty(AP)/é.", max_size=40))
def test_tail_literal_alternation_is_any_literal(rule: Rule, text: str) -> None:
    """A tail rule's literal alternation finds a text exactly when one of its literals occurs."""
    assert rule.literals is not None and rule.tail_literals is not None
    folded = text.casefold()
    found = rule.tail_literals.search(folded) is not None
    assert found == any(literal in folded for literal in rule.literals)
    assert tail_rules  # The bundled rules have some: the shortcut is exercised.
