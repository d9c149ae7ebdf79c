"""Plain forms (``core.plain_forms``): a pattern without its alternatives in caseless scripts
finds what the pattern finds in every text without a character of those scripts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diffviewer.core.kinds import KindMemo, classify
from diffviewer.core.paragraphs import normalise, split_paragraphs
from diffviewer.core.pattern_set import PatternSet
from diffviewer.core.patterns import (
    _UNANCHORED,
    MAX_PROGRAM_BYTES,
    PatternError,
    _compile,
    compile_pattern,
    is_plain_utf8,
)
from diffviewer.core.plain_forms import CASELESS_RANGES, NEVER, is_plain, plain_form
from diffviewer.core.rules import PATTERN_WINDOW, RuleSet
from tests.core.regex_strategies import patterns


def _found(pattern: str, text: str) -> bool:
    data = text.encode("utf-8", "surrogatepass")
    program = _compile(pattern, MAX_PROGRAM_BYTES)
    return bool(program.Match(_UNANCHORED, data, 0, len(data))[0][1] >= 0)


def _caseless(code: int) -> bool:
    return any(low <= code <= high for low, high in CASELESS_RANGES)


def test_the_caseless_ranges_are_closed_under_case_folding() -> None:
    """With the i flag, a class of every caseless range matches no other code point (RE2's
    case folding leads from none of them out of the ranges, nor into them): a plain text
    cannot match a caseless literal, whatever its case. (Greek would fail this: the micro
    sign U+00B5 folds to mu.)"""
    ranges = "".join(f"\\x{{{low:x}}}-\\x{{{high:x}}}" for low, high in CASELESS_RANGES)
    others = "".join(
        chr(code)
        for code in range(1, sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and not _caseless(code)
    )
    assert not _found(f"(?i)[{ranges}]", others)
    assert _found(f"(?i)[{ranges}]", "\u0416")  # (and it does match its own)
    assert _found("(?i)[\\x{3bc}]", "\u00b5")  # Greek is left out for this reason


def test_is_plain_tells_the_caseless_characters_in_text_and_in_utf8() -> None:
    """A text is plain when it has no character of the caseless ranges: both checks say so
    alike at each range's edges and beside them."""
    for low, high in CASELESS_RANGES:
        for code in (low - 1, low, high, high + 1):
            text = f"caf\u00e9 \u201cx\u201d {chr(code)}"
            assert is_plain(text) is not _caseless(code)
            assert is_plain_utf8(text.encode()) is not _caseless(code)
    assert is_plain("plain ascii") and is_plain_utf8(b"plain ascii")


@pytest.mark.parametrize(
    ("pattern", "plain"),
    [
        ("abc", None),  # no caseless character: unchanged
        ("(?i)^(?:\u0436\u0443\u0440|news)$", "(?i)^(?:news)$"),
        ("(?i)\u0436x|ab", "(?i)ab"),  # the leading flags stay for what is left
        ("a\u0436?b", "ab"),  # an optional caseless atom is dropped from its sequence
        ("a(?:\u0436|\u0437)*b|c", "ab|c"),
        ("x\\x{436}|y", "y"),  # an escaped caseless character
        ("^(?:\u4e2d\u6587)$", NEVER),  # nothing left: never matches a plain text
        ("[\u0436a]+", None),  # a class is kept whole
        ("\u0436(?i)a|b", None),  # dropping it would change b's flags: kept whole
        ("\\Q\u0436|\\Ea", None),  # quoted text: kept whole
    ],
)
def test_plain_form_leaves_out_what_needs_a_caseless_character(
    pattern: str, plain: str | None
) -> None:
    """Alternatives that need a caseless literal are left out, optional ones dropped."""
    assert plain_form(pattern) == plain


