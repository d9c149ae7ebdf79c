"""Tests of rule patterns on RE2: linear time, Python's meaning kept, clear refusals."""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.errors import RulesError
from diffviewer.core.kinds import classify, load_rules
from diffviewer.core.patterns import PatternError, _translate, compile_pattern, to_re2
from tests.core.regex_strategies import patterns

# Each took more than 60 s on a 5,000-character paragraph with Python's re (issue 11, item 4).
POLYNOMIAL = [
    ("a*a*a*a*a*b", "a" * 5000),
    (".*.*.*.*.*.*=", "x" * 5000),
    (r"\w*" * 8 + "!", "word" * 1250),
    (r"[\s\S]*" * 4 + "#", "y " * 2500),
    (r"\w+?" * 6 + "!", "z" * 5000),
]


def _rules_file(tmp_path: Path, pattern: str, name: str = "user.slow") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(
        f'[[rule]]\nname = "{name}"\nkind = "promo"\ndescription = "d"\n'
        f"pattern = '''{pattern}'''\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("pattern", "text"), POLYNOMIAL, ids=[p for p, _ in POLYNOMIAL])
def test_backtracking_patterns_classify_in_linear_time(
    tmp_path: Path, pattern: str, text: str
) -> None:
    """A user's pattern that makes a backtracking engine take minutes is loaded and run at once."""
    rules = load_rules([_rules_file(tmp_path, pattern)])
    start = time.perf_counter()
    classify([text, text + " tail"], rules)
    assert time.perf_counter() - start < 1.0


def test_a_repetition_above_re2s_limit_is_refused_in_one_line(tmp_path: Path) -> None:
    """``(a{1,1000}){1,1000}b`` is refused at load time with a reason, not run for minutes."""
    path = _rules_file(tmp_path, "(a{1,1000}){1,1000}b")
    with pytest.raises(RulesError) as raised:
        load_rules([path])
    message = str(raised.value)
    assert message.startswith(f"{path}: rule 1 'user.slow'")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("a(?=b)", "lookahead and lookbehind"),
        ("a(?!b)", "lookahead and lookbehind"),
        ("(?<=a)b", "lookahead and lookbehind"),
        ("(?<!a)b", "lookahead and lookbehind"),
        (r"(a)\1", r"back reference \1"),
        ("(?P<x>a)(?P=x)", "back reference (?P=…)"),
        ("(a)?(?(1)b|c)", "conditional"),
        ("(?>ab)", "atomic"),
        ("a++", "possessive"),
        ("(?a)x", "'a' flag"),
        ("(?x:a b)", "whole pattern"),
        ("[a", "not closed"),
        ("(a", "missing"),
    ],
)
def test_what_re2_cannot_take_is_refused_naming_file_rule_and_problem(
    tmp_path: Path, pattern: str, problem: str
) -> None:
    """One line: the file, the rule, and the construct that is not supported."""
    path = _rules_file(tmp_path, pattern)
    with pytest.raises(RulesError) as raised:
        load_rules([path])
    message = str(raised.value)
    assert message.startswith(f"{path}: rule 1 'user.slow'")
    assert problem in message
    assert "\n" not in message


def _all_characters() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


@pytest.mark.parametrize(
    ("source", "hits", "misses"),
    [
        (r"^\p{Lu}\w+", ["Ärger", "Иван"], ["ärger", "1st"]),
        (r"x\P{L}", ["x1", "x-"], ["xa", "xé"]),
        (r"^[\p{Lu}][\p{L}’-]+$", ["O’Neil", "Łódź"], ["o’neil"]),
    ],
)
def test_unicode_classes_outside_and_inside_brackets(
    source: str, hits: list[str], misses: list[str]
) -> None:
    r"""``\p{…}`` and ``\P{…}`` are RE2's Unicode classes, outside a ``[…]`` as inside one
    (outside one, the braces were once read as a counted repetition: ``\p\{Lu}``)."""
    pattern = compile_pattern(source)
    assert all(pattern.search(text) for text in hits)
    assert not any(pattern.search(text) for text in misses)


