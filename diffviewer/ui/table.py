"""DiffTable: the QTableView under the comparison view, with lazily exact row heights.

Row heights: every row gets an estimate from its text length, the column widths and the font
(cheap, set with the header's signals blocked), and the rows in and around the viewport get their
exact height from the delegate's layouts as they come into view. When heights above the viewport
change, the top row stays where it was on screen (the anchor). Columns share the width by
fractions, follow resizes, and keep the proportions a user gives them by dragging a section edge.
Imports: PySide6, diffviewer.core.model, diffviewer.ui (model, delegate, headers).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from diffviewer.core.model import Comparison, Kind
from diffviewer.ui.delegate import CellDelegate
from diffviewer.ui.headers import VersionHeader
from diffviewer.ui.model import ComparisonModel

#: Rows measured exactly beyond each edge of the viewport.
_MARGIN_ROWS = 8
#: Rows estimated per slice of the background re-estimation after a width change.
_ESTIMATE_SLICE = 4000


class DiffTable(QTableView):
    """A table of paragraph cells whose row heights are exact where the user looks."""

    heights_changed = Signal()
    copy_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = ComparisonModel(self)
        self.cell_delegate = CellDelegate(self)
        self.version_header = VersionHeader(self)
        self.setHorizontalHeader(self.version_header)
        self.setModel(self._model)
        self.setItemDelegate(self.cell_delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setMinimumSectionSize(4)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        horizontal = self.version_header
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setMinimumSectionSize(60)
        horizontal.sectionResized.connect(self._on_section_resized)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._fractions: list[float] = []
        self._applying_widths = False
        self._measuring = False
        self._exact = bytearray()
        self._widths: tuple[int, ...] = ()
        self._pending_ranges: list[tuple[int, int]] = []
        self._estimate_timer = QTimer(self)
        self._estimate_timer.setSingleShot(True)
        self._estimate_timer.timeout.connect(self._estimate_slice)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self.relayout)

    def comparison_model(self) -> ComparisonModel:
        return self._model

    # ---------------------------------------------------------- comparison
    def set_comparison(self, comparison: Comparison | None) -> None:
        self._estimate_timer.stop()
        self.cell_delegate.clear_cache()
        self._exact = bytearray()
        self._model.set_comparison(comparison)
        # The caller restores a kept place itself; a stale offset would anchor the wrong row.
        self._measuring = True
        try:
            self.verticalScrollBar().setValue(0)
        finally:
            self._measuring = False
        self._exact = bytearray(self._model.rowCount())
        self._widths = ()
        self.apply_widths()
        self.relayout()

    def set_hidden_kinds(self, kinds: set[Kind] | frozenset[Kind]) -> None:
        self._model.set_hidden_kinds(kinds)

    # -------------------------------------------------------------- widths
    def apply_widths(self) -> None:
        """Share the viewport width between the columns by their fractions."""
        count = self._model.columnCount()
        available = self.viewport().width()
        if not count or available <= 0:
            return
        if len(self._fractions) != count:
            self._fractions = [1.0 / count] * count
        self._applying_widths = True
        try:
            used = 0
            for column in range(count - 1):
                width = max(60, round(available * self._fractions[column]))
                self.version_header.resizeSection(column, width)
                used += width
            self.version_header.resizeSection(count - 1, max(60, available - used))
        finally:
            self._applying_widths = False
        self._widths_changed()

    def column_widths(self) -> tuple[int, ...]:
        return tuple(self.columnWidth(c) for c in range(self._model.columnCount()))

    def _on_section_resized(self, section: int, old: int, new: int) -> None:
        if self._applying_widths or not self.version_header.user_resizing:
            return
        widths = self.column_widths()
        total = sum(widths)
        if total > 0:
            self._fractions = [w / total for w in widths]
        self._widths_changed()

    def _widths_changed(self) -> None:
        if self.column_widths() != self._widths:
            self._relayout_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_widths()

    # ------------------------------------------------------------- heights
    def relayout(self) -> None:
        """Heights after a change of comparison, widths or font: estimates, then exact near view."""
        self._relayout_timer.stop()
        self._widths = self.column_widths()
        rows = self._model.rowCount()
        self._exact = bytearray(rows)
        if not rows or not self._widths:
            self.heights_changed.emit()
            return
        anchor = self._anchor()
        first = max(0, anchor[0] - _ESTIMATE_SLICE // 2) if anchor else 0
        # Rows near the viewport first, so the screen settles at once; the rest in slices.
        self._estimate_rows(first, min(rows, first + _ESTIMATE_SLICE))
        pending = [(0, first), (min(rows, first + _ESTIMATE_SLICE), rows)]
        self._pending_ranges = [(a, b) for a, b in pending if a < b]
        self._measure_visible(anchor)
        if self._pending_ranges:
            self._estimate_timer.start(0)

    def _estimate_slice(self) -> None:
        while self._pending_ranges:
            start, end = self._pending_ranges[0]
            if start >= end:
                self._pending_ranges.pop(0)
                continue
            stop = min(end, start + _ESTIMATE_SLICE)
            anchor = self._anchor()
            self._estimate_rows(start, stop)
            self._pending_ranges[0] = (stop, end)
            self._restore_anchor(anchor)
            self.heights_changed.emit()
            self._estimate_timer.start(0)
            return

    def _estimate_rows(self, start: int, stop: int) -> None:
        comparison = self._model.comparison()
        if comparison is None:
            return
        header = self.verticalHeader()
        versions = [v.paragraphs for v in comparison.versions]
        widths = self._widths
        estimate = self.cell_delegate.estimate_height
        minimum = self.cell_delegate.minimum_height()
        exact = self._exact
        body = Kind.BODY
        header.blockSignals(True)
        try:
            for row_number in range(start, stop):
                if exact[row_number]:
                    continue
                height = minimum
                for column, cell in enumerate(comparison.rows[row_number].cells):
                    if cell is None:
                        continue
                    paragraph = versions[column][cell]
                    guess = estimate(
                        len(paragraph.text), paragraph.kind is not body, widths[column]
                    )
                    height = max(height, guess)
                header.resizeSection(row_number, height)
        finally:
            header.blockSignals(False)
        self.updateGeometries()
        self.viewport().update()

    def _anchor(self) -> tuple[int, int] | None:
        """(top row, pixels of it scrolled above the viewport)."""
        header = self.verticalHeader()
        top = header.logicalIndexAt(0)
        if top < 0:
            return None
        return top, -header.sectionViewportPosition(top)

    def _restore_anchor(self, anchor: tuple[int, int] | None) -> None:
        if anchor is None:
            return
        row, inside = anchor
        target = self.verticalHeader().sectionPosition(row) + inside
        bar = self.verticalScrollBar()
        if bar.value() != target:
            self._measuring = True
            try:
                bar.setValue(target)
            finally:
                self._measuring = False

    def _on_scrolled(self, _value: int) -> None:
        if not self._measuring:
            self._measure_visible(self._anchor())

    def measure_rows(self, first: int, last: int) -> bool:
        """Give rows ``first..last`` their exact heights; True when any height changed."""
        comparison = self._model.comparison()
        if comparison is None or not self._exact:
            return False
        header = self.verticalHeader()
        height_of = self.cell_delegate.cell_height
        minimum = self.cell_delegate.minimum_height()
        changed = False
        first, last = max(0, first), min(len(self._exact) - 1, last)
        header.blockSignals(True)
        try:
            for row in range(first, last + 1):
                if self._exact[row]:
                    continue
                height = minimum
                for column, width in enumerate(self._widths):
                    height = max(height, height_of(self._model, row, column, width))
                self._exact[row] = 1
                if header.sectionSize(row) != height:
                    header.resizeSection(row, height)
                    changed = True
        finally:
            header.blockSignals(False)
        return changed

    def _measure_visible(self, anchor: tuple[int, int] | None) -> None:
        if self._measuring or not self._exact:
            return
        self._measuring = True
        try:
            header = self.verticalHeader()
            changed = False
            # Heights may shrink as rows are measured, bringing more rows into view: repeat.
            for _ in range(4):
                top = header.logicalIndexAt(0)
                bottom = header.logicalIndexAt(self.viewport().height() - 1)
                if top < 0:
                    break
                if bottom < 0:
                    bottom = self._model.rowCount() - 1
                if not self.measure_rows(top - _MARGIN_ROWS, bottom + _MARGIN_ROWS):
                    break
                changed = True
                self.updateGeometries()
                self._measuring = False
                self._restore_anchor(anchor)
                self._measuring = True
        finally:
            self._measuring = False
        if changed:
            self.viewport().update()
            self.verticalHeader().viewport().update()
        self.heights_changed.emit()

    def scroll_row_to(self, row: int, fraction: float = 1 / 3) -> None:
        """Scroll so ``row`` starts ``fraction`` of the way down the viewport."""
        if not 0 <= row < self._model.rowCount():
            return
        header = self.verticalHeader()
        span = max(
            4, int(self.viewport().height() * fraction) // max(1, header.sectionSize(row)) + 2
        )
        self.measure_rows(row - span, row + _MARGIN_ROWS * 2)
        self.updateGeometries()
        target = header.sectionPosition(row) - int(self.viewport().height() * fraction)
        self.verticalScrollBar().setValue(max(0, target))
        self._measure_visible(self._anchor())

    def select_rows(self, first: int, last: int) -> None:
        model = self._model
        selection = self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        self.setCurrentIndex(model.index(first, 0))
        selection.clearSelection()
        for row in range(first, last + 1):
            selection.select(model.index(row, 0), flags.Select | flags.Rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
