"""3+ versions: every change is visible in the default view, and says which pair it belongs to.

v3's column ("← changes from v2") shows v2→v3's whole word diff inline (deleted words struck,
inserted words underlined), a paragraph v3 drops is a marked gap in v3 and a note in v2; the
two-version view keeps its split (deletions left, insertions right); the toggle still works.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout

from diffviewer.core.compare import compare_texts
from diffviewer.core.model import Comparison, OpTag, RowStatus
from diffviewer.ui.cells import NOTE_ROLE, SHOWN_ROLE, STATUS_ROLE, WORD_SPANS_ROLE
from diffviewer.ui.delegate import CellDelegate
from diffviewer.ui.model import ComparisonModel

LEAD = "The minister spoke on Tuesday about the budget."
EDIT_V2 = "She demanded that the talks resume before the end of the month."
EDIT_V3 = "She insisted that the talks resume before the end of the month."
DROPPED = "Markets were calm all day long, traders said."
TAIL = "The vote is expected next week."
V1 = f"{LEAD}\n\n{EDIT_V2}\n\n{DROPPED}\n\n{TAIL}"
V2 = V1
V3 = f"{LEAD}\n\n{EDIT_V3}\n\n{TAIL}"


def _model(texts: list[str]) -> tuple[ComparisonModel, Comparison]:
    comparison = compare_texts(texts, [f"v{n + 1}" for n in range(len(texts))])
    model = ComparisonModel()
    model.set_comparison(comparison)
    return model, comparison


def _row_with(comparison: Comparison, column: int, needle: str) -> int:
    return next(
        n
        for n, row in enumerate(comparison.rows)
        if row.cells[column] is not None
        and needle in comparison.paragraph(column, row.cells[column]).text
    )


def _read(model: ComparisonModel, row: int, column: int) -> str:
    """The cell as a reader sees it: ~~struck~~ and __underlined__ words in the painted text."""
    index = model.index(row, column)
    text = model.data(index, SHOWN_ROLE)
    out, pos = [], 0
    for start, length, tag in model.data(index, WORD_SPANS_ROLE):
        mark = "~~" if tag is OpTag.DELETE else "__"
        out += [text[pos:start], mark, text[start : start + length], mark]
        pos = start + length
    return "".join([*out, text[pos:]])


def _painted(model: ComparisonModel, row: int, column: int) -> list[tuple[str, str]]:
    """(text, "struck"/"underlined") of each formatted run the delegate lays out."""
    layout = CellDelegate()._layout(model, row, column, 600).text
    assert isinstance(layout, QTextLayout)
    text = layout.text()
    runs = []
    for fmt in layout.formats():
        style = "struck" if fmt.format.fontStrikeOut() else "underlined"
        if fmt.format.fontStrikeOut() or fmt.format.fontUnderline():
            runs.append((text[fmt.start : fmt.start + fmt.length], style))
    return runs


def test_a_v2_to_v3_deletion_is_visible_in_the_default_view(qapp) -> None:  # type: ignore[no-untyped-def]
    """v3's cell reads "She ~~demanded~~ __insisted__ that…": the word v3 dropped is there,
    struck, beside the one it put in; the cell's own text (editing, copy) stays v3's."""
    model, comparison = _model([V1, V2, V3])
    row = _row_with(comparison, 2, "insisted")
    assert model.highlight_chip(2) == "← changes from v2"
    assert _read(model, row, 2).startswith("She ~~demanded~~ __insisted__ that the talks")
    assert model.data(model.index(row, 2), Qt.ItemDataRole.DisplayRole) == EDIT_V3
    assert _painted(model, row, 2) == [("demanded", "struck"), ("insisted", "underlined")]
    # v2's column shows v1→v2 (nothing here): it does not strike v3's deletion as its own.
    assert _read(model, row, 1) == EDIT_V2
    assert model.data(model.index(row, 1), STATUS_ROLE) is RowStatus.EQUAL


def test_a_paragraph_v3_drops_is_a_marked_gap_in_v3_and_noted_in_v2(qapp) -> None:  # type: ignore[no-untyped-def]
    """The removal shows in the pair the header names: v3's gap in the removal colour, saying
    "− removed from v2"; v2's cell (showing changes from v1) says "− removed in v3"."""
    model, comparison = _model([V1, V2, V3])
    row = _row_with(comparison, 1, "Markets")
    gap = model.index(row, 2)
    assert model.data(gap, STATUS_ROLE) is RowStatus.REMOVED
    assert model.data(gap, NOTE_ROLE) == "− removed from v2"
    removed = model.colours().background(RowStatus.REMOVED)
    assert model.data(gap, Qt.ItemDataRole.BackgroundRole) == removed
    assert "removed from v2" in str(model.data(gap, Qt.ItemDataRole.ToolTipRole))
    assert model.data(model.index(row, 1), NOTE_ROLE) == "− removed in v3"
    assert model.data(model.index(row, 0), NOTE_ROLE) == ""


