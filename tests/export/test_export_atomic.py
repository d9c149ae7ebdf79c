"""export.atomic.write_atomic: all or nothing, old file intact on failure, permissions kept."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from diffviewer.core.errors import ExportError
from diffviewer.export import atomic
from diffviewer.export.atomic import current_umask, write_atomic

OLD = "old content, must survive\n"


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(OLD, encoding="utf-8")
    return path


@pytest.fixture
def umask_027() -> Iterator[int]:
    previous = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(previous)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_as_utf8_and_bytes_verbatim(tmp_path: Path) -> None:
    """A str is encoded (UTF-8 by default, or the given codec); bytes are written as they are."""
    write_atomic(tmp_path / "a.txt", "Blinken’s “remarks” — 中文")
    assert (tmp_path / "a.txt").read_bytes() == "Blinken’s “remarks” — 中文".encode()
    write_atomic(tmp_path / "b.bin", b"\x00\xff\r\n")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff\r\n"
    write_atomic(str(tmp_path / "c.txt"), "café", encoding="latin-1")
    assert (tmp_path / "c.txt").read_bytes() == b"caf\xe9"
    assert _leftovers(tmp_path) == []


def test_replaces_an_existing_file_and_keeps_its_permissions(existing: Path) -> None:
    """The new content replaces the old one with the old file's mode (not mkstemp's 0600)."""
    os.chmod(existing, 0o640)
    write_atomic(existing, "new")
    assert existing.read_text() == "new"
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640


def test_new_file_gets_the_umask_mode(tmp_path: Path, umask_027: int) -> None:
    """A new file is created as open() would create it: 0666 minus the umask."""
    assert current_umask() == umask_027
    write_atomic(tmp_path / "new.txt", "x")
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_symlink_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    """Writing through a symlink updates the file it points to and leaves the link a link."""
    target = tmp_path / "real.txt"
    target.write_text(OLD)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert target.read_text() == "new"


def test_parent_that_is_a_file_fails_cleanly(tmp_path: Path) -> None:
    """A folder that cannot be written into (here: a file, which works even as root)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ExportError) as caught:
        write_atomic(blocker / "out.html", "data")
    assert str(caught.value) == f"{blocker / 'out.html'}: Not a directory"
    assert blocker.read_text() == "x"


def test_missing_folder_fails_with_the_reason(tmp_path: Path) -> None:
    """A destination in a folder that does not exist names the file and says so."""
    with pytest.raises(ExportError, match="No such file or directory"):
        write_atomic(tmp_path / "nowhere" / "out.html", "data")


_IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
_NOBODY = 65534


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_folder_fails_and_leaves_the_old_file() -> None:
    """In a folder the user may not write, the temp file cannot be made: Permission denied.

    Root ignores folder permissions, so as root the write runs in a child process that drops
    to the unprivileged uid 65534 ("nobody") once its modules are imported (the interpreter
    itself may live where "nobody" cannot read).
    """
    folder = Path(tempfile.mkdtemp(prefix="dv-readonly-", dir="/tmp"))
    try:
        existing = folder / "report.html"
        existing.write_text(OLD)
        os.chmod(existing, 0o644)
        os.chmod(folder, 0o755 if _IS_ROOT else 0o555)
        script = (
            "import os, sys\n"
            "from diffviewer.core.errors import ExportError\n"
            "from diffviewer.export.atomic import write_atomic\n"
            f"if {_IS_ROOT}:\n"
            f"    os.setgid({_NOBODY}); os.setuid({_NOBODY})\n"
            "try:\n"
            "    write_atomic(sys.argv[1], 'new')\n"
            "except ExportError as error:\n"
            "    print(error)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script, str(existing)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"{existing}: Permission denied"
        assert existing.read_text() == OLD
        assert _leftovers(folder) == []
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_destination_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    """Exporting onto a folder is refused before anything is written."""
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path, "data")
    assert _leftovers(tmp_path) == []


