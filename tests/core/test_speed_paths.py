"""Tests of the engine's shortcuts: each one must give exactly what the long way gives.

The classification memo shared by the versions of a comparison, the memo of
paragraph keys, the direct pairing of a one-by-one block, the ASCII word and token shortcuts
(also for non-ASCII text whose words are ASCII), translations found by scanning,
the one-scan paragraph split, keys taken as they are, the typographic
test's word-count shortcut, and the token table word diffs share.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diffviewer.core import kinds, pairing, steps, worddiff
from diffviewer.core import text_facts as text_facts_module
from diffviewer.core.compare import compare_files, compare_texts
from diffviewer.core.graphemes import may_join, split_at_emoji_joiners
from diffviewer.core.kinds import KindMemo, classify, load_rules
from diffviewer.core.loading import LoadedText
from diffviewer.core.model import Newline, OpTag, WordOp
from diffviewer.core.pairing import _band, _join, _pair_dp, _pair_one, _SharedWords
from diffviewer.core.paragraphs import (
    _HYPHEN,
    _INVISIBLE,
    _TYPO_FOLD,
    _UNPUNCTUATED,
    RawParagraph,
    _block_columns,
    _split_lines,
    _unpunctuated_words,
    fold_typography,
    loose_key,
    normalise,
    same_loose_key,
    split_paragraphs,
)
from diffviewer.core.steps import Op, Step, Thresholds, WordBags, word_bag
from diffviewer.core.text_facts import (
    CLOSERS,
    SENTENCE_END,
    count_rule_words,
    ends_with_full_stop,
    learn_key_facts,
    text_facts,
)
from diffviewer.core.versions import build_version
from diffviewer.core.worddiff import TokenCodes, tokenize, word_ops
from diffviewer.core.words import (
    SPACELESS,
    SPACELESS_MARKS,
    WORD_CLUSTERS,
    cluster_pattern,
    count_words,
    folded_word_tokens,
    plain_counts,
    plain_key_counts,
    spaceless_pattern,
    spaceless_split,
    word_tokens,
)


def test_kind_memo_shared_by_versions_changes_nothing() -> None:
    """Classifying with a memo filled by another version gives the memo-less result."""
    rules = load_rules()
    first = ["Advertisement", "Headline Of The Day", "Body text, said the minister.", "Share"]
    second = ["Breaking Headline Here Now", *first, "Photo: John Smith/AP", "Advertisement"]
    memo = KindMemo()
    classify(first, rules, memo)
    assert classify(second, rules, memo) == classify(second, rules)
    assert classify(first, rules, memo) == classify(first, rules)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.text(), st.sampled_from(["", " ", "a  b\u00a0c"])), max_size=6))
def test_memo_word_counts_arecount_rule_words(texts: list[str]) -> None:
    """The word counts a comparison reads from the classification memo (counted with the
    rules' facts) are ``count_words`` of each text."""
    memo = KindMemo()
    classify(texts, load_rules(), memo)
    assert memo.word_counts(texts) == [count_words(text) for text in texts]


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


def test_a_paragraph_repeated_in_a_later_version_is_held_once(tmp_path: Path) -> None:
    """Memory: a later version's paragraph equal to an earlier one (its text being its key)
    is the same string, not a copy; one that needed normalising keeps its own text."""
    texts = ["Kept as it is.\n\nSpaced  out.", "Kept as it is.\n\nSpaced  out.\n\nNew."]
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8")
    for comparison in (compare_texts(texts), compare_files(paths)):
        old, new = (v.paragraphs for v in comparison.versions)
        assert new[0].text is old[0].text
        assert new[1].text == old[1].text == "Spaced  out."
        assert [p.text for p in new] == ["Kept as it is.", "Spaced  out.", "New."]


words_text = st.text(alphabet="ab cd.,\u00e9\u4e2d", max_size=30)


@settings(max_examples=150, deadline=None)
@given(words_text, words_text, st.sampled_from([0.0, 0.3, 0.5, 0.9]))
def test_one_against_one_block_is_what_the_dynamic_programme_gives(
    old: str, new: str, pair: float
) -> None:
    """The direct answer for a one-by-one replaced block equals the general programme's."""
    old_words, new_words = WordBags([old]), WordBags([new])
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


# Typographic and other non-ASCII separators, letters, marks that fold to letters, spaceless
# scripts with their punctuation (฿, ・), and anything else.
_mixed_text = st.lists(
    st.one_of(
        st.sampled_from("ab Z9_.,'\"-\u00a0\u2009\u201c\u201d\u2019\u2014\u2026\u00e9\u0345\u0301"),
        st.sampled_from("\u0e3f\u0e01\u30fb\u65e5\U00020001\u24b6\u0663\u00b2\ud800"),
        st.characters(),
    ),
    max_size=40,
).map("".join)  # (Not ``st.text``: it merges the alphabets and loses the sampled characters.)


@settings(max_examples=500, deadline=None)
@given(_mixed_text)
def test_word_shortcuts_for_non_ascii_text_match_the_general_pattern(text: str) -> None:
    """Text whose only non-ASCII characters separate words (curly quotes, dashes, NBSP) is cut
    and counted by the ASCII shortcuts exactly as by the general pattern; other text too (in
    whole grapheme clusters where code points may join: test_text_semantics.py)."""
    general = re.compile(rf"[{SPACELESS}]|[^\W{SPACELESS}]+")

    def words(text: str) -> list[str]:
        if text.isascii() or not may_join(text):
            return general.findall(text)
        return [word for word in cluster_pattern(WORD_CLUSTERS).findall(text) if word]

    assert word_tokens(text) == words(text)
    assert count_words(text) == len(words(text))
    assert folded_word_tokens(text) == words(text.casefold())


@settings(max_examples=500, deadline=None)
@given(_mixed_text)
def test_plain_counts_are_the_word_count_and_the_token_count(text: str) -> None:
    """Where the one-pass counts answer (text whose non-ASCII characters are all separators
    such as curly quotes and dashes), they are ``count_words`` and ``str.split``'s count;
    they answer for ASCII text, and for typographic text, always."""
    general = re.compile(rf"[{SPACELESS}]|[^\W{SPACELESS}]+")
    counts = plain_counts(text)
    if counts is not None:
        assert counts == (len(general.findall(text)), len(text.split()))
        assert count_words(text) == counts[0]
    ascii_only = text.encode("ascii", "replace").decode()
    typographic = "".join(c if c.isascii() else "\u201c" for c in text).replace("\r", "")
    for variant in (ascii_only, typographic):
        assert plain_counts(variant) == (len(general.findall(variant)), len(variant.split()))


# Chinese, Japanese and Thai with their punctuation, spaced words, marks that join.
_SPACELESS_TEXT = st.text(
    alphabet="中文字的日本語ひらがなカタカナ・ภาษาไทย่\U00020001，。、ab 9\u00e9\u0301\u00a0\u201c-",
    max_size=60,
)


@settings(max_examples=500, deadline=None)
@given(_SPACELESS_TEXT)
def test_spaceless_counts_by_runs_equal_the_counts_by_character(text: str) -> None:
    """Counted a run of a spaceless script at a time (``spaceless_split``), the reader's words
    and the rules' words are what a match per character gives."""
    each = re.compile(f"[{SPACELESS}]")
    assert count_words(text) == len(word_tokens(text))
    reference = float(count_words(each.sub(" ", text)))
    for script, per_word in text_facts_module._CHARACTERS_PER_WORD:
        characters = len(re.findall(script, text))
        if characters:
            reference += max(1.0, characters / per_word)
    expected = max(1, round(reference)) if text.strip() else 0
    assert text_facts_module._spaceless_words(text, spaceless_split(text)) == expected


def test_spaceless_marks_are_the_marks_that_join_in_their_scripts() -> None:
    """``SPACELESS_MARKS`` are exactly the Thai, Lao and kana characters that ``regex``
    joins to a letter before them, whichever letter; no other two of them join, nor does a
    letter after a mark (no stacking as in Myanmar or Khmer)."""
    import regex

    cluster = regex.compile(r"\X")
    marks = re.compile(f"[{SPACELESS_MARKS}]")
    chars = [chr(c) for c in [*range(0x0E00, 0x0F00), *range(0x3040, 0x3100)]]
    chars = [c for c in chars if c.isprintable()]
    for base in ("ก", "ສ", "あ", "カ"):
        joining = {c for c in chars if cluster.fullmatch(base + c)}
        assert joining == {c for c in chars if marks.match(c)}
    letters = [c for c in chars if not marks.match(c)]
    for first in letters[::7]:
        for second in letters[::5]:
            assert len(cluster.findall(first + second)) == 2
            assert len(cluster.findall(first + "\u0e48" + second)) == 2


# Thai, Lao and kana with their marks, beside what sends a text the long way: Latin letters
# and digits a mark may glue, combining accents, ZWJ, NBSP, Myanmar and Khmer stacks.
_MARKED_TEXT = st.text(
    alphabet="กขคงะาำิี็่้๊์ເແສະບາຍດີັ່້ົຼあかがガ゚゙中 ab9,.\u00a0\u0301\u200dကျ္ក្ខ、。",
    max_size=30,
)


@settings(max_examples=1000, deadline=None)
@given(_MARKED_TEXT)
@example("กำลังไปนะ")
@example("ั้กา")
@example("aຼ9")
def test_words_beside_marks_are_the_words_of_whole_clusters(text: str) -> None:
    """Cut and counted without ``regex`` where only Thai, Lao or kana marks join, the words
    are those of whole grapheme clusters."""
    words = [word for word in cluster_pattern(WORD_CLUSTERS).findall(text) if word]
    assert word_tokens(text) == words
    assert count_words(text) == len(words)
    folded = text.casefold()
    assert folded_word_tokens(text) == [
        w for w in cluster_pattern(WORD_CLUSTERS).findall(folded) if w
    ]


# Whitespace of several kinds, spaceless scripts, letters, a combining mark, separators.
_SPACED = "ab \n\t\x1c\u00a0\u2003\u3000\u4e2d\u0e01\u00e9\u0301\u201c\u2014.-"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_SPACED, max_size=30))
def test_rules_word_facts_equal_the_long_counts(text: str) -> None:
    """The rules' capped whitespace word count from the one-pass counts equals the long way
    (``count_rule_words``), and so does the reader's count; the last character kept says
    whether the text ends with a full stop, and with a question or exclamation mark."""
    cap = 5
    words, last, reader = text_facts(text, cap)
    assert words == count_rule_words(text, cap)
    assert reader == count_words(text)
    assert (last in SENTENCE_END) == ends_with_full_stop(text)
    stripped = text.rstrip(CLOSERS)
    assert (last in kinds._ASKING) == (bool(stripped) and stripped[-1] in kinds._ASKING)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_mixed_text, st.text(alphabet=_SPACED, max_size=30)))
