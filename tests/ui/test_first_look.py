"""A large comparison's first look in the window: its rows, coloured, before kinds and changes.

The engine gives a first look from ``FIRST_LOOK_FROM`` paragraphs (tens of thousands); here the
threshold is lowered so that the seed pair gets one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from diffviewer.core import compare
from diffviewer.core.model import Comparison, RowStatus
from diffviewer.core.options import CompareOptions
from diffviewer.core.summary import one_line
from diffviewer.ui.cells import BADGE_ROLE, STATUS_ROLE
from diffviewer.ui.mainwindow import MainWindow
from tests.ui.shell_helpers import compared

REMOVAL_ROWS = [0, 1, 7, 16, 22]


@pytest.fixture(autouse=True)
def small_first_look(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare, "FIRST_LOOK_FROM", 10)


def _seen_at_first_look(window: MainWindow, check: Any) -> list[Any]:
    """Run ``check()`` when the first look arrives (after the window has shown it)."""
    seen: list[Any] = []
    window.worker.first_look.connect(lambda _look: seen.append(check()))
    return seen


def test_the_rows_come_first_then_kinds_and_changes(
    qtbot: QtBot, window: MainWindow, seed_paths: tuple[Path, Path]
) -> None:
    model = window.view.table().model()

    def state() -> dict[str, Any]:
        return {
            "widget": window.stack.currentWidget(),
            "rows": model.rowCount(),
            "removed": [
                row
                for row in range(model.rowCount())
                if model.index(row, 0).data(STATUS_ROLE) == RowStatus.REMOVED
            ],
            "colour": model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole),
            "badges": [model.index(row, 0).data(BADGE_ROLE) for row in REMOVAL_ROWS],
            "header": model.headerData(0, Qt.Orientation.Horizontal),
            "tip": model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole),
            "summary": window.summary_label.text(),
            "export": window.acts["file_export"].isEnabled(),
            "changes": window.change_list.list_view().model().rowCount(),
            "list": window.change_list.findChild(QLabel, "change_list_summary").text(),
            "report": window.cleaning.text(),
            "comparison": window.comparison(),
            "navigation": window.navigator.status_label.text(),
            "editable": bool(model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsEditable),
        }

    seen = _seen_at_first_look(window, state)
    compared(qtbot, window, seed_paths)
    assert len(seen) == 1
    first = seen[0]
    # The rows as they will be, coloured by what happened to each paragraph…
    assert first["widget"] is window.view
    assert first["rows"] == 23
    assert first["removed"] == REMOVAL_ROWS
    assert first["colour"] == window.view.legend_items()[0][1]
    # … but no kinds, word counts or changes yet, and nothing to export or step through.
    assert first["badges"] == [None] * 5
    assert "words" not in first["header"] and "paragraphs" in first["header"]
    assert "Finding kinds and word changes" in first["tip"]
    assert first["summary"] == "23 rows aligned. Finding kinds and word changes…"
    assert first["comparison"] is None and not first["export"]
    assert first["changes"] == 0 and first["list"] == "Finding changes…"
    assert first["report"] == "Finding kinds: the report follows."
    assert first["navigation"] == "" and not first["editable"]
    # Then the comparison itself.
    final = state()
    assert final["rows"] == 23 and final["removed"] == REMOVAL_ROWS
    assert final["badges"] == ["HEADLINE", "CAPTION", "CAPTION", "CAPTION", "COMMENT PROMPT"]
    assert "words" in final["header"]
    comparison = window.comparison()
    assert comparison is not None and not comparison.first_look
    assert final["summary"] == one_line(comparison)
    assert final["export"] and final["navigation"] == "5 changes"
    assert final["changes"] == 5 and final["list"] == "5 changes"
    assert final["editable"]
    assert "article-v1.txt → article-v2.txt" in final["report"]


def test_the_place_in_a_first_look_is_kept(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Scrolled down in the first look: the comparison arrives at the same paragraph."""
    old = [f"Paragraph {n} of the story, with a few words to wrap on." for n in range(400)]
    new = [text for n, text in enumerate(old) if n % 7]
    paths = []
    for name, paragraphs in (("old.txt", old), ("new.txt", new)):
        path = tmp_path / name
        path.write_text("\n\n".join(paragraphs), "utf-8")
        paths.append(path)
    table = window.view.table()

    def scroll_down() -> tuple[int, int]:
        table.scroll_row_to(300, 0.0)
        table.setCurrentIndex(table.model().index(302, 1))  # (A click on a cell.)
        return table.rowAt(0), table.currentIndex().row()

    seen = _seen_at_first_look(window, scroll_down)
    compared(qtbot, window, paths)
    assert seen and seen[0][0] >= 290
    assert table.rowAt(0) == seen[0][0]
    assert (table.currentIndex().row(), table.currentIndex().column()) == (302, 1)
    assert window.comparison() is not None


def test_a_cancelled_comparison_takes_its_first_look_away(
    qtbot: QtBot, window: MainWindow, seed_paths: tuple[Path, Path]
) -> None:
    seen = _seen_at_first_look(window, window.worker.cancel)
    with qtbot.waitSignal(window.worker.cancelled, timeout=20_000):
        window.set_paths([str(path) for path in seed_paths])
    assert seen == [None]
    assert window.view.comparison() is None
    assert window.stack.currentWidget() is window.hint


def test_a_changed_option_keeps_the_comparison_on_screen(
    qtbot: QtBot, window: MainWindow, seed_paths: tuple[Path, Path]
) -> None:
    """Same files, another option: the full comparison stays until the new one comes."""
    compared(qtbot, window, seed_paths)
    shown = window.view.comparison()

    def on_screen() -> Comparison | None:
        return window.view.comparison()

    seen = _seen_at_first_look(window, on_screen)
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.set_options(CompareOptions(ignore_case=True))
    assert seen == [shown]
    assert window.comparison() is not None and not window.comparison().first_look
