"""The ``diffviewer`` command: open the viewer, or write a summary headless with ``--summary``.

``diffviewer [FILE…]`` opens the viewer (``diffviewer.ui.app.main`` gets the full argv, so the
UI may add options of its own, such as ``--new-window``).
``diffviewer --summary FORMAT [-o OUT] FILE FILE [FILE…]`` compares and writes text, md, html,
json or csv to OUT (atomically) or to standard output (UTF-8 bytes, whatever the locale), with
diff(1)'s exit status: 0 no differences, 1 differences, 2 trouble, one line on stderr
("diffviewer: FILE: problem") and no traceback.

Imports: the standard library, ``diffviewer.core.options`` and ``diffviewer.core.errors`` at
module level; the engine and the exports when a summary is asked for; the UI (PySide6) only
on the viewer path. The headless path must never import PySide6 (a test checks).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NoReturn

from diffviewer import __version__
from diffviewer.core.errors import DiffViewerError
from diffviewer.core.options import DEFAULT_MAX_FILE_BYTES, CompareMode, CompareOptions

if TYPE_CHECKING:
    from diffviewer.core.model import Comparison

#: The ``--summary`` formats; the same names as ``diffviewer.export.FORMATS`` (a test checks),
#: spelled out so that parsing arguments for the viewer does not import the exports.
SUMMARY_FORMATS = ("text", "md", "html", "json", "csv")

EXIT_SAME = 0
EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl+C

_MIB = 1024 * 1024


def _megabytes(value: str) -> int:
    """``--max-size`` in MB (fractions allowed) → bytes."""
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if not size > 0 or size == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes: {value!r}")
    return max(1, int(size * _MIB))


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, told the terminal width as ``shutil.get_terminal_size`` would
    (argparse imports shutil for that in every ``add_argument``: 2 ms of every start)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diffviewer",
        formatter_class=_Formatter,
        description=(
            "Compare versions of a news article paragraph by paragraph. Without --summary, "
            "opens the viewer."
        ),
        epilog=(
            "Exit status with --summary: 0 no differences, 1 differences, 2 trouble "
            "(a file could not be read, bad arguments…)."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="versions, oldest first")
    parser.add_argument(
        "--summary",
        choices=SUMMARY_FORMATS,
        metavar="FORMAT",
        help=f"write a report without opening a window; FORMAT: {', '.join(SUMMARY_FORMATS)}",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the report to OUT (default: standard output)"
    )
    parser.add_argument("--ignore-case", action="store_true", help="ignore case differences")
    parser.add_argument(
        "--ignore-punctuation",
        action="store_true",
        help=(
            "ignore punctuation and typographic differences (’ vs ', – vs -); "
            "signs, currencies, units and emoji still count"
        ),
    )
    parser.add_argument(
        "--mode",
        choices=[m.value for m in CompareMode],
        default=CompareMode.CONSECUTIVE.value,
        help="pair versions consecutively (v1→v2→v3, default) or each against the first",
    )
    parser.add_argument(
        "--mute-typographic",
        action="store_true",
        help="leave edits that only touch quotes, dashes or case out of the changes (counted)",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="an extra kind-rules file, applied before the bundled rules (repeatable)",
    )
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=DEFAULT_MAX_FILE_BYTES,
        metavar="MB",
        help=f"refuse input files larger than MB (default {DEFAULT_MAX_FILE_BYTES // _MIB})",
    )
    parser.add_argument(
        "--new-window",
        action="store_true",
        help="viewer only: open a new window even if the viewer is already running",
    )
    parser.add_argument("--version", action="version", version=f"diffviewer {__version__}")
    return parser


def options_from(args: argparse.Namespace) -> CompareOptions:
    """The comparison options the flags ask for."""
    return CompareOptions(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        mode=CompareMode(args.mode),
        mute_typographic=args.mute_typographic,
        rules_files=tuple(args.rules),
        max_file_bytes=args.max_size,
    )


def _complain(message: str) -> None:
    """One line on stderr; control characters and undecodable bytes (in file names, say)
    written out, so that a name can neither act on the terminal nor break the line."""
    from diffviewer.core.visible import visible

    # A GUI launcher (pythonw) may give the process no stderr at all.
    if sys.stderr is not None:
        print(f"diffviewer: {visible(message, one_line=True)}", file=sys.stderr)


def _parse(
    parser: argparse.ArgumentParser, argv: list[str], *, strict: bool
) -> argparse.Namespace | int:
    """Parse, turning argparse's exits (--help, --version, errors) into an exit status."""
    try:
        if strict:
            return parser.parse_args(argv)
        return parser.parse_known_args(argv)[0]
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else EXIT_TROUBLE


