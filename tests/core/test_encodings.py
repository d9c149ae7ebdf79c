"""Legacy encodings that newsrooms send (issue 11, items 1–3): what an editor sees.

Single-byte Western and Central European texts decoded as their own code page rather than a
Mac, DOS or Greek one; UTF-16 without a BOM in any script; ISO-2022-JP/KR. Every input is
built from a string here, so no binary fixture is committed. The accuracy over 23 languages
is measured by ``bench/encoding_bench.py`` (README, Loading).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from diffviewer.core.compare import compare_files
from diffviewer.core.errors import BinaryFileError
from diffviewer.core.loading import decode_bytes

MIXED_WESTERN = "Café au lait, naïve façade — “quoted” … déjà vu. £ € æøå Ångström\n\n" * 60

# (id, text, encoding): one-liners and texts that chardet alone reads as another code page.
SINGLE_BYTE = [
    ("mixed-western-long", MIXED_WESTERN, "cp1252"),
    ("english-umlauts", "Zoë and Chloë went to the fête.", "cp1252"),
    ("german-word", "Größe", "cp1252"),
    ("czech-pangram", "Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
    ("czech-pangram-iso", "Příliš žluťoučký kůň úpěl ďábelské ódy.", "iso8859-2"),
    ("french-headline", "Un été record à Nîmes", "latin-1"),
    ("french-grève", "Grève à la SNCF", "cp1252"),
    ("german-headline", "Größe zählt", "iso8859-15"),
    ("italian-più", "Più tasse per tutti?", "cp1252"),
    ("italian-è", "Crollo a Genova: è allerta", "cp1252"),
    ("portuguese-à", "Lula visita Pequim: acordo à vista", "latin-1"),
    ("english-pound", "Brontë letters fetch £40,000", "cp1252"),
    ("swedish", "Storm över Öland", "cp1252"),
    ("polish", "Pożar w Gdańsku, straż na miejscu", "cp1250"),
]


@pytest.mark.parametrize(
    ("text", "encoding"), [case[1:] for case in SINGLE_BYTE], ids=[case[0] for case in SINGLE_BYTE]
)
def test_single_byte_texts_decode_to_their_own_letters(text: str, encoding: str) -> None:
    """Windows and ISO code pages win over Mac, DOS and other-script readings: the decoded
    text is the original (cp1252 and latin-1 name the same text alike)."""
    loaded = decode_bytes(text.encode(encoding), name="a.txt")
    assert loaded.text == text
    assert loaded.text.encode(loaded.encoding) == text.encode(encoding)
    assert loaded.warnings[0].startswith(f"encoding guessed as {loaded.encoding}")


def test_cp1252_version_compares_equal_to_its_utf8_original(tmp_path: Path) -> None:
    """The same article saved as cp1252 and as UTF-8 has no difference (it had 60 changed
    paragraphs when cp1252 was read as a Mac code page)."""
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(MIXED_WESTERN.encode("utf-8"))
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(MIXED_WESTERN.encode("cp1252"))
    for paths in ([utf8, cp1252], [cp1252, utf8]):
        comparison = compare_files(paths)
        assert not comparison.has_differences
        assert {v.encoding for v in comparison.versions} == {"utf-8", "cp1252"}


def test_other_versions_settle_an_ambiguous_one() -> None:
    """ "İzmir'de deprem" in cp1254 reads as latin-1 "Ýzmir'de" alone (one letter tells
    nothing); another version of the comparison, in UTF-8 or in cp1254, settles it."""
    data = "İzmir'de deprem".encode("cp1254")
    assert decode_bytes(data, name="alone.txt").text == "Ýzmir'de deprem"
    utf8 = decode_bytes("İzmir'de deprem: ölü sayısı artıyor".encode(), name="v1.txt")
    cp1254 = decode_bytes(
        "Şişli'de yangın çıktı, itfaiye bölgeye ulaştı.".encode("cp1254"), name="v1.txt"
    )
    assert cp1254.encoding == "cp1254"
    for other in (utf8, cp1254):
        loaded = decode_bytes(data, name="v2.txt", others=[other])
        assert (loaded.text, loaded.encoding) == ("İzmir'de deprem", "cp1254")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Правительство одобрило во вторник проект бюджета.", "cp1251"),
        ("Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα.", "cp1253"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("政府は火曜日、新たな経済対策を発表した。", "shift_jis"),
    ],
)
def test_other_versions_do_not_override_clear_evidence(text: str, encoding: str) -> None:
    """A version in another language and encoding (English, UTF-8) is a hint, not a verdict."""
    english = decode_bytes(
        "The minister said the talks were “constructive” — and déjà vu.".encode(), name="v1"
    )
    loaded = decode_bytes(text.encode(encoding), name="v2.txt", others=[english])
    assert loaded.text == text


def test_compare_files_passes_earlier_versions_as_hints(tmp_path: Path) -> None:
    """compare_files gives each file the versions loaded before it."""
    first = tmp_path / "v1.txt"
    first.write_bytes("Deprem bölgesinde İzmir'de çalışmalar sürüyor.".encode("cp1254"))
    second = tmp_path / "v2.txt"
    second.write_bytes("İzmir'de deprem".encode("cp1254"))
    comparison = compare_files([first, second])
    assert [v.encoding for v in comparison.versions] == ["cp1254", "cp1254"]
    assert comparison.versions[1].paragraphs[0].text == "İzmir'de deprem"


# --- UTF-16 without a BOM ------------------------------------------------------------------

UTF16_TEXTS = {
    "russian": "Правительство одобрило во вторник проект бюджета.\nЦены растут.\n",
    "chinese": "国务院周二宣布了一项新的经济刺激计划。\n北京市政府表示，明年将新增五条地铁线路。\n",
    "japanese": "政府は火曜日、新たな経済対策を発表した。\n東京で大雪\n",
    "korean": "주가 급락\n정부는 화요일 새로운 경제 대책을 발표했다.\n",
    "greek": "Σεισμός στην Κρήτη",
    "thai": "น้ำท่วมกรุงเทพ",
    "chinese-line": "股市大涨",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("language", list(UTF16_TEXTS))
def test_utf16_without_bom_in_any_script(language: str, codec: str) -> None:
    """BOM-less UTF-16 is read in its byte order, whether or not it has NUL bytes (a Thai
    line has none, and every byte below 0x80)."""
    text = UTF16_TEXTS[language]
    loaded = decode_bytes(text.encode(codec), name="a.txt")
    assert (loaded.text, loaded.encoding) == (text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_lone_surrogate_is_replaced_with_a_warning(codec: str) -> None:
    """A lone surrogate becomes U+FFFD and a warning gives its offset, as with a BOM."""
    head = "Госсекретарь прибыл в Пекин. ".encode(codec)
    surrogate = b"\x00\xd8" if codec == "utf-16-le" else b"\xd8\x00"
    data = head + surrogate + "Переговоры продлятся.\n".encode(codec)
    loaded = decode_bytes(data, name="a.txt")
    assert loaded.encoding == codec
    assert loaded.text == "Госсекретарь прибыл в Пекин. \ufffdПереговоры продлятся.\n"
    assert loaded.warnings == (
        f"invalid {codec.upper()} bytes {' '.join(f'0x{b:02X}' for b in surrogate)} at offset "
        f"{len(head)}; shown as \ufffd",
    )


def test_utf16_without_bom_compares_equal_to_utf8(tmp_path: Path) -> None:
    """A Russian article in BOM-less UTF-16 has the same paragraphs as its UTF-8 twin."""
    text = UTF16_TEXTS["russian"]
    a = tmp_path / "a.txt"
    a.write_bytes(text.encode("utf-16-le"))
    b = tmp_path / "b.txt"
    b.write_bytes(text.encode("utf-8"))
    assert not compare_files([a, b]).has_differences


BINARIES = [
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\x00\x01"),
    ("elf", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4),
    ("zip", b"PK\x03\x04\x14\x00\x06\x00word/document.xml" + bytes(range(256))),
    *[(f"random-{seed}", random.Random(seed).randbytes(4096)) for seed in range(8)],
    *[
        (f"random-no-nul-{seed}", bytes(b for b in random.Random(seed).randbytes(4096) if b))
        for seed in range(8)
    ],
    ("ascii-with-nuls", b"text\x00with\x00some\x00nul\x00bytes here and there, not UTF-16"),
    ("controls", bytes(range(1, 9)) * 20 + b"some text"),
]


def control_blob(seed: int) -> bytes:
    """256 seven-bit bytes, heavy with control characters: what binary data without NULs and
    high bytes looks like (and what Thai or Greek UTF-16 without ASCII looks like too)."""
    rng = random.Random(seed)
    pool = list(range(1, 32)) + [rng.randrange(32, 127) for _ in range(rng.randint(0, 60))]
    return bytes(rng.choice(pool) for _ in range(256))


BINARIES += [(f"controls-7-bit-{seed}", control_blob(seed)) for seed in range(40)]


@pytest.mark.parametrize("data", [case[1] for case in BINARIES], ids=[c[0] for c in BINARIES])
def test_binaries_are_still_refused(data: bytes) -> None:
    """Signatures, random bytes (with or without NULs) and control-heavy bytes are no text,
    UTF-16 or otherwise."""
    with pytest.raises(BinaryFileError):
        decode_bytes(data, name="blob.txt")


# --- ISO-2022 ------------------------------------------------------------------------------

ISO2022 = [
    ("iso2022_jp", "政府は火曜日、新たな経済対策を発表した。\nTokyo 2024: 東京で大雪\n"),
    ("iso2022_jp", "ブリンケン国務長官は日曜日に北京に到着した。"),
    ("iso2022_kr", "정부는 화요일 새로운 경제 대책을 발표했다.\n서울에 폭설\n"),
]


@pytest.mark.parametrize(("codec", "text"), ISO2022, ids=["jp", "jp-line", "kr"])
def test_iso2022_is_decoded(codec: str, text: str) -> None:
    """ISO-2022 text (7-bit, escape sequences) is decoded, not shown with its escapes."""
    loaded = decode_bytes(text.encode(codec), name="mail.txt")
    assert (loaded.text, loaded.encoding, loaded.confidence) == (text, codec, 1.0)


def test_terminal_escapes_are_not_iso2022() -> None:
    """An ANSI-coloured log (ESC [ …, and ESC ( B as tput writes it) stays UTF-8 as is."""
    text = "\x1b[1mBreaking\x1b(B\x1b[m: talks resume on Monday.\n"
    loaded = decode_bytes(text.encode(), name="log.txt")
    assert (loaded.text, loaded.encoding) == (text, "utf-8")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("政府は火曜日、中小企業を支援する新たな経済対策を発表した。", "shift_jis"),
        ("Правительство одобрило во вторник проект бюджета на следующий год.", "cp1251"),
        ("Größe zählt: Die Straße in Köln wird für Fußgänger gesperrt.", "cp1252"),
    ],
)
def test_confidence_is_not_split_between_codecs_that_read_alike(text: str, encoding: str) -> None:
    """shift_jis and cp932, cp1252 and latin-1… read these bytes alike: one reading, whose
    confidence is not halved by its twin."""
    loaded = decode_bytes(text.encode(encoding), name="a.txt")
    assert loaded.text == text
    assert loaded.confidence >= 0.5


STRAY_NUL = [
    ("utf-8", "« Nous ne céderons pas », a déclaré la ministre devant les députés."),
    ("utf-8", "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τα νοικοκυριά."),
    ("utf-8", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
    ("utf-8", "国务院周二宣布了一项新的经济刺激计划，以支持中小企业。"),
    ("utf-8", "정부는 화요일 중소기업을 지원하기 위한 새로운 경제 대책을 발표했다."),
    ("utf-8", "ฝนตกหนักทำให้เกิดน้ำท่วมในหลายจังหวัดทางภาคเหนือ"),
    ("gbk", "受强降雨影响，广东多地发生洪涝灾害，数千人被紧急转移。"),
    ("big5", "行政院週二宣布一項新的經濟振興方案，以支持中小企業。"),
    ("euc-kr", "경찰은 미술관에서 그림을 훔친 혐의로 남성 두 명을 체포했다."),
    ("iso2022_kr", "서울시는 내년에 새로운 버스 노선 다섯 개를 신설한다고 밝혔다."),
]


@pytest.mark.parametrize(("codec", "text"), STRAY_NUL, ids=[case[0] for case in STRAY_NUL])
@pytest.mark.parametrize("where", [0.5, 0.75])
def test_stray_nul_in_text_is_not_utf16(codec: str, text: str, where: float) -> None:
    """A UTF-8 or code-page file with a stray NUL is refused as binary, as before, rather
    than read as UTF-16 (its few NULs look like those of CJK UTF-16 text)."""
    data = text.encode(codec)
    cut = int(len(data) * where)
    with pytest.raises(BinaryFileError, match="NUL bytes"):
        decode_bytes(data[:cut] + b"\x00" + data[cut:], name="a.txt")


@pytest.mark.parametrize("step", [7, 10, 11])
def test_many_stray_nuls_in_utf8_are_not_utf16(step: int) -> None:
    """NULs every few bytes of UTF-8 text, at both parities, are no UTF-16 pattern."""
    data = ("« Nous ne céderons pas », a déclaré la ministre. " * 10).encode()
    spoilt = b"".join(data[i : i + step] + b"\x00" for i in range(0, len(data), step))
    with pytest.raises(BinaryFileError, match="NUL bytes"):
        decode_bytes(spoilt, name="a.txt")
