"""Text → paragraphs, and the normalised keys paragraphs are compared on.

A paragraph is a block separated by blank lines; a text with no blank line at all is one
paragraph per non-empty line (scraped pages often come that way). Keys: Unicode NFC, every
whitespace run as one space, trimmed; options add case folding and typographic folding.
Imports: the standard library and ``core.model`` only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
# str.split() with no argument splits on every Unicode whitespace (NBSP, thin space, tabs…).
# Zero-width characters are not whitespace but are invisible: they never make a difference.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# Typographic variants folded when punctuation is ignored, and by the typographic-only test.
_TYPO_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)
_PUNCT = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class RawParagraph:
    """A paragraph before classification: its text and 1-based line span."""

    text: str
    first_line: int
    last_line: int


def split_paragraphs(text: str) -> list[RawParagraph]:
    """Split ``text`` into paragraphs, keeping each paragraph's original text and lines.

    Lines are joined with ``\\n`` inside a paragraph whatever the file's newline style.
    A line holding only whitespace counts as blank.
    """
    lines = _LINE_SPLIT.split(text)
    blank = [not line.strip() for line in lines]
    has_blank_separator = any(blank[i] for i in range(len(lines)) if 0 < i < len(lines) - 1)
    out: list[RawParagraph] = []
    if not has_blank_separator:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                out.append(RawParagraph(line, number, number))
        return out
    start: int | None = None
    for number, is_blank in enumerate(blank, start=1):
        if is_blank:
            if start is not None:
                out.append(RawParagraph("\n".join(lines[start - 1 : number - 1]), start, number - 1))
                start = None
        elif start is None:
            start = number
    if start is not None:
        out.append(RawParagraph("\n".join(lines[start - 1 :]), start, len(lines)))
    return out


def normalise(text: str) -> str:
    """The base comparison key: NFC, invisible characters dropped, whitespace runs → one space."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_INVISIBLE).split())


def fold_typography(key: str) -> str:
    """Curly quotes, dashes and ellipses as their ASCII twins."""
    return key.translate(_TYPO_FOLD)


def loose_key(key: str) -> str:
    """A key that ignores case, quotes, dashes and all punctuation.

    Two paragraphs with equal loose keys but different keys differ only typographically.
    """
    folded = _PUNCT.sub(" ", fold_typography(key).casefold())
    return " ".join(folded.split())


def comparison_key(key: str, *, ignore_case: bool, ignore_punctuation: bool) -> str:
    """The key alignment uses under the given options."""
    if ignore_punctuation:
        key = " ".join(_PUNCT.sub(" ", fold_typography(key)).split())
    if ignore_case:
        key = key.casefold()
    return key


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of letters/digits; CJK counts per character."""
    count = 0
    for match in _WORD.finditer(text):
        token = match.group()
        cjk = sum(1 for ch in token if is_cjk(ch))
        count += cjk + (1 if cjk < len(token) else 0)
    return count


def is_cjk(ch: str) -> bool:
    """True for characters of scripts written without spaces (Han, Kana, Hangul, Thai…)."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # Hiragana, Katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified
        or 0xAC00 <= code <= 0xD7AF  # Hangul
        or 0x0E00 <= code <= 0x0E7F  # Thai
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility
        or 0x20000 <= code <= 0x2FA1F  # CJK extensions B…
    )
