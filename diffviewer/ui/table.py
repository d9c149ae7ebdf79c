"""DiffTable: the QTableView under the comparison view, with lazily exact row heights.

Row heights (ui/row_heights.py, the ``RowHeights`` mixin): every row gets an estimate from
its text length, the column widths and the font, and the rows in and around the viewport get
their exact height from the delegate's layouts as they come into view, the top row staying where
it was on screen.
Rows whose every change is of a hidden kind are hidden (collapsed) rows of the view. With "show
only changes", runs of unchanged rows fold (ui/folding.py): the run's first row becomes a
one-line bar painted by the delegate, the others hide; a click or Enter on the bar unfolds it.
Columns share the width by fractions, follow resizes, and keep the proportions a user gives them
by dragging a section edge.
Imports: PySide6, diffviewer.core.model, diffviewer.ui (model, delegate, folding, headers,
row_heights).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from diffviewer.core.model import Comparison, Kind
from diffviewer.ui.delegate import CellDelegate
from diffviewer.ui.folding import DEFAULT_CONTEXT, MAX_CONTEXT, fold_runs
from diffviewer.ui.headers import VersionHeader
from diffviewer.ui.model import ComparisonModel
from diffviewer.ui.row_heights import RowHeights, bulk


class RowHeader(QHeaderView):
    """The vertical header (row numbers) with a size hint computed once per row count and font.

    QHeaderView's own hint asks the model for the header data of hundreds of sections every
    time a section is resized; row numbers only need the width of the largest one.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._hint: tuple[tuple[int, str], QSize] | None = None

    def sizeHint(self) -> QSize:
        key = (self.count(), self.font().key())
        if self._hint is None or self._hint[0] != key:
            metrics = QFontMetrics(self.font())
            # Room for the change mark before the number ("− 12", see ComparisonModel.row_mark).
            digits = "9" * len(str(max(1, self.count())))
            width = metrics.horizontalAdvance(f"⇄ {digits}") + 12
            self._hint = (key, QSize(width, metrics.height() + 4))
        return QSize(self._hint[1])


class DiffTable(RowHeights, QTableView):
    """A table of paragraph cells whose row heights are exact where the user looks."""

    heights_changed = Signal()
    copy_requested = Signal()
    cursor_moved = Signal(int)
    """The user moved the current row (arrow or page keys, a click): the new row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = ComparisonModel(self)
        self.cell_delegate = CellDelegate(self)
        self.version_header = VersionHeader(self)
        self.setHorizontalHeader(self.version_header)
        self.setVerticalHeader(RowHeader(self))
        self.setModel(self._model)
        self.setItemDelegate(self.cell_delegate)
        self.cell_delegate.grid = 1 if self.showGrid() else 0
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
        self._deferred = False
        self._measuring = False
        self._exact = bytearray()
        self._widths: tuple[int, ...] = ()
        self._pending_ranges: list[tuple[int, int]] = []
        self._hidden_rows: frozenset[int] = frozenset()
        self._collapsed: frozenset[int] = frozenset()
        self._only_changes = False
        self._context = DEFAULT_CONTEXT
        self._folds: dict[int, int] = self.cell_delegate.fold_bars
        """Fold bar row → the row after its run (the delegate paints from the same dict)."""
        self._unfolded: set[int] = set()
        """First rows of runs the user unfolded (until the next comparison)."""
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
    def set_comparison(
        self, comparison: Comparison | None, rules_files: Iterable[str] = ()
    ) -> None:
        self._estimate_timer.stop()
        self.cell_delegate.clear_cache()
        self._exact = bytearray()
        self._pending_ranges = []
        self._model.set_comparison(comparison, rules_files)
        self._hidden_rows = frozenset()  # a model reset shows every section again
        self._unfolded.clear()
        self._apply_hidden_rows()
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
        self._apply_hidden_rows()

    def hidden_rows(self) -> frozenset[int]:
        """Rows collapsed because every change they show is of a hidden kind."""
        return self._collapsed

    # ------------------------------------------------------------- folding
    def set_only_changes(self, on: bool) -> None:
        """Fold runs of unchanged rows (keeping the context rows) into one-line bars."""
        if on != self._only_changes:
            self._only_changes = on
            self._unfolded.clear()
            self._apply_hidden_rows()

    def only_changes(self) -> bool:
        return self._only_changes

    def set_context_rows(self, rows: int) -> None:
        rows = max(0, min(MAX_CONTEXT, rows))
        if rows != self._context:
            self._context = rows
            self._unfolded.clear()
            self._apply_hidden_rows()

    def context_rows(self) -> int:
        return self._context

    def fold_bars(self) -> dict[int, int]:
        """Fold bar row → the row after its run (a copy)."""
        return dict(self._folds)

    def refold(self) -> None:
        """Fold again after the shown changes changed (a filter)."""
        self._apply_hidden_rows()

    def unfold(self, row: int) -> bool:
        """Unfold the run whose bar, or folded row, ``row`` is; True when one was."""
        for bar, stop in self._folds.items():
            if bar <= row < stop:
                self._unfolded.add(bar)
                self._apply_hidden_rows()
                return True
        return False

    def _fold_runs(self) -> dict[int, int]:
        comparison = self._model.comparison()
        if not self._only_changes or comparison is None:
            return {}
        model = self._model
        changed = {
            row
            for number, change in enumerate(comparison.changes)
            if not model.is_hidden(number)
            for row in change.rows
        }
        runs = fold_runs(changed, len(comparison.rows), self._context)
        return {start: stop for start, stop in runs if start not in self._unfolded}

    def _apply_hidden_rows(self) -> None:
        collapsed = frozenset(self._model.collapsed_rows())
        folds = self._fold_runs()
        folds_changed = folds != self._folds
        self._collapsed = collapsed
        if folds_changed:
            self._folds.clear()
            self._folds.update(folds)  # the delegate holds this dict
        hiding = set(collapsed)
        for bar, stop in folds.items():
            hiding.update(range(bar + 1, stop))
        hiding.difference_update(folds)
        hidden = frozenset(hiding)
        if hidden == self._hidden_rows and not folds_changed:
            return
        anchor = self.anchor()
        header = self.verticalHeader()
        with bulk(header):
            for row in hidden - self._hidden_rows:
                header.setSectionHidden(row, True)
            for row in self._hidden_rows - hidden:
                header.setSectionHidden(row, False)
        self._hidden_rows = hidden
        if folds_changed and self._exact:
            # Rows that were bars are measured again; bars are one line, exact at once.
            for row in range(len(self._exact)):
                if self._exact[row] == 2 and row not in folds:
                    self._exact[row] = 0
            self._size_bars()
        self.updateGeometries()
        self.restore_anchor(anchor)
        self._measure_visible(self.anchor())
        self.viewport().update()

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._deferred:
            self.apply_widths()
            self.relayout()

    def select_rows(self, first: int, last: int) -> None:
        model = self._model
        selection = self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        self.setCurrentIndex(model.index(first, 0))
        selection.clearSelection()
        for row in range(first, last + 1):
            selection.select(model.index(row, 0), flags.Select | flags.Rows)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.row() in self._folds:
            self.unfold(index.row())
            event.accept()
            return
        super().mousePressEvent(event)
        if index.isValid():
            self.cursor_moved.emit(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        current = self.currentIndex().row()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
            and current in self._folds
        ):
            self.unfold(current)
            event.accept()
            return
        before = self.currentIndex().row()
        super().keyPressEvent(event)
        after = self.currentIndex().row()
        if after != before and after >= 0:
            self.cursor_moved.emit(after)
