"""Encodings told by their bytes without a BOM: the UTF-16 byte order, ISO-2022.

``utf16_byte_order`` finds UTF-16 without a BOM in any script, with or without NUL bytes
(CJK and Thai text without ASCII has none); ``iso2022`` decodes 7-bit ISO-2022-JP/KR text
(mail, some feeds), which is valid ASCII and so would be read as UTF-8 with its escapes.

Imports: the standard library and ``core.plausible``.
"""

from __future__ import annotations

import re

from diffviewer.core.plausible import letter_scripts, oddity, unicode_oddity

__all__ = ["iso2022", "one_script_utf16", "utf16_byte_order"]

_SNIFF_BYTES = 4096  # how much of a file is looked at
_PRINTABLE_MAP = bytes(1 if 0x20 <= byte < 0x7F else 0 for byte in range(256))


def utf16_byte_order(data: bytes) -> tuple[str, float] | None:
    """The UTF-16 byte order that reads the head of ``data`` as text, and how sure that is.

    The right order gives code points that texts hold, in one or two scripts; the wrong one
    gives a spray over a dozen scripts, unassigned and surrogate code points and, for every
    ASCII character (space, digits, punctuation, newline), a code point whose low byte is
    0 (U+2000 for a space). In the right order such code points are rare (一 U+4E00, the
    ideographic space U+3000), so a file where they pass 10% is not UTF-16 in that order.
    Text in a code page, read in pairs, looks like CJK: see ``_mostly_ascii_pairs``.
    """
    head = data[: min(len(data), _SNIFF_BYTES) // 2 * 2]
    if _mostly_ascii_pairs(head):
        return None
    texts = {}
    for codec in ("utf-16-le", "utf-16-be"):
        text = head.decode(codec, "replace")
        if len(head) < len(data):
            text = text[:-1]  # the sample may end inside a surrogate pair
        if not text:
            return None
        texts[codec] = text
    low_zero = {
        codec: sum(1 for char in text if char > "\xff" and not ord(char) & 0xFF)
        for codec, text in texts.items()
    }
    # Swapped ASCII gives low-zero code points by the dozen; 가 (U+AC00) or 一 (U+4E00)
    # give a few in the right order too, and then the other order has as many.
    most_low_zero = max(0.1 * (len(head) // 2), min(low_zero.values()))
    kept: list[tuple[float, str]] = []
    for codec, text in texts.items():
        if low_zero[codec] > most_low_zero:
            continue
        invalid, spread, non_letters = unicode_oddity(text)
        if invalid > 0.05 or spread > 0.05:
            continue
        odd = oddity(text)  # words mixing scripts, as when bytes are paired wrongly
        if odd > 1.0:
            continue
        kept.append((low_zero[codec] / len(text) + invalid + spread + non_letters + odd, codec))
    if not kept:
        return None
    cost, codec = min(kept)
    return codec, round(min(1.0, max(0.2, 1.2 - cost)), 2)


def one_script_utf16(data: bytes) -> bool:
    """Whether, in one byte order, the head of ``data`` is UTF-16 text in a single script:
    letters at least half of it, all of one script, no invalid code point.

    Asked of 7-bit bytes heavy with control characters, which UTF-16 without ASCII in Thai,
    Greek, Cyrillic… is (every byte below 0x80, none NUL), and which random control bytes,
    read in pairs, are not: their letters fall in many scripts.
    """
    head = data[: min(len(data), _SNIFF_BYTES) // 2 * 2]
    for codec in ("utf-16-le", "utf-16-be"):
        text = head.decode(codec, "replace")
        scripts = letter_scripts(text)
        invalid, _, _ = unicode_oddity(text)
        if len(scripts) == 1 and not invalid and 2 * scripts.total() >= len(text):
            return True
    return False


def _mostly_ascii_pairs(data: bytes) -> bool:
    """Whether 70% or more of the 2-byte units of the head of ``data`` are two printable
    ASCII bytes: a code page's mostly-ASCII text, not UTF-16 (CJK text has a fifth to three
    fifths of such units, kana the most; other scripts none)."""
    head = data[:_SNIFF_BYTES]
    printable = head.translate(_PRINTABLE_MAP)
    both = sum(1 for pair in zip(printable[0::2], printable[1::2], strict=False) if pair == (1, 1))
    return both * 10 >= 7 * (len(head) // 2)


# Designations of ISO-2022 (JP, JP-2, JP-2004, KR, CN): ESC $ @, ESC $ B, ESC $ ( D, ESC $ ) C…
_ISO2022_DESIGNATION = re.compile(rb"\x1b(?:\$[@AB]|\$[()*+][@-Z])")
# Python has decoders for the Japanese and Korean forms (not for ISO-2022-CN).
_ISO2022_CODECS = (
    "iso2022_jp",
    "iso2022_jp_ext",
    "iso2022_jp_2",
    "iso2022_jp_2004",
    "iso2022_jp_3",
    "iso2022_kr",
)


def iso2022(data: bytes) -> tuple[str, str] | None:
    """ISO-2022 text (7-bit, switching character sets with escape sequences) and its codec,
    or None.

    Kept when the bytes are 7-bit, designate a double-byte set, decode strictly and give
    non-ASCII text: then the escape sequences are no accident (an ANSI-coloured log has
    none of them, and ``ESC ( B`` alone, which terminals also use, switches to ASCII only).
    """
    if not data.isascii() or not _ISO2022_DESIGNATION.search(data):
        return None
    for codec in _ISO2022_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not text.isascii():
            return text, codec
    return None
