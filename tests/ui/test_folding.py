"""Show only changes: unchanged runs fold to one-line bars with context; click, key or find
unfolds; the window's toggle and the Preferences' context rows are kept in the settings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diffviewer.ui.folding import bar_text, fold_runs
from diffviewer.ui.view import ComparisonView
from tests.ui.shell_helpers import shown_view
from tests.ui.view_samples import long_pair


def test_runs_keep_context_rows_beside_each_change() -> None:
    """Changes at rows 10 and 30 of 50, two rows of context: three folded runs."""
    assert fold_runs([10, 30], 50, 2) == [(0, 8), (13, 28), (33, 50)]
    assert fold_runs([1, 5], 8, 2) == []  # what is left is context or a run of one
    assert fold_runs([], 5, 2) == [(0, 5)]
    assert bar_text(12) == "⋯ 12 unchanged paragraphs (click to show)"


@given(
    st.integers(0, 60).flatmap(
        lambda rows: st.tuples(
            st.just(rows), st.sets(st.integers(0, max(0, rows - 1)), max_size=10), st.integers(0, 4)
        )
    )
)
def test_folded_rows_are_never_changed_or_context(case: tuple[int, set[int], int]) -> None:
    """Invariant: a folded row is more than ``context`` rows from every change; every other
    unchanged row far from changes is folded unless its run is a single row."""
    rows, changed, context = case
    changed = {row for row in changed if row < rows}
    runs = fold_runs(changed, rows, context)
    folded = {row for start, stop in runs for row in range(start, stop)}
    for row in folded:
        assert all(abs(row - c) > context for c in changed)
    assert all(stop - start >= 2 for start, stop in runs)
    assert runs == sorted(runs)


@pytest.fixture
def view(qtbot: QtBot) -> ComparisonView:
    return shown_view(qtbot, long_pair(200, removed_every=50))


def _shown(view: ComparisonView) -> list[int]:
    header = view.table().verticalHeader()
    return [
        row for row in range(view.table().model().rowCount()) if not header.isSectionHidden(row)
    ]


def test_only_changes_folds_unchanged_runs_into_bars(view: ComparisonView, qtbot: QtBot) -> None:
    """With folding on only the changes, two rows around each, and one bar per folded run show;
    bars are one line high and say how many paragraphs they hold."""
    comparison = view.comparison()
    assert comparison is not None
    changed = sorted({row for change in comparison.changes for row in change.rows})
    view.set_only_changes(True)
    table = view.table()
    bars = table.fold_bars()
    assert bars and list(bars.items()) == fold_runs(changed, len(comparison.rows), 2)
    shown = _shown(view)
    expected = set(bars)
    for row in changed:
        expected.update(r for r in range(row - 2, row + 3) if 0 <= r < len(comparison.rows))
    assert set(shown) == expected
    for bar in bars:
        assert table.rowHeight(bar) == table.cell_delegate.minimum_height()
    view.set_only_changes(False)
    assert len(_shown(view)) == len(comparison.rows)


def test_click_and_enter_unfold_a_bar(view: ComparisonView, qtbot: QtBot) -> None:
    view.set_only_changes(True)
    table = view.table()
    bars = table.fold_bars()
    first, stop = next(iter(bars.items()))
    table.scroll_row_to(first, 0.0)
    rect = table.visualRect(table.model().index(first, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert first not in table.fold_bars()
    assert all(not table.verticalHeader().isSectionHidden(r) for r in range(first, stop))
    second = next(iter(table.fold_bars()))
    table.setCurrentIndex(table.model().index(second, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert second not in table.fold_bars()


def test_find_into_a_folded_run_unfolds_it(view: ComparisonView) -> None:
    view.set_only_changes(True)
    table = view.table()
    start = list(table.fold_bars())[1]
    needle = view.table().comparison_model().cell_text(start + 3, 0)
    assert view.find(needle)
    row = table.currentIndex().row()
    assert row == start + 3
    assert not table.verticalHeader().isSectionHidden(row)
    assert start not in table.fold_bars()


def test_window_toggle_and_context_rows_persist(qtbot, window, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """View › Show Only Changes and Preferences' context rows live in the settings table."""
    from diffviewer.ui.dialogs.preferences import PreferencesDialog
    from diffviewer.ui.settings import KEYS
    from tests.ui.shell_helpers import compared

    compared(qtbot, window, seed_paths)
    window.acts["view_only_changes"].setChecked(True)
    assert window.settings.get(KEYS.ONLY_CHANGES)
    table = window.view.table()
    assert table.fold_bars()  # the seed's unchanged body folds between its removals
    window.preferences_dialog()
    dialog = window.findChild(PreferencesDialog)
    dialog.context_rows.setValue(0)
    dialog.accept()
    assert window.settings.get(KEYS.CONTEXT_ROWS) == 0
    assert table.context_rows() == 0


def test_enter_on_a_bar_in_the_window_unfolds_rather_than_edits(qtbot, window, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """In the window Enter edits a paragraph; on a fold bar it unfolds the bar instead."""
    from tests.ui.shell_helpers import compared

    compared(qtbot, window, seed_paths)
    window.acts["view_only_changes"].setChecked(True)
    table = window.view.table()
    bar = next(iter(table.fold_bars()))
    table.setCurrentIndex(table.model().index(bar, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert bar not in table.fold_bars()
    assert table.state() != table.State.EditingState


def test_double_click_on_a_bar_unfolds_and_does_not_edit(qtbot, window, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """A double-click on a fold bar (its first click unfolds it) does not then open the
    paragraph editor on the row that took the bar's place."""
    from tests.ui.shell_helpers import compared

    compared(qtbot, window, seed_paths)
    window.acts["view_only_changes"].setChecked(True)
    table = window.view.table()
    bar = next(iter(table.fold_bars()))
    pos = table.visualRect(table.model().index(bar, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert bar not in table.fold_bars()
    assert table.state() != table.State.EditingState
    # A later, separate double-click on an ordinary row still edits it.
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert table.state() == table.State.EditingState