def test_counts_of_a_key_by_its_spaces_equal_the_long_counts(text: str) -> None:
    """A key's tokens counted as its spaces plus one (what a comparison does: its texts are
    keys) equal the tokens counted in its bytes, and so do the rules' facts."""
    key = normalise(text)
    assert plain_counts(key, key=True) == plain_counts(key)
    assert text_facts(key, 5, key=True) == text_facts(key, 5)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_mixed_text, st.text(alphabet=_SPACED, max_size=30)), max_size=8))
def test_key_facts_learnt_in_batches_equal_each_key_s_facts(texts: list[str]) -> None:
    """The rules' facts of keys computed a batch at a time (one pass over the bytes of a
    batch; a batch with a character of the slow road takes each key's own path) equal each
    key's own facts, in the order the keys came; ``plain_key_counts`` is ``count_words``."""
    keys = list(dict.fromkeys(normalise(text) for text in texts))
    with patch.object(text_facts_module, "_BATCH", 3):
        learnt: dict[str, tuple[int, str, int]] = {}
        learn_key_facts(keys, 5, learnt)
    assert list(learnt.items()) == [(key, text_facts(key, 5, key=True)) for key in keys]
    counts = plain_key_counts(keys)
    if counts is not None:
        assert counts == [count_words(key) for key in keys]
    typographic = [key.encode("ascii", "replace").decode() + "“—" for key in keys]
    assert plain_key_counts(typographic) == [count_words(key) for key in typographic]


