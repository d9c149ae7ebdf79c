"""Plain forms (``core.plain_forms``): a pattern without the alternatives that need a letter a
text lacks finds what the pattern finds in that text."""

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
    plain_level_utf8,
)
from diffviewer.core.plain_forms import (
    CASELESS_RANGES,
    FOLDS_TO_ASCII,
    NEVER,
    plain_form,
    plain_level,
)
from diffviewer.core.rules import PATTERN_WINDOW, RuleSet
from tests.core.regex_strategies import patterns


def _found(pattern: str, text: str) -> bool:
    data = text.encode("utf-8", "surrogatepass")
    program = _compile(pattern, MAX_PROGRAM_BYTES)
    return bool(program.Match(_UNANCHORED, data, 0, len(data))[0][1] >= 0)


def _caseless(code: int) -> bool:
    return any(low <= code <= high for low, high in CASELESS_RANGES)


def _class(codes: list[int]) -> str:
    """An RE2 class of ``codes`` (in order), as ranges."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\x{{{low:x}}}-\\x{{{high:x}}}" for low, high in ranges) + "]"


_ALL = [code for code in range(1, sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF]


def _other_letter(code: int) -> bool:
    """Left out at level 2: a letter outside ASCII that folds to no ASCII letter."""
    return code > 0x7F and chr(code).isalpha() and chr(code) not in FOLDS_TO_ASCII


def test_the_caseless_ranges_are_closed_under_case_folding() -> None:
    """With the i flag, a class of every caseless range matches no other code point (RE2's
    case folding leads from none of them out of the ranges, nor into them): a text of plain
    level 1 cannot match a caseless literal, whatever its case. (Greek would fail this: the
    micro sign U+00B5 folds to mu.)"""
    dropped = _class([code for code in _ALL if _caseless(code)])
    others = "".join(chr(code) for code in _ALL if not _caseless(code))
    assert not _found(f"(?i){dropped}", others)
    assert _found(f"(?i){dropped}", "\u0416")  # (and it does match its own)
    assert _found("(?i)[\\x{3bc}]", "\u00b5")  # Greek is left out of level 1 for this reason


def test_the_letters_left_out_at_level_two_fold_to_none_a_plain_text_holds() -> None:
    """With the i flag, the letters outside ASCII that level 2 leaves out (all but those in
    FOLDS_TO_ASCII) match no code point that a text of plain level 2 may hold (neither a
    caseless one, nor a letter outside ASCII, nor U+0345, which folds to iota)."""
    dropped = _class([code for code in _ALL if _other_letter(code)])
    allowed = [
        chr(code)
        for code in _ALL
        if not _caseless(code) and not (code > 0x7F and chr(code).isalpha()) and code != 0x345
    ]
    assert not _found(f"(?i){dropped}", "".join(allowed))
    assert _found("(?i)\u03b9", "\u0345")  # why U+0345 is no plain text's
    assert _found("(?i)s", "\u017f") and _found("(?i)k", "\u212a")  # why these are kept


def test_plain_level_tells_what_a_text_lacks_in_text_and_in_utf8() -> None:
    """Level 2: ASCII letters only; 1: other letters but none of the caseless scripts; 0: a
    caseless character. Both checks say so alike at each caseless range's edges and beside
    them, and for letters outside ASCII."""
    samples = ["caf \u201cx\u201d \u2013 1\u00b2", "caf\u00e9", "\u0345", "\u212a", "\u00b5"]
    for low, high in CASELESS_RANGES:
        samples += [f"x {chr(code)}" for code in (low - 1, low, high, high + 1)]
    for text in samples:
        expected = (
            0
            if any(map(_caseless, map(ord, text)))
            else 1
            if any(c == "\u0345" or (c > "\x7f" and c.isalpha()) for c in text)
            else 2
        )
        assert plain_level(text) == expected, text
        assert plain_level_utf8(text.encode()) == expected, text
    assert plain_level("plain ascii") == plain_level_utf8(b"plain ascii") == 2


def test_the_utf8_check_is_never_less_strict_than_the_letters_left_out() -> None:
    """RE2's Unicode tables (``\\p{L}``, which ``plain_level_utf8`` uses) and Python's
    (``str.isalpha``, which ``plain_form`` uses) differ by version: no character that a plain
    form may leave out is let through to that level's texts by the UTF-8 check."""
    for code in _ALL:
        char = chr(code)
        if code > 0x7F and plain_level(char) < 2:
            assert plain_level_utf8(char.encode("utf-8")) <= plain_level(char), hex(code)


