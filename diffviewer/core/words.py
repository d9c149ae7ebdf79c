"""Words in a text: what counts as one (the scripts written without spaces, where each
character is one, and grapheme clusters where code points join), the word tokens a reader
sees, and counting them fast: over a text's bytes where its characters allow, a batch of
paragraph keys at a time.

Imports: the standard library, ``regex`` (for grapheme clusters, only when a text needs
them) and ``core.graphemes``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from itertools import repeat
from operator import add
from typing import TYPE_CHECKING

from diffviewer.core.graphemes import compile_clusters, may_join

if TYPE_CHECKING:
    import regex


#: Scripts written without spaces between words: each character is a word for diffing and counting.
SPACELESS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0002fa1f"  # CJK extensions B and later
)


@functools.cache
def spaceless_pattern(template: str) -> re.Pattern[str]:
    """``template`` with ``{S}`` standing for the ``SPACELESS`` ranges, compiled on first use.

    Such classes cost milliseconds to compile (their ranges reach beyond the Basic Multilingual
    Plane): start-up does not pay for them, nor does ASCII text, which never needs them.
    """
    return re.compile(template.replace("{S}", SPACELESS))


@functools.cache
def cluster_pattern(template: str) -> regex.Pattern[str]:
    """``template`` with ``{S}`` for the ``SPACELESS`` ranges, compiled to match whole grapheme
    clusters (``graphemes``), for texts whose code points may join (``may_join``)."""
    return compile_clusters(template.replace("{S}", SPACELESS))


_WORD_TOKEN = r"[{S}]|[^\W{S}]+"
# The same words made of whole grapheme clusters: a cluster of a spaceless script, or a run of
# clusters each starting with a letter, digit or _ (the characters of ``\w``); group 1 holds
# the word (empty for any other cluster).
WORD_CLUSTERS = r"((?=[{S}])\X|(?:(?![{S}])(?=[\p{L}\p{N}_])\X)+)|\X"
_ASCII_WORD = re.compile(r"\w+", re.ASCII)
# ``_WORD_TOKEN`` for text without a character of a spaceless script: a plain category test
# per character, about twice as fast as the negated class with the scripts' ranges.
_UNICODE_WORD = re.compile(r"\w+")
# The characters ``\w`` matches in ASCII, by code.
_ASCII_WORD_CODES = frozenset(n for n in range(128) if chr(n).isalnum() or chr(n) == "_")
# ASCII word characters → "a", every other byte → " ": the words are then the runs of "a",
# counted as the places where one starts (no list of words is made: about 2.5× faster).
_ASCII_WORDS_AS_RUNS = bytes(ord("a") if n in _ASCII_WORD_CODES else ord(" ") for n in range(256))


# A non-ASCII character that is a word character or in a spaceless script. Where there is
# none, every non-ASCII character is a separator (punctuation, spaces, symbols: curly quotes,
# dashes, NBSP), and the ASCII cuts find the words that ``_WORD_TOKEN`` finds, faster.
_FOREIGN_WORD = r"[^\x00-\x7f](?:(?<=\w)|(?<=[{S}]))"


def _ascii_words(text: str) -> bool:
    """Whether ``text``'s words are all made of ASCII characters (see ``_FOREIGN_WORD``)."""
    return text.isascii() or not spaceless_pattern(_FOREIGN_WORD).search(text)


def _joins(text: str) -> bool:
    """Whether ``text``'s words must be cut in whole grapheme clusters: some of its code points
    may join (``graphemes.may_join``; never in ASCII, whose CR LF is no word)."""
    return not text.isascii() and may_join(text)


def word_tokens(text: str) -> list[str]:
    """The words of ``text``: runs of letters/digits; in spaceless scripts, one per character
    (a grapheme cluster: a word never ends inside a character a reader sees as one)."""
    if _joins(text):
        tokens = _tokens_beside_marks(text)
        if tokens is not None:
            return tokens
        return [word for word in cluster_pattern(WORD_CLUSTERS).findall(text) if word]
    if _ascii_words(text):  # The plain pattern finds the same runs, faster.
        return _ASCII_WORD.findall(text)
    return _spaced_or_not(text).findall(text)