@settings(max_examples=500, deadline=None)
@given(_mixed_text)
def test_scanned_translations_equal_str_translate(text: str) -> None:
    """Keys and typographic folding found by scanning for the characters a table changes equal
    ``str.translate`` with the table itself."""
    parts = split_at_emoji_joiners(unicodedata.normalize("NFC", text))  # (👨‍👩‍👧 keeps its ZWJs)
    long_key = " ".join("\u200d".join(p.translate(_INVISIBLE) for p in parts).split())
    assert normalise(text) == long_key
    assert fold_typography(text) == text.translate(_TYPO_FOLD)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_tokens_are_the_general_cut(text: str) -> None:
    """For ASCII text the cheap token pattern cuts exactly as the spaceless-aware one does."""
    general = spaceless_pattern(worddiff._TOKEN).findall(text)
    assert tokenize(text) == general
    assert "".join(general) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\x0c\x1c\u00a0\u2028\u200b\u00ad.", max_size=60))
def test_block_scan_gives_the_line_by_line_paragraphs(text: str) -> None:
    """Where the one-scan split finds several blocks, they are the line-by-line paragraphs."""
    fast = list(map(RawParagraph, *_block_columns(text)))
    if len(fast) > 1:
        assert fast == _split_lines(text)
    assert split_paragraphs(text) == _split_lines(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=160), max_size=40))
