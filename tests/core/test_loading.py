"""Tests of core.loading: encodings, newline styles, bad inputs and their typed errors.

Every input is written into ``tmp_path`` at test time, so no binary fixture is committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from diffviewer.core import guessing, loading
from diffviewer.core.errors import (
    BinaryFileError,
    FileMissingError,
    FilePermissionError,
    FileTooLargeError,
    LoadError,
    NotAFileError,
)
from diffviewer.core.loading import LoadedText, decode_bytes, detect_newline, load_file
from diffviewer.core.model import Newline

ENGLISH = (
    "US Secretary of State Antony Blinken said the talks were “constructive” — but the "
    "café near the ministry still charges 5 € for a coffee.\n\nHe didn’t say more.\n"
)
FRENCH = (
    "Le ministre des Affaires étrangères est arrivé à Pékin dimanche soir. Les négociations "
    "ont été qualifiées de « constructives » par les deux parties, déjà ce lundi.\n"
)
RUSSIAN = (
    "Госсекретарь США прибыл в Пекин в воскресенье. Переговоры продлятся до конца недели, "
    "сообщают дипломаты. Рынки Азии отреагировали сдержанно.\n"
)
JAPANESE = (
    "ブリンケン国務長官は日曜日に北京に到着した。交渉は週末まで続く見通しだと外交筋は語った。"
    "アジアの市場は慎重な反応を見せた。報道官はコメントを拒否した。\n"
)
CHINESE = (
    "美国国务卿布林肯周日抵达北京。外交人士表示，谈判将持续到周末。亚洲市场反应谨慎。"
    "新闻发言人拒绝发表评论。\n"
)
ASCII_TEXT = "Plain ASCII text.\nSecond line.\n"


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# (id, bytes, expected text, accepted encodings, exact confidence or None for chardet's)
ENCODING_CASES = [
    ("utf-8", ENGLISH.encode("utf-8"), ENGLISH, {"utf-8"}, 1.0),
    ("ascii", ASCII_TEXT.encode("ascii"), ASCII_TEXT, {"utf-8"}, 1.0),
    ("utf-8-bom", b"\xef\xbb\xbf" + ENGLISH.encode(), ENGLISH, {"utf-8-sig"}, 1.0),
    ("utf-16-le-bom", ("\ufeff" + ENGLISH).encode("utf-16-le"), ENGLISH, {"utf-16-le"}, 1.0),
    ("utf-16-be-bom", ("\ufeff" + ENGLISH).encode("utf-16-be"), ENGLISH, {"utf-16-be"}, 1.0),
    ("utf-16-le-no-bom", ENGLISH.encode("utf-16-le"), ENGLISH, {"utf-16-le"}, None),
    ("utf-16-be-no-bom", ENGLISH.encode("utf-16-be"), ENGLISH, {"utf-16-be"}, None),
    ("utf-32-le-bom", ("\ufeff" + RUSSIAN).encode("utf-32-le"), RUSSIAN, {"utf-32-le"}, 1.0),
    ("utf-32-be-bom", ("\ufeff" + RUSSIAN).encode("utf-32-be"), RUSSIAN, {"utf-32-be"}, 1.0),
    ("utf-32-le-no-bom", ENGLISH.encode("utf-32-le"), ENGLISH, {"utf-32-le"}, 1.0),
    ("cp1252", ENGLISH.encode("cp1252"), ENGLISH, {"cp1252"}, None),
    ("latin-1", FRENCH.encode("latin-1"), FRENCH, {"latin-1"}, None),
    ("cp1251", RUSSIAN.encode("cp1251"), RUSSIAN, {"cp1251"}, None),
    # chardet 5 names the base codec, chardet 7 its superset; both decode this text alike.
    ("shift_jis", JAPANESE.encode("shift_jis"), JAPANESE, {"shift_jis", "cp932"}, None),
    ("gb2312", CHINESE.encode("gb2312"), CHINESE, {"gb2312", "gbk", "gb18030"}, None),
]


@pytest.mark.parametrize(
    ("data", "text", "encodings", "confidence"),
    [case[1:] for case in ENCODING_CASES],
    ids=[case[0] for case in ENCODING_CASES],
)
def test_encodings_decode_to_the_original_text(
    tmp_path: Path, data: bytes, text: str, encodings: set[str], confidence: float | None
) -> None:
    """Each encoding decodes to the exact text (BOM stripped) under its normalised name;
    BOM/UTF-8 are certain, a chardet guess carries its confidence and a warning."""
    loaded = load_file(write(tmp_path, data))
    assert loaded.text == text
    assert loaded.encoding in encodings
    assert loaded.size == len(data)
    if confidence is not None:
        assert loaded.confidence == confidence
        assert loaded.warnings == ()
    elif loaded.encoding.startswith("utf-16"):
        assert 0.2 <= loaded.confidence <= 1.0
    else:
        assert 0.0 < loaded.confidence <= 1.0
        assert loaded.warnings == (
            f"encoding guessed as {loaded.encoding}; if characters look wrong, "
            "reopen the file with another encoding",
        )


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("a\nb\n", Newline.LF),
        ("a\r\nb\r\n", Newline.CRLF),
        ("a\rb\r", Newline.CR),
        ("a\r\nb\n", Newline.MIXED),
        ("a\n\rb", Newline.MIXED),
        ("a\rb\n", Newline.MIXED),
        ("no newline at all", Newline.NONE),
        ("", Newline.NONE),
        ("\r\n\r\n\r\n", Newline.CRLF),
    ],
)
def test_detect_newline(text: str, style: Newline) -> None:
    """LF, CRLF and CR alone are named; any two together are MIXED; none is NONE."""
    assert detect_newline(text) is style


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_newlines_are_kept_untouched(tmp_path: Path, newline: str) -> None:
    """Decoding never translates newlines: the text holds the file's own."""
    text = newline.join(["one", "two", "", "three", ""])
    loaded = load_file(write(tmp_path, text.encode()))
    assert loaded.text == text
    assert loaded.newline is detect_newline(text)


