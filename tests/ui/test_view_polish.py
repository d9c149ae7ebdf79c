"""Round-2 polish of the view: header facts, change list lines, find, selection tint."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from diffviewer.ui.headers import fit_facts
from tests.ui.shell_helpers import shown_view

FACTS = " · LF · 23 paragraphs · 1097 words"


def test_header_facts_drop_whole_facts_never_cut_a_word(qapp) -> None:  # type: ignore[no-untyped-def]
    """At 3+ columns the facts line lost its end mid-word ("1097 w"): now whole facts go,
    and "…" says some did."""
    metrics = QFontMetrics(QFont())
    full = metrics.horizontalAdvance(FACTS)
    assert fit_facts(FACTS, full, metrics) == FACTS
    pieces = FACTS.split(" · ")
    for width in range(full - 1, 0, -7):
        text = fit_facts(FACTS, width, metrics)
        assert metrics.horizontalAdvance(text) <= width
        if text:
            kept = text.removesuffix(" · …").removesuffix(" …").split(" · ")
            assert kept == pieces[: len(kept)] or text == " …", text


def test_selected_row_keeps_its_status_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Selection shows as bands, not as a veil that turned an amber (edited) row olive-grey
    and a red one purple-ish, close to other change colours."""
    from PySide6.QtCore import Qt

    from tests.ui.view_samples import sample

    view = shown_view(qtbot, sample())
    table = view.table()
    model = table.model()
    row = 2  # the edited paragraph
    index = model.index(row, 0)
    expected = model.data(index, Qt.ItemDataRole.BackgroundRole)
    table.select_rows(row, row)
    rect = table.visualRect(index)
    image = table.viewport().grab().toImage()
    sample_at = image.pixelColor(rect.left() + 2, rect.center().y())
    assert sample_at.name() == expected.name()
    band = image.pixelColor(rect.center().x(), rect.top())
    assert band.name() == table.palette().highlight().color().name()
