"""How much a decoded text looks like mojibake rather than a news text: the loader's check.

When several encodings decode the same bytes, the wrong ones betray themselves in the text
they produce: C1 controls, unassigned or private-use code points, box drawing (DOS code
pages), words mixing two scripts ("Zoن", "Pψνli", "Cafй"), an upper-case accented letter
inside a lower-case word ("GrŲŖe"), a symbol between two letters ("Grˆþe", "pi¹kny"), a
stray letter of another script in a Latin text ("Genova: и allerta"), Latin words made
almost only of accented letters (Cyrillic or Greek read as latin-1: "Ïðàâèòåëüñòâî"), bare
spacing accents ("˝ price" for "½ price"), fewer letters than symbols (in a text of more than
a few characters), and ASCII control characters (UTF-16 read as a code page).
``oddity`` sums these per character; the loader weighs it with chardet's candidates and the
likelihood of each code page (``core.loading``).

``unicode_oddity`` is the narrower check for a guessed UTF-16 or UTF-32 byte order: the
share of code points that no text holds, and how many scripts the letters are spread over.

Imports: the standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = ["letter_scripts", "oddity", "unicode_oddity"]

# Costs per occurrence, in units where one mixed-script word is 3.
_INVALID = 4.0  # a control, unassigned, private-use or surrogate code point, or U+FFFD
_BOX = 3.0  # box drawing and block elements: DOS code pages read as something else
_MIXED_WORD = 3.0  # letters of two scripts in one word
_CASE_BREAK = 2.0  # an upper-case non-ASCII letter right after a lower-case letter
_SYMBOL_IN_WORD = 2.0  # a symbol between two letters
_STRAY_SCRIPT = 1.0  # a letter of another script than the text's own
_ACCENT_WORD = 1.5  # a Latin word of four or more letters, three quarters non-ASCII
_LETTER_DEFICIT = 1.0  # per letter missing for letters to be half the visible characters
_MIN_LETTER_SHARE = 0.5
# A share of letters means nothing on a handful of characters: "±5%", "€5" and "5°C" are
# all figures and signs.
_MIN_VISIBLE_FOR_SHARE = 6
# A bare accent, which text does not hold: what a sign or letter of one code page is in
# another ("½" in cp1252 is cp1250's "˝", "€" in cp1251 is cp1252's "ˆ", "Ż" in cp1250 is
# cp1252's "¯"). Spacing modifiers U+02C2–U+02DF, and Latin-1's ¨ ¯ ¸ (´ is an apostrophe).
_SPACING_ACCENT = 2.0

_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")  # not tab, newlines, FF, ESC
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
    """One letter class per character: "L" letter, "M" mark, "I" invalid, "B" box, "A" bare
    accent (``_SPACING_ACCENT``), "S" other."""
    category = unicodedata.category(char)
    if category in {"Lu", "Ll", "Lt", "Lo"}:
        return "L"
    if category[0] == "M":
        return "M"
    if category in {"Cc", "Cn", "Co", "Cs"} or char == "\ufffd":
        return "I"
    if "\u2500" <= char <= "\u259f" or char in "\u2320\u2321\u25a0":
        return "B"
    if "\u02c2" <= char <= "\u02df" or char in "\xa8\xaf\xb8":
        return "A"
    return "S"


def _spaced_letter(char: str) -> bool:
    """A letter of a script that separates words with spaces (CJK and Thai put punctuation
    right between letters)."""
    return char.isalpha() and (char.isascii() or _script(char) not in {"HAN", "THAI"})


def oddity(text: str) -> float:
    """The mojibake cost of ``text`` per non-ASCII character (0.0 for a clean text).

    ASCII characters cost nothing in themselves (every candidate decodes them alike) but
    give the words and the dominant script their context; only the whitespace-separated
    chunks holding non-ASCII characters are looked at one character at a time.
    """
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return 0.0
    tokens = text.split()
    visible = sum(map(len, tokens))
    ascii_letters = len(_ASCII_LETTER.findall(text))
    # ASCII controls are the same in every code page, but absent from the UTF-16 reading.
    cost = _INVALID * len(_ASCII_CONTROL.findall(text))
    words: list[str] = []
    letters = ascii_letters
    for chunk in tokens:
        if not chunk.isascii():
            chunk_cost, chunk_letters = _chunk_costs(chunk, words)
            cost += chunk_cost
            letters += chunk_letters
    # Letters are most of a text; a reading that turns them into symbols is not the text.
    if visible >= _MIN_VISIBLE_FOR_SHARE:
        cost += _LETTER_DEFICIT * max(0.0, _MIN_LETTER_SHARE * visible - letters)
    return (cost + _word_costs(words, ascii_letters)) / non_ascii


def _chunk_costs(chunk: str, words: list[str]) -> tuple[float, int]:
    """The costs of single characters of a chunk without spaces, and its number of non-ASCII
    letters and marks; its words (runs of letters and marks) are added to ``words``."""
    cost = 0.0
    word: list[str] = []
    previous = " "
    letters = 0
    for index, char in enumerate(chunk):
        kind = ("L" if char.isalpha() else "S") if char < "\x80" else _kind(char)
        if kind in {"L", "M"}:
            letters += char >= "\x80"
            word.append(char)
            if kind == "L" and char >= "\x80" and char.isupper() and previous.islower():
                cost += _CASE_BREAK
        else:
            if word:
                words.append("".join(word))
                word = []
            if kind == "I":
                cost += _INVALID
            elif kind == "B":
                cost += _BOX
            elif kind == "A":
                cost += _SPACING_ACCENT
            elif (
                char >= "\x80"
                and char not in _WORD_JOINERS
                and _spaced_letter(previous)
                and _spaced_letter(chunk[index + 1 : index + 2])
            ):
                cost += _SYMBOL_IN_WORD
        previous = char
    if word:
        words.append("".join(word))
    return cost, letters


def _word_costs(words: list[str], ascii_letters: int) -> float:
    """Words mixing scripts, Latin words of mostly accented letters, stray-script letters
    (the text's ASCII letters count as Latin)."""
    cost = 0.0
    scripts: Counter[str] = Counter({"LATIN": ascii_letters} if ascii_letters else {})
    for token in words:
        letters = [char for char in token if char.isascii() or _kind(char) == "L"]
        token_scripts = {"LATIN" if char.isascii() else _script(char) for char in letters}
        if len(token_scripts) > 1:
            cost += _MIXED_WORD
        for char in letters:
            if not char.isascii():
                scripts[_script(char)] += 1
        accented = sum(1 for char in letters if not char.isascii())
        if token_scripts == {"LATIN"} and len(letters) >= 4 and 4 * accented >= 3 * len(letters):
            cost += _ACCENT_WORD
    if scripts:
        main, _ = scripts.most_common(1)[0]
        for script, count in scripts.items():
            # ASCII words (acronyms, names) are common in any script; a stray Greek or
            # Cyrillic letter in a Latin text is not.
            if script not in {main, "LATIN"}:
                cost += _STRAY_SCRIPT * count
    return cost


def letter_scripts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` holds (CJK, kana and Hangul count as one)."""
    return Counter(
        "LATIN" if char.isascii() else _script(char)
        for char in text
        if char.isalpha() and (char.isascii() or _kind(char) == "L")
    )


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
