"""Text → paragraphs, and the normalised keys paragraphs are compared on.

A paragraph is a block separated by blank lines; a text with no blank line at all is one
paragraph per non-empty line (scraped pages often come that way). Keys: Unicode NFC, every
whitespace run as one space, trimmed; options add case folding and typographic folding
(``TYPOGRAPHY``: the one table of what is typography and what is content).
Imports: the standard library, ``core.model`` and ``core.graphemes``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate, repeat
from operator import add, sub
from typing import TYPE_CHECKING, NamedTuple

from diffviewer.core.graphemes import compile_clusters, may_join, split_at_emoji_joiners

if TYPE_CHECKING:
    import regex

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
# str.split() with no argument splits on every Unicode whitespace (NBSP, thin space, tabs…).
# Zero-width characters are not whitespace but are invisible: they never make a difference,
# and a line holding nothing else is blank.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _ZERO_WIDTH), None)


class CharClass(NamedTuple):
    """A class of characters in the typography table, and what folding makes of it."""

    name: str
    chars: str
    """Its characters: all of them where ``fold`` is set or Unicode would say otherwise,
    else examples of a Unicode category (see ``ignorable``)."""
    fold: str | None
    """The ASCII twin its characters fold to; None: each stays itself."""
    ignorable: bool
    """Dropped (after folding) when punctuation is ignored and by the typographic-only test."""


#: What ``--ignore-punctuation`` and the typographic-only test (``--mute-typographic``) make of
#: each character; the folding below derives from it (README "Typographic folding"). A
#: character in no row is ignorable when Unicode calls it punctuation (category P) and it is
#: not a word character; every other character (letters, digits, marks, symbols) is content.
#: A sign, a currency, a unit or an emoji is content: a change to it is a real change.
TYPOGRAPHY: tuple[CharClass, ...] = (
    CharClass(
        "single quotes and apostrophes",
        "'\u2018\u2019\u201a\u201b\u2039\u203a`\u00b4\u02bc",
        "'",
        True,
    ),
    CharClass(
        "double quotes", '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\uff02', '"', True
    ),
    CharClass(
        "dashes and hyphens, but a minus sign (before a digit, not after a letter or digit)",
        "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d",
        "-",
        True,
    ),
    CharClass("ellipsis", "\u2026", "...", True),
    CharClass(
        "spacing (NBSP, thin and other spaces; any whitespace run is one space in every key)",
        "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u205f\u3000",
        " ",
        False,
    ),
    CharClass(
        "other punctuation (Unicode category P)",
        ".,;:!?()[]{}/\\*\u00b7\u2022\u00a1\u00bf\u2020\u3001\u3002\u300c\u300d",
        None,
        True,
    ),
    CharClass(
        "percent, per mille, number, at, ampersand, section and pilcrow signs",
        "%\u2030\u2031\u066a\uff05#\uff03@\uff20&\uff06\u00a7\u00b6",
        None,
        False,
    ),
    CharClass(
        "primes (feet and inches, minutes and seconds)", "\u2032\u2033\u2034\u2057", None, False
    ),
    CharClass("signs and operators", "+\u00b1\u00d7\u00f7=<>~^|", None, False),
    CharClass("currency signs", "$\u00a3\u20ac\u00a5\u00a2\u20b9\u20bd\u20a9", None, False),
    CharClass("degrees and other units", "\u00b0\u2103\u2109\u00b5\u2126", None, False),
    CharClass(
        "emoji and other symbols",
        "\U0001f44d\U0001f44e\U0001f1eb\U0001f1f7\u00a9\u00ae\u2122\u2605",
        None,
        False,
    ),
)

# Typographic variants → their ASCII twins (the table's rows with a fold).
_TYPO_FOLD = str.maketrans(
    {char: row.fold for row in TYPOGRAPHY if row.fold is not None for char in row.chars}
)
_LISTED = {char: row.ignorable for row in TYPOGRAPHY for char in row.chars}
_WORD_CHAR = re.compile(r"\w")
# A hyphen that is no minus sign: after a word character, or not before a digit.
# (Led by the literal, so that a scan skips to each hyphen.)
_HYPHEN = re.compile(r"-(?:(?<=\w-)|(?!\d))")


def _ignorable(char: str) -> bool:
    """Whether a character (already folded) is dropped as punctuation (see ``TYPOGRAPHY``)."""
    listed = _LISTED.get(char)
    if listed is not None:
        return listed
    return unicodedata.category(char)[0] == "P" and not _WORD_CHAR.match(char)


class _Unpunctuated(dict[int, str]):
    """Code point → what a key without punctuation holds for it: its folded twin; a space if
    that is ignorable punctuation; a sign or symbol between spaces, so that the spacing around
    it is typographic only ("5 %", "5\u202f%" and "5%" alike); else itself. A hyphen stays
    as it is (``_HYPHEN`` decides).

    Filled on first sight of each character (Unicode's punctuation is spread over the whole
    range: listing it up front would cost start-up time); ``str.translate`` reads it.
    """

    def __missing__(self, code: int) -> str:
        folded = chr(code).translate(_TYPO_FOLD)
        if folded != "-":
            if all(map(_ignorable, folded)):
                folded = " "
            elif unicodedata.category(folded[0])[0] in "PS" and not _WORD_CHAR.match(folded):
                folded = f" {folded} "
        self[code] = folded
        return folded


_UNPUNCTUATED = _Unpunctuated()
for _code in range(128):  # ASCII up front: most texts need nothing else.
    _UNPUNCTUATED.__missing__(_code)


class RawParagraph(NamedTuple):
    """A paragraph before classification: its text and 1-based line span (a tuple: cheap)."""

    text: str
    first_line: int
    last_line: int


def split_paragraphs(text: str) -> list[RawParagraph]:
    """Split ``text`` into paragraphs, keeping each paragraph's original text and lines.

    Lines are joined with ``\\n`` inside a paragraph whatever the file's newline style.
    A line holding only whitespace and zero-width characters counts as blank.
    """
    if "\r" not in text:
        fast = _split_blocks(text)
        if len(fast) > 1:
            return fast
    return _split_lines(text)


def _split_lines(text: str) -> list[RawParagraph]:
    """``split_paragraphs`` the long way: line by line."""
    lines = _LINE_SPLIT.split(text)
    blank = [_is_blank(line) for line in lines]
    has_blank_separator = any(blank[i] for i in range(len(lines)) if 0 < i < len(lines) - 1)
    out: list[RawParagraph] = []
    if not has_blank_separator:
        for number, line in enumerate(lines, start=1):
            if not blank[number - 1]:
                out.append(RawParagraph(line, number, number))
        return out
    start: int | None = None
    for number, is_blank in enumerate(blank, start=1):
        if is_blank:
            if start is not None:
                block = "\n".join(lines[start - 1 : number - 1])
                out.append(RawParagraph(block, start, number - 1))
                start = None
        elif start is None:
            start = number
    if start is not None:
        out.append(RawParagraph("\n".join(lines[start - 1 :]), start, len(lines)))
    return out


def _is_blank(line: str) -> bool:
    """Whether a line shows nothing: only whitespace and zero-width characters."""
    shown = line.strip()
    return not shown or (shown[0] in _ZERO_WIDTH and not shown.translate(_INVISIBLE).strip())


# A run of non-blank lines (a visible character: neither whitespace, as ``str.strip`` sees it,
# nor zero-width), from the start of a line.
_VISIBLE = rf"[^\s{_ZERO_WIDTH}]"
_BLOCK = re.compile(rf"^[^\n]*{_VISIBLE}[^\n]*(?:\n[^\n]*{_VISIBLE}[^\n]*)*", re.MULTILINE)


# What separates two blocks: a line's end, then blank lines (each with its own line end).
_GAP = re.compile(rf"(\n(?:(?:[^\S\n]|[{_ZERO_WIDTH}])*\n)+)")


def _split_blocks(text: str) -> list[RawParagraph]:
    """The blocks of a text with ``\n`` line ends, found by splitting at the gaps between
    them (a scan that skips from line end to line end: ~5× faster than matching every
    block's lines), from the first block's first line to the last one's last.

    When there are two blocks or more, a blank line separates them, and these are the
    paragraphs ``split_paragraphs`` would build line by line; otherwise it decides.
    """
    first = _BLOCK.search(text)
    if first is None:
        return []
    start = first.start()
    shown = text.rstrip()  # The last visible character ends the last block's last line…
    while shown[-1] in _ZERO_WIDTH:
        shown = shown.rstrip(_ZERO_WIDTH).rstrip()
    stop = text.find("\n", len(shown))  # … at that line's end.
    parts = _GAP.split(text[start : len(text) if stop < 0 else stop])
    # Blocks and gaps alternate: each block's last line is its first plus its line ends.
    ends = list(accumulate(map(str.count, parts, repeat("\n"))))
    lasts = list(map((text.count("\n", 0, start) + 1).__add__, ends[::2]))
    blocks = parts[::2]
    firsts = map(sub, lasts, map(str.count, blocks, repeat("\n")))
    return list(map(RawParagraph, blocks, firsts, lasts))


def _translator(table: Mapping[int, str | int | None]) -> Callable[[str], str]:
    """``str.translate(table)`` for a table that changes few characters, found by a regex scan.

    ``str.translate`` with a dict looks up every character of a non-ASCII text (~60 ns each:
    34 µs for a news paragraph with one curly quote, bench/); a scan for the characters the
    table changes costs a few ns a character, and one lookup per character found. The set is
    derived from the table, so the two cannot disagree.
    """
    changes = {}
    for code, to in table.items():
        replacement = chr(to) if isinstance(to, int) else to or ""
        if replacement != chr(code):
            changes[chr(code)] = replacement
    if not changes:
        return str
    pattern = re.compile("[" + "".join(map(re.escape, sorted(changes))) + "]")
    lookup = changes.__getitem__

    def translate(text: str) -> str:
        return pattern.sub(lambda found: lookup(found.group()), text)

    return translate


_drop_zero_width = _translator(_INVISIBLE)


def normalise(text: str) -> str:
    """The base comparison key: NFC, invisible characters dropped, whitespace runs → one space."""
    if not text.isascii():  # ASCII is already NFC and holds no invisible characters.
        text = _drop_invisible(unicodedata.normalize("NFC", text))
    if single_spaced(text):  # Most paragraphs are keys already (no second copy is made).
        return text
    return " ".join(text.split())


def _drop_invisible(text: str) -> str:
    """``text`` without zero-width characters, but for a ZWJ joining two emoji into one (👨‍👩‍👧):
    that one is part of a character a reader sees."""
    if not any(map(text.__contains__, _ZERO_WIDTH)):  # The usual case: six quick searches.
        return text
    if "\u200d" not in text:
        return _drop_zero_width(text)
    return "\u200d".join(map(_drop_zero_width, split_at_emoji_joiners(text)))


def single_spaced(text: str) -> bool:
    """Whether ``text``'s only whitespace is single spaces between other characters, as in a
    key (``isprintable`` rules out every whitespace character but the space)."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def fold_typography(key: str) -> str:
    """Typographic variants (curly quotes, dashes, ellipses…) as their ASCII twins."""
    return _fold_typography(key)


_fold_typography = _translator(_TYPO_FOLD)


def _unpunctuated_words(key: str) -> list[str]:
    """The words of ``key`` folded, its ignorable punctuation dropped, signs and symbols kept."""
    if not key.isascii():
        # Its few non-ASCII characters first, as the table has them: the text is then
        # usually ASCII, which ``str.translate`` maps several times faster. (Mapping the
        # table's output again only adds spaces beside spaces, a test holds.)
        key = _NON_ASCII.sub(_unpunctuated_char, key)
    text = key.translate(_UNPUNCTUATED)
    if "-" in text:
        text = _HYPHEN.sub(" ", text)
    return text.split()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _unpunctuated_char(found: re.Match[str]) -> str:
    return _UNPUNCTUATED[ord(found.group())]


def loose_key(key: str) -> str:
    """A key that ignores case, quotes, dashes, ellipses and punctuation (``TYPOGRAPHY``).

    Two paragraphs with equal loose keys but different keys differ only typographically.
    """
    return " ".join(_unpunctuated_words(key.casefold()))


def same_loose_key(a: str, b: str) -> bool:
    """``loose_key(a) == loose_key(b)``, without joining the words."""
    return _unpunctuated_words(a.casefold()) == _unpunctuated_words(b.casefold())


def comparison_key(key: str, *, ignore_case: bool, ignore_punctuation: bool) -> str:
    """The key alignment uses under the given options."""
    if ignore_punctuation:
        key = " ".join(_unpunctuated_words(key))
    if ignore_case:
        key = key.casefold()
    return key


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
        return [word for word in cluster_pattern(WORD_CLUSTERS).findall(text) if word]
    if _ascii_words(text):  # The plain pattern finds the same runs, faster.
        return _ASCII_WORD.findall(text)
    return spaceless_pattern(_WORD_TOKEN).findall(text)


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
    return spaceless_pattern(_WORD_TOKEN).findall(folded)


# UTF-8 bytes → "a" for what is no whitespace (``str.split``'s) in ASCII, " " for the rest:
# a text's tokens are then the runs of "a", counted as ``_ASCII_WORDS_AS_RUNS``' runs are.
_NON_SPACE_AS_RUNS = bytes(
    ord(" ") if n < 128 and chr(n).isspace() else ord("a") for n in range(256)
)
_ASCII_BYTES = bytes(range(128))
# Non-ASCII characters found ``_plain`` so far (a set: one C call tests a text's characters).
_PLAIN: set[str] = set()


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
    if not utf8.isascii():
        others = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if not _PLAIN.issuperset(others):
            if not all(map(_plain, set(others))):
                return None
            _PLAIN.update(others)
    runs = utf8.translate(_KEY_WORDS_AS_RUNS).split(b"|")
    return list(
        map(add, map(bytes.count, runs, repeat(b" a")), map(bytes.startswith, runs, repeat(b"a")))
    )


def _plain_utf8(text: str) -> bytes | None:
    """``text`` in UTF-8 if each of its non-ASCII characters is ``_plain``, else None."""
    utf8 = text.encode("utf-8", "surrogatepass")
    if len(utf8) != len(text):
        if "\r" in text:  # CR LF is one grapheme cluster: count_words' own path.
            return None
        others = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if not _PLAIN.issuperset(others):
            if not all(map(_plain, set(others))):
                return None
            _PLAIN.update(others)
    return utf8


def _runs(runs: bytes) -> int:
    """The runs of "a" in bytes of "a" and " "."""
    return runs.count(b" a") + runs.startswith(b"a")


def count_words(text: str) -> int:
    """Words as a reader counts them (see ``word_tokens``)."""
    utf8 = _plain_utf8(text)
    if utf8 is not None:  # Runs of ASCII word characters, counted fast (see plain_counts).
        return _runs(utf8.translate(_ASCII_WORDS_AS_RUNS))
    if _joins(text):
        return len(word_tokens(text))
    if _ascii_words(text):  # The same runs, other separators among them (NBSP…).
        return _runs(text.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS_AS_RUNS))
    return len(spaceless_pattern(_WORD_TOKEN).findall(text))