def test_text_that_cannot_be_encoded_is_refused(tmp_path: Path) -> None:
    """An encoding that cannot hold the text raises ExportError, and no file appears."""
    with pytest.raises(ExportError, match="cannot encode as ascii"):
        write_atomic(tmp_path / "a.txt", "’", encoding="ascii")
    assert list(tmp_path.iterdir()) == []


def test_disk_full_keeps_the_old_file_and_leaves_no_temp(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC in mid-write: the error says so, the old file is intact, the temp file is gone."""
    real_write = os.write
    calls: list[int] = []

    def full_after_first_chunk(fd: int, data: bytes | memoryview) -> int:
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_after_first_chunk)
    with pytest.raises(ExportError) as caught:
        write_atomic(existing, "x" * (3 << 20))
    assert str(caught.value) == f"{existing}: No space left on device"
    assert len(calls) == 2
    assert existing.read_text() == OLD
    assert _leftovers(existing.parent) == []


def test_failing_fsync_keeps_the_old_file(existing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An I/O error at fsync (data not safely on disk) aborts before the rename."""

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="Input/output error"):
        write_atomic(existing, "new")
    assert existing.read_text() == OLD
    assert _leftovers(existing.parent) == []


def test_failing_rename_removes_the_temp_file(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final rename fails, the temp file is removed and the old file is kept."""

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportError, match="Permission denied"):
        write_atomic(existing, "new")
    assert existing.read_text() == OLD
    assert _leftovers(existing.parent) == []


def test_interrupt_is_not_swallowed_and_cleans_up(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C during the write propagates as such (not as ExportError) and removes the temp."""

    def interrupted(fd: int, data: bytes | memoryview) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(existing, "new")
    assert existing.read_text() == OLD
    assert _leftovers(existing.parent) == []


_KILLED_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from diffviewer.core.model import (
        Comparison, Newline, Paragraph, Row, RowStatus, Version)
    from diffviewer import export

    text = "A long paragraph of article text with “quotes” — and more words. " * 20
    paras = tuple(Paragraph(i, text, text, i, i, 200) for i in range(2000))
    version = Version("big.txt", None, "utf-8", 1.0, Newline.LF, paras)
    rows = tuple(Row((i, i), (RowStatus.EQUAL,), RowStatus.EQUAL) for i in range(2000))
    comparison = Comparison((version, version), rows, (), ((0, 1),))

    real_write = os.write
    def pausing_write(fd, data):
        written = real_write(fd, data)
        print("paused", written, flush=True)
        time.sleep(60)
        return written
    os.write = pausing_write
    export.write(comparison, "html", sys.argv[1])
    """
)


def test_killed_mid_export_leaves_the_old_file_whole(existing: Path) -> None:
    """SIGKILL after the first chunk: the destination still holds the old file, not half a new one.

    (A killed process cannot clean up: its hidden ``.NAME.*.tmp`` stays behind, partial.)
    """
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(existing)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("paused"), line
        written = int(line.split()[1])
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    assert existing.read_text() == OLD
    leftovers = _leftovers(existing.parent)
    assert len(leftovers) == 1
    assert leftovers[0].startswith(".report.html.")
    partial = existing.parent / leftovers[0]
    assert partial.stat().st_size == written == 1 << 20


def test_dev_full_gives_a_clear_error_and_stays_a_device() -> None:
    """Exporting to /dev/full says "No space left on device" and never replaces the device."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with pytest.raises(ExportError, match="No space left on device"):
        atomic.write_atomic("/dev/full", "x" * 10_000)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not [p for p in os.listdir("/dev") if p.startswith(".full.")]


def test_text_in_pieces_is_written_whole(existing: Path) -> None:
    write_atomic(existing, iter(["caf", "é ", "", "naïve\n"]))
    assert existing.read_bytes() == "café naïve\n".encode()


def test_a_piece_that_cannot_be_encoded_keeps_the_old_file(existing: Path) -> None:
    pieces = iter(["written first, ", "then \udcff fails"])
    with pytest.raises(ExportError, match="cannot encode as utf-8"):
        write_atomic(existing, pieces)
    assert existing.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in existing.parent.iterdir()) == [existing.name]