def _spaced_or_not(text: str) -> re.Pattern[str]:
    """The pattern that finds ``_WORD_TOKEN``'s words in ``text``: ``_UNICODE_WORD`` where no
    character of a spaceless script is (Cyrillic, Arabic, Greek, Hangul…; a search for one
    takes a sixth of cutting the words)."""
    if spaceless_pattern("[{S}]").search(text) is None:
        return _UNICODE_WORD
    return spaceless_pattern(_WORD_TOKEN)


# ASCII: word characters lower-cased, every other character a space (then ``str.split``).
_ASCII_FOLDED_WORDS = str.maketrans(
    {n: chr(n).lower() if n in _ASCII_WORD_CODES else " " for n in range(128)}
)


# The same as bytes, for UTF-8: every byte of a non-ASCII character → " ".
_FOLDED_WORD_BYTES = bytes(ord(_ASCII_FOLDED_WORDS.get(n, " ")) for n in range(256))


def folded_word_tokens(text: str) -> list[str]:
    """``word_tokens(text.casefold())``: the words compared for similarity (faster when their
    characters are ASCII, see ``_FOREIGN_WORD``)."""
    if text.isascii():
        return text.translate(_ASCII_FOLDED_WORDS).split()
    folded = text.casefold()
    if _joins(folded):
        return word_tokens(folded)
    if _ascii_words(folded):
        utf8 = folded.encode("utf-8", "surrogatepass")
        return utf8.translate(_FOLDED_WORD_BYTES).decode("ascii").split()
    return _spaced_or_not(folded).findall(folded)


# UTF-8 bytes → "a" for what is no whitespace (``str.split``'s) in ASCII, " " for the rest:
# a text's tokens are then the runs of "a", counted as ``_ASCII_WORDS_AS_RUNS``' runs are.
_NON_SPACE_AS_RUNS = bytes(
    ord(" ") if n < 128 and chr(n).isspace() else ord("a") for n in range(256)
)
_ASCII_BYTES = bytes(range(128))
# Non-ASCII characters found ``_plain`` so far, and found not to be (sets: one C call tests a
# text's characters).
_PLAIN: set[str] = set()
_NOT_PLAIN: set[str] = set()
_NON_ASCII = re.compile("[^\x00-\x7f]")


@functools.cache
def _plain(char: str) -> bool:
    """Whether a non-ASCII character counts as ASCII punctuation does in both counts of
    ``plain_counts``: no whitespace, no word character, no spaceless script (see
    ``_FOREIGN_WORD``), never joined to its neighbours (``graphemes.may_join``): curly quotes,
    dashes, ellipses, currency signs."""
    return (
        not char.isspace()
        and not may_join(char)
        and spaceless_pattern(_FOREIGN_WORD).search(char) is None
    )


def plain_counts(text: str, *, key: bool = False) -> tuple[int, int] | None:
    """``(count_words(text), len(text.split()))`` from passes over ``text``'s bytes, if every
    non-ASCII character in it is ``_plain`` (most news text: ASCII words, curly quotes and
    dashes); None for other text.

    Each count is the number of places where a run starts: of word bytes
    (``_ASCII_WORDS_AS_RUNS``: every byte of a non-ASCII character is none), of bytes that are
    no whitespace (``_NON_SPACE_AS_RUNS``: nor are they). ``key``: ``text`` is a key
    (``normalise``), whose only whitespace is single spaces between tokens: they are counted
    instead (a pass of a third of the work).
    """
    utf8 = _plain_utf8(text)
    if utf8 is None:
        return None
    words = _runs(utf8.translate(_ASCII_WORDS_AS_RUNS))
    if key:
        return words, text.count(" ") + 1 if text else 0
    return words, _runs(utf8.translate(_NON_SPACE_AS_RUNS))


