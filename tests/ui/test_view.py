"""ComparisonView on hand-built comparisons: navigation, filters, find, zoom, copy, links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Kind
from diffviewer.ui.view import ComparisonView
from tests.ui.shell_helpers import shown_view
from tests.ui.view_samples import sample


@pytest.fixture
def view(qtbot: QtBot) -> ComparisonView:
    return shown_view(qtbot, sample())


def test_visible_changes_are_in_row_order(view: ComparisonView) -> None:
    """Changes are listed by the first row they show in, not by their index."""
    assert view.visible_changes() == [0, 1, 2, 3, 4]
    assert view.current_change() == -1


def test_next_and_previous_stop_at_the_ends(view: ComparisonView, qtbot: QtBot) -> None:
    """next_change visits every change once and then returns False; previous walks back."""
    seen = []
    for _ in range(5):
        with qtbot.waitSignal(view.current_change_changed) as signal:
            assert view.next_change()
        seen.append(signal.args[0])
    assert seen == [0, 1, 2, 3, 4]
    assert not view.next_change()
    assert view.current_change() == 4
    assert view.previous_change() and view.current_change() == 3
    assert view.first_change() and view.current_change() == 0
    assert not view.previous_change()
    assert view.last_change() and view.current_change() == 4


def test_navigation_selects_and_shows_the_change(view: ComparisonView) -> None:
    """Going to a change selects its row(s) and scrolls it into view."""
    view.goto_change(2)
    table = view.table()
    rows = {index.row() for index in table.selectionModel().selectedRows()}
    assert rows == {3}
    assert 0 <= table.rowViewportPosition(3) < table.viewport().height()
    view.goto_change(0)
    assert {index.row() for index in table.selectionModel().selectedRows()} == {0, 6}


def test_hidden_kinds_leave_navigation(view: ComparisonView) -> None:
    """Hiding captions and headlines removes their changes from visible_changes and next_change."""
    view.set_hidden_kinds({Kind.CAPTION, Kind.HEADLINE})
    assert view.visible_changes() == [0, 2, 4]
    visited = []
    while view.next_change():
        visited.append(view.current_change())
    assert visited == [0, 2, 4]
    view.set_hidden_kinds(set())
    assert view.visible_changes() == [0, 1, 2, 3, 4]


def test_hidden_kinds_collapse_their_rows(view: ComparisonView) -> None:
    """Rows whose changes are all of hidden kinds are hidden rows; showing the kind restores
    them; find does not stop in a collapsed row."""
    table = view.table()
    view.set_hidden_kinds({Kind.CAPTION})
    assert [row for row in range(7) if table.isRowHidden(row)] == [4]
    assert table.rowHeight(4) == 0
    assert not view.find("caption (AFP)")
    view.set_hidden_kinds({Kind.CAPTION, Kind.HEADLINE})
    assert [row for row in range(7) if table.isRowHidden(row)] == [1, 4]
    view.set_hidden_kinds(set())
    assert not any(table.isRowHidden(row) for row in range(7))
    assert table.rowHeight(4) > 0
    assert view.find("caption (AFP)")


def test_collapsed_rows_stay_collapsed_after_a_new_comparison(view: ComparisonView) -> None:
    """A recompare (model reset) keeps the kind filter's rows collapsed."""
    view.set_hidden_kinds({Kind.CAPTION})
    view.set_comparison(sample())
    assert view.table().isRowHidden(4)


def test_keyboard_moves_update_the_current_change(view: ComparisonView, qtbot: QtBot) -> None:
    """Up/Down onto a row with a change makes it current; a row without one clears it, and
    next_change goes on from the cursor."""
    table = view.table()
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 0))
    with qtbot.waitSignal(view.current_change_changed) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert signal.args == [2] and view.current_change() == 2
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert view.current_change() == 3
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert view.current_change() == 2
    with qtbot.waitSignal(view.current_change_changed) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Up)
    assert signal.args == [-1] and table.currentIndex().row() == 2
    assert view.next_change() and view.current_change() == 2
    qtbot.keyClick(table, Qt.Key.Key_PageDown)
    row = table.currentIndex().row()
    assert row > 3
    changes = table.model().row_changes(row)
    assert view.current_change() == (changes[0] if changes else -1)


def test_hiding_the_current_change_clears_it(view: ComparisonView, qtbot: QtBot) -> None:
    """When the current change gets hidden, the view reports no current change."""
    view.goto_change(3)
    with qtbot.waitSignal(view.current_change_changed) as signal:
        view.set_hidden_kinds({Kind.CAPTION})
    assert signal.args == [-1]


def test_find_walks_matches_across_columns(view: ComparisonView) -> None:
    """find goes through matches in reading order, column by column, and wraps around."""
    assert view.find("FOX")
    table = view.table()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (3, 0)
    assert view.find("fox")
    assert (table.currentIndex().row(), table.currentIndex().column()) == (3, 1)
    assert view.find("fox", backwards=True)
    assert table.currentIndex().column() == 0
    assert not view.find("FOX", case_sensitive=True)
    assert view.find("Brand new")
    assert (table.currentIndex().row(), table.currentIndex().column()) == (5, 1)
    assert not view.find("no such words")


