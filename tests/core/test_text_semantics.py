"""Text semantics (issue 11, items 14–17): what counts as a paragraph, a character and a change.

- a paragraph made only of zero-width characters is no paragraph;
- typographic folding (``--ignore-punctuation``, ``--mute-typographic``) folds quotes, dashes,
  ellipses and spacing only: signs, currencies, units and emoji are content;
- the smallest unit tokenised, highlighted and counted is a whole grapheme cluster;
- a long repetitive paragraph with two edits far apart shows two edits.
"""

from __future__ import annotations

import re
import time
import unicodedata
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import matching, worddiff
from diffviewer.core.compare import compare_texts
from diffviewer.core.graphemes import SEPARATE, clusters, compile_clusters, may_join
from diffviewer.core.matching import few_edits_runs
from diffviewer.core.model import OpTag
from diffviewer.core.options import CompareOptions
from diffviewer.core.paragraphs import (
    TYPOGRAPHY,
    CharClass,
    RawParagraph,
    fold_typography,
    loose_key,
    normalise,
    split_paragraphs,
)
from diffviewer.core.worddiff import tokenize, word_ops
from diffviewer.core.words import WORD_CLUSTERS, cluster_pattern, count_words, word_tokens

ZERO_WIDTH = ["\u200b", "\u00ad", "\u2060", "\u200c", "\u200d", "\ufeff"]


@pytest.mark.parametrize("char", ZERO_WIDTH, ids=lambda c: f"U+{ord(c):04X}")
def test_a_paragraph_of_zero_width_characters_is_no_paragraph(char: str) -> None:
    """Only invisible characters (with or without spaces): no paragraph, no change against an
    empty file, in either split path (one paragraph per line, or blank-line blocks)."""
    for text in (char, f"{char}{char} {char}\n", f"Title\n\n{char}\n\nBody.", f"a\n{char}\nb"):
        paragraphs = split_paragraphs(text)
        assert all(normalise(p.text) for p in paragraphs), text
    assert split_paragraphs(f"{char}\n\n{char} \t{char}") == []
    assert not compare_texts(["", f"{char}\n\n{char}{char}"]).has_differences
    assert not compare_texts(["One.\n\nTwo.", f"One.\n\n{char}\n\nTwo."]).has_differences


def test_zero_width_characters_inside_text_are_kept() -> None:
    """A zero-width character inside a real paragraph stays in its text (only its key drops it)."""
    text = "soft\u00adhyphen and zero\u200bwidth\n\n\ufeffBOM-led line"
    assert split_paragraphs(text) == [
        RawParagraph("soft\u00adhyphen and zero\u200bwidth", 1, 1),
        RawParagraph("\ufeffBOM-led line", 3, 3),
    ]


# --- Item 14: typographic folding folds typography only --------------------------------------

MUTED = CompareOptions(mute_typographic=True)
UNPUNCTUATED = CompareOptions(ignore_punctuation=True)
FOLDED_ROWS = [row for row in TYPOGRAPHY if row.fold is not None]
IGNORABLE_ROWS = [row for row in TYPOGRAPHY if row.ignorable]
CONTENT_ROWS = [row for row in TYPOGRAPHY if not row.ignorable and row.fold is None]


def typographic_twins(a: str, b: str, unpunctuated: CompareOptions = UNPUNCTUATED) -> bool:
    """Whether ``a`` → ``b`` is muted as typographic-only and vanishes with the option to
    ignore punctuation (both, or neither: the two options share the table)."""
    muted = compare_texts([a, b], options=MUTED)
    ignored = compare_texts([a, b], options=unpunctuated)
    assert muted.has_differences == ignored.has_differences, (a, b)
    return not ignored.has_differences


def cases(rows: list[CharClass]) -> list[object]:
    return [
        pytest.param(row, char, id=f"{row.name[:20]}-U+{ord(char):04X}")
        for row in rows
        for char in row.chars
    ]