# ``_ASCII_WORDS_AS_RUNS`` with the line feed (no key holds one) kept apart as "|": keys joined
# by line feeds are then counted in one pass and cut apart again (``plain_key_counts``).
_KEY_WORDS_AS_RUNS = _ASCII_WORDS_AS_RUNS[:10] + b"|" + _ASCII_WORDS_AS_RUNS[11:]


def plain_key_counts(keys: Sequence[str]) -> list[int] | None:
    """``count_words`` of each of ``keys`` (``normalise``'s: no line break, no CR), from one
    pass over the bytes of all of them, if every non-ASCII character among them is
    ``_plain``; None for other text (each key then takes ``count_words``' own path).

    One encoding, one translation and one count a key made in C (``map``): the Python work
    per key of ``plain_counts`` (three calls) is most of its cost on a paragraph."""
    if not keys:
        return []
    utf8 = "\n".join(keys).encode("utf-8", "surrogatepass")
    if not _only_plain(utf8):
        return None
    runs = utf8.translate(_KEY_WORDS_AS_RUNS).split(b"|")
    return list(
        map(add, map(bytes.count, runs, repeat(b" a")), map(bytes.startswith, runs, repeat(b"a")))
    )


def _plain_utf8(text: str) -> bytes | None:
    """``text`` in UTF-8 if each of its non-ASCII characters is ``_plain``, else None.

    A text whose first non-ASCII character is known not to be (a Russian, Arabic or Chinese
    paragraph: its first letter) is turned away by one search, before it is encoded."""
    if not text.isascii():  # (isascii is O(1); the search is not, and ASCII text is most.)
        first = _NON_ASCII.search(text)
        if first is not None and first.group() in _NOT_PLAIN:
            return None
    utf8 = text.encode("utf-8", "surrogatepass")
    if len(utf8) != len(text):
        if "\r" in text:  # CR LF is one grapheme cluster: count_words' own path.
            return None
        if not _only_plain(utf8):
            return None
    return utf8


def _only_plain(utf8: bytes) -> bool:
    """Whether each non-ASCII character of ``utf8`` (a text's UTF-8) is ``_plain`` (those
    found so or not are remembered in ``_PLAIN`` and ``_NOT_PLAIN``: a Chinese paragraph is
    then turned away at its first character, without a set of its characters)."""
    if utf8.isascii():
        return True
    others = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if _PLAIN.issuperset(others):
        return True
    if not _NOT_PLAIN.isdisjoint(others):
        return False
    new = set(others).difference(_PLAIN)
    plain = {char for char in new if _plain(char)}
    _PLAIN.update(plain)
    _NOT_PLAIN.update(new.difference(plain))
    return len(plain) == len(new)


def _runs(runs: bytes) -> int:
    """The runs of "a" in bytes of "a" and " "."""
    return runs.count(b" a") + runs.startswith(b"a")


def count_words(text: str) -> int:
    """Words as a reader counts them (see ``word_tokens``)."""
    utf8 = _plain_utf8(text)
    if utf8 is not None:  # Runs of ASCII word characters, counted fast (see plain_counts).
        return _runs(utf8.translate(_ASCII_WORDS_AS_RUNS))
    return count_other_words(text)


def count_other_words(
    text: str, split: tuple[str, list[str]] | None = None, *, spaceless: bool = True
) -> int:
    """``count_words`` of a text found not to be plain (``plain_counts`` gave None), without
    that test again. ``split``: ``spaceless_split(text)``, if the caller has it;
    ``spaceless=False``: the caller found no character of a spaceless script in ``text``."""
    if _joins(text):
        count = _count_beside_marks(text)
        return len(word_tokens(text)) if count is None else count
    if _ascii_words(text):  # The same runs, other separators among them (NBSP…).
        return _runs(text.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS_AS_RUNS))
    # Each character of a spaceless script is a word; the rest, with those made spaces, has
    # none and takes its own (often the fast) road: no list of one-character words is made.
    if split is None:
        if not spaceless or spaceless_pattern("[{S}]").search(text) is None:
            return len(_UNICODE_WORD.findall(text))  # (See _spaced_or_not.)
        split = spaceless_split(text)
    rest, runs = split
    return sum(map(len, runs)) + count_words(rest)