def test_the_two_version_view_keeps_its_split(qapp) -> None:  # type: ignore[no-untyped-def]
    """Two versions: deletions struck in the left column only, insertions underlined in the
    right only; a gap is plain filler without a note."""
    model, comparison = _model([V2, V3])
    row = _row_with(comparison, 1, "insisted")
    assert _read(model, row, 0) == EDIT_V2.replace("demanded", "~~demanded~~")
    assert _read(model, row, 1) == EDIT_V3.replace("insisted", "__insisted__")
    assert _painted(model, row, 0) == [("demanded", "struck")]
    assert _painted(model, row, 1) == [("insisted", "underlined")]
    gap_row = _row_with(comparison, 0, "Markets")
    gap = model.index(gap_row, 1)
    assert model.data(gap, STATUS_ROLE) is None
    assert model.data(gap, NOTE_ROLE) == ""
    assert model.data(gap, Qt.ItemDataRole.BackgroundRole) == model.colours().filler
    assert model.data(model.index(gap_row, 0), NOTE_ROLE) == ""
    assert model.data(model.index(gap_row, 0), STATUS_ROLE) is RowStatus.REMOVED


def test_the_toggle_moves_the_whole_diff_to_the_older_column(qapp) -> None:  # type: ignore[no-untyped-def]
    """Highlight Changes to the Next Version: v2's column ("changes to v3 →") shows v2→v3's
    whole diff and the removal in its own colour; v3, left over, shows its insertions only."""
    model, comparison = _model([V1, V2, V3])
    model.set_highlight_next(True)
    row = _row_with(comparison, 2, "insisted")
    assert model.highlight_chip(1) == "changes to v3 →"
    assert _read(model, row, 1).startswith("She ~~demanded~~ __insisted__ that")
    assert model.data(model.index(row, 1), Qt.ItemDataRole.DisplayRole) == EDIT_V2
    assert _read(model, row, 2) == EDIT_V3.replace("insisted", "__insisted__")
    dropped = _row_with(comparison, 1, "Markets")
    assert model.data(model.index(dropped, 1), STATUS_ROLE) is RowStatus.REMOVED
    assert model.data(model.index(dropped, 1), NOTE_ROLE) == ""
    model.set_highlight_next(False)
    assert _read(model, row, 2).startswith("She ~~demanded~~ __insisted__")


def test_find_marks_the_paragraphs_own_words_in_a_cell_with_both_sides(qapp) -> None:  # type: ignore[no-untyped-def]
    """A find match ("that") is highlighted on the painted text where the word is, past the
    struck word put in before it."""
    model, comparison = _model([V1, V2, V3])
    row = _row_with(comparison, 2, "insisted")
    delegate = CellDelegate()
    delegate.set_find("that", False, None)
    info = model.cell(row, 2)
    assert info.text is not None
    ranges = delegate._find_ranges(info.text, row, 2, model.colours(), info.insertions)
    shown = model.data(model.index(row, 2), SHOWN_ROLE)
    assert [shown[r.start : r.start + r.length] for r in ranges] == ["that"]
