"""How much a decoded text looks like mojibake rather than a news text: the loader's check.

When several encodings decode the same bytes, the wrong ones betray themselves in the text
they produce: C1 controls, unassigned or private-use code points, box drawing (DOS code
pages), words mixing two scripts ("Zoن", "Pψνli", "Cafй"), an upper-case accented letter
inside a lower-case word ("GrŲŖe"), a symbol between two letters ("Grˆþe", "pi¹kny"), a
stray letter of another script in a Latin text ("Genova: и allerta"), Latin words made
almost only of accented letters (Cyrillic or Greek read as latin-1: "Ïðàâèòåëüñòâî"), fewer
letters than symbols, and ASCII control characters (UTF-16 read as a code page).
``oddity`` sums these per character; the loader weighs it with chardet's candidates and the
likelihood of each code page (``core.loading``).

``unicode_oddity`` is the narrower check for a guessed UTF-16 or UTF-32 byte order: the
share of code points that no text holds, and how many scripts the letters are spread over.

Imports: the standard library only.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = ["oddity", "unicode_oddity"]

# Costs per occurrence, in units where one mixed-script word is 3.
_INVALID = 4.0  # a control, unassigned, private-use or surrogate code point, or U+FFFD
_BOX = 3.0  # box drawing and block elements: DOS code pages read as something else
_MIXED_WORD = 3.0  # letters of two scripts in one word
_CASE_BREAK = 2.0  # an upper-case non-ASCII letter right after a lower-case letter
_SYMBOL_IN_WORD = 2.0  # a symbol between two letters
_STRAY_SCRIPT = 1.0  # a letter of another script than the text's own
_ACCENT_WORD = 1.5  # a Latin word of three or more letters, most of them non-ASCII
_LETTER_DEFICIT = 1.0  # per letter missing for letters to be half the visible characters
_MIN_LETTER_SHARE = 0.5

# Scripts whose letters mix within a word in real text (Japanese kanji and kana, Korean hanja).
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"})
# Name prefixes that qualify a letter rather than name its script.
_QUALIFIERS = frozenset({"FULLWIDTH", "HALFWIDTH", "SMALL", "CAPITAL", "MATHEMATICAL"})
# Non-letters that sit between letters in real words: apostrophes, hyphens, middle dots.
_WORD_JOINERS = frozenset("'’‘ʼ´`-‐‑·・")


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """A letter's script, from the first word of its Unicode name ("LATIN", "CYRILLIC"…)."""
    words = unicodedata.name(char, "UNKNOWN").split()
    script = words[1] if words[0] in _QUALIFIERS and len(words) > 1 else words[0]
    return "HAN" if script in _EAST_ASIAN else script


@lru_cache(maxsize=4096)
def _kind(char: str) -> str:
    """One letter class per character: "L" letter, "M" mark, "I" invalid, "B" box, "S" other."""
    category = unicodedata.category(char)
    if category in {"Lu", "Ll", "Lt", "Lo"}:
        return "L"
    if category[0] == "M":
        return "M"
    if category in {"Cc", "Cn", "Co", "Cs"} or char == "\ufffd":
        return "I"
    if "\u2500" <= char <= "\u259f" or char in "\u2320\u2321\u25a0":
        return "B"
    return "S"


def oddity(text: str) -> float:
    """The mojibake cost of ``text`` per non-ASCII character (0.0 for a clean text).

    ASCII characters cost nothing in themselves (every candidate decodes them alike) but
    give the words and the dominant script their context.
    """
    non_ascii = sum(1 for char in text if char >= "\x80")
    if not non_ascii:
        return 0.0
    cost, words, letters, visible = _character_costs(text)
    # Letters are most of a text; a reading that turns them into symbols is not the text.
    cost += _LETTER_DEFICIT * max(0.0, _MIN_LETTER_SHARE * visible - letters)
    return (cost + _word_costs(words)) / non_ascii


def _character_costs(text: str) -> tuple[float, list[str], int, int]:
    """The costs of single characters, the words (runs of letters and marks), the number of
    letters and marks, and the number of visible characters."""
    cost = 0.0
    words: list[str] = []
    word: list[str] = []
    previous = " "
    letters = visible = 0
    for index, char in enumerate(text):
        if char < "\x80":
            kind = "L" if char.isalpha() else "S"
            if char < " " and char not in "\t\n\r\x0c\x1b":
                cost += _INVALID  # the same in every code page, but not in UTF-16
        else:
            kind = _kind(char)
        visible += not char.isspace()
        if kind in {"L", "M"}:
            letters += 1
            word.append(char)
            if kind == "L" and char >= "\x80" and char.isupper() and previous.islower():
                cost += _CASE_BREAK
        else:
            if word:
                words.append("".join(word))
                word = []
            if kind == "I" and char >= "\x80":
                cost += _INVALID
            elif kind == "B":
                cost += _BOX
            elif (
                char >= "\x80"
                and char not in _WORD_JOINERS
                and previous.isalpha()
                and text[index + 1 : index + 2].isalpha()
            ):
                cost += _SYMBOL_IN_WORD
        previous = char
    if word:
        words.append("".join(word))
    return cost, words, letters, visible


def _word_costs(words: list[str]) -> float:
    """Words mixing scripts, Latin words of mostly accented letters, stray-script letters."""
    cost = 0.0
    scripts: Counter[str] = Counter()
    for token in words:
        letters = [char for char in token if char.isascii() or _kind(char) == "L"]
        token_scripts = {"LATIN" if char.isascii() else _script(char) for char in letters}
        if len(token_scripts) > 1:
            cost += _MIXED_WORD
        for char in letters:
            scripts["LATIN" if char.isascii() else _script(char)] += 1
        accented = sum(1 for char in letters if not char.isascii())
        if token_scripts == {"LATIN"} and len(letters) >= 3 and len(letters) < accented * 2:
            cost += _ACCENT_WORD
    if scripts:
        main, _ = scripts.most_common(1)[0]
        for script, count in scripts.items():
            # ASCII words (acronyms, names) are common in any script; a stray Greek or
            # Cyrillic letter in a Latin text is not.
            if script not in {main, "LATIN"}:
                cost += _STRAY_SCRIPT * count
    return cost


def unicode_oddity(text: str) -> tuple[float, float, float]:
    """For a guessed UTF-16/32 byte order: (share of invalid code points, script spread,
    share of non-letters).

    Invalid are controls other than tab, newlines and form feed, U+0000, unassigned,
    private-use and lone surrogate code points, and U+FFFD (what a decoder puts for them).
    The spread is the share of letters outside the two most common scripts: one or two in
    real text, a dozen when the bytes of each code unit are swapped. The last is the share
    of the characters other than spaces that are neither letters nor marks: about a fifth
    in a news text (punctuation, digits), more when swapped bytes land on symbols.
    """
    if not text:
        return 0.0, 0.0, 0.0
    invalid = 0
    spaces = 0
    marks = 0
    scripts: Counter[str] = Counter()
    for char in text:
        if char < "\x80":
            invalid += char < " " and char not in "\t\n\r\x0c"
            spaces += char.isspace()
            if char.isalpha():
                scripts["LATIN"] += 1
            continue
        kind = _kind(char)
        if kind == "I":
            invalid += 1
        elif kind == "L":
            scripts[_script(char)] += 1
        elif kind == "M":
            marks += 1
        spaces += char.isspace()
    letters = sum(scripts.values())
    top = sum(count for _, count in scripts.most_common(2))
    visible = len(text) - spaces
    return (
        invalid / len(text),
        (1 - top / letters) if letters else 0.0,
        (1 - (letters + marks) / visible) if visible else 0.0,
    )
