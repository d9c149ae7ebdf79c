"""The measuring half of the cell delegate: font metrics, text layouts and their cache, heights.

``MeasuringDelegate`` lays out one paragraph cell with QTextLayout (word highlights, visible
whitespace marks, the meta line's height and the move link's place on it), wrapped to the column
width, and caches the layouts per (row, column, width); the font (zoom) and the colours clear
the cache. ``estimate_height`` gives a cheap height from the text length for rows never laid
out; ``cell_height`` the exact one. ``ui/delegate.py`` paints what it lays out.
Imports: PySide6, diffviewer.core.model, diffviewer.ui.cells/model/whitespace.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyledItemDelegate

from diffviewer.core.model import OpTag
from diffviewer.ui.cells import CellInfo
from diffviewer.ui.model import ComparisonModel
from diffviewer.ui.whitespace import runs, visible

PAD_X = 6
PAD_Y = 4
_LINE_SEPARATOR = "\u2028"
# Word wrapping leaves the end of most lines short; estimates pad the line count for it.
_WRAP_SLACK = 1.12


@dataclass(slots=True)
class _Layout:
    text: QTextLayout | None
    text_height: float
    meta_height: float
    link_span: tuple[float, float] | None
    """x range (from the cell's left edge) of the move link on the meta line."""

    @property
    def height(self) -> int:
        return math.ceil(self.text_height + self.meta_height) + 2 * PAD_Y


class MeasuringDelegate(QStyledItemDelegate):
    """Lays out and measures cells of a ComparisonModel; ``CellDelegate`` paints them."""

    _CACHE_LIMIT = 3000

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._font = QFont()
        self.grid = 1
        """Pixels of grid line the table takes from each cell's right and bottom edges: cells
        are measured by column width and painted in a rect that much smaller; both must wrap
        the text at the same width."""
        self._cache: OrderedDict[tuple[int, int, int], _Layout] = OrderedDict()
        self._line_numbers = False
        self._gutter = 0.0
        """Width of the file line-number gutter at each cell's left, 0 when off."""
        self._show_whitespace = False
        self._update_metrics()

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._update_metrics()
        self.clear_cache()

    def font(self) -> QFont:
        return QFont(self._font)

    def _update_metrics(self) -> None:
        metrics = QFontMetricsF(self._font)
        self._line_height = metrics.lineSpacing()
        self._char_width = max(1.0, metrics.averageCharWidth())
        self._meta_font = QFont(self._font)
        self._meta_font.setPointSizeF(max(5.0, self._font.pointSizeF() * 0.72))
        self._meta_font.setBold(True)
        self._meta_metrics = QFontMetricsF(self._meta_font)
        self._meta_height = self._meta_metrics.height() + 4
        numbers = self._meta_metrics.horizontalAdvance("99999") + PAD_X
        self._gutter = numbers if self._line_numbers else 0.0

    def set_line_numbers(self, on: bool) -> None:
        """Show each paragraph's first line in its file in a gutter at the cell's left."""
        self._line_numbers = on
        self._update_metrics()
        self.clear_cache()

    def set_show_whitespace(self, on: bool) -> None:
        """Draw no-break spaces, tabs and zero-width characters as quiet marks."""
        self._show_whitespace = on
        self.clear_cache()

    def clear_cache(self) -> None:
        self._cache.clear()

    # --------------------------------------------------------------- heights
    def estimate_height(self, length: int, has_meta: bool, width: int) -> int:
        """A cheap guess of a cell's height from its text length and the column width."""
        return self.estimator(width)(length, has_meta)

    def estimator(self, width: int) -> Callable[[int, bool], int]:
        """``estimate_height`` for one column width, its constants worked out once."""
        text_width = width - self.grid - 2 * PAD_X - self._gutter
        per_line = max(1.0, max(8.0, text_width) / self._char_width)
        line_height, meta_height = self._line_height, self._meta_height
        slack, ceil = _WRAP_SLACK / per_line, math.ceil
        pad = 2 * PAD_Y + self.grid

        def estimate(length: int, has_meta: bool) -> int:
            lines = max(1, ceil(length * slack)) if length else 1
            return ceil(lines * line_height + (meta_height if has_meta else 0.0)) + pad

        return estimate

    def minimum_height(self) -> int:
        return math.ceil(self._line_height) + 2 * PAD_Y + self.grid

    def cell_height(self, model: ComparisonModel, row: int, column: int, width: int) -> int:
        """The exact row height a cell needs in a column ``width`` pixels wide."""
        return self._layout(model, row, column, width).height + self.grid

    def _layout(self, model: ComparisonModel, row: int, column: int, width: int) -> _Layout:
        key = (row, column, width)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        info = model.cell(row, column)
        layout = self._make_layout(model, info, width)
        self._cache[key] = layout
        if len(self._cache) > self._CACHE_LIMIT:
            self._cache.popitem(last=False)
        return layout

    def _make_layout(self, model: ComparisonModel, info: CellInfo, width: int) -> _Layout:
        if info.text is None:
            return _Layout(None, self._line_height, 0.0, None)
        shown = info.text if info.shown is None else info.shown
        text = shown.replace("\r\n", "\n").replace("\n", _LINE_SEPARATOR)
        marks: list[int] = []
        if self._show_whitespace:
            text, marks = visible(text)
        layout = QTextLayout(text, self._font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        if info.spans and not info.quiet:
            colours = model.colours()
            ranges = []
            for start, length, tag in info.spans:
                fmt = QTextCharFormat()
                fmt.setBackground(
                    colours.deleted_words if tag is OpTag.DELETE else colours.inserted_words
                )
                if tag is OpTag.DELETE:
                    fmt.setFontStrikeOut(True)
                else:  # not by colour alone: inserted words are underlined
                    fmt.setFontUnderline(True)
                ranges.append(format_range(start, length, fmt))
            layout.setFormats(ranges)
        if marks:
            quiet = QTextCharFormat()
            quiet.setForeground(model.colours().dim_text)
            layout.setFormats(
                [*layout.formats(), *(format_range(a, n, quiet) for a, n in runs(marks))]
            )
        line_width = max(8.0, width - self.grid - 2 * PAD_X - self._gutter)
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(line_width)
            line.setPosition(QPointF(0.0, y))
            y += line.height()
        layout.endLayout()
        has_meta = bool(
            info.badge or info.move_link or info.note or (info.typographic and not info.quiet)
        )
        link_span = None
        if info.move_link is not None:
            start = PAD_X + self._gutter + (self._badge_width(info.badge) + 6 if info.badge else 0)
            link_span = (start, start + self._meta_metrics.horizontalAdvance(info.move_link[0]))
        return _Layout(
            layout, max(y, self._line_height), self._meta_height if has_meta else 0.0, link_span
        )

    def _badge_width(self, badge: str | None) -> float:
        return self._meta_metrics.horizontalAdvance(badge or "") + 10


def format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    span = QTextLayout.FormatRange()
    span.start = start
    span.length = length
    span.format = fmt
    return span