@pytest.mark.parametrize(
    ("source", "hits", "misses"),
    [
        ("^آخر الأخبار$", ["آخر الأخبار", "آخر الاخبار", "اخر الاخبار"], ["آخر الأخبار اليوم"]),
        ("^اقرأ أيضا$", ["اقرأ أيضا", "اقرا ايضا", "إقرأ أيضا"], ["اقرأ"]),
        ("^في المدينة$", ["في المدينة", "فى المدينه"], ["في المدن"]),
        ("^[أ]$", ["أ"], ["ا"]),  # Inside brackets, a letter is itself.
        ("(?i)^fenster schließen$", ["Fenster schließen", "Fenster schliessen"], ["schlieen"]),
    ],
)
def test_letters_match_the_forms_pages_write_them_in(
    source: str, hits: list[str], misses: list[str]
) -> None:
    """Alef with or without hamza or madda, final yeh and alef maksura, taa marbuta and heh:
    sites type either; a rule's wording finds both. A German sharp s finds the Swiss ss."""
    pattern = compile_pattern(source)
    assert all(pattern.search(text) for text in hits)
    assert not any(pattern.search(text) for text in misses)


@pytest.mark.parametrize("shorthand", [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S"])
def test_shorthand_classes_keep_pythons_unicode_meaning(shorthand: str) -> None:
    """``\\w \\d \\s`` (and their negations), alone or in a class, match what Python's match
    over every code point, but those this Python's Unicode database does not know yet (RE2's
    tables may be newer)."""
    text = _all_characters()
    if shorthand[1].isupper():  # a complement: every 7th character is enough (and 7 × faster)
        text = text[::7]
    python = set(re.findall(shorthand, text))
    translated = compile_pattern(shorthand)
    import re2  # the test compares the translation with re2 itself

    linear = set(re2.findall(translated.translated, text))
    assert {unicodedata.category(c) for c in python ^ linear} <= {"Cn"}
    if shorthand[1].islower():
        in_class = re2.findall(to_re2(f"[{shorthand}]"), text)
        assert set(in_class) == linear


@settings(max_examples=300, deadline=None)
@given(
    patterns(
        ["a", "b", "é", "É", " ", "[ab]", ".", r"\w", r"\W", r"\d", r"\s", r"[\w-]", "ß", "1"],
        ["?", "*", "+", "{1,2}", "{,2}", "{2}", "*?", "{5,7}", "{0,6}", "{6}"],
    ),
    st.text(alphabet="abABéÉ ß1٣\u00a0\u2003-_.", max_size=30),
    st.sampled_from(["", "i"]),
)
def test_translated_patterns_find_what_python_finds(pattern: str, text: str, flags: str) -> None:
    """Without ``\\b``, a pattern finds a text under RE2 exactly when Python's re finds it."""
    python = re.compile(pattern, re.IGNORECASE if flags else 0)
    assert bool(python.search(text)) == compile_pattern(pattern, flags).search(text)


@settings(max_examples=300, deadline=None)
@given(
    patterns(
        [
            *(r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[\w-]", r"[^\w-]", r"[^\d\s.]"),
            *(r"[-\s\S]", r"[^\s-a]", r"[\p{Lu}a]", r"[^\p{Lu}\d]", "a", "é", "[^é]", r"\b"),
        ],
        ["?", "*", "+", "{1,2}", "{2,6}"],
    ),
    st.text(alphabet="aAé É1٣\u00a0\u2003\u0085-_.\t", max_size=20),
    st.sampled_from(["", "i"]),
)
def test_the_relaxed_form_finds_every_text_the_pattern_finds(
    pattern: str, text: str, flags: str
) -> None:
    """The relaxed form (the first search, and the one in the pattern set) finds at least what
    the pattern finds: its classes take every non-ASCII character, or in ``[^…]`` leave out
    only ASCII members."""
    import re2

    exact, relaxed = _translate(pattern, flags)
    if re2.search(exact, text):
        assert re2.search(relaxed, text), (exact, relaxed)


@pytest.mark.parametrize("source", [r"\w", r"\W", r"\d", r"\D", r"[\w.’]", r"[^\w\s]", r"[\s\S]"])
def test_the_relaxed_form_of_a_unicode_class_is_a_few_byte_ranges(source: str) -> None:
    """RE2 compiles ``\\w`` (Unicode letters and numbers) to 1,300 instructions of UTF-8; the
    relaxed form, which the pattern set and the first search compile, to a few."""
    from diffviewer.core.patterns import MAX_PROGRAM_BYTES, _compile

    _exact, relaxed = _translate(source, "")
    assert _compile(relaxed, MAX_PROGRAM_BYTES).ProgramSize() <= 40


@settings(max_examples=200, deadline=None)
@given(
    patterns(["a", "b", " ", "[ab]", ".", r"\b", r"\B", "^", "$", r"\Z", "-"], ["?", "*", "{1,2}"]),
    st.text(alphabet="abAB -.", min_size=1, max_size=30),
)
def test_ascii_word_boundaries_agree(pattern: str, text: str) -> None:
    """On ASCII text, ``\\b \\B ^ $ \\Z`` mean the same to RE2 and to Python (no newline; a
    paragraph is never empty, where Python's ``\\B`` alone differs)."""
    assert bool(re.search(pattern, text)) == compile_pattern(pattern).search(text)


VERBOSE = [
    # (verbose pattern, the same pattern written compactly)
    ("a b  c # a comment\n d", "abcd"),
    ("[ #]x # the class keeps its space and #", "[ #]x"),
    (r"a\ b \# c", r"a\ b\#c"),
    ("(?: x | y )+ \\s # end", r"(?:x|y)+\s"),
    ("[]# ] z", "[]# ]z"),
    (r"[\]# ] z", r"[\]# ]z"),
    ("a{1, 2}", r"a\{1,2}"),  # as in Python: not a quantifier
]


@pytest.mark.parametrize(("verbose", "compact"), VERBOSE)
def test_verbose_patterns_drop_spaces_and_comments_outside_classes(
    verbose: str, compact: str
) -> None:
    """The x flag as Python reads it: whitespace and comments go, except in a class or escaped."""
    texts = ["abcd", "a b#c", " x", "#x", "xyx ", "]z", "# z", "aa", "a{1, 2}", "a{1,2}", "z"]
    for flags, source in (("x", verbose), ("", "(?x)" + verbose)):
        python = re.compile(source, re.VERBOSE if flags else 0)
        linear = compile_pattern(source, flags)
        for text in texts:
            assert bool(python.search(text)) == linear.search(text), (source, text)
    assert to_re2(verbose, "x") == to_re2(compact)


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")  # Python's, on [[]
@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"caf\u00e9", "café"),
        (r"\U0001F600", "😀"),
        (r"\N{EM DASH}", "—"),
        (r"\x41", "A"),
        (r"\101", "A"),
        (r"end\Z", "the end"),
        (r"(?P<word>ab)", "ab"),
        ("[[]", "["),
        (r"a{,2}b", "aab"),
        (r"x{}", "x{}"),
        ("(?#comment)a", "a"),
        ("(?u)a", "a"),
        ("(?i:A)b", "ab"),
    ],
)
def test_python_spellings_are_translated(pattern: str, text: str) -> None:
    """What Python writes differently from RE2 still matches what it matched in Python."""
    assert re.search(pattern, text)
    assert compile_pattern(pattern).search(text)


