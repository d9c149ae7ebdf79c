"""Tests of core.plausible and core.sniff: the mojibake cost of a decoded text, and the
UTF-16 byte order.

Each wrong reading below is what a real code-page confusion produced (issue 11); each right
one is the text its author wrote.
"""

from __future__ import annotations

import pytest

from diffviewer.core.plausible import oddity, unicode_oddity
from diffviewer.core.sniff import utf16_byte_order

# (text, the code page it was written in, the code page it was misread as)
CONFUSIONS = [
    ("Zoë and Chloë went to the fête.", "cp1252", "cp720"),
    ("Größe zählt", "cp1252", "mac-latin2"),
    ("Größe", "cp1252", "mac-iceland"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250", "iso8859-7"),
    ("Café au lait, naïve façade — “quoted”", "cp1252", "mac-cyrillic"),
    ("Crollo a Genova: è allerta", "cp1252", "mac-cyrillic"),
    ("Un été record à Nîmes", "cp1252", "iso8859-8"),
    ("Grève à la SNCF", "cp1252", "cp437"),
    ("Правительство одобрило проект бюджета", "cp1251", "latin-1"),
]


@pytest.mark.parametrize(
    ("text", "written", "misread"), CONFUSIONS, ids=[case[2] for case in CONFUSIONS]
)
def test_wrong_readings_cost_more(text: str, written: str, misread: str) -> None:
    """The author's text costs nothing; the code-page confusion costs more (at least half a
    unit per non-ASCII character except for Cyrillic read as Latin, where chardet's own
    confidence does most of the work)."""
    wrong = text.encode(written).decode(misread, "replace")
    assert oddity(text) == 0.0
    assert oddity(wrong) >= (0.1 if misread == "latin-1" else 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII, nothing to judge.",
        "Le ministre a déclaré « non » à l’Assemblée — c’est clair.",
        "東京で大雪、交通に乱れ",
        "Chính phủ đã thông qua gói hỗ trợ mới",
        "Σεισμός στην Κρήτη: 5,2 Ρίχτερ",
        "Prix : 5 € — ½ tarif, 30 °C, © AFP",
    ],
)
def test_real_text_is_clean(text: str) -> None:
    """Accents, curly quotes, dashes, CJK, Vietnamese tone marks and common symbols cost
    nothing."""
    assert oddity(text) == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Правительство одобрило проект бюджета на следующий год.",
        "国务院周二宣布了一项新的经济刺激计划。\n",
        "주가 급락",
        "น้ำท่วมกรุงเทพ",
    ],
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_byte_order_is_told_by_the_text(text: str, codec: str) -> None:
    """The right byte order reads as clean text; the swapped one does not."""
    invalid, spread, _ = unicode_oddity(text)  # punctuation counts as non-letters
    assert (invalid, spread) == (0.0, 0.0)
    found = utf16_byte_order(text.encode(codec))
    assert found is not None
    assert found[0] == codec


def test_code_page_text_in_pairs_is_not_utf16() -> None:
    """Mostly-ASCII Latin text read two bytes at a time looks like CJK; its printable ASCII
    pairs tell (more accented text is left to the ranking, where UTF-16 without NULs comes
    after a code page that reads as cleanly)."""
    for text in ("Più tasse per tutti?", "Storm över Öland", "Plain ASCII text, even length"):
        assert utf16_byte_order(text.encode("cp1252")) is None
