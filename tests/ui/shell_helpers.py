"""Helpers shared by the shell's UI tests (not fixtures: plain functions)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def compared(qtbot, window, paths: Iterable[Path | str]) -> None:  # type: ignore[no-untyped-def]
    """Set ``paths`` on ``window`` and wait for the comparison to be shown."""
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.set_paths([str(path) for path in paths])


def message_boxes(parent: QWidget) -> list[QMessageBox]:
    """The visible message boxes parented to ``parent``."""
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
