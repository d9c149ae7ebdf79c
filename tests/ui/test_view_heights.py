"""Row heights of the view: exact where the user looks, estimated elsewhere, place kept."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from diffviewer.ui.table import DiffTable
from diffviewer.ui.view import ComparisonView
from tests.ui.shell_helpers import shown_view
from tests.ui.view_samples import long_pair


@pytest.fixture
def view(qtbot: QtBot) -> ComparisonView:
    return shown_view(qtbot, long_pair(3000), 800, 600)


def exact_height(table: DiffTable, row: int) -> int:
    model = table.comparison_model()
    widths = table.column_widths()
    heights = [table.cell_delegate.cell_height(model, row, c, w) for c, w in enumerate(widths)]
    return max([*heights, table.cell_delegate.minimum_height()])


def visible_rows(table: DiffTable) -> range:
    header = table.verticalHeader()
    return range(header.logicalIndexAt(0), header.logicalIndexAt(table.viewport().height() - 1) + 1)


def test_visible_rows_have_exact_heights(view: ComparisonView) -> None:
    """Every row on screen is as tall as its wrapped text, after scrolling too."""
    table = view.table()
    assert isinstance(table, DiffTable)
    for row in visible_rows(table):
        assert table.rowHeight(row) == exact_height(table, row)
    view.goto_row(2000)
    for row in visible_rows(table):
        assert table.rowHeight(row) == exact_height(table, row)


def test_far_rows_are_estimated_close_to_exact(view: ComparisonView, qtbot: QtBot) -> None:
    """Rows never shown get an estimate within a line or two of the truth, set in the background."""
    table = view.table()
    assert isinstance(table, DiffTable)
    qtbot.waitUntil(lambda: not table.estimating(), timeout=3000)
    line = table.cell_delegate.minimum_height()
    for row in (1500, 2500, 2999):
        assert abs(table.rowHeight(row) - exact_height(table, row)) <= 2 * line


def test_width_change_rewraps_and_keeps_the_top_row(view: ComparisonView, qtbot: QtBot) -> None:
    """After a resize the visible rows are re-measured and the same row stays at the top."""
    table = view.table()
    assert isinstance(table, DiffTable)
    view.goto_row(1200)
    top = table.verticalHeader().logicalIndexAt(0)
    view.resize(500, 600)
    qtbot.waitUntil(lambda: table.column_widths() == table._widths and table.columnWidth(0) < 300)
    assert table.verticalHeader().logicalIndexAt(0) == top
    for row in visible_rows(table):
        assert table.rowHeight(row) == exact_height(table, row)


def test_recompare_of_the_same_files_keeps_the_place(view: ComparisonView) -> None:
    """Setting a fresh comparison of the same inputs keeps the paragraph at the top."""
    table = view.table()
    view.goto_row(1000)
    top = table.verticalHeader().logicalIndexAt(0)
    view.set_comparison(long_pair(3000))
    assert table.verticalHeader().logicalIndexAt(0) == top


def test_other_files_start_at_the_top(view: ComparisonView) -> None:
    """A comparison of other inputs starts scrolled to the top."""
    view.goto_row(1000)
    view.set_comparison(long_pair(200, removed_every=7))
    assert view.table().verticalScrollBar().value() == 0


def test_header_repaints_after_an_ancestor_had_updates_off(qtbot: QtBot) -> None:
    """Heights set while the window has updates off leave the row numbers painting afterwards
    (the bulk resize must not switch the header's own updates off for good)."""
    window = QWidget()
    qtbot.addWidget(window)
    view = ComparisonView(window)
    window.resize(800, 600)
    window.show()
    window.setUpdatesEnabled(False)
    view.set_comparison(long_pair(300))
    window.setUpdatesEnabled(True)
    assert view.table().verticalHeader().updatesEnabled()
    assert view.table().verticalHeader().viewport().updatesEnabled()


def test_paint_wraps_at_the_width_rows_were_measured_at(view: ComparisonView) -> None:
    """Painting lays cells out at the column width heights were measured for (the grid line
    makes the paint rect a pixel narrower; a different width can wrap one line more and clip
    the paragraph's last line)."""
    table = view.table()
    assert isinstance(table, DiffTable)
    view.goto_row(1000)
    table.cell_delegate.clear_cache()
    table.viewport().repaint()
    assert table.cell_delegate._cache
    widths = set(table.column_widths())
    assert {width for (_row, _column, width) in table.cell_delegate._cache} <= widths
