"""Benchmark of the comparison view: real widgets, offscreen, medians of several runs.

Measures, for generated article pairs (bench/generate.py through the engine): setting the
comparison and painting the first screen, scrolling a page (one frame), re-wrapping after a
window resize, the longest stall of the event loop while the background height estimates
finish, collapsing the rows of hidden kinds (every changed row: the worst case) and showing them
again, and launching the app: a fresh ``python`` process that runs ``diffviewer.ui.app.launch``
on the two files (comparing in the worker) until the table paints its first rows, measured from
the process start (interpreter and imports included) and from the ``launch`` call.
With ``--fold`` every measure runs with View › Show Only Changes on (unchanged runs folded to
bars, 2 rows of context), and the table adds folding and unfolding everything.
Run from the repository's root: ``python -m bench.ui_bench [--fold] [--launch-only] [sizes…]``
(``--help`` for all options; ``python bench/ui_bench.py`` works too).
Imports: PySide6, diffviewer, bench.generate.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from bench.generate import make_pair
from diffviewer.core.compare import compare_texts
from diffviewer.core.model import Comparison, Kind
from diffviewer.ui.table import DiffTable
from diffviewer.ui.view import ComparisonView

RUNS = 5
LAUNCHES = 3


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def first_paint(view: ComparisonView, comparison: Comparison) -> float:
    view.set_comparison(None)
    table = view.table()

    def run() -> None:
        view.set_comparison(comparison)
        table.viewport().repaint()

    return timed(run)


def scroll_pages(view: ComparisonView, pages: int = 20) -> list[float]:
    table = view.table()
    bar = table.verticalScrollBar()
    step = table.viewport().height()
    out = []
    for _ in range(pages):

        def page() -> None:
            bar.setValue(bar.value() + step)
            table.viewport().repaint()

        out.append(timed(page))
    return out


def resize_rewrap(app: QApplication, view: ComparisonView, width: int) -> float:
    table = view.table()

    def run() -> None:
        view.resize(width, view.height())
        app.sendPostedEvents()
        table.relayout()  # what the zero-timer would run next
        table.viewport().repaint()

    return timed(run)


def longest_stall(app: QApplication, view: ComparisonView) -> tuple[float, float]:
    """(longest single event-loop pass, total) while background estimates finish."""
    table = view.table()
    assert isinstance(table, DiffTable)
    longest = total = 0.0
    while table.estimating():
        spent = timed(app.processEvents)
        longest = max(longest, spent)
        total += spent
    return longest, total


def collapse(view: ComparisonView) -> tuple[float, float]:
    """(hide every changed kind, show them again) in ms, each up to the next paint."""
    table = view.table()

    def hide() -> None:
        view.set_hidden_kinds(set(Kind))
        table.viewport().repaint()

    def show() -> None:
        view.set_hidden_kinds(set())
        table.viewport().repaint()

    return timed(hide), timed(show)


class _FirstRowsPainted(QObject):
    """Notes the first paint of the table's viewport with rows in the model (``at``, ``wall``)
    and the first with the whole comparison, kinds and changes found (``complete``: a large
    one's rows come first, as a first look: see ``core.compare.compare_loaded``)."""

    def __init__(self, window: object) -> None:
        super().__init__()
        self.window = window
        self.at = 0.0
        self.wall = 0.0
        self.complete = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = self.window.view.table()  # type: ignore[attr-defined]
        if (
            not self.complete
            and event.type() == QEvent.Type.Paint
            and watched is table.viewport()
            and table.model().rowCount() > 0
        ):
            result = super().eventFilter(watched, event)
            if not self.at:
                self.at = time.perf_counter()
                self.wall = time.time()
            if not table.model().comparison().first_look:
                self.complete = time.perf_counter()
            return result
        return super().eventFilter(watched, event)


def launch_child(paths: list[str]) -> None:
    """In the child process: launch the app on ``paths``; print the two times in ms."""
    started = float(os.environ["UI_BENCH_T0"])
    from diffviewer.ui.app import launch

    app = QApplication([sys.argv[0]])
    called = time.perf_counter()
    launched = launch(["--new-window", *paths])
    assert launched is not None
    if os.environ.get("UI_BENCH_FOLD"):
        launched.window.acts["view_only_changes"].setChecked(True)
    watcher = _FirstRowsPainted(launched.window)
    launched.window.view.table().viewport().installEventFilter(watcher)
    # After the first rows are painted, a 5 ms ticker notes the longest gap in the event loop
    # for the next 2 s (what the user would feel as a freeze).
    ticks: list[float] = []

    def tick() -> None:
        if watcher.complete:
            ticks.append(time.perf_counter())
            if ticks[-1] - watcher.complete > 2.0:
                app.quit()

    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(5)
    app.exec()
    gaps = [b - a for a, b in itertools.pairwise(ticks)] or [0.0]
    print(
        f"{(watcher.wall - started) * 1000:.1f} {(watcher.at - called) * 1000:.1f} "
        f"{(watcher.complete - called) * 1000:.1f} {max(gaps) * 1000:.1f}"
    )
    launched.window.close()


def fold_toggle(view: ComparisonView) -> tuple[float, float]:
    """(fold the unchanged runs, unfold them all) in ms, each up to the next paint."""
    table = view.table()
    on = view.table().only_changes()  # type: ignore[attr-defined]

    def fold() -> None:
        view.set_only_changes(True)
        table.viewport().repaint()

    def unfold() -> None:
        view.set_only_changes(False)
        table.viewport().repaint()

    view.set_only_changes(False)
    folded, unfolded = timed(fold), timed(unfold)
    view.set_only_changes(on)
    return folded, unfolded


def launch_times(
    old: str, new: str, fold: bool = False, launches: int = LAUNCHES
) -> tuple[float, float, float, float]:
    """Medians of launching the app on the pair, in ms: to the first rows painted from the
    process start and from the ``launch`` call, to the whole comparison painted (kinds and
    changes) from the ``launch`` call, and the longest event-loop gap in the 2 s after it."""
    totals, inside, complete, gaps = [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder, "old.txt"), Path(folder, "new.txt")]
        paths[0].write_text(old, "utf-8")
        paths[1].write_text(new, "utf-8")
        env = dict(os.environ, XDG_CONFIG_HOME=str(Path(folder, "config")))
        if fold:
            env["UI_BENCH_FOLD"] = "1"
        for _ in range(launches):
            env["UI_BENCH_T0"] = repr(time.time())
            out = subprocess.run(
                [sys.executable, "-m", "bench.ui_bench", "--launch-child", *map(str, paths)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            totals.append(float(out[-4]))
            inside.append(float(out[-3]))
            complete.append(float(out[-2]))
            gaps.append(float(out[-1]))
    return (
        statistics.median(totals),
        statistics.median(inside),
        statistics.median(complete),
        max(gaps),
    )


def bench(
    app: QApplication,
    paragraphs: int,
    fold: bool = False,
    *,
    runs: int = RUNS,
    launches: int = LAUNCHES,
    only: bool = False,
) -> list[tuple[str, float]]:
    """The table's column for ``paragraphs``; ``only``: the launch measures alone."""
    old, new = make_pair(paragraphs, seed=1)
    measures: list[tuple[str, float]] = []
    if not only:
        measures = in_process(app, old, new, fold, runs)
    launched, launched_inside, complete, app_stall = launch_times(old, new, fold, launches)
    return [
        *measures,
        ("launch → first rows painted ms (process)", launched),
        ("launch → first rows painted ms (launch())", launched_inside),
        ("launch → kinds and changes painted ms (launch())", complete),
        ("app: longest stall in 2 s after it ms", app_stall),
    ]


def in_process(
    app: QApplication, old: str, new: str, fold: bool, runs: int
) -> list[tuple[str, float]]:
    """The measures on a view in this process (medians of ``runs``)."""
    compare_ms = timed(lambda: compare_texts([old, new], ["old.txt", "new.txt"]))
    comparison = compare_texts([old, new], ["old.txt", "new.txt"])
    view = ComparisonView()
    view.resize(1200, 800)
    view.show()
    view.set_only_changes(fold)
    app.processEvents()
    paints, pages, resizes, stalls, hides, shows, folds, unfolds = [], [], [], [], [], [], [], []
    for run in range(runs):
        paints.append(first_paint(view, comparison))
        stalls.append(longest_stall(app, view)[0])
        view.goto_row(len(comparison.rows) // 3)
        pages.extend(scroll_pages(view))
        resizes.append(resize_rewrap(app, view, 1000 if run % 2 == 0 else 1200))
        longest_stall(app, view)
        hide, show = collapse(view)
        hides.append(hide)
        shows.append(show)
        folded, unfolded = fold_toggle(view)
        folds.append(folded)
        unfolds.append(unfolded)
    view.close()
    return [
        ("rows", float(len(comparison.rows))),
        ("compare (engine) ms", compare_ms),
        ("set + first paint ms", statistics.median(paints)),
        ("scroll one page ms (median)", statistics.median(pages)),
        ("scroll one page ms (max)", max(pages)),
        ("resize re-wrap ms", statistics.median(resizes)),
        ("longest stall after first paint ms", max(stalls)),
        ("rows collapsed by hiding every kind", float(_changed_rows(comparison))),
        ("collapse them + paint ms", statistics.median(hides)),
        ("show them again + paint ms", statistics.median(shows)),
        ("fold unchanged runs + paint ms", statistics.median(folds)),
        ("unfold them all + paint ms", statistics.median(unfolds)),
    ]


def _changed_rows(comparison: Comparison) -> int:
    return len({row for change in comparison.changes for row in change.rows})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ui_bench",
        description=__doc__.split("\n\n")[0].replace("\n", " "),
        epilog="Run from the repository's root, with QT_QPA_PLATFORM=offscreen (the default here).",
    )
    parser.add_argument(
        "sizes",
        nargs="*",
        type=int,
        default=[5000, 50000],
        metavar="PARAGRAPHS",
        help="paragraphs per generated version, one column each (default: 5000 50000)",
    )
    parser.add_argument(
        "--fold", action="store_true", help="measure with View › Show Only Changes on"
    )
    parser.add_argument(
        "--runs", type=int, default=RUNS, help=f"in-process runs per measure (default {RUNS})"
    )
    parser.add_argument(
        "--launches",
        type=int,
        default=LAUNCHES,
        help=f"app launches (new processes) per size (default {LAUNCHES})",
    )
    parser.add_argument(
        "--launch-only",
        action="store_true",
        help="only launch the app (the last four measures); skip the in-process ones",
    )
    # Internal: what each launched process runs.
    parser.add_argument("--launch-child", nargs="+", metavar="FILE", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    if args.launch_child:
        launch_child(args.launch_child)
        return
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    sizes = args.sizes
    results = {
        n: bench(app, n, args.fold, runs=args.runs, launches=args.launches, only=args.launch_only)
        for n in sizes
    }
    print("Show Only Changes:", "on" if args.fold else "off")
    names = [name for name, _ in next(iter(results.values()))]
    print(f"{'measure':44}" + "".join(f"{n:>12,}" for n in sizes))
    for i, name in enumerate(names):
        print(f"{name:44}" + "".join(f"{results[n][i][1]:12.1f}" for n in sizes))


if __name__ == "__main__":
    main(sys.argv[1:])
