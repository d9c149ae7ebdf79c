"""Bytes → text: BOMs, UTF-8, chardet, newline style, binary refusal, typed errors.

``load_file`` reads one input file (read-only, after checking with ``os.stat`` that it is a
regular file of acceptable size) and ``decode_bytes`` turns its bytes into a ``LoadedText``.
Decoding tries, in order:

1. a BOM (UTF-32 before UTF-16: the UTF-32-LE BOM ``FF FE 00 00`` starts with UTF-16-LE's);
2. known binary signatures (PNG, PDF, ZIP/.docx, ELF, JPEG, GIF, gzip…) → ``BinaryFileError``;
3. NUL bytes: UTF-32 without a BOM when the NULs fill the high bytes and the whole file
   decodes strictly; UTF-16 without a BOM in the byte order whose head reads as text (see
   ``core.sniff``), lone surrogates as U+FFFD with a warning; otherwise
   ``BinaryFileError``;
4. strict UTF-8 (ASCII included); 7-bit bytes that designate a double-byte set with ISO-2022
   escapes are ISO-2022-JP/KR; 7-bit bytes that are mostly control characters are tried
   as UTF-16 (Thai or Greek without ASCII: every byte below 0x80);
5. "mostly UTF-8": decoded with U+FFFD for the bad bytes and a warning naming each offset.
   Rule: the file has at least as many valid multi-byte UTF-8 sequences as invalid ones.
   A legacy single-byte file (cp1252, latin-1, cp1251…) fails it by far: almost every
   non-ASCII byte there is an invalid lone byte, and a valid pair needs an upper-case
   accented letter immediately followed by a symbol byte (``ß“``), which is rare. An
   otherwise ASCII file with a stray byte has no valid sequence: chardet reads it;
6. chardet's candidates on a bounded sample (with UTF-16 if the bytes read as it), ranked
   by ``core.codepages.rank``: chardet's confidence, the code page's prior for a news
   text, the oddity of the decoded sample (``core.plausible``) and the other versions of
   the comparison (a sample of one non-ASCII byte and no ASCII letter, "±5%", gives chardet
   nothing to judge by: the Windows code pages join its candidates); the best one that
   decodes the file wins, or its superset (gb2312 →
   gb18030, shift_jis → cp932, euc_kr → cp949). Western European choices are named by the
   bytes (``core.codepages.decoders``): 0x80–0x9F mean cp1252 (C1 controls in latin-1),
   else latin-1;
7. a fallback that never fails: cp1252, then latin-1 (confidence 0.0, with a warning).

A decoded text that is mostly control characters is refused as binary too. Nothing is
stripped from the text except a BOM; newlines and control characters are kept.

The chardet path (rule 6, its sample and its ranking) is ``core.guessing``.

Cost, 60 MiB on the 2-core build machine: UTF-8 0.24 s, cp1252 0.62 s, UTF-8 with one bad
byte 0.89 s.

Encoding names are Python codec names as ``codecs.lookup`` spells them, except ``latin-1``
for ISO-8859-1 (the name users know).

Accuracy over 23 languages × their legacy encodings × short/long: ``bench/encoding_bench.py``
(README, Loading).

Imports: the standard library, ``core.model``, ``core.options``, ``core.errors``,
``core.reading`` (the checked read of a path), ``core.sniff`` and ``core.guessing`` (the chardet
path); ``core.codepages`` and chardet lazily, inside the functions that need them, so that
importing this module and loading a UTF-8 file never import them (chardet's import costs
~0.15 s on the headless path, the code pages' ranking and its scores 2 ms).
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from diffviewer.core import guessing
from diffviewer.core.errors import (
    BinaryFileError,
    LoadError,
)
from diffviewer.core.guessing import (
    ASCII_BYTES,
    CHARDET_SAMPLE_BYTES,
    UNICODE_CODECS,
    Decoded,
    codec_name,
)
from diffviewer.core.model import Newline
from diffviewer.core.options import DEFAULT_MAX_FILE_BYTES
from diffviewer.core.reading import read_checked
from diffviewer.core.sniff import iso2022, one_script_utf16, utf16_byte_order

__all__ = [
    "CHARDET_SAMPLE_BYTES",
    "DEFAULT_MAX_FILE_BYTES",
    "LoadedText",
    "decode_bytes",
    "detect_newline",
    "load_file",
    "read_checked",
]

# UTF-32 first: its little-endian BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub document is one too)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (b"\x7fELF", "an ELF program"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# How much is looked at to tell UTF-16/32 without a BOM, and to count control characters.
_SNIFF_BYTES = 4096
_SNIFF_CHARS = 64 * 1024
# Text whose control characters (other than tab, newlines, form feed) exceed this share is binary.
# ANSI-coloured logs stay well under it (two ESC per line of ~40 characters is 5%).
_MAX_CONTROL_SHARE = 0.10
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Invalid spans listed one by one in the warnings before they are summed up.
_MAX_LISTED_ERRORS = 5


@dataclass(frozen=True, slots=True)
class LoadedText:
    """One decoded input with the facts about its decoding."""

    text: str
    """Decoded text, newlines untouched; only a BOM was removed."""
    name: str
    """The name shown to the user: the file's basename, or the name given."""
    path: str | None
    encoding: str
    """Normalised Python codec name: utf-8, utf-8-sig, utf-16-le, cp1252, latin-1…"""
    confidence: float
    """1.0 for a BOM, valid UTF-8 or a forced encoding; chardet's confidence; 0.0 for the
    last-resort fallback."""
    newline: Newline
    warnings: tuple[str, ...]
    size: int
    """Size of the input in bytes."""


