"""A pattern's plain forms: the pattern without the alternatives that need a letter a text
does not hold, for texts that hold none (``plain_level``).

The kinds rules word page furniture in 26 languages, and RE2 compiles its programs anew in
every process: the Cyrillic, Arabic, Hindi, Chinese … wordings cost every start, also on a
page in a Latin script, where they can never match. The scripts in ``CASELESS_RANGES`` have no
case folds out of themselves (a test searches every other code point with ``(?i)`` and those
ranges: nothing matches; not Greek: the micro sign folds to mu), so in a text with none of
their characters no alternative that needs one as a literal can match, even with the ``i``
flag. ``plain_form`` leaves such alternatives out (an optional one, ``ж?``, is dropped from its
sequence; a sequence that needs one is dropped from its alternation); a text of plain level
1 is searched with those plain forms, with the same results. Level 2 goes on to the other
letters outside ASCII (``é``, ``ß``, ``ő``, Greek …) but for the two that fold to ASCII ones
(``ſ``, the Kelvin sign): for a text with no letter outside ASCII (an English page), and no
U+0345, which folds to iota. The bundled rules' relaxed forms: 122,000 characters, 98,000 at
level 1, 75,000 at level 2. ``core.rules_cache`` keeps the plain forms, so a start does not
work them out again (about 110 ms for the bundled rules).

Only literal characters count (``ж``, ``\\ж``, ``\\x{436}``); a class (``[жa]``) is kept
whole. A pattern the reader does not follow (``\\Q…\\E``; a flag group ``(?i)`` inside a
sequence that would be dropped, which would change the flags of the alternatives after it)
is kept whole, as is any form RE2 would refuse (the callers fall back to the full form).

Imports: the standard library only.
"""

from __future__ import annotations

import functools
import re

__all__ = ["CASELESS_RANGES", "FOLDS_TO_ASCII", "LEVELS", "NEVER", "plain_form", "plain_level"]

#: Plain levels: 0, any text; 1, no character of ``CASELESS_RANGES``; 2, besides, no letter
#: outside ASCII and no U+0345.
LEVELS = 3
#: Letters outside ASCII that fold to ASCII ones: never left out.
FOLDS_TO_ASCII = "\u017f\u212a"

#: Code point ranges of scripts whose letters have no case folds with any character outside
#: these ranges: Cyrillic (and its supplements), Armenian, Hebrew, Arabic (and presentation
#: forms), the Indic scripts (Devanagari to Sinhala), Thai, Lao, Myanmar, Georgian, Hangul,
#: Kana, CJK ideographs, Khmer.
CASELESS_RANGES = (
    (0x0400, 0x052F),
    (0x0530, 0x058F),
    (0x0590, 0x05FF),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0x0900, 0x0DFF),
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x10A0, 0x10FF),
    (0x1100, 0x11FF),
    (0x1780, 0x17FF),
    (0x1C80, 0x1C8F),
    (0x1C90, 0x1CBF),
    (0x2D00, 0x2D2F),
    (0x2DE0, 0x2DFF),
    (0x3040, 0x30FF),
    (0x3130, 0x318F),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA640, 0xA69F),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFB13, 0xFB17),
    (0xFB1D, 0xFB4F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x20000, 0x2FA1F),
)


#: A class of no character: a pattern that never matches (what a pattern none of whose
#: alternatives a plain text can match becomes).
NEVER = r"[^\x00-\x{10ffff}]"


def plain_level(text: str) -> int:
    """The plain level of ``text`` (see ``LEVELS``): the plain forms of that level and below
    find in it what their patterns find (``core.patterns.plain_level_utf8`` does the same)."""
    if text.isascii():
        return 2
    if _has_caseless().search(text) is not None:
        return 0
    return 1 if "\u0345" in text or any(c.isalpha() for c in text if c > "\x7f") else 2


@functools.cache
def _has_caseless() -> re.Pattern[str]:
    """The class of the caseless characters (compiled when first wanted: 5 ms; a start that
    reads the plain forms from the rules cache needs none)."""
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in CASELESS_RANGES) + "]")


class _Unreadable(Exception):
    """A pattern ``plain_form`` keeps whole."""


# One token of an RE2 pattern as ``core.patterns`` writes it: a run of literal characters, an
# escape, a class, a flag group, a group's opening, its closing, a bar, a quantifier.
_TOKEN = r"""
    (?P<run>[^\\\[\]()|*+?{}]+)
    | (?P<escape>\\(?:[pPx]\{[^}]*\}|[pP].|.))
    | (?P<cls>\[\^?\]?(?:\\(?:[pPx]\{[^}]*\}|.)|\[:[^:\]]*:\]|[^\]\\])*\])
    | (?P<flags>\(\?[a-zA-Z-]*\))
    | (?P<open>\((?:\?(?:P<[^>]*>|[a-zA-Z-]*:))?)
    | (?P<close>\))
    | (?P<bar>\|)
    | (?P<quantifier>(?:[*+?]|\{(?P<least>\d*)(?:,\d*)?\})\??)
    | (?P<other>.)
    """
