"""3+ versions: what a column's highlights refer to, and each paragraph's history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from diffviewer.core.compare import compare_texts
from diffviewer.core.model import OpTag, RowStatus
from diffviewer.ui.cells import STATUS_ROLE, WORD_SPANS_ROLE
from diffviewer.ui.changelist import ChangeListModel
from diffviewer.ui.history import highlight_chip, row_history
from diffviewer.ui.model import ComparisonModel

BASE = "The minister spoke on Tuesday about the budget.\n\nMarkets were calm all day long."
ADDED = "A spokesman said unity would be restored quickly after the vote."
EDITED = "A spokesman said unity would be restored within days after the vote."
TEXTS = [BASE, f"{BASE}\n\n{ADDED}", f"{BASE}\n\n{EDITED}", BASE]


def _story_row(comparison) -> int:  # type: ignore[no-untyped-def]
    return next(
        n
        for n, row in enumerate(comparison.rows)
        if row.cells[1] is not None and "spokesman" in comparison.paragraph(1, row.cells[1]).text
    )


def test_a_paragraph_tells_its_story_across_versions(qapp) -> None:  # type: ignore[no-untyped-def]
    """ "added in v2, edited in v3, removed in v4": in the cell's tooltip and the change list's."""
    comparison = compare_texts(TEXTS, ["v1", "v2", "v3", "v4"])
    row = _story_row(comparison)
    assert row_history(comparison, row) == "added in v2, edited in v3, removed in v4"
    model = ComparisonModel()
    model.set_comparison(comparison)
    tip = str(model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole))
    assert "History: added in v2, edited in v3, removed in v4" in tip
    changes = ChangeListModel()
    changes.set_state(comparison, frozenset())
    tips = [
        str(changes.data(changes.index(n, 0), Qt.ItemDataRole.ToolTipRole))
        for n in range(changes.rowCount())
    ]
    assert any("History: added in v2, edited in v3, removed in v4" in t for t in tips)


def test_columns_say_which_pair_they_highlight_and_the_toggle_switches(qapp) -> None:  # type: ignore[no-untyped-def]
    """v2's column shows what changed from v1 ("← changes from v1"); with Highlight Changes to
    the Next Version it shows what v3 changes ("changes to v3 →"), and its colour follows."""
    comparison = compare_texts(TEXTS, ["v1", "v2", "v3", "v4"])
    assert highlight_chip(comparison, 1, False) == "← changes from v1"
    assert highlight_chip(comparison, 1, True) == "changes to v3 →"
    assert highlight_chip(comparison, 0, False) == "changes to v2 →"
    assert highlight_chip(comparison, 3, True) == "← changes from v3"
    model = ComparisonModel()
    model.set_comparison(comparison)
    row = _story_row(comparison)
    assert model.data(model.index(row, 1), STATUS_ROLE) is RowStatus.INSERTED
    # v3's deletions are not struck in v2's column, where they read as v2's own removals.
    assert model.data(model.index(row, 1), WORD_SPANS_ROLE) == ()
    assert model.highlight_chip(1) == "← changes from v1"
    model.set_highlight_next(True)
    assert model.data(model.index(row, 1), STATUS_ROLE) is RowStatus.CHANGED
    # v2's words that v3 drops are struck, v3's new words shown underlined beside them.
    spans = model.data(model.index(row, 1), WORD_SPANS_ROLE)
    assert spans and {tag for _, _, tag in spans} == {OpTag.DELETE, OpTag.INSERT}
    assert model.highlight_chip(1) == "changes to v3 →"
    two = compare_texts(TEXTS[:2])
    model.set_comparison(two)
    assert model.highlight_chip(1) == ""  # two versions: nothing to say
