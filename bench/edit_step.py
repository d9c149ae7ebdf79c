"""Benchmark of one editing step in a real window: copy a removed paragraph across, then undo.

For the seed pair and generated pairs (bench/generate.py), it opens a MainWindow offscreen,
puts the cursor on the first removed paragraph and triggers "Copy to Right Version", measuring
the time spent on the GUI thread before the worker takes over (reading the file for editing the
first time, rebuilding the text) and the time until the new comparison is shown; then the same
for Undo. Best of ``RUNS`` (the machine is shared). Each step compares again in the worker:
this says whether that is fast enough or a local update is needed.
Run: ``QT_QPA_PLATFORM=offscreen python -m bench.edit_step [sizes…]``.
Imports: PySide6, diffviewer, bench.generate.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from bench.generate import make_pair
from diffviewer.assets import example_paths
from diffviewer.core.model import ChangeType

RUNS = 3


def _wait(signal: object) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def measure(paths: list[str]) -> tuple[float, float, float]:
    """(GUI ms, until shown ms, undo until shown ms) for one copy across, best of RUNS."""
    from diffviewer.ui.mainwindow import MainWindow
    from diffviewer.ui.settings import Settings

    window = MainWindow(Settings())
    window.resize(1200, 800)
    window.show()
    window.set_paths(paths)
    _wait(window.worker.finished)
    comparison = window.comparison()
    assert comparison is not None
    change = next(c for c in comparison.changes if c.type is ChangeType.REMOVED)
    table = window.view.table()
    results = []
    for _ in range(RUNS):
        table.setCurrentIndex(table.model().index(change.rows[0], 0))
        start = time.perf_counter()
        window.acts["edit_copy_right"].trigger()
        gui = time.perf_counter() - start
        _wait(window.worker.finished)
        shown = time.perf_counter() - start
        start = time.perf_counter()
        window.acts["edit_undo"].trigger()
        _wait(window.worker.finished)
        results.append((gui * 1000, shown * 1000, (time.perf_counter() - start) * 1000))
    window.editing.forget()
    window.close()
    return min(results, key=lambda r: r[1])


def main(sizes: list[int]) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="edit-step-"))
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("diffviewer-bench")
    QCoreApplication.setApplicationName("diffviewer-bench")
    cases: list[tuple[str, list[str]]] = [("seed", [str(p) for p in example_paths()])]
    for size in sizes:
        old, new = make_pair(size)
        paths = [folder / f"old-{size}.txt", folder / f"new-{size}.txt"]
        paths[0].write_text(old, encoding="utf-8")
        paths[1].write_text(new, encoding="utf-8")
        cases.append((f"{size} paragraphs", [str(p) for p in paths]))
    print("| pair | copy: GUI thread | copy: until shown | undo: until shown |")
    print("| --- | ---: | ---: | ---: |")
    for label, paths in cases:
        gui, shown, undo = measure(paths)
        print(f"| {label} | {gui:.0f} ms | {shown:.0f} ms | {undo:.0f} ms |", flush=True)
    del app


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
