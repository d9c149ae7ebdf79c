"""The command line against hostile names, text and outputs (issue 11, items 8 and 10–13):
the rules file is never overwritten, no control character reaches a terminal raw, a FIFO
nobody reads does not hang, undecodable or multi-line file names never fail a report, and
``--max-size`` is a ceiling, never an allocation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from diffviewer import cli
from diffviewer.export import FORMATS
from tests.cli.cli_helpers import one_error_line

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"
C1 = "\x9b31m"  # a one-character CSI (C1), as some terminals read it


def _pair(
    folder: Path, old: str, new: str, names: tuple[str, str] = ("a.txt", "b.txt")
) -> list[str]:
    paths = [folder / names[0], folder / names[1]]
    paths[0].write_text(old, encoding="utf-8")
    paths[1].write_text(new, encoding="utf-8")
    return [str(p) for p in paths]


def _raw_controls(data: bytes) -> set[str]:
    text = data.decode("utf-8").replace("\r\n", "\n")  # CSV ends its records with CRLF
    return {c for c in text if (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F}


# --- item 8 --------------------------------------------------------------------------------


def test_output_naming_the_rules_file_is_refused(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """-o naming a --rules file would overwrite the user's rules with the report: refused."""
    files = _pair(tmp_path, "One.\n", "Two.\n")
    rules = tmp_path / "mine.toml"
    content = '[[rule]]\nname = "m.x"\nkind = "promo"\ndescription = "d"\npattern = "zz"\n'
    rules.write_text(content, encoding="utf-8")
    status = cli.main(["--summary", "text", "--rules", str(rules), "-o", str(rules), *files])
    assert status == 2
    assert "not overwriting" in one_error_line(capsysbinary.readouterr().err)
    assert rules.read_text(encoding="utf-8") == content