def test_empty_file_is_valid_empty_text(tmp_path: Path) -> None:
    """A 0-byte file loads as empty UTF-8 text without newline style or warnings."""
    loaded = load_file(write(tmp_path, b""))
    assert (loaded.text, loaded.encoding, loaded.confidence) == ("", "utf-8", 1.0)
    assert (loaded.newline, loaded.warnings, loaded.size) == (Newline.NONE, (), 0)


def test_whitespace_only_file_is_kept_verbatim(tmp_path: Path) -> None:
    """Whitespace-only input is text, returned as is (nothing stripped)."""
    loaded = load_file(write(tmp_path, b" \t\n\n  \r\n"))
    assert loaded.text == " \t\n\n  \r\n"
    assert loaded.newline is Newline.MIXED


def test_control_characters_stay(tmp_path: Path) -> None:
    """A few control characters in text are kept for the paragraph layer to handle."""
    text = "Headline\x0c\nBody with a bell\x07 and an escape\x1b[0m.\n"
    assert load_file(write(tmp_path, text.encode())).text == text


def test_utf16_bom_then_nul_is_not_taken_for_utf32(tmp_path: Path) -> None:
    """FF FE 00 00 starts both BOMs: when the rest is not UTF-32, it is UTF-16-LE with U+0000."""
    text = "\x00" + ENGLISH
    data = ("\ufeff" + text).encode("utf-16-le")
    assert data.startswith(b"\xff\xfe\x00\x00")
    loaded = load_file(write(tmp_path, data))
    assert (loaded.text, loaded.encoding) == (text, "utf-16-le")


def test_utf16_with_bom_and_odd_trailing_byte_warns(tmp_path: Path) -> None:
    """A truncated UTF-16 file keeps its text, with U+FFFD and the offset of the stray byte."""
    data = ("\ufeff" + ASCII_TEXT).encode("utf-16-le") + b"A"
    loaded = load_file(write(tmp_path, data))
    assert loaded.text == ASCII_TEXT + "\ufffd"
    assert loaded.warnings == (
        f"invalid UTF-16-LE byte 0x41 at offset {len(data) - 1}; shown as \ufffd",
    )


def test_one_invalid_byte_in_utf8_is_replaced_with_its_offset(tmp_path: Path) -> None:
    """UTF-8 with one bad byte stays UTF-8: U+FFFD in its place and a warning with the offset."""
    head = ENGLISH.encode()
    data = head + b"\xff" + "Après.\n".encode()
    loaded = load_file(write(tmp_path, data))
    assert loaded.encoding == "utf-8"
    assert loaded.confidence == 1.0
    assert loaded.text == ENGLISH + "\ufffdAprès.\n"
    assert loaded.warnings == (f"invalid UTF-8 byte 0xFF at offset {len(head)}; shown as \ufffd",)


def test_genuine_replacement_characters_count_as_valid_utf8(tmp_path: Path) -> None:
    """U+FFFD already in the file is a valid sequence: with one bad byte the file stays UTF-8."""
    head = "� marks a lost character\n".encode()
    loaded = load_file(write(tmp_path, head + b"\xe9\n"))
    assert (loaded.text, loaded.encoding) == ("� marks a lost character\n�\n", "utf-8")
    assert loaded.warnings == (f"invalid UTF-8 byte 0xE9 at offset {len(head)}; shown as �",)