def test_a_huge_pattern_is_refused_not_run() -> None:
    """A pattern past the engine's memory budget is refused with a hint, in one line."""
    pieces = "|".join(r"\w{1,1000}" + c for c in "abcdefghijklmnopqrst")
    pattern = compile_pattern(pieces, "", "mine.toml: rule 1 'big' (line 1): bad pattern")
    with pytest.raises(PatternError) as raised:
        pattern.search("abc")
    message = str(raised.value)
    assert message.startswith("mine.toml: rule 1 'big' (line 1): bad pattern: ")
    assert "too large" in message
    assert "\n" not in message


def test_a_pattern_too_large_fails_the_comparison_in_one_line(tmp_path: Path) -> None:
    """Found on first use, the error names the file and rule and is a ``RulesError``."""
    path = _rules_file(tmp_path, "|".join(r"\w{1,1000}" + c for c in "abcdefghijklmnopqrst"))
    rules = load_rules([path])
    with pytest.raises(RulesError, match=f"^{re.escape(str(path))}: rule 1 'user.slow'"):
        classify(["some text"], rules)


_BREADCRUMB_1_40 = r"^[\w&’\x27 -]{1,40}(?: ?[›»>|/•·] ?[\w&’\x27 -]{1,40}){1,12}$"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 44), st.sampled_from(["a", "b c", "d-e", "é f", " "])),
        min_size=1,
        max_size=14,
    ),
    st.lists(st.sampled_from(["›", " › ", " ›", "› ", "|", " | "]), min_size=13, max_size=13),
)
def test_breadcrumb_rule_is_the_counted_pattern_it_replaced(
    segments: list[tuple[int, str]], separators: list[str]
) -> None:
    """The bundled breadcrumb rule (an unbounded pattern and a not_pattern finding a segment
    of 41 or more) accepts exactly the paragraph keys its {1,40}-per-segment form accepted."""
    parts = [(piece * length)[:length] for length, piece in segments]
    text = parts[0] + "".join(s + p for s, p in zip(separators, parts[1:], strict=False))
    key = " ".join(text.split())
    if not key:
        return
    rule = load_rules().by_name["navigation.breadcrumb"]
    assert rule.pattern is not None and rule.not_pattern is not None
    found = rule.pattern.search(key) and not rule.not_pattern.search(key)
    assert found == bool(re.search(_BREADCRUMB_1_40, key)), key


