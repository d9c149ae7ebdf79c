"""ChangeListPanel: one line per visible change, in row order; activation and current change."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diffviewer.core.compare import compare_files
from diffviewer.core.model import Kind
from diffviewer.ui.changelist import ChangeListPanel
from tests.ui.view_samples import sample


@pytest.fixture
def panel(qtbot: QtBot) -> ChangeListPanel:
    widget = ChangeListPanel()
    qtbot.addWidget(widget)
    widget.set_comparison(sample())
    return widget


def lines(panel: ChangeListPanel) -> list[str]:
    model = panel.list_view().model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_lists_changes_in_row_order(panel: ChangeListPanel) -> None:
    """The moved paragraph (first shown at row 1) comes first; each line names type and kind."""
    text = lines(panel)
    assert len(text) == 5
    assert text[0].startswith("Row 1 · moved")
    assert text[1].startswith("Row 2 · removed · headline — “Headline here”")
    assert " · removed · caption — " in text[3]


def test_hidden_kinds_are_left_out(panel: ChangeListPanel) -> None:
    """Hidden kinds disappear from the list and the summary says how many are hidden."""
    panel.set_hidden_kinds({Kind.CAPTION})
    assert not any("caption" in line for line in lines(panel))
    assert len(lines(panel)) == 4
    panel.set_hidden_kinds([])
    assert len(lines(panel)) == 5


def test_activation_emits_the_change_index(panel: ChangeListPanel, qtbot: QtBot) -> None:
    """Clicking a line emits change_activated with the index into comparison.changes."""
    view = panel.list_view()
    rect = view.visualRect(view.model().index(1, 0))
    panel.show()
    with qtbot.waitSignal(panel.change_activated) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [1]


def test_set_current_change_selects_its_line(panel: ChangeListPanel) -> None:
    """The view's current change is selected in the list; a hidden one clears the selection."""
    panel.set_current_change(3)
    assert panel.list_view().currentIndex().row() == 3
    panel.set_hidden_kinds({Kind.CAPTION})
    panel.set_current_change(3)
    assert panel.list_view().selectionModel().selectedIndexes() == []


def test_seed_pair_lists_five_removals(qtbot: QtBot, seed_paths: tuple[Path, Path]) -> None:
    """The seed pair gives five removal lines: headline, three captions, the comment prompt."""
    panel = ChangeListPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(compare_files(seed_paths))
    text = lines(panel)
    assert [line.split(" · ")[2].split(" — ")[0] for line in text] == [
        "headline",
        "caption",
        "caption",
        "caption",
        "comment prompt",
    ]
    assert all(line.split(" · ")[1] == "removed" for line in text)
    panel.set_comparison(None)
    assert lines(panel) == []


def test_a_narrow_list_keeps_the_row_number(panel: ChangeListPanel) -> None:
    """Elided to a narrow dock, a line keeps its row number whole (it lost "row 23" to
    "row 2…" when the row came after the type and kind)."""
    from PySide6.QtCore import Qt

    metrics = panel.list_view().fontMetrics()
    for line in lines(panel):
        row = line.split(" · ")[0]
        width = metrics.horizontalAdvance(row + " · removed · …")
        elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        assert elided.startswith(row + " · "), elided


def test_a_long_list_scrolls_to_a_change_set_before_it_is_laid_out(qtbot: QtBot) -> None:
    """A long list is laid out in batches after it is set; a change made current at once
    (before the batches reach it) is still scrolled into view, and once the batches are done
    the first and the last lines have their places, one below the other."""
    from bench.generate import make_pair
    from diffviewer.core.compare import compare_texts

    widget = ChangeListPanel()
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    widget.show()
    qtbot.waitExposed(widget)
    comparison = compare_texts(list(make_pair(3000, seed=5)))
    widget.set_comparison(comparison)
    shown = widget._model.shown()
    assert len(shown) > 600
    view = widget.list_view()
    widget.set_current_change(shown[-1])
    rect = view.visualRect(view.currentIndex())
    assert view.currentIndex().row() == len(shown) - 1
    assert rect.isValid() and view.viewport().rect().contains(rect.center())
    widget.set_current_change(shown[0])
    qtbot.wait(50)
    first = view.visualRect(view.model().index(0, 0))
    assert view.viewport().rect().contains(first.center())
    view.scrollToBottom()
    last = view.visualRect(view.model().index(len(shown) - 1, 0))
    assert view.viewport().rect().contains(last.center())