def test_many_invalid_utf8_sequences_are_summed_up(tmp_path: Path) -> None:
    """Only the first five bad spans are listed; one more warning says where the rest begin."""
    unit = "é “ok” ".encode() * 3
    data = b"".join(unit + bytes([0xC3, 0x20 + i]) for i in range(8))
    loaded = load_file(write(tmp_path, data))
    assert loaded.encoding == "utf-8"
    assert loaded.text.count("\ufffd") == 8
    assert len(loaded.warnings) == 6
    assert loaded.warnings[0] == f"invalid UTF-8 byte 0xC3 at offset {len(unit)}; shown as \ufffd"
    assert loaded.warnings[-1].startswith("more invalid UTF-8 bytes from offset ")


def test_cp1252_with_a_stray_valid_utf8_pair_is_still_cp1252(tmp_path: Path) -> None:
    """'ß“' is a valid UTF-8 pair in cp1252 bytes; the many lone ü, ä, ö keep the file from
    being read as UTF-8."""
    text = (
        "Die Straße „Fuß“ ist schön. Der Außenminister traf am Sonntag in Peking ein; die "
        "Gespräche würden „konstruktiv“ geführt, hieß es. Über die Ergebnisse wurde zunächst "
        "nichts bekannt.\n"
    )
    data = text.encode("cp1252")
    assert "ß“".encode("cp1252").decode("utf-8")  # the trap is real
    loaded = load_file(write(tmp_path, data))
    assert loaded.text == text
    # chardet 7 names cp1252, chardet 5 cp1254: both decode this text alike; not UTF-8 is the point.
    assert loaded.encoding in {"cp1252", "cp1254"}


def test_chardet_is_not_imported_for_utf8(tmp_path: Path) -> None:
    """Importing the loader and loading UTF-8 leave chardet unimported; cp1252 imports it."""
    utf8 = write(tmp_path, ENGLISH.encode(), "utf8.txt")
    cp1252 = write(tmp_path, ENGLISH.encode("cp1252"), "cp1252.txt")
    script = (
        "import sys\n"
        "from diffviewer.core.loading import load_file\n"
        "load_file(sys.argv[1])\n"
        "print('chardet' in sys.modules)\n"
    )
    for path, imported in ((utf8, "False"), (cp1252, "True")):
        result = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        assert result.stdout.strip() == imported


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive"),
        (b"\x7fELF\x02\x01\x01", "ELF program"),
        (b"text\x00with\x00some\x00nul\x00bytes here and there, not UTF-16", "NUL bytes"),
        (bytes(range(1, 9)) * 20 + b"some text", "control characters"),
    ],
    ids=["png", "pdf", "zip", "elf", "nul", "controls"],
)
def test_binary_is_refused(tmp_path: Path, data: bytes, fragment: str) -> None:
    """Magic numbers, NULs outside UTF-16/32 and control-heavy bytes raise BinaryFileError."""
    path = write(tmp_path, data, "picture.txt")
    with pytest.raises(BinaryFileError) as caught:
        load_file(path)
    assert str(path) in str(caught.value)
    assert fragment in str(caught.value)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    """Above max_bytes: FileTooLargeError giving the size, the limit and that it is configurable."""
    path = write(tmp_path, b"x" * 11)
    assert load_file(path, max_bytes=11).text == "x" * 11
    with pytest.raises(FileTooLargeError) as caught:
        load_file(path, max_bytes=10)
    message = str(caught.value)
    assert str(path) in message
    assert "11 bytes" in message
    assert "10 bytes" in message
    assert "configurable" in message


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    """A folder raises NotAFileError naming it."""
    with pytest.raises(NotAFileError, match="folder") as caught:
        load_file(tmp_path)
    assert caught.value.path == str(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe is refused from its stat, never opened (opening it would block)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            load_file(fifo)
        except LoadError as error:
            outcome.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "load_file blocked on a FIFO"
    assert len(outcome) == 1
    assert isinstance(outcome[0], NotAFileError)
    assert "named pipe" in str(outcome[0])


def test_missing_file(tmp_path: Path) -> None:
    """A missing file raises FileMissingError with the path as given."""
    path = tmp_path / "nowhere.txt"
    with pytest.raises(FileMissingError) as caught:
        load_file(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_dangling_symlink(tmp_path: Path) -> None:
    """A symlink to nothing raises FileMissingError that says it is a link, and to what."""
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(FileMissingError, match="symbolic link") as caught:
        load_file(link)
    assert "gone.txt" in str(caught.value)


def test_symlink_to_a_file_is_followed(tmp_path: Path) -> None:
    """A working symlink loads its target; the name shown is the link's."""
    target = write(tmp_path, ENGLISH.encode(), "target.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    loaded = load_file(link)
    assert (loaded.text, loaded.name) == (ENGLISH, "link.txt")


def test_path_through_a_file(tmp_path: Path) -> None:
    """A path that goes through a file as if it were a folder is a missing file."""
    path = write(tmp_path, b"x") / "inside.txt"
    with pytest.raises(FileMissingError):
        load_file(path)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions only")
def test_unreadable_file(tmp_path: Path) -> None:
    """A file without read permission raises FilePermissionError."""
    if os.geteuid() == 0:
        pytest.skip("running as root: permissions do not stop root from reading")
    path = write(tmp_path, b"secret")
    path.chmod(0)
    try:
        with pytest.raises(FilePermissionError) as caught:
            load_file(path)
    finally:
        path.chmod(0o600)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (PermissionError(13, "Permission denied"), FilePermissionError),
        (OSError(5, "Input/output error"), LoadError),
    ],
)
def test_open_errors_are_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: OSError, expected: type[LoadError]
) -> None:
    """OS errors when opening map to typed LoadErrors carrying the path (works as root too)."""
    path = write(tmp_path, b"text")

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise raised

    monkeypatch.setattr(loading.os, "open", refuse)
    with pytest.raises(expected) as caught:
        load_file(path)
    assert type(caught.value) is expected
    assert str(caught.value).startswith(f"{path}: ")