_ATOMS = [
    "a",
    "b",
    "K",
    "\u00b5",
    "\u0436",
    "\u0416",
    "\u4e2d",
    "\u0627",
    "\\x{436}",
    "[a\u0436]",
    "[^a]",
    ".",
    "\\b",
    "^",
    "$",
    "ab",
    "\u0436a",
    "a\u0436",
    "(?i:\u0436b)",
    "(?i)",
    "",
]
_TEXT = st.text(alphabet="abkKAB \u212a\u00b5\u03bc\u00e9\n", max_size=8)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(patterns(_ATOMS, ["*", "+", "?", "{0,2}", "{2}", "{1,3}?"]), min_size=1, max_size=4),
    st.sampled_from(["", "(?i)", "(?s)"]),
    st.lists(_TEXT, min_size=1, max_size=6),
)
@example(["\u0436(?i)", "k"], "", ["K"])  # (?i) holds for the alternatives after it
def test_a_plain_form_finds_what_its_pattern_finds_in_plain_texts(
    alternatives: list[str], flags: str, texts: list[str]
) -> None:
    """Over generated alternations (caseless literals among others, optional and required,
    grouped, with flags), the plain form matches a text without caseless characters exactly
    when the pattern does, and RE2 takes it whenever it takes the pattern."""
    pattern = flags + "|".join(alternatives)
    try:
        _compile(pattern, MAX_PROGRAM_BYTES)
    except PatternError:
        return
    plain = plain_form(pattern)
    reduced = pattern if plain is None else plain
    for text in texts:
        assert _found(reduced, text) == _found(pattern, text), (pattern, reduced, text)


def _plain_windows() -> list[str]:
    data = Path(__file__).resolve().parents[1] / "data"
    texts = {
        normalise(p.text)[:PATTERN_WINDOW]
        for path in sorted(data.rglob("*.txt"))
        for p in split_paragraphs(path.read_text(encoding="utf-8"))
    }
    return sorted(t for t in texts if is_plain(t))


def test_the_bundled_patterns_find_the_same_in_their_plain_forms(bundled: RuleSet) -> None:
    """Every bundled pattern, searched in its plain forms, finds the same as in its full forms
    in every plain paragraph of tests/data; and the plain forms leave out a fifth or more."""
    windows = _plain_windows()
    assert len(windows) > 1000
    found = set()
    full_size = plain_size = 0
    for rule in bundled.rules:
        for pattern in (rule.pattern, rule.not_pattern):
            if pattern is None:
                continue
            for form, change in zip(
                (pattern.translated, pattern.loose), pattern.plain_changes(), strict=True
            ):
                if form is not None:
                    full_size += len(form)
                    plain_size += len(form if change is None else change)
            for window in windows:
                data = window.encode("utf-8", "surrogatepass")
                hit = pattern.search_utf8(data)
                assert pattern.search_utf8(data, plain=True) == hit, (rule.name, window)
                if hit:
                    found.add(rule.name)
    assert len(found) > 20  # (the texts exercise many rules)
    assert plain_size < 0.8 * full_size


def test_each_pair_of_sets_is_built_when_first_wanted() -> None:
    """The sets of the plain forms serve plain texts, those of the full forms the others;
    each is built only once it is wanted (a Latin page never builds the full ones), and
    finds its patterns."""
    members = [
        compile_pattern("^(?:news|\u043d\u043e\u0432\u043e\u0441\u0442\u0438)$", "i"),
        compile_pattern("^\u4e2d\u6587$"),
        compile_pattern("share"),
    ]
    found = PatternSet(members)
    sentinel = len(members)
    assert found._sets == [None, None]
    hits = found.candidates_of(["News", "share this", "other"], 16, plain=True)
    assert [set(h or ()) for h in hits] == [{0, 2, sentinel}] * 3
    assert found._sets[0] is None
    russian = "\u041d\u043e\u0432\u043e\u0441\u0442\u0438"
    assert set(found.candidates_of([russian], 16)[0] or ()) == {0, sentinel}
    assert found._sets[0] is not None
    assert set(found.candidates("\u4e2d\u6587".encode()) or ()) == {1, sentinel}
    assert set(found.candidates(b"News", plain=True) or ()) == {0, sentinel}


def test_a_comparison_with_caseless_text_searches_the_full_forms(bundled: RuleSet) -> None:
    """Plain forms serve while every version classified with a memo is plain; from the first
    caseless paragraph on, the full forms serve every text (a page in Chinese with a few
    ASCII paragraphs would otherwise compile both forms of many patterns)."""
    memo = KindMemo()
    latin = ["Share this article", "Read more", "A paragraph of body text, as a page has."]
    first = classify(latin, bundled, memo)
    assert memo.plain
    classify([*latin, "\u5206\u4eab"], bundled, memo)
    assert not memo.plain
    assert classify(latin, bundled, memo) == first == classify(latin, bundled)