@pytest.mark.parametrize(("row", "char"), cases(FOLDED_ROWS))
def test_a_typographic_variant_folds_to_its_twin(row: CharClass, char: str) -> None:
    """Each variant in a folding row (quotes, dashes, ellipsis, spaces) is its ASCII twin."""
    assert row.fold is not None
    assert fold_typography(char) == row.fold
    before = f"The minister{char}said it twice"
    assert typographic_twins(before, f"The minister{row.fold}said it twice")
    assert loose_key(before) == loose_key(f"The minister{row.fold}said it twice")


@pytest.mark.parametrize(("row", "char"), cases(IGNORABLE_ROWS))
def test_ignorable_punctuation_is_dropped(row: CharClass, char: str) -> None:
    """Quotes, apostrophes, dashes between words, ellipses and other punctuation: dropped."""
    assert typographic_twins(f"The talks{char} resume today", "The talks resume today")
    assert typographic_twins(f"talks {char}resume{char} today", "talks resume today")


@pytest.mark.parametrize(("row", "char"), cases(CONTENT_ROWS))
def test_signs_currencies_units_and_emoji_are_content(row: CharClass, char: str) -> None:
    """Adding, removing or swapping a sign, a currency, a unit or an emoji is a real change,
    whatever the options."""
    assert fold_typography(char) == char
    assert not typographic_twins(f"It cost {char}5 today", "It cost 5 today")
    assert not typographic_twins(f"It rose 5{char} today", "It rose 5 today")
    for other in row.chars.replace(char, ""):
        assert not typographic_twins(f"It cost {char}5 today", f"It cost {other}5 today")


@pytest.mark.parametrize("dash", TYPOGRAPHY[2].chars, ids=lambda c: f"U+{ord(c):04X}")
def test_a_minus_sign_is_content_a_dash_between_words_is_not(dash: str) -> None:
    """A dash before a digit, not after a letter or digit, is a minus sign: a plus, no sign
    or a different number is a change; as a minus it equals the ASCII hyphen-minus."""
    assert not typographic_twins(f"It was {dash}15 degrees", "It was +15 degrees")
    assert not typographic_twins(f"It was {dash}15 degrees", "It was 15 degrees")
    assert not typographic_twins(f"It was ({dash}15) degrees", "It was (15) degrees")
    assert typographic_twins(f"It was {dash}15 degrees", "It was -15 degrees")
    assert typographic_twins(f"Pages 10{dash}15 and COVID{dash}19", "Pages 10-15 and COVID 19")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("It was -15 degrees", "It was +15 degrees"),
        ("It costs $5.", "It costs £5."),
        ("Up 5% today.", "Up 5‰ today."),
        ("It was 30°C outside.", "It was 30 C outside."),
        ("Reaction: 👍", "Reaction: 👎"),
        ("The flag 🇫🇷 flew.", "The flag 🇫🇮 flew."),
        ("He is 6′2″ tall.", "He is 6″2′ tall."),
    ],
)
def test_the_reported_pairs_are_changes(old: str, new: str) -> None:
    """The pairs of the report (issue 11, item 14): changes, never typographic-only."""
    assert not typographic_twins(old, new)
    (change,) = compare_texts([old, new]).changes
    assert not change.typographic


@pytest.mark.parametrize(
    ("spaced", "unspaced"),
    [
        ("Up 5 %", "Up 5%"),
        ("Up 5\u202f%", "Up 5%"),
        ("It was 30 °C", "It was 30°C"),
        ("It costs $ 5", "It costs $5"),
        ("R & D", "R&D"),
        ("Great 👍", "Great👍"),
    ],
)
def test_spacing_around_a_sign_is_typographic(spaced: str, unspaced: str) -> None:
    """Spacing is typography (French "5 %" with a narrow no-break space, or "5%"); the sign
    itself stays content."""
    assert typographic_twins(spaced, unspaced)
    assert not typographic_twins(
        spaced,
        unspaced.replace("%", "‰")
        .replace("°", "")
        .replace("$", "£")
        .replace("&", "+")
        .replace("👍", "👎"),
    )