@pytest.mark.parametrize("name", ["my article.txt", "статья-é.txt", "-v2.txt", "--help"])
def test_awkward_file_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Spaces, non-ASCII and leading dashes are ordinary names; path stays as given."""
    write(tmp_path, ENGLISH.encode(), name)
    monkeypatch.chdir(tmp_path)
    loaded = load_file(name)
    assert (loaded.text, loaded.name, loaded.path) == (ENGLISH, name, name)


def test_input_file_is_left_unchanged(tmp_path: Path) -> None:
    """Loading never writes: the bytes and the modification time stay the same."""
    data = b"\xef\xbb\xbf" + ENGLISH.encode("utf-8")
    path = write(tmp_path, data)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = path.stat()
    load_file(path)
    load_file(path, encoding="latin-1")
    after = path.stat()
    assert path.read_bytes() == data
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_size == before.st_size


# --- forced encodings -----------------------------------------------------------------------


def test_forced_encoding_is_used_as_is(tmp_path: Path) -> None:
    """encoding= overrides detection: cp1252 bytes read as latin-1 keep their C1 controls."""
    data = ENGLISH.encode("cp1252")
    loaded = load_file(write(tmp_path, data), encoding="ISO-8859-1")
    assert loaded.text == data.decode("latin-1")
    assert (loaded.encoding, loaded.confidence, loaded.warnings) == ("latin-1", 1.0, ())


def test_forced_unicode_encoding_strips_the_bom(tmp_path: Path) -> None:
    """Forcing utf-8 on a file with a BOM still strips the BOM, and nothing else."""
    loaded = load_file(write(tmp_path, b"\xef\xbb\xbf\xef\xbb\xbfx"), encoding="utf8")
    assert (loaded.text, loaded.encoding) == ("\ufeffx", "utf-8")


def test_forced_encoding_skips_binary_sniffing(tmp_path: Path) -> None:
    """The user's explicit choice is honoured even for bytes that look binary."""
    assert load_file(write(tmp_path, b"a\x00b"), encoding="latin-1").text == "a\x00b"


@pytest.mark.parametrize("encoding", ["klingon", "base64", "rot13"])
def test_unknown_forced_encoding(tmp_path: Path, encoding: str) -> None:
    """An unknown codec, or one that is not a text encoding, is a LoadError naming the file."""
    path = write(tmp_path, b"text")
    with pytest.raises(LoadError, match="unknown text encoding") as caught:
        load_file(path, encoding=encoding)
    assert caught.value.path == str(path)


def test_failed_forced_decode(tmp_path: Path) -> None:
    """Bytes invalid in the forced codec give a LoadError with the byte and its offset."""
    path = write(tmp_path, b"abc \x93quoted\x94")
    with pytest.raises(LoadError, match=r"0x93 at offset 4") as caught:
        load_file(path, encoding="utf-8")
    assert str(path) in str(caught.value)


# --- chardet path -------------------------------------------------------------------------


