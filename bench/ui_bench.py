"""Benchmark of the comparison view: real widgets, offscreen, medians of several runs.

Measures, for generated article pairs (bench/generate.py through the engine): setting the
comparison and painting the first screen, scrolling a page (one frame), re-wrapping after a
window resize, and the longest stall of the event loop while the background height estimates
finish. Run: ``QT_QPA_PLATFORM=offscreen python -m bench.ui_bench [sizes…]``.
Imports: PySide6, diffviewer, bench.generate.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.generate import make_pair
from diffviewer.core.compare import compare_texts
from diffviewer.core.model import Comparison
from diffviewer.ui.table import DiffTable
from diffviewer.ui.view import ComparisonView

RUNS = 5


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
    while table._pending_ranges:
        spent = timed(app.processEvents)
        longest = max(longest, spent)
        total += spent
    return longest, total


def bench(app: QApplication, paragraphs: int) -> list[tuple[str, float]]:
    old, new = make_pair(paragraphs, seed=1)
    compare_ms = timed(lambda: compare_texts([old, new], ["old.txt", "new.txt"]))
    comparison = compare_texts([old, new], ["old.txt", "new.txt"])
    view = ComparisonView()
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    paints, pages, resizes, stalls = [], [], [], []
    for run in range(RUNS):
        paints.append(first_paint(view, comparison))
        stalls.append(longest_stall(app, view)[0])
        view.goto_row(len(comparison.rows) // 3)
        pages.extend(scroll_pages(view))
        resizes.append(resize_rewrap(app, view, 1000 if run % 2 == 0 else 1200))
        longest_stall(app, view)
    view.close()
    return [
        ("rows", float(len(comparison.rows))),
        ("compare (engine) ms", compare_ms),
        ("set + first paint ms", statistics.median(paints)),
        ("scroll one page ms (median)", statistics.median(pages)),
        ("scroll one page ms (max)", max(pages)),
        ("resize re-wrap ms", statistics.median(resizes)),
        ("longest stall after first paint ms", max(stalls)),
    ]


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [5000, 50000]
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    results = {n: bench(app, n) for n in sizes}
    names = [name for name, _ in next(iter(results.values()))]
    print(f"{'measure':38}" + "".join(f"{n:>12,}" for n in sizes))
    for i, name in enumerate(names):
        print(f"{name:38}" + "".join(f"{results[n][i][1]:12.1f}" for n in sizes))


if __name__ == "__main__":
    main(sys.argv[1:])