def test_zoom_changes_the_font_within_bounds(view: ComparisonView) -> None:
    """zoom_in/out step by 10 % between 50 and 300; the table's font follows."""
    base = view.table().font().pointSizeF()
    view.zoom_in()
    assert view.zoom() == 110
    assert view.table().font().pointSizeF() == pytest.approx(base * 1.1)
    for _ in range(40):
        view.zoom_in()
    assert view.zoom() == 300
    for _ in range(40):
        view.zoom_out()
    assert view.zoom() == 50
    view.zoom_reset()
    assert view.table().font().pointSizeF() == pytest.approx(base)


def test_set_zoom_goes_straight_to_a_percentage(view: ComparisonView) -> None:
    """set_zoom sets any percentage at once (no steps), clamped to 50–300."""
    base = view.table().font().pointSizeF()
    view.set_zoom(135)
    assert view.zoom() == 135
    assert view.table().font().pointSizeF() == pytest.approx(base * 1.35)
    view.set_zoom(1000)
    assert view.zoom() == 300
    view.set_zoom(10)
    assert view.zoom() == 50


def test_zoom_makes_rows_taller(view: ComparisonView) -> None:
    """Row heights are recomputed for the zoomed font."""
    before = view.table().rowHeight(2)
    view.zoom_in()
    view.zoom_in()
    assert view.table().rowHeight(2) > before


def test_base_font(view: ComparisonView) -> None:
    """set_base_font sets the font zoom applies to."""
    font = QFont(view.font())
    font.setPointSizeF(20)
    view.set_base_font(font)
    view.zoom_out()
    assert view.table().font().pointSizeF() == pytest.approx(18)


def test_copy_selection_copies_rows_tab_separated(view: ComparisonView) -> None:
    """Selected rows go to the clipboard as cells joined by tabs, one row per line."""
    view.table().selectRow(2)
    view.copy_selection()
    assert QGuiApplication.clipboard().text() == "Body one is the same.\tBody one is the same."
    view.goto_change(0)
    view.copy_selection()
    assert QGuiApplication.clipboard().text() == "\tMoved para text here.\nMoved para text here.\t"


def test_double_click_editor_copies_selected_words(view: ComparisonView, qtbot: QtBot) -> None:
    """A cell opens in a read-only editor with its text; its selection is what gets copied."""
    table = view.table()
    index = table.model().index(3, 1)
    table.edit(index)
    editor = table.findChild(QPlainTextEdit, "paragraph_editor")
    assert editor is not None and editor.isReadOnly()
    assert editor.toPlainText() == "The quick red fox jumps."
    cursor = editor.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(13, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    view.copy_selection()
    assert QGuiApplication.clipboard().text() == "red"


def test_move_link_jumps_to_the_other_place(view: ComparisonView, qtbot: QtBot) -> None:
    """Clicking "moved to row 1" selects row 1's place (row index 0)."""
    table = view.table()
    view.goto_row(6)
    rect = table.visualRect(table.model().index(6, 0))
    point = QPoint(rect.left() + 20, rect.top() + 8)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert {index.row() for index in table.selectionModel().selectedRows()} == {0}


def test_header_encoding_click_and_drop(view: ComparisonView, qtbot: QtBot) -> None:
    """Clicking a version's encoding asks to change it; files dropped on a header replace it."""
    header = view.table().horizontalHeader()
    rect = header.encoding_rect(1)
    with qtbot.waitSignal(view.encoding_change_requested) as signal:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [1]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/x.txt")])
    pos = QPointF(header.sectionViewportPosition(0) + 10, 10)
    event = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(view.paths_dropped_on_version) as dropped:
        header.dropEvent(event)
    assert dropped.args == [0, ["/tmp/x.txt"]]


def test_overview_has_a_mark_per_change_row(view: ComparisonView, qtbot: QtBot) -> None:
    """The overview strip marks each row of each visible change (two for the move)."""
    qtbot.waitUntil(lambda: len(view.overview().marks()) == 6)
    view.set_hidden_kinds({Kind.CAPTION})
    qtbot.waitUntil(lambda: len(view.overview().marks()) == 5)


def test_columns_share_the_width(view: ComparisonView, qtbot: QtBot) -> None:
    """Both columns get half the width and follow a resize of the view."""
    table = view.table()
    qtbot.waitUntil(lambda: abs(table.columnWidth(0) - table.columnWidth(1)) <= 1)
    view.resize(1300, 500)
    qtbot.waitUntil(lambda: table.columnWidth(0) > 550)
    assert abs(table.columnWidth(0) + table.columnWidth(1) - table.viewport().width()) <= 1


def test_none_clears_the_view(view: ComparisonView) -> None:
    """set_comparison(None) empties the table and the navigation."""
    view.set_comparison(None)
    assert view.table().model().rowCount() == 0
    assert view.visible_changes() == [] and not view.next_change()
    assert view.comparison() is None


def test_app_instance_exists(view: ComparisonView) -> None:
    """The legend explains the colours through legend_items()."""
    assert QApplication.instance() is not None
    labels = [label for label, _ in view.legend_items()]
    assert "Removed" in labels and "Moved" in labels
