"""Text → paragraphs, and the normalised keys paragraphs are compared on.

A paragraph is a block separated by blank lines; a text with no blank line at all is one
paragraph per non-empty line (scraped pages often come that way). Keys: Unicode NFC, every
whitespace run as one space, trimmed; options add case folding and typographic folding
(``TYPOGRAPHY``: the one table of what is typography and what is content).
Imports: the standard library, ``core.model`` and ``core.graphemes``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate, compress, count, islice, repeat
from operator import add, or_, sub
from typing import NamedTuple

from diffviewer.core.graphemes import split_at_emoji_joiners

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
    return list(map(RawParagraph, *split_columns(text)))


Columns = tuple[list[str], list[int], list[int]]
"""Paragraphs as columns: their texts, first lines and last lines (``RawParagraph``'s fields;
three lists cost less than a tuple per paragraph)."""


def split_columns(text: str) -> Columns:
    """``split_paragraphs`` as columns (see ``Columns``)."""
    if "\r" not in text:
        fast = _block_columns(text)
        if len(fast[0]) > 1:
            return fast
    raws = _split_lines(text)
    return [r.text for r in raws], [r.first_line for r in raws], [r.last_line for r in raws]


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


def _block_columns(text: str) -> Columns:
    """The blocks of a text with ``\n`` line ends, found by splitting at the gaps between
    them (a scan that skips from line end to line end: ~5× faster than matching every
    block's lines), from the first block's first line to the last one's last.

    When there are two blocks or more, a blank line separates them, and these are the
    paragraphs ``split_paragraphs`` would build line by line; otherwise it decides.
    """
    first = _BLOCK.search(text)
    if first is None:
        return [], [], []
    start = first.start()
    shown = text.rstrip()  # The last visible character ends the last block's last line…
    while shown[-1] in _ZERO_WIDTH:
        shown = shown.rstrip(_ZERO_WIDTH).rstrip()
    stop = text.find("\n", len(shown))  # … at that line's end.
    parts = _GAP.split(text[start : len(text) if stop < 0 else stop])
    # Blocks and gaps alternate: a block's last line is the previous one's, plus the gap's
    # line ends and its own; its first, its last less its own.
    blocks, gaps = parts[::2], parts[1::2]
    top = text.count("\n", 0, start) + 1
    # (Most blocks are one line: a search for a line end, in C, is faster than a count.)
    wrapped = list(compress(count(), map(str.__contains__, blocks, repeat("\n"))))
    if not wrapped and gaps.count("\n\n") == len(gaps):  # One line each, one blank between.
        lines = list(range(top, top + 2 * len(blocks), 2))
        return blocks, lines, lines[:]
    inner = [0] * len(blocks)
    for n in wrapped:
        inner[n] = blocks[n].count("\n")
    lasts = list(
        accumulate(
            map(add, islice(inner, 1, None), map(str.count, gaps, repeat("\n"))),
            initial=top + inner[0],
        )
    )
    return blocks, list(map(sub, lasts, inner)), lasts


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


#: Every whitespace character (``str.isspace``) but the space and the line feed (a test holds
#: the list complete).
ODD_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_ODD_SPACES = "".join(filter(str.isascii, ODD_SPACES))


def normalise_all(texts: Sequence[str], whole: str) -> list[str]:
    """``[normalise(t) for t in texts]`` for paragraphs cut from ``whole``, with the checks
    that find nothing in ``whole`` made once for it rather than for each paragraph.

    Usually (no odd whitespace, no invisible character, NFC: one search of the whole text
    for each character that would matter, in C) a paragraph is its own key unless it holds
    a line end or a double space or starts or ends with a space; those few are normalised
    one by one. A key is then the very text object (no second copy).
    """
    if whole.isascii():
        odd = any(map(whole.__contains__, _ASCII_ODD_SPACES))
    else:
        odd = (
            any(map(whole.__contains__, ODD_SPACES))
            or any(map(whole.__contains__, _ZERO_WIDTH))
            or not unicodedata.is_normalized("NFC", whole)
        )
    if odd:
        return list(map(normalise, texts))
    keys = list(texts)
    spaced = map(
        or_,
        map(
            or_,
            map(str.__contains__, texts, repeat("  ")),
            map(str.__contains__, texts, repeat("\n")),
        ),
        map(or_, map(str.startswith, texts, repeat(" ")), map(str.endswith, texts, repeat(" "))),
    )
    for n in compress(count(), spaced):
        keys[n] = " ".join(texts[n].split())
    return keys


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
        # Its non-ASCII runs first, as the table has them: a news text in a Latin script is
        # then usually ASCII, which ``str.translate`` maps several times faster; in another
        # script, a run is a word or more (a call each, not one per character). (Mapping the
        # table's output again only adds spaces beside spaces, a test holds.)
        key = _NON_ASCII.sub(_unpunctuated_run, key)
    text = key.translate(_UNPUNCTUATED)
    if "-" in text:
        text = _HYPHEN.sub(" ", text)
    return text.split()


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unpunctuated_run(found: re.Match[str]) -> str:
    return found.group().translate(_UNPUNCTUATED)


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
