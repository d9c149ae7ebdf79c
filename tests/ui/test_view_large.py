"""A large comparison in the window: what is worked out only when a cell is first shown (the
change it shows; the cleaning report) is right for rows far from the first screen, and the
status bar's counts are right before and after scrolling there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from bench.generate import make_pair
from diffviewer.core.compare import compare_texts
from diffviewer.core.model import ChangeType, Comparison, RowStatus
from diffviewer.core.summary import one_line
from diffviewer.export.pairs import column_pairs
from diffviewer.ui.cells import CHANGE_ROLE, STATUS_ROLE
from diffviewer.ui.mainwindow import MainWindow
from diffviewer.ui.model import ComparisonModel
from tests.ui.shell_helpers import compared, shown_view


def _three_versions() -> Comparison:
    """v1, v2 of a generated pair and a v3 that drops and edits some of v2's paragraphs."""
    old, new = make_pair(400, seed=3)
    third = [p for n, p in enumerate(new.split("\n\n")) if n % 13 != 5]
    third = [p.replace(" the ", " a ", 1) if n % 11 == 0 else p for n, p in enumerate(third)]
    return compare_texts([old, new, "\n\n".join(third)], ["v1", "v2", "v3"])


def _cells_changes(comparison: Comparison, towards_next: bool) -> dict[tuple[int, int], int]:
    """Every cell's change, indexed all at once: each change marks its rows' cells in the
    columns showing its pair, the first change to do so wins (the view's rule, restated)."""
    shown = column_pairs(comparison, towards_next)
    marks: dict[tuple[int, int], int] = {}
    for number, change in enumerate(comparison.changes):
        pair = (change.from_version, change.to_version)
        for row in change.rows:
            cells = comparison.rows[row].cells
            if cells[pair[0]] in change.old and shown[pair[0]] == pair:
                marks.setdefault((row, pair[0]), number)
            if cells[pair[1]] in change.new and shown[pair[1]] == pair:
                marks.setdefault((row, pair[1]), number)
    return marks


def test_every_cell_shows_its_change_both_ways(qapp: object) -> None:
    """Three versions, both highlight directions: each paragraph's cell in every row, first to
    last, shows the change of the pair its column names (-1 for none), as indexing them all up
    front did. (A gap's change is the gap's own rule: tests/ui/test_three_versions.py.)"""
    comparison = _three_versions()
    assert len(comparison.rows) > 400 and len(comparison.changes) > 100
    model = ComparisonModel()
    model.set_comparison(comparison)
    for towards_next in (False, True):
        model.set_highlight_next(towards_next)
        expected = _cells_changes(comparison, towards_next)
        got = {
            (row, column): model.index(row, column).data(CHANGE_ROLE)
            for row in reversed(range(model.rowCount()))
            for column in range(model.columnCount())
            if comparison.rows[row].cells[column] is not None
        }
        assert got == {cell: expected.get(cell, -1) for cell in got}
        assert len({n for n in got.values() if n >= 0}) > 100


def test_a_row_far_down_shows_its_text_and_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The last removal of a 3,000-paragraph pair, scrolled to: its paragraph's text, the
    removal's status, and the removal colour on screen."""
    comparison = compare_texts(list(make_pair(3000, seed=5)))
    last = max(change.rows[0] for change in comparison.changes if change.type is ChangeType.REMOVED)
    assert last > 2500
    view = shown_view(qtbot, comparison)
    table = view.table()
    model = table.model()
    view.goto_row(last)
    table.clearSelection()
    qtbot.wait(10)
    index = model.index(last, 0)
    paragraph = comparison.paragraph(0, comparison.rows[last].cells[0])  # type: ignore[arg-type]
    assert index.data(Qt.ItemDataRole.DisplayRole) == paragraph.text
    assert index.data(STATUS_ROLE) == RowStatus.REMOVED
    assert comparison.changes[index.data(CHANGE_ROLE)].type is ChangeType.REMOVED
    rect = table.visualRect(index)
    assert table.viewport().rect().contains(rect.center())
    image = table.viewport().grab().toImage()
    expected = index.data(Qt.ItemDataRole.BackgroundRole)
    assert QColor(image.pixel(rect.right() - 3, rect.center().y())) == expected


def test_status_counts_before_and_after_scrolling_to_the_end(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """A 3,000-paragraph pair opened in the window: the summary, the change list's count and
    the navigator's total are the comparison's, and stay so at its last change."""
    paths = [tmp_path / "old.txt", tmp_path / "new.txt"]
    for path, text in zip(paths, make_pair(3000, seed=7), strict=True):
        path.write_text(text, "utf-8")
    compared(qtbot, window, paths)
    comparison = window.comparison()
    assert comparison is not None
    total = len(comparison.changes)

    def counts() -> tuple[str, str, str]:
        return (
            window.summary_label.text(),
            window.change_list.findChild(type(window.summary_label)).text(),  # type: ignore[union-attr]
            window.navigator.status_label.text(),
        )

    assert counts() == (one_line(comparison), f"{total} changes", f"{total} changes")
    window.view.last_change()
    qtbot.wait(10)
    assert counts() == (one_line(comparison), f"{total} changes", f"Change {total} of {total}")
    window.acts["view_raw_vs_cleaned"].setChecked(True)
    qtbot.waitUntil(lambda: "removed" in window.cleaning.browser.toPlainText())
    removed = sum(1 for change in comparison.changes if change.type is ChangeType.REMOVED)
    assert f"{removed} paragraphs removed" in window.cleaning.browser.toPlainText()