@pytest.mark.parametrize(
    ("pattern", "level", "plain"),
    [
        ("abc", 1, None),  # nothing to leave out
        ("(?i)^(?:\u0436\u0443\u0440|news)$", 1, "(?i)^(?:news)$"),
        ("(?i)\u0436x|ab", 1, "(?i)ab"),  # the leading flags stay for what is left
        ("a\u0436?b", 1, "ab"),  # an optional caseless atom is dropped from its sequence
        ("a(?:\u0436|\u0437)*b|c", 1, "ab|c"),
        ("x\\x{436}|y", 1, "y"),  # an escaped caseless character
        ("^(?:\u4e2d\u6587)$", 1, NEVER),  # nothing left: never matches a plain text
        ("[\u0436a]+", 1, None),  # a class is kept whole
        ("\u0436(?i)a|b", 1, None),  # dropping it would change b's flags: kept whole
        ("\\Q\u0436|\\Ea", 1, None),  # quoted text: kept whole
        ("(?i)^(?:caf\u00e9|news|\u0436)$", 1, "(?i)^(?:caf\u00e9|news)$"),
        ("(?i)^(?:caf\u00e9|news|\u0436)$", 2, "(?i)^(?:news)$"),
        ("(?i)gro\u00df|\u00b5g|\u017fa|\u212a", 2, "(?i)\u017fa|\u212a"),  # ſ, K fold to ASCII
        ("x\\x{e9}|y", 2, "y"),
    ],
)
def test_plain_form_leaves_out_what_needs_a_lacking_letter(
    pattern: str, level: int, plain: str | None
) -> None:
    """Alternatives that need a letter a text of the level lacks are left out, optional ones
    dropped."""
    assert plain_form(pattern, level) == plain


_ATOMS = [
    "a",
    "b",
    "K",
    "s",
    "\u00b5",
    "\u00e9",
    "\u00c9",
    "\u017f",
    "\u212a",
    "\u03b9",
    "\u0436",
    "\u0416",
    "\u4e2d",
    "\u0627",
    "\\x{436}",
    "\\x{e9}",
    "[a\u0436]",
    "[^a]",
    ".",
    "\\b",
    "^",
    "$",
    "ab",
    "\u0436a",
    "a\u00e9",
    "(?i:\u0436b)",
    "(?i)",
    "",
]
_TEXTS = {
    1: st.text(alphabet="abkKsSAB \u212a\u017f\u00b5\u03bc\u00e9\u00c9\u0345\n", max_size=8),
    2: st.text(alphabet="abkKsSAB \u201c\u2013\u00b2\n", max_size=8),
}


@settings(max_examples=400, deadline=None)
@given(
    st.lists(patterns(_ATOMS, ["*", "+", "?", "{0,2}", "{2}", "{1,3}?"]), min_size=1, max_size=4),
    st.sampled_from(["", "(?i)", "(?s)"]),
    st.sampled_from([1, 2]),
    st.lists(_TEXTS[1], min_size=1, max_size=6),
    st.lists(_TEXTS[2], min_size=1, max_size=6),
)
@example(["\u0436(?i)", "k"], "", 1, ["K"], ["K"])  # (?i) holds for the alternatives after it
def test_a_plain_form_finds_what_its_pattern_finds_in_plain_texts(
    alternatives: list[str], flags: str, level: int, texts_1: list[str], texts_2: list[str]
) -> None:
    """Over generated alternations (letters a text lacks among others, optional and required,
    grouped, with flags), the plain form of a level matches a text of that level exactly when
    the pattern does."""
    texts = texts_1 if level == 1 else texts_2
    pattern = flags + "|".join(alternatives)
    try:
        _compile(pattern, MAX_PROGRAM_BYTES)
    except PatternError:
        return
    plain = plain_form(pattern, level)
    reduced = pattern if plain is None else plain
    for text in texts:
        assert plain_level(text) >= level
        assert _found(reduced, text) == _found(pattern, text), (pattern, reduced, text)


