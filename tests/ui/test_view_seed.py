"""The view on the real engine: the seed article pair and a three-version comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from diffviewer.core.compare import compare_files, compare_texts
from diffviewer.core.model import Comparison, Kind, RowStatus
from diffviewer.ui.cells import BADGE_ROLE, STATUS_ROLE
from diffviewer.ui.view import ComparisonView
from tests.ui.shell_helpers import shown_view

REMOVAL_ROWS = [0, 1, 7, 16, 22]


@pytest.fixture
def seed(seed_paths: tuple[Path, Path]) -> Comparison:
    return compare_files(seed_paths)


@pytest.fixture
def view(qtbot: QtBot, seed: Comparison) -> ComparisonView:
    return shown_view(qtbot, seed, 1000, 700)


def test_seed_rows_and_removals(view: ComparisonView) -> None:
    """23 rows; the five removal rows report REMOVED and the removal colour in the old column."""
    model = view.table().model()
    assert model.rowCount() == 23
    removal = view.legend_items()[0][1]
    # Through QVariant the StrEnum arrives as its string value.
    removed = [
        row
        for row in range(model.rowCount())
        if model.index(row, 0).data(STATUS_ROLE) == RowStatus.REMOVED
    ]
    assert removed == REMOVAL_ROWS
    for row in removed:
        assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) == removal
        assert model.index(row, 1).data(Qt.ItemDataRole.DisplayRole) == ""


def test_seed_removal_is_painted_in_the_removal_colour(view: ComparisonView) -> None:
    """A pixel of a removal cell, away from its text, has the removal colour on screen."""
    table = view.table()
    view.goto_row(22)
    table.clearSelection()
    rect = table.visualRect(table.model().index(22, 0))
    image = table.viewport().grab().toImage()
    expected = table.model().index(22, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert QColor(image.pixel(rect.right() - 3, rect.center().y())) == expected
    equal = table.visualRect(table.model().index(21, 0))
    assert QColor(image.pixel(equal.right() - 3, equal.center().y())) != expected


def test_seed_badges(view: ComparisonView) -> None:
    """Badges name the headline, the captions and the comment prompt on their rows."""
    model = view.table().model()
    badges = {row: model.index(row, 0).data(BADGE_ROLE) for row in REMOVAL_ROWS}
    assert badges == {
        0: "HEADLINE",
        1: "CAPTION",
        7: "CAPTION",
        16: "CAPTION",
        22: "COMMENT PROMPT",
    }


def test_seed_navigation(view: ComparisonView) -> None:
    """next_change visits the five removals in row order, then returns False."""
    rows = []
    while view.next_change():
        rows.append(view.table().currentIndex().row())
    assert rows == REMOVAL_ROWS
    assert view.current_change() == 4


def test_seed_hidden_captions(view: ComparisonView, seed: Comparison) -> None:
    """Hiding captions leaves the headline and the comment prompt to navigate."""
    view.set_hidden_kinds({Kind.CAPTION})
    kinds = [seed.changes[i].kind for i in view.visible_changes()]
    assert kinds == [Kind.HEADLINE, Kind.COMMENT_PROMPT]
    visited = []
    while view.next_change():
        visited.append(seed.changes[view.current_change()].kind)
    assert visited == kinds


def test_seed_hidden_captions_leave_the_rows(view: ComparisonView, seed: Comparison) -> None:
    """Hiding captions collapses the three caption rows: 20 rows remain on screen, none of
    them a removed caption, and the headline and comment prompt rows stay."""
    table = view.table()
    model = table.model()
    view.set_hidden_kinds({Kind.CAPTION})
    shown = [row for row in range(model.rowCount()) if not table.isRowHidden(row)]
    assert len(shown) == 20
    assert [row for row in REMOVAL_ROWS if row not in shown] == [1, 7, 16]
    removed = {model.index(row, 0).data() for row in (1, 7)}  # 16 repeats row 15's caption
    assert "US Secretary of State Antony Blinken delivers" in " ".join(removed)
    assert not removed & {model.index(row, 0).data() for row in shown}
    assert 0 in shown and 22 in shown


def test_seed_find_in_second_column(view: ComparisonView) -> None:
    """Text kept in the cleaned version is found in column 2 after column 1."""
    assert view.find("Volodymyr Zelensky")
    first = view.table().currentIndex()
    assert view.find("Volodymyr Zelensky")
    second = view.table().currentIndex()
    assert (first.column(), second.column()) == (0, 1)
    assert first.row() == second.row()


def test_three_versions_show_three_columns(qtbot: QtBot) -> None:
    """A comparison of three texts has three columns and navigates its changes."""
    texts = ["One.\n\nTwo.\n\nThree.", "One.\n\nThree.", "One.\n\nThree.\n\nFour."]
    comparison = compare_texts(texts, ["a", "b", "c"])
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    view.set_comparison(comparison)
    assert view.table().model().columnCount() == 3
    assert view.table().horizontalHeader().count() == 3
    assert len(view.visible_changes()) == len(comparison.changes) == 2
