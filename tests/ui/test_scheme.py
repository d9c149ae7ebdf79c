"""One palette and one vocabulary for every surface: viewer, change list, HTML, PDF."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette

from diffviewer.core.compare import compare_texts
from diffviewer.core.model import ChangeType, RowStatus
from diffviewer.export import scheme
from diffviewer.export.html import render_html
from diffviewer.ui.changelist import describe_change
from diffviewer.ui.palette import colours_for, legend_items


def _page_palette() -> QPalette:
    palette = QPalette()
    base, text = scheme.LIGHT_PAGE
    palette.setColor(QPalette.ColorRole.Base, QColor(*base))
    palette.setColor(QPalette.ColorRole.Text, QColor(*text))
    return palette


def test_viewer_and_html_paint_each_status_alike(qapp) -> None:  # type: ignore[no-untyped-def]
    """Over the same base and text, the viewer's cell colours are the HTML report's: moved is
    one hue everywhere (it was purple in the viewer, blue in the report)."""
    colours = colours_for(_page_palette())
    css = render_html(compare_texts(["a\n\nb", "b\n\nc"]), paper=True)
    for status in (RowStatus.REMOVED, RowStatus.INSERTED, RowStatus.CHANGED, RowStatus.MOVED,
                   RowStatus.SPLIT, RowStatus.MERGED):  # fmt: skip
        found = re.search(rf"\.{status.value} {{ background-color: (#[0-9a-f]{{6}}); }}", css)
        assert found is not None, status
        assert colours.backgrounds[status].name() == found.group(1), status


def test_one_vocabulary(qapp) -> None:  # type: ignore[no-untyped-def]
    """ "Edited" in the viewer's legend, its change list and the report alike."""
    comparison = compare_texts(["The cat sat on the mat today.", "The dog sat on the mat today."])
    change = comparison.changes[0]
    assert change.type is ChangeType.CHANGED
    assert describe_change(comparison, change).startswith("Row 1 · edited")
    labels = [label for label, _ in legend_items(colours_for(_page_palette()))]
    assert "Edited" in labels and "Changed" not in labels
    assert "Edited" in render_html(comparison)
