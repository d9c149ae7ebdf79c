"""File line numbers in a cell gutter, and visible whitespace (NBSP, tabs, zero-width)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diffviewer.core.compare import compare_texts
from diffviewer.ui.view import ComparisonView
from diffviewer.ui.whitespace import runs, visible
from tests.ui.shell_helpers import shown_view


def test_invisible_characters_become_marks_of_the_same_length() -> None:
    text = "Facebook\xa0and\xa0Twitter\tnow\u200b"
    shown, marks = visible(text)
    assert shown == "Facebook°and°Twitter→now¦"
    assert len(shown) == len(text)
    assert marks == [8, 12, 20, 24]
    assert runs([1, 2, 3, 7]) == [(1, 3), (7, 1)]
    assert visible("plain") == ("plain", [])


def _view(qtbot: QtBot) -> ComparisonView:
    old = "Headline\n\nFirst\nparagraph on two lines.\n\nFacebook\xa0and\xa0Twitter."
    new = "Headline\n\nFirst\nparagraph on two lines.\n\nFacebook and Twitter."
    view = shown_view(qtbot, compare_texts([old, new]), 800, 400)
    return view


def test_whitespace_toggle_marks_nbsp_in_the_cell(qtbot: QtBot) -> None:
    """The seed's "Facebook\\xa0and\\xa0Twitter" differs from its plain-space twin for no
    visible reason; Show Whitespace draws the NBSPs as quiet marks."""
    view = _view(qtbot)
    table = view.table()
    model = table.comparison_model()
    delegate = table.cell_delegate
    row = next(r for r in range(model.rowCount()) if "\xa0" in model.cell_text(r, 0))
    width = table.columnWidth(0)
    assert "°" not in delegate._layout(model, row, 0, width).text.text()
    view.set_show_whitespace(True)
    layout = delegate._layout(model, row, 0, width).text
    assert layout.text() == "Facebook°and°Twitter."
    dim = model.colours().dim_text
    quiet = [f for f in layout.formats() if f.format.foreground().color() == dim]
    assert [(f.start, f.length) for f in quiet] == [(8, 1), (12, 1)]


def test_line_number_gutter_narrows_the_text_and_shows_first_lines(qtbot: QtBot) -> None:
    """With line numbers on, each cell reserves a gutter (the text wraps narrower) and shows
    its paragraph's first line in the file: 3 for the second paragraph."""
    view = _view(qtbot)
    table = view.table()
    model = table.comparison_model()
    delegate = table.cell_delegate
    width = table.columnWidth(0)
    before = delegate._layout(model, 1, 0, width).text.lineAt(0).width()
    view.set_line_numbers(True)
    after = delegate._layout(model, 1, 0, width).text.lineAt(0).width()
    assert after < before
    assert model.cell(1, 0).paragraph.first_line == 3
    image = table.viewport().grab().toImage()
    rect = table.visualRect(model.index(1, 0))
    gutter = [
        image.pixelColor(x, y).lightness()
        for x in range(rect.left(), rect.left() + int(delegate._gutter) + 1)
        for y in range(rect.top(), rect.bottom())
    ]
    assert min(gutter) < 200  # the number is drawn