def _is_an_input(output: str, inputs: Sequence[str]) -> bool:
    for path in inputs:
        try:
            if os.path.samefile(output, path):
                return True
        except OSError:
            continue
    return False


def _is_a_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _write_stdout(pieces: Iterable[str]) -> None:
    """Write text (in pieces) as UTF-8 bytes to standard output, whatever the console's
    encoding; each piece is encoded as it is written (a report is not held twice)."""
    if sys.stdout is None:
        raise DiffViewerError("no standard output to write to; use -o FILE")
    buffer = getattr(sys.stdout, "buffer", None)
    try:
        if buffer is None:
            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        else:
            sys.stdout.flush()
            for piece in pieces:
                buffer.write(piece.encode("utf-8", "replace"))
            buffer.flush()
    except BrokenPipeError:
        # The reader went away (| head): stop quietly. Point stdout at devnull so the
        # interpreter's final flush does not complain (Python docs, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _compare(args: argparse.Namespace) -> Comparison:
    from diffviewer.core.compare import compare_files

    return compare_files(args.files, options_from(args))


def run_summary(args: argparse.Namespace) -> int:
    """Compare ``args.files`` and write the report; the exit status as diff(1) has it."""
    from diffviewer.export import render_pieces, write

    if args.output not in (None, "-"):
        if _is_an_input(args.output, args.files):
            _complain(f"{args.output}: is one of the compared files; not overwriting it")
            return EXIT_TROUBLE
        if _is_an_input(args.output, args.rules):
            _complain(f"{args.output}: is one of the --rules files; not overwriting it")
            return EXIT_TROUBLE
    comparison = _compare(args)
    if args.output in (None, "-"):
        pieces: Iterable[str] = render_pieces(comparison, args.summary)
        if _is_a_terminal(sys.stdout):  # HTML and JSON keep their text exact, but not here
            from diffviewer.core.visible import visible

            pieces = (visible("".join(pieces)),)
        _write_stdout(pieces)
    else:
        write(comparison, args.summary, args.output)
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME


def _run_headless(args: argparse.Namespace) -> int:
    # The cyclic collector finds nothing to free in a comparison or its report, yet its passes
    # over their many objects cost time (compare pauses it; so does the report). Restored for
    # in-process callers.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _summary_or_complaint(args)
    finally:
        if collecting:
            gc.enable()


def _summary_or_complaint(args: argparse.Namespace) -> int:
    try:
        return run_summary(args)
    except DiffViewerError as error:
        _complain(str(error))
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        _complain(f"{where}{error.strerror or error}")
    except KeyboardInterrupt:
        _complain("interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:
        if os.environ.get("DIFFVIEWER_DEBUG"):
            raise
        _complain(f"internal error ({type(error).__name__}: {error}); please report it")
    return EXIT_TROUBLE


def _open_viewer(known: argparse.Namespace, arguments: list[str]) -> int:
    """Hand the full argv to the UI, which parses its own options (e.g. --new-window)."""
    if known.output is not None:
        _complain("-o/--output needs --summary FORMAT")
        return EXIT_TROUBLE
    try:
        from diffviewer.ui.app import main as gui_main
    except ImportError as error:  # e.g. a server without Qt's system libraries
        _complain(f"cannot open the viewer ({error}); --summary FORMAT works without it")
        return EXIT_TROUBLE
    return gui_main(arguments)


def main(argv: list[str] | None = None) -> int:
    """What ``diffviewer`` does with its arguments (default: ``sys.argv[1:]``); the exit status."""
    return _dispatch(list(sys.argv[1:] if argv is None else argv))[0]


def run() -> NoReturn:
    """Entry point of ``diffviewer``, ``diffviewer-cli`` and ``python -m diffviewer``.

    After a headless report (written, flushed, its files closed) the process leaves with
    ``os._exit``: freeing a large comparison object by object (about 10 ms for 5,000
    paragraphs) would only delay the exit. The viewer exits the ordinary way.
    """
    status, headless = _dispatch(sys.argv[1:])
    if headless:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # None, closed or a broken pipe: nothing to do
                stream.flush()
        os._exit(status)
    sys.exit(status)


def _dispatch(arguments: list[str]) -> tuple[int, bool]:
    """The exit status, and whether the run was a headless report (or its refusal)."""
    parser = build_parser()
    known = _parse(parser, arguments, strict=False)
    if isinstance(known, int):
        return known, False
    if known.summary is None:
        return _open_viewer(known, arguments), False
    args = _parse(parser, arguments, strict=True)
    if isinstance(args, int):
        return args, False
    if len(args.files) < 2:
        _complain("--summary needs at least two files to compare")
        return EXIT_TROUBLE, False
    return _run_headless(args), True
