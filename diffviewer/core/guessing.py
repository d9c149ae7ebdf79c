"""The chardet path of decoding (rule 6 of ``core.loading``): chardet's candidates for a
bounded sample of the bytes, ranked by ``core.codepages``, and the fallback that never fails;
and the decoded result (``Decoded``) and codec names both modules share.

Chardet sample. chardet sees at most ``CHARDET_SAMPLE_BYTES`` bytes, taken from the lines that
hold non-ASCII bytes (ASCII lines tell it nothing, and an article's first kilobytes are often
pure ASCII page furniture). ``bench/chardet_sample.py`` measured it on 7 corpora (cp1252,
latin-1, cp1251, shift_jis, gb2312, cp1250, and the seed article in cp1252) × 8 texts of
~48 KiB that open with 2 KiB of ASCII furniture; right = the whole file decodes to the
original text; chardet 7.7 (installed) and 5.2 (the lowest version pyproject allows)::

               chardet 7.7                         chardet 5.2
     sample   head of file  non-ASCII lines  ms    non-ASCII lines  ms
         64      24/56          56/56        2.0       47/56        0.6
        128      24/56          54/56        1.6       48/56        0.8
        256      24/56          56/56        1.9       48/56        1.2
       1024      24/56          56/56        2.1       48/56        3.4
       2048      25/56          56/56        2.1       48/56        5.2
       4096      56/56          56/56        2.2       48/56        8.3
       8192      56/56          56/56        2.9       48/56       17.0
      16384      56/56          56/56        4.0       48/56       39.7
      32768      56/56          56/56        5.7       48/56       71.3

The head of the file is only right once the sample passes the ASCII furniture; the
non-ASCII-lines sample is right from 256 bytes with chardet 7 (chardet 5 misses the 8
cp1250 texts at every size: it has no model for Polish). 8 KiB keeps a 32-fold margin over
the smallest right size (for an article whose first accented lines are a few names) at
~3 ms a call with chardet 7 and 17 ms with chardet 5, against ~0.1 s for chardet 7's import
and model loading; timings vary by ~40% on a busy machine. Since chardet's candidates are
ranked (rule 6), the same bench gives 56/56 at every size from 64 bytes, at 5–25 ms a call
on a busy machine (chardet ~9 ms; the ranking decodes and scores up to 1,024 characters for
each candidate that could still matter, ~2 ms each).
UTF-16 without a BOM reaches chardet only when it has no NUL byte (CJK text without ASCII),
and is a candidate only from four code units on and when the file does not end with a newline
byte (a NUL-free UTF-16 text has no newline: "5°C\n" in cp1252 is not "㖰䌊").

Imports: the standard library and ``core.sniff``; chardet and ``core.codepages`` lazily,
inside the functions that need them (see ``core.loading``: a UTF-8 file never imports them).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass

from diffviewer.core.sniff import utf16_byte_order

__all__ = [
    "ASCII_BYTES",
    "CHARDET_SAMPLE_BYTES",
    "UNICODE_CODECS",
    "Decoded",
    "chardet_candidates",
    "chardet_sample",
    "codec_name",
    "guess_and_decode",
]

#: Most bytes chardet is shown (see the table above).
CHARDET_SAMPLE_BYTES = 8 * 1024
#: The bytes that are ASCII (``bytes.translate``'s deletion table for them).
ASCII_BYTES = bytes(range(128))
#: Codecs that read every character there is (no guess of a code page).
UNICODE_CODECS = frozenset({"utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"})
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
_FALLBACKS = ("cp1252", "latin-1")
# The Windows code pages, added to chardet's candidates where it has nothing to judge by.
_COMMON = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257")
_ASCII_LETTER = re.compile(rb"[A-Za-z]")
_MIN_UTF16_BYTES = 8  # four code units: the least UTF-16 without any NUL is guessed from


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec that did it, how sure the choice is, and warnings."""

    text: str
    encoding: str
    confidence: float
    warnings: tuple[str, ...] = ()


def codec_name(encoding: str) -> str:
    """Python's canonical codec name (LookupError when unknown), ``latin-1`` for ISO-8859-1."""
    name = codecs.lookup(encoding).name
    return "latin-1" if name == "iso8859-1" else name