#: The marks of spaceless scripts that join the character before them into one grapheme
#: cluster (Thai and Lao vowel and tone marks, kana's voicing marks; a test derives them
#: from ``regex``); those scripts have no other joining rule. Myanmar and Khmer also stack
#: a consonant under a virama or coeng: ``_STACKING`` sends their text the long way.
SPACELESS_MARKS = (
    "\u0e31\u0e33\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb3\u0eb4-\u0ebc\u0ec8-\u0ecd\u3099\u309a"
)
_MARK_RUNS = re.compile(f"[{SPACELESS_MARKS}]+")
_CLUSTERS_IN_RUN = re.compile(f"[{SPACELESS_MARKS}]+|[^{SPACELESS_MARKS}][{SPACELESS_MARKS}]*")
_STACKING = re.compile("[\u1000-\u109f\u1780-\u17ff]")


def _parts_beside_marks(text: str) -> tuple[list[str], str, str] | None:
    r"""``text`` cut into the rest and its runs of spaceless characters (``_spaceless_parts``),
    with the rest joined by spaces and the runs joined, if its code points join only as the
    marks of Thai, Lao or kana join the character before them within those runs: there each
    character but those marks opens a grapheme cluster, a word (a mark first in the text is a
    cluster and a word of its own). None for other text, which takes the long way (``\X`` of
    the ``regex`` package, about 0.2 µs a character): a run that opens with a mark after other
    text (the mark joins that text's last cluster, and may glue two words into one: "aຼ9" is
    one), a control character (after which a mark opens a cluster), a joining character
    outside the runs, Myanmar or Khmer."""
    if not text.isprintable():
        return None
    parts = _spaceless_parts(text)
    runs = parts[1::2]
    if not runs:
        return None
    if any(map(_MARK_RUNS.match, runs[1:])) or (parts[0] and _MARK_RUNS.match(runs[0])):
        return None
    rest, spaceless = " ".join(parts[::2]), "".join(runs)
    if may_join(rest) or _STACKING.search(spaceless) is not None:
        return None
    return parts, rest, spaceless


def _count_beside_marks(text: str) -> int | None:
    """``count_words`` of a text ``_parts_beside_marks`` cuts, else None."""
    cut = _parts_beside_marks(text)
    if cut is None:
        return None
    _, rest, spaceless = cut
    marks = sum(map(len, _MARK_RUNS.findall(spaceless)))
    first = _MARK_RUNS.match(text) is not None
    return len(spaceless) - marks + first + count_words(rest)


def _tokens_beside_marks(text: str) -> list[str] | None:
    """``word_tokens`` of a text ``_parts_beside_marks`` cuts (a run's clusters: a character
    and the marks after it, or the marks that open the text), else None."""
    cut = _parts_beside_marks(text)
    if cut is None:
        return None
    tokens: list[str] = []
    for n, part in enumerate(cut[0]):
        tokens += (_CLUSTERS_IN_RUN if n % 2 else _UNICODE_WORD).findall(part)
    return tokens


def _spaceless_parts(text: str) -> list[str]:
    """``text`` cut at its runs of characters of spaceless scripts: the other text, then a
    run, and so on (``parts[1::2]``: the runs), in one pass."""
    return spaceless_pattern("([{S}]+)").split(text)


def spaceless_split(text: str) -> tuple[str, list[str]]:
    """``text`` with each run of characters of spaceless scripts made one space, and those
    runs, found in one pass (runs, not characters: the regular expression engine takes a run
    in one step, about 7× faster than a match per character)."""
    parts = _spaceless_parts(text)
    if len(parts) == 1:
        return text, []
    return " ".join(parts[::2]), parts[1::2]