_LEADING_FLAGS = r"(?:\(\?[a-zA-Z]+\))+"


def plain_form(translated: str, level: int = 1) -> str | None:
    """``translated`` (an RE2 pattern) without the alternatives that need a character a text
    of plain ``level`` (1 or 2) lacks: ``NEVER`` if none is left; None if nothing is left out
    (or the pattern is kept whole, see above)."""
    if translated.isascii() and "\\x{" not in translated:
        return None
    leading = re.match(_LEADING_FLAGS, translated)
    start = leading.end() if leading else 0
    tokens: list[_Token] = []
    for match in re.compile(_TOKEN, re.VERBOSE | re.DOTALL).finditer(translated, start):
        kind = match.lastgroup
        if kind == "quantifier" and tokens and tokens[-1][0] == "run":
            run = tokens.pop()[1]  # The quantifier binds its last character only.
            tokens += [("run", run[:-1], None)] * (len(run) > 1) + [("run", run[-1], None)]
        tokens.append((kind, match.group(), match.group("least")))
    try:
        body, end = _alternation(tokens, 0, level)
    except _Unreadable:
        return None
    if end != len(tokens):  # an unmatched ")": RE2 refuses it anyway
        return None
    if body is None:
        return NEVER
    return translated[:start] + body if translated[:start] + body != translated else None


_Token = tuple[str | None, str, str | None]


def _alternation(tokens: list[_Token], i: int, level: int) -> tuple[str | None, int]:
    """The alternatives from ``tokens[i]`` up to an unmatched ``)`` or the end, those that
    need a caseless character left out (None: every one needs one), and where they end."""
    kept: list[str] = []
    while True:
        sequence, i = _sequence(tokens, i, level)
        if sequence is not None:
            kept.append(sequence)
        if i < len(tokens) and tokens[i][0] == "bar":
            i += 1
            continue
        return ("|".join(kept) if kept else None), i


def _sequence(tokens: list[_Token], i: int, level: int) -> tuple[str | None, int]:
    """One alternative from ``tokens[i]``: its text with the optional atoms that need a
    caseless character left out, or None if a required one needs one."""
    parts: list[str] = []
    possible = True
    flagged = False
    count = len(tokens)
    while i < count and tokens[i][0] not in ("bar", "close"):
        kind, text, _ = tokens[i]
        i += 1
        if kind == "flags":
            flagged = True
            parts.append(text)
            continue
        if kind == "open":
            inner, i = _alternation(tokens, i, level)
            if i >= count:
                raise _Unreadable
            i += 1  # its ")"
            atom = text + (inner or "") + ")"
            caseless = inner is None
        elif kind == "quantifier" or text.startswith("\\Q"):
            raise _Unreadable  # A quantifier of nothing (RE2 refuses it), or quoted text.
        else:
            atom = text
            caseless = _needs_lacking(kind, text, level)
        quantifier = ""
        optional = False
        if i < count and tokens[i][0] == "quantifier":
            quantifier = tokens[i][1]
            optional = quantifier[0] in "*?" or tokens[i][2] in ("", "0")
            i += 1
        if caseless:
            possible = possible and optional
            continue  # An optional one matches only the empty string in a plain text.
        parts.append(atom + quantifier)
    if not possible:
        if flagged:  # Its flags hold for the alternatives after it: keep it all.
            raise _Unreadable
        return None, i
    return "".join(parts), i


def _needs_lacking(kind: str | None, text: str, level: int) -> bool:
    """Whether a token (not a group) matches only text that holds a character a text of plain
    ``level`` lacks: a literal one, or a run of literal characters with one."""
    if kind in ("run", "other"):
        return _lacking(text, level)
    if kind == "escape" and text.startswith("\\x{"):
        try:
            return _lacking(chr(int(text[3:-1], 16)), level)
        except (ValueError, OverflowError):
            return False
    if kind == "escape":
        return len(text) == 2 and _lacking(text[1], level)
    return False  # a class


def _lacking(text: str, level: int) -> bool:
    """Whether literal ``text`` holds a character a text of plain ``level`` lacks."""
    if text.isascii():
        return False
    if _has_caseless().search(text) is not None:
        return True
    return level == 2 and any(c.isalpha() and c not in FOLDS_TO_ASCII for c in text if c > "\x7f")