def test_fallback_when_nothing_is_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    """No usable guess: cp1252, else latin-1, at confidence 0.0 and with a warning."""
    monkeypatch.setattr(guessing, "chardet_candidates", lambda sample: [])
    loaded = decode_bytes(b"caf\xe9 \x93ok\x94", name="a.txt")
    assert (loaded.text, loaded.encoding, loaded.confidence) == ("café “ok”", "cp1252", 0.0)
    assert "could not be detected" in loaded.warnings[0]
    # 0x81 is undefined in cp1252: only latin-1 is left.
    loaded = decode_bytes(b"caf\xe9 \x81 and a few more words", name="a.txt")
    assert loaded.text == "café \x81 and a few more words"
    assert (loaded.encoding, loaded.confidence) == ("latin-1", 0.0)


def test_fallback_when_the_guess_cannot_decode(monkeypatch: pytest.MonkeyPatch) -> None:
    """A guess that fails on the whole file (and has no superset that works) falls back."""
    monkeypatch.setattr(guessing, "chardet_candidates", lambda sample: [("cp1251", 0.4)])
    loaded = decode_bytes(b"abc \x98", name="a.txt")  # 0x98 is undefined in cp1251
    assert (loaded.encoding, loaded.confidence) == ("cp1252", 0.0)


@pytest.mark.parametrize(
    ("guess", "text", "codec", "expected"),
    [
        ("gb2312", "朱镕基访问北京", "gbk", "gb18030"),  # 镕 is in GBK, not in GB2312
        ("latin-1", "“quoted” text", "cp1252", "cp1252"),
        ("cp1252", "déjà vu", "latin-1", "latin-1"),
        ("iso8859-15", "déjà vu", "latin-1", "latin-1"),
        ("iso8859-15", "prix: 5 €", "iso8859-15", "iso8859-15"),
    ],
)
def test_supersets_and_western_names(
    monkeypatch: pytest.MonkeyPatch, guess: str, text: str, codec: str, expected: str
) -> None:
    """The guess is widened to its superset when needed, and Western names follow the bytes
    (a sole candidate is chosen with certainty among the candidates)."""
    monkeypatch.setattr(guessing, "chardet_candidates", lambda sample: [(guess, 0.5)])
    loaded = decode_bytes(text.encode(codec), name="a.txt")
    assert (loaded.text, loaded.encoding, loaded.confidence) == (text, expected, 1.0)


def test_chardet_sample_takes_bounded_non_ascii_lines() -> None:
    """The sample skips ASCII lines, keeps whole lines while they fit, and stays within limit."""
    ascii_line = b"Home | World | Politics | Business | Sport\n"
    accented = "Le café à côté.\n".encode("latin-1")
    data = ascii_line * 500 + accented + ascii_line * 500 + accented * 200
    sample = guessing.chardet_sample(data, 1000)
    assert len(sample) <= 1000
    assert sample.startswith(accented)
    assert ascii_line not in sample
    assert guessing.chardet_sample(accented, 1000) == accented
    long_line = b"x" * 5000 + "é".encode("latin-1") + b"y" * 5000
    assert guessing.chardet_sample(long_line, 100) == "é".encode("latin-1") + b"y" * 99


# --- invariants ---------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_raise_a_load_error(data: bytes) -> None:
    """decode_bytes on arbitrary bytes returns a LoadedText or raises a LoadError, nothing else."""
    try:
        loaded = decode_bytes(data, name="random.bin")
    except LoadError as error:
        assert error.path == "random.bin"
    else:
        assert isinstance(loaded, LoadedText)
        assert loaded.size == len(data)
        assert loaded.newline is detect_newline(loaded.text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))))
def test_utf8_text_round_trips(text: str) -> None:
    """Any text without control characters, encoded as UTF-8, decodes back to itself (a
    leading U+FEFF excepted: in the bytes it is a BOM)."""
    assume(not text.startswith("\ufeff"))
    data = text.encode("utf-8")
    assume(not data.startswith(tuple(magic for magic, _ in loading._MAGIC)))
    loaded = decode_bytes(data, name="t.txt")
    assert (loaded.text, loaded.encoding, loaded.warnings) == (text, "utf-8", ())


@pytest.mark.parametrize(("text", "codec"), [(JAPANESE, "shift_jis"), (CHINESE, "gb2312")])
@pytest.mark.parametrize("sample_bytes", [64, 100, 256])
def test_small_sample_cut_inside_a_character(text: str, codec: str, sample_bytes: int) -> None:
    """A sample that ends inside a double-byte character still ranks its codec first (the
    cut character is left out of the score); the whole file decodes to the original."""
    data = (text * 20).encode(codec)
    decoded = guessing.guess_and_decode(data, sample_bytes)
    assert decoded.text == text * 20
