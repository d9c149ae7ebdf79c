"""Short one-line files in UTF-8 or a legacy code page: a word or a figure alone.

A file holding one short line gives chardet almost nothing to go on: its confidences for
"naïve" in cp1252 are below 1% and nearly tied with cp1250's "naďve", and "±5%" gets only
Thai candidates. Such a file must still read as its text, or, where the bytes cannot decide,
as the reading in the likeliest code page for a news text.
"""

from __future__ import annotations

from typing import Any

import pytest

from diffviewer.core.loading import decode_bytes

TEXTS = [
    "naïve",
    "±5%",
    "Київ",
    "«Київ»",
    "€5",
    "½ price",
    "café",
    "Zoë",
    "5°C",
    "Москва",
    "Львів",
    "déjà vu",
]
ENCODINGS = ["utf-8", "cp1252", "latin-1", "cp1251"]


# Bytes that read as clean text in several code pages, where chardet ranks the right one
# low and nothing in the text tells: "Київ" in cp1251 (CA E8 BF E2) is also GB18030's "疏库"
# and Thai "ส่ฟโ", both ahead of cp1251 in chardet's confidences (0.009 and 0.013 to 0.004).
UNDECIDED = {("Київ", "cp1251"), ("«Київ»", "cp1251")}


def _cases() -> list[Any]:
    cases = []
    for text in TEXTS:
        for encoding in ENCODINGS:
            for line in (text, text + "\n"):
                try:
                    line.encode(encoding)
                except UnicodeEncodeError:
                    continue
                marks = (
                    [pytest.mark.xfail(strict=True, reason="the bytes read as Chinese or Thai")]
                    if (text, encoding) in UNDECIDED
                    else []
                )
                name = f"{text}-{encoding}{'-nl' if line != text else ''}"
                cases.append(pytest.param(line, encoding, id=name, marks=marks))
    return cases


@pytest.mark.parametrize(("text", "encoding"), _cases())
def test_a_short_line_reads_as_its_text(text: str, encoding: str) -> None:
    """One short line (a word, a figure with a sign) in UTF-8, cp1252, latin-1 or cp1251
    decodes to the text written."""
    loaded = decode_bytes(text.encode(encoding), name="a.txt")
    assert loaded.text == text, (loaded.encoding, loaded.text)


def test_bare_accents_and_sign_only_texts_are_not_odd() -> None:
    """A bare spacing accent ("˝", what cp1252's "½" is in cp1250) costs as mojibake; a text
    of a few figures and signs ("±5%") does not for lacking letters."""
    from diffviewer.core.plausible import oddity

    assert oddity("˝ price") > oddity("½ price") == 0.0
    assert oddity("±5%") == oddity("€5") == oddity("5°C") == 0.0


def test_a_newline_terminated_file_is_not_utf16_without_nul() -> None:
    """UTF-16 text without NUL bytes has no newline (one is 00 0A): a one-line cp1252 file
    ending with one is not read as two CJK characters ("5°C\n" was "㖰䌊")."""
    loaded = decode_bytes("5°C\n".encode("cp1252"), name="a.txt")
    assert not loaded.encoding.startswith("utf-16")