# --- item 10 -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "md", "csv"])
def test_control_characters_in_text_are_shown_visibly(
    fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """An escape sequence in a paragraph comes out as ``\\x1b…``, never as the raw bytes."""
    files = _pair(tmp_path, "Calm.\n", f"Calm.\n\nEvil {HOSTILE} and {C1} here.\n")
    assert cli.main(["--summary", fmt, *files]) == 1
    out = capsysbinary.readouterr().out
    assert _raw_controls(out) == set()
    shown = out.replace(b"\\[", b"[").replace(b"\\]", b"]")  # Markdown escapes brackets
    assert b"\\x1b]0;PWNED\\x07\\x1b[2J" in shown
    assert b"\\x9b31m" in shown


def test_json_escapes_c1_controls_too(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """JSON escapes C0 itself; C1 controls (which it leaves raw) are escaped as \\u009b: the
    document stays valid JSON and holds the exact text."""
    files = _pair(tmp_path, "Calm.\n", f"Calm.\n\nEvil {HOSTILE} and {C1} here.\n")
    assert cli.main(["--summary", "json", *files]) == 1
    out = capsysbinary.readouterr().out
    assert _raw_controls(out) == set()
    texts = json.dumps(json.loads(out), ensure_ascii=False)
    assert HOSTILE.replace("\x1b", "\\u001b").replace("\x07", "\\u0007") in texts
    assert C1 in json.dumps(json.loads(out), ensure_ascii=False)


def test_html_on_a_terminal_shows_controls_visibly(tmp_path: Path) -> None:
    """Whatever the format, a report written to a terminal holds no raw control character."""
    pty = pytest.importorskip("pty")
    files = _pair(tmp_path, "Calm.\n", f"Calm.\n\nEvil {HOSTILE} here.\n")
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "diffviewer", "--summary", "html", *files],
            stdout=follower,
            stderr=subprocess.PIPE,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    finally:
        os.close(leader)
    out = b"".join(chunks).replace(b"\r\n", b"\n")
    assert b"PWNED" in out
    assert _raw_controls(out) == set()


def test_messages_show_controls_in_file_names_visibly(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A file name holding an escape sequence is named in the error line, escaped."""
    missing = tmp_path / f"evil{HOSTILE}.txt"
    files = _pair(tmp_path, "One.\n", "Two.\n")
    assert cli.main(["--summary", "text", files[0], str(missing)]) == 2
    err = capsysbinary.readouterr().err
    line = one_error_line(err)
    assert _raw_controls(err) == set()
    assert "evil\\x1b]0;PWNED\\x07\\x1b[2J.txt" in line


# --- item 11 -------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_output_to_a_fifo_nobody_reads_does_not_hang(tmp_path: Path) -> None:
    """-o naming a FIFO with no reader: a one-line refusal at once, not a wait forever."""
    files = _pair(tmp_path, "One.\n", "Two.\n")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "diffviewer", "--summary", "text", "-o", str(fifo), *files],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "no reader" in one_error_line(done.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_output_to_a_fifo_with_a_reader_is_delivered(tmp_path: Path) -> None:
    """With a reader on the FIFO, the whole report goes through it."""
    files = _pair(tmp_path, "One.\n", "Two.\n")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        # The reader must be waiting in open() before the writer looks for it.
        for _ in range(100):
            done = subprocess.run(
                [sys.executable, "-m", "diffviewer", "--summary", "json", "-o", str(fifo), *files],
                capture_output=True,
                timeout=60,
                check=False,
            )
            if done.returncode != 2:
                break
    finally:
        if reader.is_alive():  # unblock the reader if every attempt failed
            with open(fifo, "wb"):
                pass
        reader.join(timeout=10)
    assert done.returncode == 1, done.stderr
    assert json.loads(received[0])["totals"]


# --- item 12 -------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_file_name_that_is_not_utf8_is_shown_escaped(
    fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``caf\\xe9.txt`` (Latin-1 bytes in the name) never fails a report: shown escaped."""
    name = os.fsdecode(b"caf\xe9.txt")
    files = _pair(tmp_path, "One.\n", "Two.\n", names=("a.txt", name))
    assert cli.main(["--summary", fmt, *files]) == 1
    out, err = capsysbinary.readouterr()
    assert err == b""
    if fmt != "csv":  # the CSV table of changes names no file
        assert b"caf\\xe9.txt" in out or b"caf\\\\xe9.txt" in out  # JSON doubles the backslash
    out_file = tmp_path / f"report{FORMATS[fmt].suffix}"
    assert cli.main(["--summary", fmt, "-o", str(out_file), *files]) == 1
    assert out_file.read_bytes().decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names hold no newline")
def test_a_file_name_with_a_newline_keeps_lines_whole(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A newline in a name is shown as ``\\n``: the version line and an error stay one line."""
    files = _pair(tmp_path, "One.\n", "Two.\n", names=("a.txt", "two\nlines.txt"))
    assert cli.main(["--summary", "text", *files]) == 1
    out = capsysbinary.readouterr().out.decode("utf-8")
    version_lines = [line for line in out.splitlines() if "lines.txt" in line]
    assert len(version_lines) == 1
    assert "two\\nlines.txt" in version_lines[0]
    missing = tmp_path / "gone\nfile.txt"
    assert cli.main(["--summary", "text", files[0], str(missing)]) == 2
    assert "gone\\nfile.txt" in one_error_line(capsysbinary.readouterr().err)


# --- item 13 -------------------------------------------------------------------------------


@pytest.mark.parametrize("megabytes", ["50000", "8.8e12"])
def test_max_size_is_a_ceiling_never_an_allocation(
    megabytes: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A huge --max-size reads a 272-byte file as any other (it gave MemoryError/OverflowError)."""
    files = _pair(tmp_path, "A short first version.\n" * 6, "A short second version.\n" * 6)
    assert cli.main(["--summary", "text", "--max-size", megabytes, *files]) == 1
    out, err = capsysbinary.readouterr()
    assert err == b""
    assert b"Changes" in out


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_max_size_under_a_memory_limit(tmp_path: Path) -> None:
    """Under a 2 GB address-space limit, --max-size 2000 (2 GB) still reads a small file."""
    files = _pair(tmp_path, "First.\n", "Second.\n")
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from diffviewer import cli\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--summary", "text", "--max-size", "2000", *files],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
