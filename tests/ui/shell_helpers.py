"""Helpers shared by the shell's UI tests (not fixtures: plain functions)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Comparison
from diffviewer.ui.view import ComparisonView


def compared(qtbot, window, paths: Iterable[Path | str]) -> None:  # type: ignore[no-untyped-def]
    """Set ``paths`` on ``window`` and wait for the comparison to be shown."""
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.set_paths([str(path) for path in paths])


def message_boxes(parent: QWidget) -> list[QMessageBox]:
    """The visible message boxes parented to ``parent``."""
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def shown_view(
    qtbot: QtBot, comparison: Comparison, width: int = 900, height: int = 500
) -> ComparisonView:
    """A ComparisonView of ``width`` × ``height``, shown and exposed, holding ``comparison``."""
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_comparison(comparison)
    return view
