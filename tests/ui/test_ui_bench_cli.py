"""bench/ui_bench.py's command line: ``--help`` prints usage, sizes are numbers, defaults kept."""

from __future__ import annotations

import pytest

from bench import ui_bench


def test_help_prints_usage_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` is an option, not a size: usage on stdout, exit status 0."""
    with pytest.raises(SystemExit) as exited:
        ui_bench.main(["--help"])
    assert exited.value.code == 0
    assert "--launch-only" in capsys.readouterr().out


def test_defaults_are_the_former_ones() -> None:
    """No arguments: 5,000 and 50,000 paragraphs, 5 runs, 3 launches, Show Only Changes off."""
    args = ui_bench.build_parser().parse_args([])
    assert (args.sizes, args.runs, args.launches, args.fold) == ([5000, 50000], 5, 3, False)
    assert ui_bench.build_parser().parse_args(["--fold", "300"]).sizes == [300]


def test_a_size_that_is_no_number_is_a_usage_error() -> None:
    """A word where a size goes: argparse's usage error (exit 2), no traceback."""
    with pytest.raises(SystemExit) as exited:
        ui_bench.build_parser().parse_args(["many"])
    assert exited.value.code == 2
