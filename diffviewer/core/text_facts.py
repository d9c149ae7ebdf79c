"""What the kinds rules read of one paragraph's text: its words (counted so that a limit means
the same in every script), whether it ends with a full stop, and whether it is in title case.

Words: whitespace-separated tokens; in scripts written without spaces (Chinese, Japanese, Thai,
Lao, Khmer, Burmese), characters divided by the average length of a word there
(``_CHARACTERS_PER_WORD``). A text's facts are found once per distinct text by ``core.kinds``
(``KindMemo``), a batch of paragraph keys at a time where their characters allow
(``learn_key_facts``).
Imports: the standard library and ``core`` (paragraphs, words) only.
"""

from __future__ import annotations

import functools
import re
from itertools import repeat
from operator import add

from diffviewer.core.paragraphs import single_spaced
from diffviewer.core.words import (
    count_other_words,
    count_words,
    plain_counts,
    plain_key_counts,
    spaceless_pattern,
    spaceless_split,
)

__all__ = [
    "CLOSERS",
    "SENTENCE_END",
    "count_rule_words",
    "ends_with_full_stop",
    "is_title_case",
    "learn_key_facts",
    "text_facts",
]

#: Full stops, question and exclamation marks of many scripts: Latin, CJK (full and half
#: width), Devanagari and Bengali danda, Urdu, Arabic, Armenian, Ethiopic, Burmese.
SENTENCE_END = frozenset(".!?…。！？．｡।॥۔؟։።။‼⁇")
#: What may follow a full stop at a text's end: closing quotes and brackets, spaces, and the
#: invisible operators and direction marks some sites leave after the last word.
CLOSERS = "\"'”’»)]*› \u00a0\u2062\u2063\u2064\u200e\u200f"
_OPENERS = "\"'‘“«¿¡([*"
# Words a title-case headline leaves in lower case (English, French, German, Spanish).
_SMALL = (
    "a an and as at but by for from if in into nor of off on onto or out over per so than the "
    "to up via vs with "
    "à au aux d de des du en et l la le les ou par pour sur un une "
    "am auf aus bei das dem den der die ein eine für im mit und von vor zu zum zur "
    "al con del el las lo los para por una y"
)
_SMALL_WORDS = frozenset(_SMALL.split())


def is_title_case(text: str) -> bool:
    """Most words capitalised: of the words starting with a letter, small words (a, of, the,
    de, und, …: ``_SMALL``) left out, at least two, and three in four start with a capital."""
    capitalised = counted = 0
    for token in text.split():
        word = token.lstrip(_OPENERS)
        if not word or not word[0].isalpha():
            continue
        if word.lower().rstrip(".,:;!?’'\"”") in _SMALL_WORDS:
            continue
        counted += 1
        capitalised += word[0].isupper()
    return counted >= 2 and capitalised * 4 >= counted * 3


def text_facts(text: str, cap: int, *, key: bool = False) -> tuple[int, str, int]:
    """Words counted up to ``cap`` (``count_rule_words``), the last character left of closing
    quotes and brackets (a full stop: ``SENTENCE_END``), and its words as a reader counts
    them (``words.count_words``). ``key``: the text is a paragraph key (see
    ``words.plain_counts``)."""
    counts = plain_counts(text, key=key)
    last = text.rstrip(CLOSERS)[-1:]
    if counts is None:
        rule_words, words = _other_counts(text, cap)
        return rule_words, last, words
    # No character of a spaceless script: whitespace-separated tokens are the words.
    return min(counts[1], cap), last, counts[0]


#: Keys counted in one batch (``words.plain_key_counts``): text of a script that takes
#: the slow road sends only its batch there.
_BATCH = 2048