def guess_and_decode(
    data: bytes, sample_bytes: int, hints: Sequence[tuple[str, str]] = ()
) -> Decoded:
    """The best-ranked candidate that decodes the file (or its superset), else the fallback
    that never fails."""
    from diffviewer.core.codepages import decoders, rank

    sample = chardet_sample(data, sample_bytes)
    candidates = chardet_candidates(sample)
    utf16 = False
    # UTF-16 with no NUL at all is CJK or Thai text without ASCII: no newline either (one is
    # 00 0A), so a file that ends with a newline byte, as text files do, is not it; nor can
    # one or three code units tell a byte order ("€5" in cp1252 is one CJK character).
    if len(data) % 2 == 0 and len(data) >= _MIN_UTF16_BYTES and not data.endswith((b"\n", b"\r")):
        order = utf16_byte_order(data)
        if order is not None:
            best = max((confidence for _, confidence in candidates), default=1.0)
            candidates.append((order[0], best))
            utf16 = True
    if not utf16 and _no_context(sample):
        # A sign among figures: chardet may not list the code page at all ("±5%" in cp1252
        # gets only Thai candidates, "€5" in cp1251 only cp1252's "ˆ5"). The common code
        # pages it left out count as likely as its best; the code page's prior and the
        # oddity of its reading decide. From two non-ASCII bytes on chardet's judgement is
        # worth more: adding them there too left 58 more of 2,300 one-word files wrong.
        best = max((confidence for _, confidence in candidates), default=1.0)
        listed = {codec for codec, _ in candidates}
        candidates += [(codec, best) for codec in _COMMON if codec not in listed]
    for codec, confidence in rank(data, sample, candidates, hints):
        for name in decoders(data, codec):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            note = (
                f"encoding guessed as {name}; if characters look wrong, "
                "reopen the file with another encoding"
            )
            return Decoded(text, name, confidence, (note,))
    for codec in _FALLBACKS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        note = (
            f"the encoding could not be detected; shown as {codec}: if characters look wrong, "
            "reopen the file with the right encoding"
        )
        return Decoded(text, codec, 0.0, (note,))
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


# chardet also proposes EBCDIC and other code pages where ASCII bytes mean other letters:
# the file decoded as UTF-8 up to its first non-ASCII byte, so those cannot be it.
_ASCII_PROBE = bytes(range(32, 127)) + b"\t\n\r"


def chardet_candidates(sample: bytes) -> list[tuple[str, float]]:
    """Every encoding chardet considers for ``sample`` with its confidence, as codec names."""
    import chardet

    found: list[tuple[str, float]] = []
    seen: set[str] = set()
    for result in chardet.detect_all(sample, ignore_threshold=True):
        name = result.get("encoding")
        if not name:
            continue
        try:
            codec = codec_name(name)
        except LookupError:
            continue
        if codec in seen or codec in UNICODE_CODECS or not _ascii_compatible(codec):
            continue
        seen.add(codec)
        found.append((codec, float(result.get("confidence") or 0.0)))
    return found


def _ascii_compatible(codec: str) -> bool:
    try:
        return _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def chardet_sample(data: bytes, limit: int) -> bytes:
    """At most ``limit`` bytes of whole lines that hold non-ASCII bytes.

    A segment starts at its line's start, or at the first non-ASCII byte when the line is
    too long: after ASCII that byte is the lead byte of a character in every encoding
    chardet knows, so the sample never starts inside a multi-byte character.
    """
    if len(data) <= limit:
        return data
    pieces: list[bytes] = []
    size = 0
    pos = 0
    while size < limit:
        found = _NON_ASCII_BYTE.search(data, pos)
        if found is None:
            break
        hit = found.start()
        line_start = data.rfind(b"\n", pos, hit) + 1 or pos
        line_end = data.find(b"\n", hit)
        line_end = len(data) if line_end < 0 else line_end + 1
        room = limit - size
        start = line_start if line_end - line_start <= room else hit
        piece = data[start : min(line_end, start + room)]
        pieces.append(piece)
        size += len(piece)
        pos = line_end
    return b"".join(pieces)


def _no_context(sample: bytes) -> bool:
    """Whether ``sample`` gives chardet nothing to judge by: one non-ASCII byte and no ASCII
    letter ("±5%", "€5", a letter alone)."""
    return len(sample.translate(None, ASCII_BYTES)) <= 1 and not _ASCII_LETTER.search(sample)
