"""The bad-input matrix (issue #5), end to end through ``compare_files``.

Each row is one kind of input an editor's tools produce; each must either compare correctly or
fail with a typed error naming the file. The loader's own tests (test_loading.py) go deeper
into each decoding case; these pin down what the comparison makes of them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diffviewer.core.compare import compare_files
from diffviewer.core.errors import (
    BinaryFileError,
    FileMissingError,
    FilePermissionError,
    FileTooLargeError,
    LoadError,
    NotAFileError,
)
from diffviewer.core.model import ChangeType, OpTag, RowStatus
from diffviewer.core.options import CompareOptions

BODY = "The minister said the talks in Geneva would resume on Monday after a short pause."


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_empty_file_against_text(tmp_path: Path) -> None:
    """A 0-byte file is a version with no paragraphs: everything is inserted."""
    comparison = compare_files([write(tmp_path, "a.txt", b""), write(tmp_path, "b.txt", BODY)])
    assert len(comparison.versions[0].paragraphs) == 0
    assert [c.type for c in comparison.changes] == [ChangeType.INSERTED]


def test_whitespace_only_file(tmp_path: Path) -> None:
    """Spaces, tabs and blank lines only: no paragraphs, no crash."""
    comparison = compare_files(
        [write(tmp_path, "a.txt", " \n\t\n\n  \r\n"), write(tmp_path, "b.txt", "")]
    )
    assert comparison.rows == ()
    assert not comparison.has_differences


def test_one_5mb_paragraph_with_an_edit(tmp_path: Path) -> None:
    """A single 5 MB paragraph with one edited word compares, and the edit is found."""
    words = [f"w{k}" for k in range(800_000)]
    old = " ".join(words)
    assert len(old) > 5_000_000
    new = old.replace(" w400000 ", " changed ")
    comparison = compare_files([write(tmp_path, "a.txt", old), write(tmp_path, "b.txt", new)])
    (change,) = comparison.changes
    assert change.type is ChangeType.CHANGED
    assert [op.text for op in change.word_ops if op.tag is OpTag.DELETE] == ["w400000"]


def test_file_above_the_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    """A 100 MB file is refused before reading, naming the file, its size and the limit."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written to disk
    with pytest.raises(FileTooLargeError) as caught:
        compare_files([big, big])
    message = str(caught.value)
    assert "huge.txt" in message and "100" in message and "64" in message


def test_limit_is_configurable(tmp_path: Path) -> None:
    """The size limit comes from the options: a smaller one refuses a small file."""
    path = write(tmp_path, "a.txt", BODY * 100)
    with pytest.raises(FileTooLargeError):
        compare_files([path, path], CompareOptions(max_file_bytes=1000))


def test_five_hundred_identical_ads_interleaved(tmp_path: Path) -> None:
    """500 "Advertisement" lines between body paragraphs: each ad stays with its neighbours."""
    old = "\n\n".join(f"{BODY} ({k})\n\nAdvertisement" for k in range(500))
    new = old.replace(f"{BODY} (250)\n\nAdvertisement\n\n", "")
    comparison = compare_files([write(tmp_path, "a.txt", old), write(tmp_path, "b.txt", new)])
    removed = [c for c in comparison.changes if c.type is ChangeType.REMOVED]
    assert len(comparison.changes) == 2 and len(removed) == 2
    texts = sorted(comparison.paragraph(0, c.old[0]).key for c in removed)
    assert texts == ["Advertisement", f"{BODY} (250)"]


def test_twenty_versions(tmp_path: Path) -> None:
    """20 versions at once: 20 columns, 19 pairs, each paragraph once per column."""
    paths = [
        write(tmp_path, f"v{k:02}.txt", "\n\n".join(f"{BODY} {j}" for j in range(k, k + 10)))
        for k in range(20)
    ]
    comparison = compare_files(paths)
    assert len(comparison.versions) == 20 and len(comparison.pairs) == 19
    for v in range(20):
        column = [r.cells[v] for r in comparison.rows if r.cells[v] is not None]
        assert column == list(range(10))


def test_invalid_utf8_byte_is_replaced_and_reported(tmp_path: Path) -> None:
    """One bad byte in UTF-8: U+FFFD in the text and a warning naming the offset."""
    prefix = "Café “quoted” text.".encode()
    data = prefix + b"\xff" + b" More text."
    comparison = compare_files([write(tmp_path, "a.txt", data), write(tmp_path, "b.txt", "x")])
    version = comparison.versions[0]
    assert version.encoding == "utf-8"
    assert "\ufffd" in version.paragraphs[0].text
    assert any(f"0xFF at offset {len(prefix)}" in w for w in version.warnings)


