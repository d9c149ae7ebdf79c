"""ComparisonModel and the palette: the colour, badge, word highlights and links of each cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from diffviewer.core.compare import compare_texts
from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Kind,
    OpTag,
    Row,
    RowStatus,
)
from diffviewer.core.options import CompareOptions
from diffviewer.ui.cells import (
    BADGE_ROLE,
    CHANGE_ROLE,
    GAP_ROLE,
    MOVE_LINK_ROLE,
    QUIET_ROLE,
    RULE_ROLE,
    STATUS_ROLE,
    WORD_SPANS_ROLE,
    map_spans,
)
from diffviewer.ui.model import ComparisonModel
from diffviewer.ui.palette import MIN_CONTRAST, colours_for, contrast_ratio, is_dark, legend_items
from tests.ui.view_samples import para, sample, version

BG = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def model(qapp: object) -> ComparisonModel:
    m = ComparisonModel()
    m.set_comparison(sample())
    return m


def data(model: ComparisonModel, row: int, column: int, role: int) -> object:
    return model.data(model.index(row, column), role)


def test_shape_and_texts(model: ComparisonModel) -> None:
    """One row per aligned row, one column per version; gaps have empty text."""
    assert (model.rowCount(), model.columnCount()) == (7, 2)
    assert data(model, 2, 0, Qt.ItemDataRole.DisplayRole) == "Body one is the same."
    assert data(model, 1, 1, Qt.ItemDataRole.DisplayRole) == ""
    assert data(model, 1, 1, GAP_ROLE) is True
    assert data(model, 1, 0, GAP_ROLE) is False


def test_removed_cell_is_red_and_gap_is_filler(model: ComparisonModel) -> None:
    """A removal colours the old cell with the removal tint; the missing new cell is filler."""
    colours = model.colours()
    assert data(model, 1, 0, STATUS_ROLE) is RowStatus.REMOVED
    assert data(model, 1, 0, BG) == colours.backgrounds[RowStatus.REMOVED]
    assert data(model, 1, 1, BG) == colours.filler
    assert data(model, 5, 1, BG) == colours.backgrounds[RowStatus.INSERTED]
    assert data(model, 2, 0, BG) == colours.base


def test_changed_cells_carry_their_word_highlights(model: ComparisonModel) -> None:
    """Deleted words are marked in the old cell, inserted words in the new one, at their offsets."""
    assert data(model, 3, 0, STATUS_ROLE) is RowStatus.CHANGED
    assert data(model, 3, 0, WORD_SPANS_ROLE) == ((10, 5, OpTag.DELETE),)
    assert data(model, 3, 1, WORD_SPANS_ROLE) == ((10, 3, OpTag.INSERT),)
    assert data(model, 3, 0, CHANGE_ROLE) == data(model, 3, 1, CHANGE_ROLE) == 2


def test_moved_paragraph_links_both_places(model: ComparisonModel) -> None:
    """The old place links to the new row and back, with 1-based row numbers in the text."""
    assert data(model, 6, 0, MOVE_LINK_ROLE) == ("↳ moved to row 1", 0)
    assert data(model, 0, 1, MOVE_LINK_ROLE) == ("↰ moved from row 7", 6)
    assert data(model, 6, 0, STATUS_ROLE) is RowStatus.MOVED


def test_badges_name_the_kind_and_rule(model: ComparisonModel) -> None:
    """Non-body paragraphs get a badge, with the rule in the tooltip; body paragraphs none."""
    assert data(model, 1, 0, BADGE_ROLE) == "HEADLINE"
    assert data(model, 4, 0, BADGE_ROLE) == "CAPTION"
    assert data(model, 4, 0, RULE_ROLE) == "agency_credit"
    assert "agency_credit" in str(data(model, 4, 0, Qt.ItemDataRole.ToolTipRole))
    assert data(model, 2, 0, BADGE_ROLE) is None


def test_hidden_kinds_make_their_cells_quiet(model: ComparisonModel) -> None:
    """Hiding captions paints the caption removal as plain text; other changes keep colour."""
    model.set_hidden_kinds({Kind.CAPTION})
    assert data(model, 4, 0, QUIET_ROLE) is True
    assert data(model, 4, 0, BG) == model.colours().base
    assert data(model, 1, 0, QUIET_ROLE) is False
    assert model.is_hidden(3) and not model.is_hidden(1)


def test_typographic_changes_are_faint_and_can_be_hidden(qapp: object) -> None:
    """A typographic-only edit gets the faint tint; hiding typographic edits makes it quiet."""
    base = sample()
    changes = list(base.changes)
    changes[2] = Change(
        ChangeType.CHANGED, 0, 1, (2,), (2,), Kind.BODY, "default", typographic=True, rows=(3,)
    )
    m = ComparisonModel()
    m.set_comparison(Comparison(base.versions, base.rows, tuple(changes), base.pairs))
    assert data(m, 3, 0, BG) == m.colours().typographic
    m.set_hide_typographic(True)
    assert data(m, 3, 0, QUIET_ROLE) is True


def test_three_versions_colour_by_the_pair_the_header_names(qapp: object) -> None:
    """Consecutive mode: a paragraph kept in v2 but removed in v3 is plain in column 2 (it shows
    the changes from v1), red there when columns show the changes to the next version."""
    versions = (
        version("a", [para(0, "Kept then removed.")]),
        version("b", [para(0, "Kept then removed.")]),
        version("c", []),
    )
    rows = (Row((0, 0, None), (RowStatus.EQUAL, RowStatus.REMOVED), RowStatus.REMOVED),)
    changes = (Change(ChangeType.REMOVED, 1, 2, (0,), (), Kind.BODY, "default", rows=(0,)),)
    m = ComparisonModel()
    m.set_comparison(Comparison(versions, rows, changes, ((0, 1), (1, 2))))
    assert m.columnCount() == 3
    assert data(m, 0, 0, STATUS_ROLE) is RowStatus.EQUAL
    assert data(m, 0, 1, STATUS_ROLE) is RowStatus.EQUAL
    assert data(m, 0, 1, CHANGE_ROLE) == -1
    assert data(m, 0, 2, GAP_ROLE) is True
    m.set_highlight_next(True)
    assert data(m, 0, 1, STATUS_ROLE) is RowStatus.REMOVED
    assert data(m, 0, 1, CHANGE_ROLE) == 0


def test_header_shows_name_and_facts(model: ComparisonModel) -> None:
    """The header's text holds the name, encoding, newline and counts; the tooltip the path."""
    text = str(model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
    assert text.splitlines()[0] == "old.txt"
    assert "utf-8 · LF · 5 paragraphs" in text
    tip = str(model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith("/tmp/samples/old.txt")


def test_map_spans_follows_whitespace_differences() -> None:
    """Ranges computed on normalised text land on the same words of the file's text."""
    assert map_spans("a bc d", "a\nbc  d", [(2, 2, OpTag.DELETE)]) == [(2, 2, OpTag.DELETE)]
    assert map_spans("a bc d", "a  bc\nd", [(5, 1, OpTag.INSERT)]) == [(6, 1, OpTag.INSERT)]
    assert map_spans("xyz", "abc", [(0, 1, OpTag.INSERT)]) == []


def dark_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(30, 30, 32))
    palette.setColor(QPalette.ColorRole.Window, QColor(40, 40, 42))
    palette.setColor(QPalette.ColorRole.Text, QColor(225, 225, 225))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(225, 225, 225))
    palette.setColor(QPalette.ColorRole.Link, QColor(120, 170, 255))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    palette.setColor(QPalette.ColorRole.Text, QColor(0, 0, 0))
    return palette