def load_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    encoding: str | None = None,
    others: Sequence[LoadedText] = (),
) -> LoadedText:
    """Read and decode one text file; raise a ``LoadError`` subclass naming it on failure.

    ``encoding`` forces a codec (the viewer's "reopen with encoding"). ``others`` are the
    versions of the same comparison decoded before this one: when the encoding has to be
    guessed, theirs and the characters of their text weigh the guess. The file is opened
    read-only and never written; a FIFO or device is refused before it is opened.
    """
    shown = os.fspath(path)
    data = read_checked(shown, max_bytes)
    name = os.path.basename(shown.rstrip("/" + os.sep)) or shown
    return decode_bytes(data, name=name, path=shown, encoding=encoding, others=others)


def decode_bytes(
    data: bytes,
    *,
    name: str,
    path: str | None = None,
    encoding: str | None = None,
    others: Sequence[LoadedText] = (),
) -> LoadedText:
    """Decode ``data`` (see the module docstring for the order of the rules and ``load_file``
    for ``others``)."""
    who = path if path is not None else name
    if encoding:
        decoded = _decode_forced(data, who, encoding)
    else:
        decoded = _decode_detected(data, who, others)
    return LoadedText(
        text=decoded.text,
        name=name,
        path=path,
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        newline=detect_newline(decoded.text),
        warnings=decoded.warnings,
        size=len(data),
    )


def detect_newline(text: str) -> Newline:
    """The newline style of ``text``: one of LF, CRLF, CR, or MIXED, or NONE without any."""
    if "\r" not in text:  # The usual case, told by one fast scan instead of three counts.
        return Newline.LF if "\n" in text else Newline.NONE
    crlf = text.count("\r\n")
    counts = (
        (Newline.CRLF, crlf),
        (Newline.LF, text.count("\n") - crlf),
        (Newline.CR, text.count("\r") - crlf),
    )
    styles = [style for style, count in counts if count]
    if not styles:
        return Newline.NONE
    return styles[0] if len(styles) == 1 else Newline.MIXED


# --- decoding ------------------------------------------------------------------------------


