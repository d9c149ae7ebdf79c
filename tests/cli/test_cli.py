"""diffviewer.cli: headless --summary in every format, diff(1) exit statuses, clean errors,
no Qt on the headless path, and the viewer path handing the full argv to the UI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from diffviewer import __version__, cli
from diffviewer.core.compare import compare_files
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.export import FORMATS, render
from tests.cli.cli_helpers import one_error_line

BIN = Path(sys.executable).parent / "diffviewer"


def _run(
    *args: str, env: dict[str, str] | None = None, module: bool = True
) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "diffviewer"] if module else [str(BIN)]
    return subprocess.run([*command, *args], capture_output=True, timeout=120, check=False, env=env)


def test_summary_formats_are_the_export_formats() -> None:
    """The CLI's spelled-out format names are exactly the export table's."""
    assert list(cli.SUMMARY_FORMATS) == list(FORMATS)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_on_the_seed_pair(
    fmt: str, seed_paths: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--summary FORMAT writes the export to stdout as UTF-8 and exits 1 (differences)."""
    status = cli.main(["--summary", fmt, *map(str, seed_paths)])
    out, err = capsysbinary.readouterr()
    assert status == 1
    assert err == b""
    assert out == render(compare_files(seed_paths), fmt).encode("utf-8")


def test_seed_pair_json_has_the_five_removals(
    seed_paths: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """The seed facts through JSON: 5 changes, all removals, headline/captions/comment prompt."""
    assert cli.main(["--summary", "json", *map(str, seed_paths)]) == 1
    doc = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert len(doc["changes"]) == 5
    assert {c["type"] for c in doc["changes"]} == {"removed"}
    kinds = [c["kind"] for c in doc["changes"]]
    assert {"headline", "comment_prompt", "caption"} <= set(kinds)
    assert doc["totals"]["removed"] == 5
    assert doc["totals"]["body_changed"] is False
    assert len(doc["rows"]) == 23


def test_same_file_twice_exits_0_with_no_differences(
    seed_paths: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Version 1 against itself: exit 0 and "No differences."."""
    v1 = str(seed_paths[0])
    assert cli.main(["--summary", "text", v1, v1]) == 0
    assert b"No differences." in capsysbinary.readouterr().out


def test_output_file_is_written_and_stdout_stays_empty(
    seed_paths: tuple[Path, Path], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """-o OUT writes the report there (same bytes as stdout would get)."""
    out = tmp_path / "report.html"
    assert cli.main(["--summary", "html", "-o", str(out), *map(str, seed_paths)]) == 1
    assert capsysbinary.readouterr() == (b"", b"")
    assert out.read_text("utf-8") == render(compare_files(seed_paths), "html")


def test_more_than_two_files(
    seed_paths: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Three files compare as two pairs; the sentence adds a part per pair."""
    v1, v2 = map(str, seed_paths)
    assert cli.main(["--summary", "text", v1, v2, v2]) == 1
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert "v1→v2: 5 removed" in out
    assert "v2→v3: no differences" in out


def test_missing_file_exits_2_naming_it(
    seed_paths: tuple[Path, Path], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A missing input: exit 2, one line on stderr with its path, nothing on stdout."""
    missing = tmp_path / "nope.txt"
    assert cli.main(["--summary", "text", str(seed_paths[0]), str(missing)]) == 2
    out, err = capsysbinary.readouterr()
    assert out == b""
    assert one_error_line(err).startswith(f"diffviewer: {missing}: ")


def test_directory_exits_2(
    seed_paths: tuple[Path, Path], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A folder given as a version: exit 2, named on stderr."""
    assert cli.main(["--summary", "text", str(seed_paths[0]), str(tmp_path)]) == 2
    assert one_error_line(capsysbinary.readouterr().err).startswith(f"diffviewer: {tmp_path}: ")


def test_binary_file_exits_2(
    seed_paths: tuple[Path, Path], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A binary input (a PNG header and NUL bytes): exit 2, named on stderr."""
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert cli.main(["--summary", "json", str(seed_paths[0]), str(binary)]) == 2
    assert one_error_line(capsysbinary.readouterr().err).startswith(f"diffviewer: {binary}: ")


def test_too_large_file_exits_2(
    seed_paths: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--max-size (in MB) is passed to the loader: a 7 kB file over a 1 kB limit is refused."""
    status = cli.main(["--summary", "text", "--max-size", "0.001", *map(str, seed_paths)])
    assert status == 2
    assert one_error_line(capsysbinary.readouterr().err).startswith(
        f"diffviewer: {seed_paths[0]}: "
    )


def test_unwritable_output_exits_2(
    seed_paths: tuple[Path, Path], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """An output in a folder that does not exist: exit 2, the output named."""
    out = tmp_path / "no" / "report.md"
    assert cli.main(["--summary", "md", "-o", str(out), *map(str, seed_paths)]) == 2
    line = one_error_line(capsysbinary.readouterr().err)
    assert line == f"diffviewer: {out}: No such file or directory"


def test_output_over_an_input_is_refused(
    seed_paths: tuple[Path, Path], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """-o naming one of the compared files would destroy it: refused, the file untouched."""
    copy = tmp_path / "v2.txt"
    copy.write_bytes(seed_paths[1].read_bytes())
    assert cli.main(["--summary", "text", "-o", str(copy), str(seed_paths[0]), str(copy)]) == 2
    assert "not overwriting" in one_error_line(capsysbinary.readouterr().err)
    assert copy.read_bytes() == seed_paths[1].read_bytes()


def test_missing_rules_file_exits_2(
    seed_paths: tuple[Path, Path], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A --rules file that does not exist is trouble, named on stderr."""
    rules = tmp_path / "mine.rules"
    assert cli.main(["--summary", "text", "--rules", str(rules), *map(str, seed_paths)]) == 2
    assert str(rules) in one_error_line(capsysbinary.readouterr().err)


@pytest.mark.parametrize(
    "args",
    [
        ["--summary", "text", "only-one.txt"],
        ["--summary", "xml", "a.txt", "b.txt"],
        ["--summary", "text", "--mode", "sideways", "a.txt", "b.txt"],
        ["--summary", "text", "--max-size", "-3", "a.txt", "b.txt"],
        ["--summary", "text", "--bogus", "a.txt", "b.txt"],
        ["-o", "out.txt", "a.txt", "b.txt"],
    ],
)
def test_bad_arguments_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments are trouble (status 2) with a message, not a traceback."""
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "diffviewer" in err
    assert "Traceback" not in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version and exits 0."""
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"diffviewer {__version__}"


def test_flags_become_compare_options(
    monkeypatch: pytest.MonkeyPatch, seed_paths: tuple[Path, Path]
) -> None:
    """Every comparison flag reaches CompareOptions."""
    seen: list[CompareOptions] = []

    def fake_compare(paths: list[str], options: CompareOptions, **_: object) -> object:
        seen.append(options)
        raise KeyboardInterrupt

    monkeypatch.setattr("diffviewer.core.compare.compare_files", fake_compare)
    args = [
        "--summary", "text", "--ignore-case", "--ignore-punctuation", "--mode", "first",
        "--mute-typographic", "--rules", "a.rules", "--rules", "b.rules", "--max-size", "2.5",
        *map(str, seed_paths),
    ]  # fmt: skip
    assert cli.main(args) == cli.EXIT_INTERRUPTED
    assert seen == [
        CompareOptions(
            ignore_case=True,
            ignore_punctuation=True,
            mode=CompareMode.AGAINST_FIRST,
            mute_typographic=True,
            rules_files=("a.rules", "b.rules"),
            max_file_bytes=int(2.5 * 1024 * 1024),
        )
    ]


def test_unexpected_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
    seed_paths: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Even a bug in the engine reaches the user as one line and status 2, not a traceback."""

    def broken(paths: list[str], options: CompareOptions, **_: object) -> object:
        raise ZeroDivisionError("oops")

    monkeypatch.delenv("DIFFVIEWER_DEBUG", raising=False)
    monkeypatch.setattr("diffviewer.core.compare.compare_files", broken)
    assert cli.main(["--summary", "text", *map(str, seed_paths)]) == 2
    assert capsys.readouterr().err == (
        "diffviewer: internal error (ZeroDivisionError: oops); please report it\n"
    )


def test_without_summary_the_viewer_gets_the_full_argv(monkeypatch: pytest.MonkeyPatch) -> None:
    """No --summary: the UI's main() runs with every argument, including ones the CLI
    does not know (the UI adds its own, e.g. --new-window)."""
    calls: list[list[str]] = []
    fake = types.ModuleType("diffviewer.ui.app")

    def gui_main(argv: list[str]) -> int:
        calls.append(argv)
        return 0

    fake.main = gui_main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "diffviewer.ui.app", fake)
    argv = ["a.txt", "--new-window", "--ui-only-flag", "b.txt"]
    assert cli.main(argv) == 0
    assert calls == [argv]
    assert cli.main([]) == 0
    assert calls[-1] == []


# Runs the command line, then prints which of the modules given in DIFFVIEWER_PROBE (a
# package counts when any of its submodules is loaded) the run imported.
_IMPORT_PROBE = """
import os, sys
from diffviewer.cli import main
status = main(sys.argv[1:])
names = os.environ['DIFFVIEWER_PROBE'].split()
loaded = [n for n in names if any(m == n or m.startswith(n + '.') for m in sys.modules)]
print('LOADED', sorted(loaded), file=sys.stderr)
sys.exit(status)
"""


def _summary_imports(modules: str, paths: tuple[Path, Path]) -> str:
    """Run ``diffviewer --summary json`` on ``paths`` in a fresh interpreter; its stderr, which
    ends with the ``modules`` (space-separated) the run imported."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, "--summary", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DIFFVIEWER_PROBE": modules},
    )
    assert result.returncode == 1, result.stderr
    return result.stderr


def test_a_start_with_the_rules_cached_imports_no_parser_for_them(
    seed_paths: tuple[Path, Path],
) -> None:
    """Once the rules cache holds the bundled rules, --summary on UTF-8 files imports neither
    the TOML parser, nor difflib (for hints on bad rule keys), nor tempfile (to write the
    cache), nor the code-page ranking (for files that are not UTF-8)."""
    skipped = "tomllib difflib tempfile diffviewer.core.codepages"
    _summary_imports(skipped, seed_paths)  # writes the cache (the test's own, see conftest)
    assert "LOADED []" in _summary_imports(skipped, seed_paths)


def test_headless_path_imports_neither_qt_nor_chardet(seed_paths: tuple[Path, Path]) -> None:
    """--summary on valid UTF-8 files runs without importing PySide6 or chardet."""
    assert "LOADED []" in _summary_imports("PySide6 shiboken6 chardet", seed_paths)


def test_python_m_equals_the_console_script(seed_paths: tuple[Path, Path]) -> None:
    """`python -m diffviewer --summary json` and `diffviewer --summary json` agree."""
    if not BIN.exists():
        pytest.skip(f"no console script at {BIN} (package not installed)")
    by_module = _run("--summary", "json", *map(str, seed_paths))
    by_script = _run("--summary", "json", *map(str, seed_paths), module=False)
    assert by_module.returncode == by_script.returncode == 1
    assert by_module.stdout == by_script.stdout
    assert json.loads(by_module.stdout)["schema"] == 1


def test_a_large_report_comes_out_whole_before_the_quick_exit(tmp_path: Path) -> None:
    """The process leaves with os._exit after a report: every byte is flushed first, and the
    report equals the in-process comparison's."""
    paragraphs = [
        f"Paragraph {n} says something about the talks, said the minister." for n in range(3000)
    ]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n\n".join(paragraphs), encoding="utf-8")
    new.write_text("\n\n".join([*paragraphs[::-1][:2000], "An (ending)"]), encoding="utf-8")
    result = _run("--summary", "json", str(old), str(new))
    assert result.returncode == 1, result.stderr
    assert result.stdout == render(compare_files([old, new]), "json").encode("utf-8")
    same = _run("--summary", "text", str(old), str(old))
    assert (same.returncode, same.stderr) == (0, b"")
    assert same.stdout.startswith(b"diffviewer comparison")


def test_stdout_is_utf8_whatever_the_locale(seed_paths: tuple[Path, Path]) -> None:
    """With an ASCII locale and PYTHONIOENCODING=ascii, curly quotes still come out as UTF-8."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    result = _run("--summary", "text", *map(str, seed_paths), env=env)
    assert result.returncode == 1, result.stderr
    assert "Russia’s".encode() in result.stdout


def test_viewer_that_cannot_load_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a usable Qt the viewer path says so in one line and points at --summary."""
    monkeypatch.setitem(sys.modules, "diffviewer.ui.app", None)  # makes the import fail
    assert cli.main(["a.txt", "b.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("diffviewer: cannot open the viewer (")
    assert "--summary FORMAT" in err


def test_the_headless_command_runs_in_one_process(
    seed_paths: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """--summary makes no child process: it writes the one-process report with fork and
    threads out of reach."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the headless command started a child or a thread")

    monkeypatch.setattr(os, "fork", refuse, raising=False)
    monkeypatch.setattr("threading.Thread.start", refuse)
    assert cli.main(["--summary", "json", *map(str, seed_paths)]) == 1
    assert capsysbinary.readouterr().out == render(compare_files(seed_paths), "json").encode()