@pytest.mark.parametrize(
    ("line", "is_breadcrumb"),
    [
        ("Home › World › Europe", True),
        ("Home / News / Politik", True),
        ("Home | Politics | Sport", True),
        ("Health / Men / 21/08/23", True),  # A date's slashes are no fraction.
        # A number on each side of a slash is a fraction, a score or a count, not a path.
        ("1/2 tsp vanilla extract", False),
        ("FTO Motorsteuerung 206 / 248-253 232 X X", False),
        ("Leistung PS/KW 180/132", False),
        # One slash between two letters alone is a pair of words, not a path.
        ("Moncler ab Herbst/Winter 2023 pelzfrei", False),
        ("CDU/CSU", False),
        ("Home / News", True),
        ("Start » Filme & Serien » Schauspieler/innen", True),
        ("Waffen/Munition/Optik", True),
    ],
)
def test_breadcrumb_rule_leaves_fractions_and_table_rows(line: str, is_breadcrumb: bool) -> None:
    """navigation.breadcrumb finds menus on one line, not quantities, a table's cells or a
    pair of words with a slash between them."""
    rule = load_rules().by_name["navigation.breadcrumb"]
    assert rule.pattern is not None and rule.not_pattern is not None
    found = bool(rule.pattern.search(line)) and not rule.not_pattern.search(line)
    assert found is is_breadcrumb


def test_case_folding_is_pythons_but_for_the_turkish_i() -> None:
    """With the i flag, each letter matches the characters Python's re lets it match, over
    every code point; the one documented exception is ``i`` against ``İ`` and ``ı``."""
    import re2

    text = _all_characters()
    for letter in "abcdefghijklmnopqrstuvwxyzßéµ":
        python = set(re.findall(re.escape(letter), text, re.IGNORECASE))
        linear = set(re2.findall(to_re2(re.escape(letter), "i"), text))
        assert python ^ linear == ({"İ", "ı"} if letter == "i" else set()), letter