def _decode_forced(data: bytes, who: str, encoding: str) -> Decoded:
    try:
        codec = codec_name(encoding)
        text = data.decode(codec)
    except LookupError:
        raise LoadError(
            who, f"unknown text encoding {encoding!r}; try utf-8, cp1252, latin-1 or utf-16"
        ) from None
    except UnicodeDecodeError as error:
        raise LoadError(
            who,
            f"cannot be read as {codec}: {_hex(data[error.start : error.end])} at offset "
            f"{error.start} is invalid in that encoding; choose another encoding",
        ) from None
    if codec in UNICODE_CODECS and text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, codec, 1.0)


def _decode_detected(data: bytes, who: str, others: Sequence[LoadedText] = ()) -> Decoded:
    if not data:
        return Decoded("", "utf-8", 1.0)
    decoded = _decode_bom(data)
    if decoded is None:
        _refuse_known_binary(data, who)
        if b"\x00" in data:
            decoded = _decode_utf16_32_without_bom(data)
            if decoded is None or _stray_nuls(data, decoded):
                raise BinaryFileError(
                    who,
                    "holds NUL bytes: it is binary data, not text (nor UTF-16/UTF-32 text); "
                    "if it is text in an unusual encoding, choose the encoding explicitly",
                )
        else:
            decoded = _decode_utf8(data)
            if decoded is None:
                hints = [(loaded.encoding, loaded.text) for loaded in others]
                decoded = guessing.guess_and_decode(data, CHARDET_SAMPLE_BYTES, hints)
            elif b"\x1b" in data:  # one fast scan; ISO-2022 is 7-bit, so valid UTF-8 too
                decoded = _decode_iso2022(data) or decoded
            if (
                decoded.encoding == "utf-8"
                and _control_share(decoded.text) > _MAX_CONTROL_SHARE
                and one_script_utf16(data)
            ):
                # Thai, Greek… in UTF-16 without ASCII: every byte below 0x80, so "valid UTF-8".
                decoded = _decode_utf16_32_without_bom(data) or decoded
    _refuse_control_heavy(decoded.text, who)
    return decoded