def _plain_windows() -> list[str]:
    data = Path(__file__).resolve().parents[1] / "data"
    texts = {
        normalise(p.text)[:PATTERN_WINDOW]
        for path in sorted(data.rglob("*.txt"))
        for p in split_paragraphs(path.read_text(encoding="utf-8"))
    }
    return sorted(t for t in texts if plain_level(t))


def test_the_bundled_patterns_find_the_same_in_their_plain_forms(bundled: RuleSet) -> None:
    """Every bundled pattern, searched in its plain forms of each level up to a paragraph's,
    finds the same as in its full forms, in every paragraph of tests/data of a plain level;
    and the plain forms leave out about a fifth (at least 19 %), then more than three tenths, of
    the patterns' text (ASCII-only patterns, such as agency names, have nothing to leave out)."""
    windows = [(w, w.encode("utf-8", "surrogatepass"), plain_level(w)) for w in _plain_windows()]
    assert len(windows) > 1000
    assert sum(level == 2 for _, _, level in windows) > 500
    found = set()
    sizes = [0, 0, 0]
    for rule in bundled.rules:
        for pattern in (rule.pattern, rule.not_pattern):
            if pattern is None:
                continue
            changes = pattern.plain_changes()
            for n, form in enumerate((pattern.translated, pattern.loose)):
                if form is not None:
                    sizes[0] += len(form)
                    sizes[1] += len(changes[n] or form)
                    sizes[2] += len(changes[2 + n] or changes[n] or form)
            for window, data, level in windows:
                hit = pattern.search_utf8(data)
                for plain in range(1, level + 1):
                    assert pattern.search_utf8(data, plain) == hit, (rule.name, plain, window)
                if hit:
                    found.add(rule.name)
    assert len(found) > 20  # (the texts exercise many rules)
    assert sizes[1] < 0.81 * sizes[0]
    assert sizes[2] < 0.7 * sizes[0]


def test_each_pair_of_sets_is_built_when_first_wanted() -> None:
    """The sets of a level's plain forms serve texts of that level, those of the full forms
    the others; each is built only once it is wanted (an English page never builds the full
    ones), and finds its patterns."""
    members = [
        compile_pattern("^(?:news|\u043d\u043e\u0432\u043e\u0441\u0442\u0438|caf\u00e9)$", "i"),
        compile_pattern("^\u4e2d\u6587$"),
        compile_pattern("share"),
    ]
    found = PatternSet(members)
    sentinel = len(members)
    assert found._sets == [None, None, None]
    hits = found.candidates_of(["News", "share this", "other"], 16, level=2)
    assert [set(h or ()) for h in hits] == [{0, 2, sentinel}] * 3
    assert found._sets[0] is None and found._sets[1] is None
    assert set(found.candidates("Caf\u00e9".encode(), level=1) or ()) == {0, sentinel}
    assert found._sets[0] is None
    russian = "\u041d\u043e\u0432\u043e\u0441\u0442\u0438"
    assert set(found.candidates_of([russian], 16)[0] or ()) == {0, sentinel}
    assert found._sets[0] is not None
    assert set(found.candidates("\u4e2d\u6587".encode()) or ()) == {1, sentinel}


def test_a_comparison_searches_the_plain_forms_of_its_lowest_level(bundled: RuleSet) -> None:
    """Each version classified with a memo lowers its plain level to its own texts' lowest;
    the forms of that level then serve every text (a page in Chinese with a few ASCII
    paragraphs would otherwise compile two forms of many patterns), with the same results."""
    memo = KindMemo()
    latin = ["Share this article", "Read more", "A paragraph of body text, as a page has."]
    first = classify(latin, bundled, memo)
    assert memo.level == 2
    classify([*latin, "Caf\u00e9"], bundled, memo)
    assert memo.level == 1
    classify([*latin, "\u5206\u4eab"], bundled, memo)
    assert memo.level == 0
    assert classify(latin, bundled, memo) == first == classify(latin, bundled)