def test_utf16_without_bom(tmp_path: Path) -> None:
    """UTF-16 without a BOM decodes to the same paragraphs as its UTF-8 twin."""
    text = f"{BODY}\n\nSecond paragraph, with “quotes”."
    a = write(tmp_path, "a.txt", text.encode("utf-16-le"))
    comparison = compare_files([a, write(tmp_path, "b.txt", text)])
    assert not comparison.has_differences


def test_mixed_newlines_are_reported_and_not_a_change(tmp_path: Path) -> None:
    """Mixed CRLF/LF is recorded as such and makes no difference to the comparison."""
    a = write(tmp_path, "a.txt", f"{BODY}\r\n\r\nSecond.\n\nThird.\n")
    comparison = compare_files([a, write(tmp_path, "b.txt", f"{BODY}\n\nSecond.\n\nThird.\n")])
    assert comparison.versions[0].newline.value == "mixed"
    assert not comparison.has_differences


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(
            "bell\x07 and escape\x1b[0m here", "bell\x07 and escape\x1b[1m here", id="control"
        ),
        pytest.param(
            "zero\u200bwidth \u202ebidi\u202c text",
            "zero\u200bwidth \u202ebidi\u202c texts",
            id="bidi",
        ),
        pytest.param(
            "قال الوزير إن المحادثات ستستأنف", "قال الوزير إن المفاوضات ستستأنف", id="arabic"
        ),
        pytest.param("שלום לכל החברים בעיר", "שלום לכל החברות בעיר", id="hebrew"),
        pytest.param("我们今天去北京开会。", "我们明天去北京开会。", id="chinese"),
        pytest.param(
            "Great news 🎉 for 👩‍👩‍👧 families", "Great news 🎊 for 👩‍👩‍👧 families", id="emoji"
        ),
    ],
)
def test_unusual_text_gives_small_word_level_edits(tmp_path: Path, old: str, new: str) -> None:
    """Control, zero-width, bidi, RTL, CJK and emoji text: one edit, a small highlight."""
    comparison = compare_files([write(tmp_path, "a.txt", old), write(tmp_path, "b.txt", new)])
    (change,) = comparison.changes
    assert change.type is ChangeType.CHANGED
    deleted = "".join(op.text for op in change.word_ops if op.tag is OpTag.DELETE)
    assert 0 < len(deleted) < len(old) / 2


@pytest.mark.parametrize("name", ["with space.txt", "ñandú – ünïcode.txt", "-leading-dash.txt"])
def test_awkward_file_names(tmp_path: Path, name: str) -> None:
    """Spaces, non-ASCII and a leading dash in file names load and show the name."""
    path = write(tmp_path, name, BODY)
    comparison = compare_files([path, path])
    assert comparison.versions[0].name == name


def test_directory_fifo_symlink_and_binary(tmp_path: Path) -> None:
    """A folder, a FIFO, a dangling symlink and a binary file each give their typed error."""
    good = write(tmp_path, "good.txt", BODY)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    binary = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    for path, error in (
        (tmp_path, NotAFileError),
        (fifo, NotAFileError),
        (dangling, FileMissingError),
        (binary, BinaryFileError),
    ):
        with pytest.raises(error) as caught:
            compare_files([good, path])
        assert str(path) in str(caught.value)


def test_unreadable_file(tmp_path: Path) -> None:
    """A file without read permission gives FilePermissionError (as a non-root user)."""
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root from reading")
    path = write(tmp_path, "secret.txt", BODY)
    path.chmod(0)
    with pytest.raises(FilePermissionError):
        compare_files([path, path])


def test_inputs_are_never_written(tmp_path: Path) -> None:
    """Comparing leaves the input files' bytes and modification times as they were."""
    a = write(tmp_path, "a.txt", f"{BODY}\r\n")
    b = write(tmp_path, "b.txt", "other")
    before = [(p.read_bytes(), p.stat().st_mtime_ns) for p in (a, b)]
    compare_files([a, b])
    assert [(p.read_bytes(), p.stat().st_mtime_ns) for p in (a, b)] == before


def test_errors_are_load_errors() -> None:
    """Every loading failure is a LoadError, which the CLI and UI turn into a message."""
    for error in (BinaryFileError, FileMissingError, FilePermissionError, FileTooLargeError):
        assert issubclass(error, LoadError)
    assert RowStatus.EQUAL.value == "equal"