@pytest.mark.parametrize("make", [light_palette, dark_palette])
def test_colours_keep_text_readable(qapp: object, make: object) -> None:
    """Every tint, word highlight and find highlight has contrast ≥ 4.5 with the text."""
    palette = make()  # type: ignore[operator]
    colours = colours_for(palette)
    text = palette.color(QPalette.ColorRole.Text)
    backgrounds = [
        *colours.backgrounds.values(),
        colours.deleted_words,
        colours.inserted_words,
        colours.typographic,
        colours.find_match,
        colours.find_current,
    ]
    for colour in backgrounds:
        assert contrast_ratio(colour, text) >= MIN_CONTRAST
    assert colours.backgrounds[RowStatus.REMOVED] != colours.base
    assert (
        colours.backgrounds[RowStatus.REMOVED].red()
        > colours.backgrounds[RowStatus.REMOVED].green()
    )


def test_dark_palette_gets_dark_tints(qapp: object) -> None:
    """In a dark palette the tints stay dark (text stays light-on-dark)."""
    palette = dark_palette()
    assert is_dark(palette) and not is_dark(light_palette())
    colours = colours_for(palette)
    assert colours.backgrounds[RowStatus.INSERTED].lightness() < 128
    assert [label for label, _ in legend_items(colours)][:3] == ["Removed", "Inserted", "Edited"]


def test_engine_moves_link_each_place_to_the_other(
    qapp: object, moved_comparison: Comparison
) -> None:
    """A paragraph moved up or down: each place names the other's row, never its own."""
    comparison = moved_comparison
    model = ComparisonModel()
    model.set_comparison(comparison)
    (change,) = [c for c in comparison.changes if c.type is ChangeType.MOVED]
    old_row = next(r for r, row in enumerate(comparison.rows) if row.cells[0] == change.old[0])
    new_row = next(r for r, row in enumerate(comparison.rows) if row.cells[1] == change.new[0])
    assert old_row != new_row
    assert data(model, old_row, 0, MOVE_LINK_ROLE) == (f"↳ moved to row {new_row + 1}", new_row)
    assert data(model, new_row, 1, MOVE_LINK_ROLE) == (
        f"↰ moved from row {old_row + 1}",
        old_row,
    )


def test_badge_tooltips_describe_the_users_rules_too(qapp: object, tmp_path: Path) -> None:
    """A kind found by a rule from the user's file is described by that rule; bundled ones by
    theirs; a rules file gone since says nothing wrong (bundled descriptions only)."""
    rules = tmp_path / "mine.toml"
    rules.write_text(
        '[[rule]]\nname = "mine.sponsor"\nkind = "promo"\n'
        'description = "A sponsor line from our CMS."\npattern = "^Sponsored by "\n',
        encoding="utf-8",
    )
    texts = ["Sponsored by Acme\n\nHeadline Of The Day Here\n\nBody text, said the minister.", "x"]
    options = CompareOptions(rules_files=(str(rules),))
    comparison = compare_texts(texts, options=options)
    model = ComparisonModel()
    model.set_comparison(comparison, options.rules_files)
    tip = str(data(model, 0, 0, Qt.ItemDataRole.ToolTipRole))
    assert "mine.sponsor" in tip and "A sponsor line from our CMS." in tip
    rules.unlink()
    model.set_comparison(comparison, options.rules_files)
    assert "A sponsor line" not in str(data(model, 0, 0, Qt.ItemDataRole.ToolTipRole))