def test_case_and_typography_stay_typographic_only() -> None:
    """As documented (README): quotes, dashes, ellipses, punctuation and case only are
    typographic-only edits."""
    old = "He said “no” – twice… Then, Apple left."
    new = 'he said "no" - twice... then apple left'
    assert typographic_twins(old, new, CompareOptions(ignore_case=True, ignore_punctuation=True))
    assert compare_texts([old, new], options=MUTED).muted_typographic == 1


@settings(max_examples=300, deadline=None)
@given(st.characters(exclude_characters="".join(row.chars for row in TYPOGRAPHY)))
def test_unlisted_characters_follow_unicode(char: str) -> None:
    """A character in no row of the table is dropped exactly when Unicode calls it
    punctuation and it is no word character."""
    ignorable = unicodedata.category(char).startswith("P") and not re.match(r"\w", char)
    kept = loose_key(f"a {char} b") != "a b"
    assert kept != ignorable or char.isspace() or not normalise(char)


# --- Item 17: long repetitive paragraphs ----------------------------------------------------

SENTENCE = "The council met again on Tuesday and the vote was delayed once more. "


def two_far_edits(repeats: int) -> tuple[str, str]:
    """A repetitive paragraph, and the same with one word changed near each end."""
    old = SENTENCE * repeats
    head, tail = old[:2000], old[2000:]
    new = head + tail.replace("Tuesday", "Monday", 1)
    cut = len(new) - 1000
    return old, new[:cut] + new[cut:].replace("vote", "poll", 1)


def test_two_edits_far_apart_in_a_repetitive_paragraph_stay_two_edits() -> None:
    """100 KB of one repeated sentence, two one-word edits 97 KB apart: two small changes,
    not the whole middle deleted and inserted (no token is unique to anchor on)."""
    old, new = two_far_edits(1500)
    assert len(old) > 100_000
    (change,) = compare_texts([old, new]).changes
    assert [(op.tag, op.text) for op in change.word_ops if op.tag is not OpTag.EQUAL] == [
        (OpTag.DELETE, "Tuesday"),
        (OpTag.INSERT, "Monday"),
        (OpTag.DELETE, "vote"),
        (OpTag.INSERT, "poll"),
    ]
    assert (change.words_added, change.words_removed) == (2, 2)


def test_a_one_megabyte_repetitive_paragraph_is_bounded() -> None:
    """The same at 1 MB is found as quickly (work linear in the size), and deterministic."""
    old, new = two_far_edits(15_000)
    start = time.process_time()
    ops = word_ops(old, new)
    assert time.process_time() - start < 5  # generous: about 0.2 s here
    assert [op.text for op in ops if op.tag is OpTag.DELETE] == ["Tuesday", "vote"]
    assert word_ops(old, new) == ops


def test_many_edits_in_a_repetitive_paragraph_are_bounded() -> None:
    """More edits than the fallback looks for: bounded work, both texts rebuilt."""
    words = (SENTENCE * 3000).split(" ")
    edited = [("X" if n % 97 == 0 else word) for n, word in enumerate(words)]
    old, new = " ".join(words), " ".join(edited)
    start = time.process_time()
    ops = word_ops(old, new)
    assert time.process_time() - start < 5
    assert "".join(op.text for op in ops if op.tag is not OpTag.INSERT) == old
    assert "".join(op.text for op in ops if op.tag is not OpTag.DELETE) == new


def lcs_length(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b):
            prev, row[j + 1] = row[j + 1], prev + 1 if x == y else max(row[j + 1], row[j])
    return row[-1]


@settings(max_examples=300, deadline=None)
@given(st.text("ab ", max_size=30), st.text("ab ", max_size=30), st.integers(0, 40))
def test_few_edits_runs_are_a_shortest_edit_script_within_the_bound(
    a: str, b: str, bound: int
) -> None:
    """Runs are equal, in order, and as long in total as a longest common subsequence, when
    a shortest edit script has at most ``bound`` edits; None otherwise."""
    runs = few_edits_runs(a, b, bound)
    common = lcs_length(a, b)
    if len(a) + len(b) - 2 * common > bound:
        assert runs is None
        return
    assert runs is not None
    i = j = 0
    for x, y, size in runs:
        assert size > 0 and x >= i and y >= j and a[x : x + size] == b[y : y + size]
        i, j = x + size, y + size
    assert sum(size for _, _, size in runs) == common