def learn_key_facts(keys: list[str], cap: int, known: dict[str, tuple[int, str, int]]) -> None:
    """``text_facts(key, cap, key=True)`` of each of ``keys`` into ``known``, computed a
    batch at a time with ``map`` over C methods (the same values, without the Python calls
    per key that cost most of the work on a paragraph)."""
    for start in range(0, len(keys), _BATCH):
        batch = keys[start : start + _BATCH]
        counts = plain_key_counts(batch)
        if counts is None:
            known.update((key, text_facts(key, cap, key=True)) for key in batch)
            continue
        # As ``plain_counts(key=True)``: tokens are the spaces and one, but in an empty key.
        tokens = map(
            min, map(add, map(str.count, batch, repeat(" ")), map(bool, batch)), repeat(cap)
        )
        # The last character left of the closers, if any.
        last = map(str.__getitem__, map(str.rstrip, batch, repeat(CLOSERS)), repeat(_LAST))
        known.update(zip(batch, zip(tokens, last, counts, strict=True), strict=True))


_LAST = slice(-1, None)


def count_rule_words(text: str, cap: int) -> int:
    """Words, counted up to ``cap``: whitespace-separated tokens, and in scripts written
    without spaces, characters divided by how many make a word there on average
    (``_CHARACTERS_PER_WORD``), so that word limits mean the same in every script, with or
    without spaces between phrases ("槇原容疑者 違約金は10億超か 写真": three tokens, eight
    words)."""
    count = _tokens(text, cap)
    if count < cap and _has_spaceless(text):
        return min(_spaceless_words(text, spaceless_split(text)), cap)
    return count


def _other_counts(text: str, cap: int) -> tuple[int, int]:
    """``(count_rule_words(text, cap), count_words(text))`` of a text that ``plain_counts``
    turned away, with the runs of spaceless scripts found once for both."""
    count = _tokens(text, cap)
    spaceless = _has_spaceless(text)
    if spaceless and count < cap:
        split = spaceless_split(text)
        return min(_spaceless_words(text, split), cap), count_other_words(text, split)
    return count, count_other_words(text, spaceless=spaceless)


def _tokens(text: str, cap: int) -> int:
    """Whitespace-separated tokens, counted up to ``cap``."""
    if single_spaced(text):  # A key (the usual input): counting spaces makes no word list.
        return min(text.count(" ") + 1 if text else 0, cap)
    return min(len(text.split(None, cap)), cap)


def _has_spaceless(text: str) -> bool:
    """Whether ``text`` holds a character of a spaceless script."""
    return not text.isascii() and spaceless_pattern("[{S}]").search(text) is not None


#: Characters per word in scripts written without spaces: about two Chinese characters say
#: what one English word says (a word has one to three), Japanese adds kana endings, and a
#: Thai, Lao, Khmer or Burmese word is several letters and marks. So a 20-word limit is about
#: 20 English words' worth of text in any script.
_CHARACTERS_PER_WORD = (
    ("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]", 2.0),
    ("[\u3040-\u30ff]", 2.5),
    ("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]", 4.5),
)


def _spaceless_words(text: str, split: tuple[str, list[str]]) -> int:
    """``words.count_words`` with the characters of spaceless scripts counted as words
    (see ``_CHARACTERS_PER_WORD``) instead of one each (one per grapheme cluster there).
    ``split``: ``spaceless_split(text)``."""
    rest, runs = split
    count = float(count_words(rest))
    spaceless = "".join(runs)
    # The scripts' classes share out SPACELESS: the last one's characters are the others' rest
    # (Thai text, with neither Chinese characters nor kana, is scanned once).
    left = len(spaceless)
    east_asian = _EAST_ASIAN.search(spaceless) is not None
    for script, per_word in _CHARACTERS_PER_WORD:
        if script is _LAST_SCRIPT:
            characters = left
        elif east_asian:
            characters = sum(map(len, _compiled(script + "+").findall(spaceless)))
            left -= characters
        else:
            continue
        if characters:
            count += max(1.0, characters / per_word)
    return max(1, round(count)) if text.strip() else 0


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_LAST_SCRIPT = _CHARACTERS_PER_WORD[-1][0]
_EAST_ASIAN = re.compile("|".join(script for script, _ in _CHARACTERS_PER_WORD[:-1]))


def ends_with_full_stop(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END