def _decode_bom(data: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if not data.startswith(bom):
            continue
        body = data[len(bom) :]
        if codec.startswith("utf-32"):
            # FF FE 00 00 is also UTF-16-LE's BOM before a U+0000: keep looking if not UTF-32.
            try:
                return Decoded(body.decode(codec), codec, 1.0)
            except UnicodeDecodeError:
                continue
        text, warnings = _decode_replacing(body, codec.removesuffix("-sig"), len(bom))
        return Decoded(text, codec, 1.0, warnings)
    return None


def _refuse_known_binary(data: bytes, who: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryFileError(
                who, f"looks like {what}, not a text file; open a plain-text copy of the article"
            )


def _decode_utf16_32_without_bom(data: bytes) -> Decoded | None:
    """UTF-32/UTF-16 text without a BOM, told by where its NULs sit and what it decodes to.

    UTF-32 has NULs in the high bytes of nearly every code unit; it is kept only when the
    whole file decodes strictly. UTF-16: see ``core.sniff.utf16_byte_order``; lone
    surrogates and a stray last byte become U+FFFD with a warning, as with a BOM.
    """
    sample = data[:_SNIFF_BYTES]
    units = len(sample) // 4
    end = units * 4
    if units:
        for codec, top, second in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
            if sample[top:end:4].count(0) == units and sample[second:end:4].count(0) >= 0.9 * units:
                try:
                    return Decoded(data.decode(codec), codec, 1.0)
                except UnicodeDecodeError:
                    continue
    order = utf16_byte_order(data)
    if order is None:
        return None
    codec, confidence = order
    text, warnings = _decode_replacing(data, codec, 0)
    return Decoded(text, codec, confidence, warnings)


def _decode_iso2022(data: bytes) -> Decoded | None:
    found = iso2022(data)
    return None if found is None else Decoded(found[0], found[1], 1.0)


def _stray_nuls(data: bytes, decoded: Decoded) -> bool:
    """Whether the NULs of a file read as UTF-16 are rather stray bytes in UTF-8 or
    code-page text (which is refused as binary, as ever).

    UTF-16 text mostly in a script beyond Latin-1 has few NULs (one per ASCII character),
    as a code-page or UTF-8 file with stray NULs has. Without its NULs, such a file reads
    as valid UTF-8 beyond ASCII, as ISO-2022, or as a code page that ranks above the UTF-16
    reading; UTF-16 text without its NULs reads as none of them.
    """
    if not decoded.encoding.startswith("utf-16"):
        return False
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) >= 0.2 * (len(data) // 2) and min(even, odd) * 10 <= max(even, odd):
        return False  # NULs in a fifth of the code units, at one parity: ASCII in UTF-16
    stripped = data.replace(b"\x00", b"")
    try:
        text = stripped.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if iso2022(stripped) is not None:
            return True
        return not text.isascii() and _control_share(text) <= _MAX_CONTROL_SHARE
    from diffviewer.core.codepages import rank

    sample = guessing.chardet_sample(stripped, CHARDET_SAMPLE_BYTES)
    candidates = guessing.chardet_candidates(sample)
    best = max((confidence for _, confidence in candidates), default=1.0)
    ranked = rank(data, sample, [*candidates, (decoded.encoding, best)], ())
    return bool(ranked) and ranked[0][0] != decoded.encoding


def _decode_utf8(data: bytes) -> Decoded | None:
    """Strict UTF-8, or "mostly UTF-8" with U+FFFD for invalid bytes; None for neither.

    Counted without a pass in Python: ASCII bytes always decode to themselves, so the
    non-ASCII characters of the replaced text are its valid multi-byte sequences plus one
    U+FFFD per invalid sequence (U+FFFD genuinely in the file is a valid sequence).
    """
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    ascii_bytes = len(data) - len(data.translate(None, ASCII_BYTES))
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - ascii_bytes - invalid
    if valid < invalid:
        return None
    return Decoded(text, "utf-8", 1.0, _invalid_warnings(data, "utf-8", 0))


def _decode_replacing(data: bytes, codec: str, base: int) -> tuple[str, tuple[str, ...]]:
    """Decode with U+FFFD for invalid bytes, and warnings naming them (offsets from ``base``)."""
    try:
        return data.decode(codec), ()
    except UnicodeDecodeError:
        return data.decode(codec, "replace"), _invalid_warnings(data, codec, base)


def _invalid_warnings(data: bytes, codec: str, base: int) -> tuple[str, ...]:
    """One warning per invalid span for the first few, then one for the rest.

    The spans are the decoder's own, the same the "replace" handler turns into U+FFFD.
    """
    view = memoryview(data)
    warnings: list[str] = []
    label = codec.upper()
    pos = 0
    while True:
        try:
            str(view[pos:], codec)
            return tuple(warnings)
        except UnicodeDecodeError as error:
            start, end = pos + error.start, pos + error.end
        if len(warnings) == _MAX_LISTED_ERRORS:
            warnings.append(
                f"more invalid {label} bytes from offset {base + start} on; shown as \ufffd"
            )
            return tuple(warnings)
        bad = data[start:end]
        noun = "byte" if len(bad) == 1 else "bytes"
        warnings.append(
            f"invalid {label} {noun} {_hex(bad)} at offset {base + start}; shown as \ufffd"
        )
        pos = end


def _hex(data: bytes) -> str:
    return " ".join(f"0x{byte:02X}" for byte in data)


def _control_share(text: str) -> float:
    head = text[:_SNIFF_CHARS]
    return len(_CONTROL.findall(head)) / len(head) if head else 0.0


def _refuse_control_heavy(text: str, who: str) -> None:
    share = _control_share(text)
    if share > _MAX_CONTROL_SHARE:
        raise BinaryFileError(
            who,
            f"is {share:.0%} control characters: it looks like binary data, "
            "not text; if it is text, choose its encoding explicitly",
        )