# --- Item 15: grapheme clusters -------------------------------------------------------------

CLUSTER_EDITS = [
    pytest.param("Family: 👨‍👩‍👧 at home", "👨‍👩‍👧", "👨‍👩‍👦", id="emoji ZWJ sequence"),
    pytest.param("Nice 👍🏽 indeed", "👍🏽", "👍🏿", id="skin tone"),
    pytest.param("The flag 🇫🇷 flew", "🇫🇷", "🇫🇮", id="flag"),
    pytest.param("Fire ❤️‍🔥 here", "❤️‍🔥", "❤️‍🩹", id="ZWJ after a variation selector"),
    pytest.param("Press 1️⃣ now", "1️⃣", "2️⃣", id="keycap"),
    pytest.param("ก่อนหน้านี้", "ก่", "ก้", id="Thai tone mark"),
    pytest.param("नमस्ते दोस्त", "नमस्ते", "नमस्कार", id="Devanagari conjunct"),
    pytest.param("The q\u0301 sound", "q\u0301", "q\u0300", id="combining accent"),
]


@pytest.mark.parametrize(("text", "old", "new"), CLUSTER_EDITS)
def test_an_edit_inside_a_cluster_highlights_the_whole_cluster(
    text: str, old: str, new: str
) -> None:
    """An edit to one code point of a character a reader sees as one (its last code point, or
    a mark) deletes and inserts the whole cluster (or the whole word holding it)."""
    edited = text.replace(old, new)
    (change,) = compare_texts([f"{text}\n\nSame.", f"{edited}\n\nSame."]).changes
    changed = [(op.tag, op.text) for op in change.word_ops if op.tag is not OpTag.EQUAL]
    assert changed == [(OpTag.DELETE, old), (OpTag.INSERT, new)]


def test_words_are_counted_in_whole_clusters() -> None:
    """A Devanagari word is one word, a Thai cluster one character-word, an emoji none."""
    assert word_tokens("नमस्ते दोस्त") == ["नमस्ते", "दोस्त"]
    assert count_words("नमस्ते दोस्त") == 2
    assert word_tokens("ก่อน") == ["ก่", "อ", "น"]
    assert count_words("Family 👨‍👩‍👧 and 🇫🇷") == 2


def test_a_key_keeps_the_joiners_of_emoji_sequences_only() -> None:
    """Zero-width characters leave the key, but for a ZWJ inside an emoji sequence (without
    it, 👨‍👩‍👧 would show as three people)."""
    family = "👨\u200d👩\u200d👧"
    assert normalise(f"A {family} and ❤️\u200d🔥") == f"A {family} and ❤️\u200d🔥"
    assert normalise("wo\u200drd \u200d👍 👍\u200d x\u200b") == "word 👍 👍 x"
    assert not compare_texts(["zero\u200bwidth", "zerowidth"]).has_differences


def test_characters_said_separate_never_join() -> None:
    """Every code point in ``SEPARATE`` is a grapheme cluster on its own next to any other
    such code point (Grapheme_Cluster_Break Other, Control, LF, LV or LVT)."""
    separate = compile_clusters(rf"[{SEPARATE}]")
    lone = compile_clusters(r"[\p{GCB=Other}\p{GCB=Control}\p{GCB=LF}\p{GCB=LV}\p{GCB=LVT}]")
    joining = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if separate.match(chr(code)) and not lone.match(chr(code))
    ]
    assert joining == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \r\n\t\x00é\u0301👍🏽")))