def test_keys_taken_as_they_are_equal_the_long_normalisation(text: str) -> None:
    """The shortcut that keeps a text as its own key agrees with collapsing whitespace."""
    assert normalise(text) == " ".join(text.split()) or not text.isascii()


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


_few_words = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=12)


_count_lists = st.lists(_few_words.map(Counter), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(_count_lists, _count_lists, st.integers(1, 20), st.sampled_from([1, 16]), st.integers(1, 8))
def test_shared_words_counted_on_ints_are_the_multiset_intersections(
    olds: list[Counter[str]], news: list[Counter[str]], width: int, meets: int, rows: int
) -> None:
    """The pairing programme's shared-word counts, row by row along its band (on ints where
    rows are wide, a stretch of rows at a time), are the sizes of the word multisets'
    intersections."""
    with patch.object(pairing, "MASK_MEETS", meets), patch.object(pairing, "MASK_ROWS", rows):
        counter = _SharedWords(olds, news, width)
        for i in range(len(olds)):
            lo, hi = _band(i + 1, len(olds), len(news), width)
            start = max(lo, 1) - 1
            assert counter.row(i, start, hi) == [(olds[i] & b).total() for b in news[start:hi]]


@settings(max_examples=300, deadline=None)
@given(_few_words, _few_words, _few_words)
def test_word_bags_count_shared_words_and_splits_as_multisets_do(
    whole: list[str], first: list[str], second: list[str]
) -> None:
    """Bags of word occurrences share as many words as the word multisets (``Counter``) do,
    and a split's gain from bags (0: no split) is the one counted on multisets."""
    a, b, c = Counter(whole), Counter(first), Counter(second)
    assert len(word_bag(whole) & word_bag(first)) == (a & b).total()
    total = a.total() + b.total() + c.total()
    sizes_allow = (
        bool(first and second) and 2 * min(a.total(), b.total() + c.total()) >= 0.8 * total
    )
    shared = (a & (b + c)).total()
    mostly = (a & b).total() >= 0.5 * b.total() and (a & c).total() >= 0.5 * c.total()
    expected = shared if sizes_allow and mostly and 2 * shared / total >= 0.8 else 0
    sizes = a.total(), b.total(), c.total()
    with_second = (a & c).total()  # The counts the pairing programme passes along.
    assert _join((a, b, c), sizes, (a & b).total(), with_second, 0.8)[0] == expected
    assert _join((a, b, c), sizes, -1, with_second, 0.8)[0] == expected  # -1: not counted yet


def _plain_programme(olds: list[list[str]], news: list[list[str]], t: Thresholds) -> list[Step]:
    """The pairing programme cell by cell, as its module doc states it, on ``Counter``s."""
    m, n = len(olds), len(news)
    a, b = [Counter(p) for p in olds], [Counter(p) for p in news]
    width = n if m * n <= pairing.MAX_BLOCK_CELLS else pairing.BAND + -(-max(n, m) // min(n, m))

    def join_gain(whole: Counter[str], first: Counter[str], second: Counter[str]) -> float:
        sizes = whole.total(), first.total(), second.total()
        total = sum(sizes)
        if not (sizes[1] and sizes[2]) or 2 * min(sizes[0], sizes[1] + sizes[2]) / total < t.split:
            return 0
        with_first, with_second = (whole & first).total(), (whole & second).total()
        if with_first < 0.5 * sizes[1] or with_second < 0.5 * sizes[2]:
            return 0
        shared = (whole & (first + second)).total()
        return shared if 2 * shared / total >= t.split else 0

    scores: list[dict[int, int]] = [dict.fromkeys(range(min(n, width) + 1), 0)]
    los, picks = [0], [[(Op.EQUAL, 0.0)] + [(Op.INSERTED, 0.0)] * min(n, width)]
    for i in range(1, m + 1):
        lo, hi = _band(i, m, n, width)
        row: dict[int, int] = {}
        los.append(lo)
        picks.append([])
        for j in range(lo, hi + 1):
            best, pick = -1, (Op.REMOVED, 0.0)
            if j > lo and row[j - 1] > best:
                best, pick = row[j - 1], (Op.INSERTED, 0.0)
            if scores[i - 1].get(j, -1) > best:
                best, pick = scores[i - 1][j], (Op.REMOVED, 0.0)
            if j and scores[i - 1].get(j - 1, -1) >= 0:
                shared = (a[i - 1] & b[j - 1]).total()
                total = a[i - 1].total() + b[j - 1].total()
                sim = 2 * shared / total if total else 1.0
                if sim >= t.pair and scores[i - 1][j - 1] + shared > best:
                    best, pick = scores[i - 1][j - 1] + shared, (Op.CHANGED, sim)
            for op, base, parts in (
                (Op.SPLIT, scores[i - 1].get(j - 2, -1), (a[i - 1], *b[j - 2 : j])),
                (
                    Op.MERGED,
                    scores[i - 2].get(j - 1, -1) if i > 1 else -1,
                    (b[j - 1], *a[i - 2 : i]),
                ),
            ):
                gain = join_gain(*parts) if base >= 0 and j > 1 - (op is Op.MERGED) else 0
                if gain and base + gain > best:
                    total = sum(p.total() for p in parts)
                    best, pick = int(base + gain), (op, 2 * gain / total)
            row[j] = best
            picks[i].append(pick)
        scores.append(row)
    return pairing._trace(picks, los, range(m), range(n))


_paragraph_lists = st.lists(st.lists(st.sampled_from("abcde"), max_size=8), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(_paragraph_lists, _paragraph_lists, st.sampled_from([0.3, 0.5, 0.8]), st.booleans())
# A split and a merge whose second part shares exactly half its words with the whole.
@example([list("abcd")], [list("ab"), list("ce")], 0.5, False)
@example([list("ab"), list("ce")], [list("abcd")], 0.5, False)
def test_pairing_programme_shortcuts_give_the_plain_programmes_steps(
    olds: list[list[str]], news: list[list[str]], pair: float, banded: bool
) -> None:
    """The pairing programme's shortcuts (shared words counted on ints, runs of cells that
    only a removal or an insertion reaches filled at once, neighbours' counts reused) give
    the steps of the plain cell-by-cell programme, in a band or not."""
    t = Thresholds(pair=pair, split=0.6)
    keys_a, keys_b = [" ".join(p) for p in olds], [" ".join(p) for p in news]
    cells = 4 if banded else pairing.MAX_BLOCK_CELLS
    with (
        patch.object(pairing, "MAX_BLOCK_CELLS", cells),
        patch.object(pairing, "BAND", 2),
        patch.object(pairing, "MASK_MEETS", 1),
        patch.object(pairing, "MASK_ROWS", 3),
        patch.object(pairing, "MANY_CELLS", 1 if banded else 4),
    ):
        steps = _pair_dp(range(len(olds)), range(len(news)), WordBags(keys_a), WordBags(keys_b), t)
        assert steps == _plain_programme(olds, news, t)


def test_a_version_in_two_pairs_counts_its_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three versions, each paragraph edited every time: the middle version's word counts,
    made when it is aligned with the first, serve its alignment with the third (the changes
    are those of the two pairs compared alone)."""
    versions = [
        "\n\n".join(f"Paragraph {n} of the story, take {take}: said {n * take}." for n in range(3))
        for take in range(1, 4)
    ]
    made: list[str] = []
    real = steps.folded_word_tokens
    monkeypatch.setattr(steps, "folded_word_tokens", lambda key: made.append("") or real(key))
    three = compare_texts(versions)
    assert len(made) == 9  # Three counts per version, not six for the middle one.
    for k in (0, 1):
        alone = compare_texts(versions[k : k + 2]).changes
        pair = [c for c in three.changes if c.from_version == k]
        assert [(c.type, c.old, c.new, c.word_ops, c.similarity) for c in pair] == [
            (c.type, c.old, c.new, c.word_ops, c.similarity) for c in alone
        ]


@settings(max_examples=500, deadline=None)
@given(_mixed_text)
def test_loose_words_of_non_ascii_text_are_the_one_pass_translation(text: str) -> None:
    """Mapping a text's non-ASCII characters first, then the rest (fast once it is ASCII),
    gives the words of one translation of the whole text; so does mapping the table's
    output of any character once more."""
    once = _HYPHEN.sub(" ", text.translate(_UNPUNCTUATED)).split()
    assert _unpunctuated_words(text) == once
    for char in text:
        mapped = _UNPUNCTUATED[ord(char)]
        twice = mapped.translate(_UNPUNCTUATED)
        assert re.sub(" +", " ", twice) == re.sub(" +", " ", mapped)


def test_rows_with_equal_links_share_one_tuple() -> None:
    """Memory: a comparison has few distinct row links; rows hold one tuple of each, not one
    per row (and the same status)."""
    old = "\n\n".join(f"Paragraph number {n} of the story." for n in range(20))
    new = old.replace("number 3 ", "number three ").replace("Paragraph number 9 of the story.", "")
    rows = compare_texts([old, new]).rows
    by_links: dict[tuple[object, ...], set[int]] = {}
    for row in rows:
        by_links.setdefault(row.links, set()).add(id(row.links))
    assert len(by_links) > 1
    assert all(len(ids) == 1 for ids in by_links.values())
