"""Row heights of the comparison table: estimated for every row, exact where the user looks.

``RowHeights`` is a mixin of ``DiffTable`` (ui/table.py): the QTableView it measures, which
sets up the state it works on (``_model``, ``cell_delegate``, ``_exact``, ``_widths``,
``_pending_ranges``, ``_folds``, ``_hidden_rows``, ``_measuring``, ``_deferred``, the two timers,
``heights_changed``) and gives ``column_widths``.
Every row gets an estimate from its text length, the column widths and the font, and the rows
in and around the viewport get their exact height from the delegate's layouts as they come into
view. When heights above the viewport change, the top row stays where it was on screen (the
anchor). Estimates are written with the vertical header's signals blocked and its updates disabled
(``bulk``): with updates on, every QHeaderView::resizeSection recomputes the start of every
section (O(rows) per call, 15 µs each at 50,000 rows; 0.6 µs without). The rows near the
viewport are estimated at once, the rest in time-boxed slices between events, so no slice holds
the event loop for longer than a frame.
Imports: PySide6 and diffviewer.core.model.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from diffviewer.core.model import Kind

#: Rows measured exactly beyond each edge of the viewport.
_MARGIN_ROWS = 8
#: Rows around the anchor estimated at once, before the first paint after a change.
_NEAR_ROWS = 3000
#: Longest a background estimation slice may hold the event loop, in seconds (under a frame).
_SLICE_SECONDS = 0.008
#: Rows estimated between two looks at the clock.
_CLOCK_EVERY = 128


class RowHeights:
    """Estimated and exact row heights, the scroll anchor that keeps the place."""

    def relayout(self) -> None:
        """Heights after a change of comparison, widths or font: estimates, then exact near view."""
        self._relayout_timer.stop()
        self._estimate_timer.stop()
        self._widths = self.column_widths()
        rows = self._model.rowCount()
        self._exact = bytearray(rows)
        self._size_bars()
        self._pending_ranges = []
        # Hidden (the window shows its empty-state hint until the first comparison): nothing to
        # fit to yet; the show event lays out at the real size.
        self._deferred = not self.isVisible()
        if self._deferred or not rows or not self._widths:
            self.heights_changed.emit()
            return
        anchor = self.anchor()
        first = max(0, anchor[0] - _NEAR_ROWS // 3) if anchor else 0
        last = min(rows, first + _NEAR_ROWS)
        # Rows near the viewport first, so the screen settles at once; the rest in slices,
        # below the viewport first (where the user is likely to scroll), then above it.
        self._estimate_rows(first, last)
        comparison = self._model.comparison()
        # Not for a first look, soon replaced while the worker thread finds its kinds and
        # changes: estimating the far rows here would take the interpreter from it (each slice
        # holds the GIL), and the whole comparison ~1.6× as long to come at 50,000 paragraphs.
        if comparison is None or not comparison.first_look:
            self._pending_ranges = [(a, b) for a, b in ((last, rows), (0, first)) if a < b]
        self._measure_visible(anchor)
        if self._pending_ranges:
            self._estimate_timer.start(0)

    def _size_bars(self) -> None:
        """Fold bars are one line high: set (and mark exact, as 2) now."""
        if not self._folds or not self._exact:
            return
        header = self.verticalHeader()
        height = self.cell_delegate.minimum_height()
        with bulk(header):
            for bar in self._folds:
                if bar < len(self._exact):
                    self._exact[bar] = 2
                    header.resizeSection(bar, height)
        self.updateGeometries()

    def estimating(self) -> bool:
        """Whether estimated heights are still being set in the background."""
        return bool(self._pending_ranges)

    def _estimate_slice(self) -> None:
        """Estimate pending rows until the slice's time is up; come back after other events."""
        deadline = time.perf_counter() + _SLICE_SECONDS
        anchor = self.anchor()
        while self._pending_ranges and time.perf_counter() < deadline:
            start, end = self._pending_ranges[0]
            stop = self._estimate_rows(start, end, deadline)
            if stop >= end:
                self._pending_ranges.pop(0)
            else:
                self._pending_ranges[0] = (stop, end)
        self.restore_anchor(anchor)
        self.heights_changed.emit()
        if self._pending_ranges:
            self._estimate_timer.start(0)

    def _estimate_rows(self, start: int, stop: int, deadline: float | None = None) -> int:
        """Estimate rows ``start..stop-1`` (not those measured exactly) until ``deadline``;
        returns the first row not done."""
        comparison = self._model.comparison()
        if comparison is None:
            return stop
        header = self.verticalHeader()
        rows = comparison.rows
        exact = self._exact
        minimum = self.cell_delegate.minimum_height()
        body = Kind.BODY
        estimators = [
            (self.cell_delegate.estimator(width), version.paragraphs)
            for width, version in zip(self._widths, comparison.versions, strict=False)
        ]
        resize = header.resizeSection
        row = start
        with bulk(header):
            while row < stop:
                chunk = min(stop, row + _CLOCK_EVERY)
                for number in range(row, chunk):
                    if exact[number]:
                        continue
                    height = minimum
                    for (estimate, paragraphs), cell in zip(
                        estimators, rows[number].cells, strict=False
                    ):
                        if cell is not None:
                            paragraph = paragraphs[cell]
                            guess = estimate(len(paragraph.text), paragraph.kind is not body)
                            height = max(height, guess)
                    resize(number, height)
                row = chunk
                if deadline is not None and time.perf_counter() >= deadline:
                    break
        self.updateGeometries()
        self.viewport().update()
        return row

    def anchor(self) -> tuple[int, int] | None:
        """(top row, pixels of it scrolled above the viewport)."""
        header = self.verticalHeader()
        top = header.logicalIndexAt(0)
        if top < 0:
            return None
        return top, -header.sectionViewportPosition(top)

    def restore_anchor(self, anchor: tuple[int, int] | None) -> None:
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
            self._measure_visible(self.anchor())

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
        hidden = self._hidden_rows
        with bulk(header):
            for row in range(first, last + 1):
                if self._exact[row] or row in hidden:
                    continue
                height = minimum
                for column, width in enumerate(self._widths):
                    height = max(height, height_of(self._model, row, column, width))
                self._exact[row] = 1
                if header.sectionSize(row) != height:
                    header.resizeSection(row, height)
                    changed = True
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
                if bottom < 0:  # the rows end above the viewport's bottom edge
                    fit = self.viewport().height() // self.cell_delegate.minimum_height()
                    bottom = top + fit + 1
                if not self.measure_rows(top - _MARGIN_ROWS, bottom + _MARGIN_ROWS):
                    break
                changed = True
                self.updateGeometries()
                self._measuring = False
                self.restore_anchor(anchor)
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
        self._measure_visible(self.anchor())


@contextmanager
def bulk(header: QHeaderView) -> Iterator[None]:
    """Resize or hide many sections at once: no signals, no per-section repaint bookkeeping."""
    blocked = header.blockSignals(True)
    # Only the header's own setting is restored: updatesEnabled() is also False while an
    # ancestor has updates off, and setting that back would switch the header off for good.
    forced = header.testAttribute(Qt.WidgetAttribute.WA_ForceUpdatesDisabled)
    header.setUpdatesEnabled(False)
    try:
        yield
    finally:
        header.setUpdatesEnabled(not forced)
        header.blockSignals(blocked)