def test_may_join_is_the_separate_class_whatever_the_path(text: str) -> None:
    """``may_join`` (a look for CR in ASCII text, a class match in other text) is True exactly
    where some code point of the text is not ``SEPARATE``."""
    assert may_join(text) == (re.fullmatch(f"[{SEPARATE}]*", text) is None)


def test_ascii_text_needs_no_compiled_class(monkeypatch: pytest.MonkeyPatch) -> None:
    """ASCII text (all of family (a), most of English news) is told apart without the class
    of separate characters, whose compilation a start would pay (2.5 ms)."""
    from diffviewer.core import graphemes

    def no_class() -> None:
        raise AssertionError("compiled the class")

    monkeypatch.setattr(graphemes, "_all_separate", no_class)
    assert not may_join("An ASCII paragraph.\n")
    assert may_join("CR LF\r\n")


PIECES = [
    "a",
    "b",
    " ",
    "é",
    "e\u0301",
    "\u0301",
    "👨\u200d👩\u200d👧",
    "👨\u200d👩\u200d👦",
    "👍",
    "👍🏽",
    "🏽",
    "🇫",
    "🇷",
    "🇫🇷",
    "ก",
    "่",
    "้",
    "อ",
    "न",
    "्",
    "त",
    "\u200d",
    "\ufe0f",
    "中",
    ".",
    "\u1100",
    "\u1161",
    "각",
]
cluster_text = st.lists(st.sampled_from(PIECES), max_size=25).map("".join) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(cluster_text, cluster_text)
def test_word_ops_rebuild_both_texts_and_never_cut_a_cluster(old: str, new: str) -> None:
    """Word ops rebuild both texts exactly, and every op boundary (and token boundary) falls
    between two grapheme clusters of its side's text."""
    ops = word_ops(old, new)
    for text, keep in ((old, OpTag.DELETE), (new, OpTag.INSERT)):
        bounds = {0}
        for cluster in clusters(text):
            bounds.add(max(bounds) + len(cluster))
        pos = 0
        for token in tokenize(text):
            pos += len(token)
            assert pos in bounds, (text, tokenize(text))
        pos = 0
        for op in ops:
            if op.tag in (OpTag.EQUAL, keep):
                pos += len(op.text)
                assert pos in bounds, (text, ops)
        assert pos == len(text)


@settings(max_examples=300, deadline=None)
@given(cluster_text, cluster_text, st.integers(2, 12), st.integers(1, 8))
def test_long_diffs_rebuild_both_texts_and_never_cut_a_cluster(
    old: str, new: str, direct: int, run: int
) -> None:
    """The same for the long-paragraph path (patience anchors, then the few-edits fallback),
    with its bounds made small so that short texts take it."""
    with (
        patch.object(worddiff, "MAX_DIRECT_TOKENS", direct),
        patch.object(worddiff, "_MIN_RUN", run),
        patch.object(matching, "FALLBACK_CELLS", 0),  # no difflib: stretches left unmatched
    ):
        ops = word_ops(old, new)
    assert "".join(o.text for o in ops if o.tag is not OpTag.INSERT) == old
    assert "".join(o.text for o in ops if o.tag is not OpTag.DELETE) == new
    for text, keep in ((old, OpTag.DELETE), (new, OpTag.INSERT)):
        bounds, pos = {0}, 0
        for cluster in clusters(text):
            bounds.add(max(bounds) + len(cluster))
        for op in ops:
            if op.tag in (OpTag.EQUAL, keep):
                pos += len(op.text)
                assert pos in bounds, (text, ops)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab 1_.,é中Жשب€—\n", max_size=40))
def test_texts_that_cannot_join_cut_as_the_cluster_pattern_does(text: str) -> None:
    """Where no code points join, the plain patterns cut tokens and words exactly as the
    cluster-aware ones do (so the shortcut changes no result)."""
    assert not may_join(text)
    assert tokenize(text) == cluster_pattern(worddiff._CLUSTER_TOKEN).findall(text)
    words = [w for w in cluster_pattern(WORD_CLUSTERS).findall(text) if w]
    assert word_tokens(text) == words
