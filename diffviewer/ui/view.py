"""ComparisonView: the side-by-side view of N versions, the widget the main window shows.

It composes a DiffTable (rows × versions, see ui/table.py), an OverviewStrip beside it and a
legend below it, and adds what an editor does with a comparison: change navigation (in row
order, skipping hidden kinds), find across all columns, zoom, copying, and keeping the place when
the same files are compared again. See ui/palette.py for the colour scheme, ui/legend.py for
the legend, ui/finding.py for the search through the cells.
Imports: PySide6, diffviewer.core.model, diffviewer.ui (table, overview, palette, legend,
finding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QItemSelectionModel, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diffviewer.core.model import Comparison, Kind
from diffviewer.ui.finding import count_matches, search
from diffviewer.ui.legend import Legend
from diffviewer.ui.overview import OverviewStrip
from diffviewer.ui.palette import colours_for, legend_items, status_for_change
from diffviewer.ui.table import DiffTable

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


class ComparisonView(QWidget):
    """The comparison view; see the UI contract for its API."""

    current_change_changed = Signal(int)
    visible_changes_changed = Signal()
    """The changes navigation goes through changed (a new comparison, a filter)."""
    encoding_change_requested = Signal(int)
    paths_dropped_on_version = Signal(int, list)
    version_remove_requested = Signal(int)
    version_move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = DiffTable(self)
        self._table.setObjectName("comparison_table")
        self._model = self._table.comparison_model()
        self._overview = OverviewStrip(self)
        self._legend = Legend(self)
        self._current = -1
        self._zoom = 100
        self._base_font = QFont(self.font())
        self._find: tuple[str, bool] = ("", False)
        self._find_hit: tuple[int, int, int] | None = None
        self._visible: list[int] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._table, 1)
        row.addWidget(self._overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row, 1)
        layout.addWidget(self._legend)
        # The legend must never hold the view wider than the window wants it.
        self._legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        header = self._table.version_header
        header.encoding_clicked.connect(self.encoding_change_requested)
        header.paths_dropped.connect(self.paths_dropped_on_version)
        header.remove_requested.connect(self.version_remove_requested)
        header.move_requested.connect(self.version_move_requested)
        self._table.cell_delegate.link_activated.connect(self._on_link)
        self._table.copy_requested.connect(self.copy_selection)
        self._table.heights_changed.connect(self._schedule_overview)
        self._table.verticalScrollBar().valueChanged.connect(self._update_visible_area)
        self._table.cursor_moved.connect(self._on_cursor_moved)
        self._overview.jump_requested.connect(self._on_overview_jump)
        self._overview_timer = QTimer(self)
        self._overview_timer.setSingleShot(True)
        self._overview_timer.setInterval(30)
        self._overview_timer.timeout.connect(self._update_overview)
        self._apply_colours()
        self._apply_font()

    # ------------------------------------------------------------ comparison
    def set_comparison(
        self, comparison: Comparison | None, rules_files: Iterable[str] = ()
    ) -> None:
        """Show ``comparison`` (made with the user's ``rules_files``: their rules describe
        kind badges)."""
        previous = self._model.comparison()
        same = same_inputs(previous, comparison)
        place = self._place() if same else None
        cell = self._current_paragraph() if same else None
        self._current = -1
        self._find_hit = None
        self._table.set_comparison(comparison, rules_files)
        self._refresh_visible()
        if place is not None:
            self._restore_place(place)
        else:
            self._table.scrollToTop()
        if cell is not None:
            self._restore_current_paragraph(cell)
        self.current_change_changed.emit(-1)

    def comparison(self) -> Comparison | None:
        return self._model.comparison()

    def table(self) -> QTableView:
        return self._table

    def overview(self) -> OverviewStrip:
        return self._overview

    def legend_items(self) -> list[tuple[str, QColor]]:
        """(label, colour) pairs explaining the colours, for a legend placed by the shell."""
        return legend_items(self._model.colours())

    def set_legend_visible(self, visible: bool) -> None:
        self._legend.setVisible(visible)

    def _place(self) -> tuple[int, int, int] | None:
        """(version, paragraph, pixel offset) of the paragraph at the top of the viewport."""
        anchor = self._table.anchor()
        comparison = self._model.comparison()
        if anchor is None or comparison is None:
            return None
        row, inside = anchor
        for version, cell in enumerate(comparison.rows[row].cells):
            if cell is not None:
                return version, cell, inside
        return None

    def _current_paragraph(self) -> tuple[int, int] | None:
        """(version, paragraph) of the current cell, None for none or a gap."""
        index = self._table.currentIndex()
        comparison = self._model.comparison()
        if not index.isValid() or comparison is None:
            return None
        paragraph = comparison.rows[index.row()].cells[index.column()]
        return None if paragraph is None else (index.column(), paragraph)

    def _restore_current_paragraph(self, cell: tuple[int, int]) -> None:
        """Make the cell of ``cell``'s paragraph current again (the same files compared anew:
        a first look's comparison, another option), without scrolling."""
        comparison = self._model.comparison()
        assert comparison is not None
        version, paragraph = cell
        if version >= len(comparison.versions):
            return
        for number, row in enumerate(comparison.rows):
            if row.cells[version] == paragraph:
                self._table.setCurrentIndex(self._model.index(number, version))
                return

    def _restore_place(self, place: tuple[int, int, int]) -> None:
        comparison = self._model.comparison()
        assert comparison is not None
        version, paragraph, inside = place
        for number, row in enumerate(comparison.rows):
            cells = row.cells
            if version < len(cells) and cells[version] is not None and cells[version] >= paragraph:
                self._table.scroll_row_to(number, 0.0)
                bar = self._table.verticalScrollBar()
                bar.setValue(bar.value() + inside)
                return

    # ------------------------------------------------------------- filters
    def set_hidden_kinds(self, kinds: Iterable[Kind]) -> None:
        """Changes of these kinds leave navigation and the overview; their rows collapse."""
        self._table.set_hidden_kinds(frozenset(kinds))
        self._refresh_visible()

    def set_hide_typographic(self, hide: bool) -> None:
        self._model.set_hide_typographic(hide)
        self._table.refold()  # hidden typographic edits count as unchanged rows
        self._refresh_visible()

    def set_only_changes(self, on: bool) -> None:
        """Fold runs of unchanged rows into one-line bars (ui/folding.py)."""
        self._table.set_only_changes(on)
        self._schedule_overview()

    def set_highlight_next(self, towards_next: bool) -> None:
        """Each column highlights its changes to the next version (else from the previous)."""
        self._relayout_with(lambda: self._model.set_highlight_next(towards_next))
        self._table.cell_delegate.clear_cache()
        self._table.version_header.viewport().update()

    def set_line_numbers(self, on: bool) -> None:
        """A gutter in each cell with the paragraph's first line number in its file."""
        self._relayout_with(lambda: self._table.cell_delegate.set_line_numbers(on))

    def set_show_whitespace(self, on: bool) -> None:
        """No-break spaces, tabs and zero-width characters drawn as quiet marks."""
        self._relayout_with(lambda: self._table.cell_delegate.set_show_whitespace(on))

    def _relayout_with(self, change: Callable[[], None]) -> None:
        anchor = self._table.anchor()
        change()
        self._table.relayout()
        self._table.restore_anchor(anchor)
        self._table.viewport().update()

    def set_context_rows(self, rows: int) -> None:
        """Unchanged rows kept beside each change when folding."""
        self._table.set_context_rows(rows)
        self._schedule_overview()

    def visible_changes(self) -> list[int]:
        """Indexes into comparison.changes not hidden by the filters, in row order."""
        return list(self._visible)

    def _refresh_visible(self) -> None:
        comparison = self._model.comparison()
        if comparison is None:
            self._visible = []
        else:
            is_hidden = self._model.is_hidden
            shown = [i for i in range(len(comparison.changes)) if not is_hidden(i)]
            self._visible = comparison.in_row_order(shown)
        if self._current >= 0 and self._current not in self._visible:
            self._current = -1
            self.current_change_changed.emit(-1)
        self._table.viewport().update()
        self._schedule_overview()
        self.visible_changes_changed.emit()

    # ----------------------------------------------------------- navigation
    def current_change(self) -> int:
        return self._current

    def goto_change(self, index: int) -> None:
        comparison = self._model.comparison()
        if comparison is None or not 0 <= index < len(comparison.changes):
            return
        rows = sorted(comparison.changes[index].rows or (0,))
        self._current = index
        self._table.scroll_row_to(rows[0])
        self._table.select_rows(rows[0], rows[0])
        for row in rows[1:]:
            self._select_extra(row)
        self._update_visible_area()
        self.current_change_changed.emit(index)

    def _select_extra(self, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag
        self._table.selectionModel().select(self._model.index(row, 0), flags.Select | flags.Rows)

    def goto_row(self, row: int) -> None:
        if 0 <= row < self._model.rowCount():
            self._table.unfold(row)
            self._table.scroll_row_to(row)
            self._table.select_rows(row, row)

    def next_change(self) -> bool:
        return self._step(+1)

    def previous_change(self) -> bool:
        return self._step(-1)

    def first_change(self) -> bool:
        if not self._visible:
            return False
        self.goto_change(self._visible[0])
        return True

    def last_change(self) -> bool:
        if not self._visible:
            return False
        self.goto_change(self._visible[-1])
        return True

    def _step(self, direction: int) -> bool:
        visible = self._visible
        comparison = self._model.comparison()
        if not visible or comparison is None:
            return False
        if self._current in visible:
            position = visible.index(self._current) + direction
        else:
            current = self._table.currentIndex()
            row = current.row() if current.isValid() else -1
            if direction > 0:
                position = next(
                    (n for n, i in enumerate(visible) if _first_row(comparison, i) >= row),
                    len(visible),
                )
            else:
                before = [n for n, i in enumerate(visible) if _first_row(comparison, i) <= row]
                position = before[-1] if before else -1
        if not 0 <= position < len(visible):
            return False
        self.goto_change(visible[position])
        return True

    def _on_link(self, row: int) -> None:
        self.goto_row(row)

    def _on_cursor_moved(self, row: int) -> None:
        """The user moved the current row (click, arrow or page keys): its change becomes the
        current one, or none when the row holds none, so navigation goes on from there."""
        changes = [i for i in self._model.row_changes(row) if i in self._visible]
        if self._current in changes:
            return
        current = changes[0] if changes else -1
        if current != self._current:
            self._current = current
            self.current_change_changed.emit(current)

    # ---------------------------------------------------------------- find
    def find(
        self,
        text: str,
        *,
        backwards: bool = False,
        case_sensitive: bool = False,
        from_current: bool = False,
    ) -> bool:
        """Select the next (or previous) match of ``text`` in any column; wraps around once.
        ``from_current``: a match where the current one starts counts (find as you type: the
        longer text still matches there)."""
        comparison = self._model.comparison()
        self._find = (text, case_sensitive)
        if not text or comparison is None:
            self._find_hit = None
            self._table.cell_delegate.set_find("", False, None)
            self._table.viewport().update()
            return False
        hidden = self._table.hidden_rows()
        start = self._search_start()
        if from_current and self._find_hit is not None:
            start = (*start[:2], start[2] - 1)
        hit = search(comparison, text, case_sensitive, start, backwards, hidden)
        self._find_hit = hit
        self._table.cell_delegate.set_find(text, case_sensitive, hit)
        self._table.viewport().update()
        if hit is None:
            return False
        row, column, _ = hit
        self._table.unfold(row)  # a match in a folded run shows its run
        self._table.scroll_row_to(row)
        self._table.setCurrentIndex(self._model.index(row, column))
        return True

    def clear_find(self) -> None:
        """Drop the find highlights (the find bar closed)."""
        self._find = ("", False)
        self._find_hit = None
        self._table.cell_delegate.set_find("", False, None)
        self._table.viewport().update()

    def find_position(self) -> tuple[int, int]:
        """(number of the current match, 1-based; matches in all shown cells) for the last
        find; (0, 0) when there is none."""
        comparison = self._model.comparison()
        text, case_sensitive = self._find
        if not text or comparison is None:
            return 0, 0
        return count_matches(
            comparison, text, case_sensitive, self._table.hidden_rows(), self._find_hit
        )

    def _search_start(self) -> tuple[int, int, int]:
        if self._find_hit is not None:
            return self._find_hit
        current = self._table.currentIndex()
        if current.isValid():
            return current.row(), current.column(), -1
        return 0, 0, -1

    # ---------------------------------------------------------------- zoom
    def zoom_in(self) -> None:
        self._set_zoom(self._zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self._set_zoom(100)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Zoom to ``percent`` (clamped to 50–300), e.g. the zoom saved in the settings."""
        self._set_zoom(int(percent))

    def set_base_font(self, font: QFont) -> None:
        self._base_font = QFont(font)
        self._apply_font()

    def _set_zoom(self, percent: int) -> None:
        percent = max(ZOOM_MIN, min(ZOOM_MAX, percent))
        if percent != self._zoom:
            self._zoom = percent
            self._apply_font()

    def zoomed_font(self) -> QFont:
        font = QFont(self._base_font)
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * self._zoom / 100)
        return font

    def _apply_font(self) -> None:
        font = self.zoomed_font()
        anchor = self._table.anchor()
        self._table.setFont(font)
        self._table.cell_delegate.set_font(font)
        self._table.relayout()
        self._table.restore_anchor(anchor)

    # ---------------------------------------------------------------- copy
    def copy_selection(self) -> None:
        """Copy the selected words of an open paragraph editor, else the selected rows' cells."""
        editor = self._table.findChild(QPlainTextEdit, "paragraph_editor")
        if editor is not None and editor.isVisible() and editor.textCursor().hasSelection():
            editor.copy()
            return
        rows = sorted({index.row() for index in self._table.selectionModel().selectedIndexes()})
        if not rows and self._table.currentIndex().isValid():
            rows = [self._table.currentIndex().row()]
        if not rows:
            return
        lines = []
        for row in rows:
            cells = [self._model.cell_text(row, c) for c in range(self._model.columnCount())]
            lines.append("\t".join(" ".join(text.split()) for text in cells))
        QGuiApplication.clipboard().setText("\n".join(lines))

    # ------------------------------------------------------------ overview
    def _schedule_overview(self) -> None:
        self._overview_timer.start()
        self._update_visible_area()

    def _update_overview(self) -> None:
        comparison = self._model.comparison()
        header = self._table.verticalHeader()
        marks = []
        if comparison is not None:
            colours = self._model.colours()
            for index in self._visible:
                change = comparison.changes[index]
                colour = colours.marks[status_for_change(change.type)]
                for row in change.rows:
                    marks.append(
                        (float(header.sectionPosition(row)), float(header.sectionSize(row)), colour)
                    )
        self._overview.set_marks(marks, float(header.length()))
        self._update_visible_area()

    def _update_visible_area(self) -> None:
        bar = self._table.verticalScrollBar()
        self._overview.set_visible_area(float(bar.value()), float(self._table.viewport().height()))

    def _on_overview_jump(self, fraction: float) -> None:
        header = self._table.verticalHeader()
        target = fraction * header.length() - self._table.viewport().height() / 2
        self._table.verticalScrollBar().setValue(max(0, int(target)))

    # ------------------------------------------------------------- palette
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()

    def _apply_colours(self) -> None:
        self._model.set_colours(colours_for(self.palette()))
        self._table.cell_delegate.clear_cache()
        self._legend.set_items(self.legend_items())
        self._schedule_overview()


def _first_row(comparison: Comparison, index: int) -> int:
    rows = comparison.changes[index].rows
    return min(rows) if rows else 0


def same_inputs(old: Comparison | None, new: Comparison | None) -> bool:
    """Whether two comparisons are of the same files (or texts) in the same order."""
    if old is None or new is None or len(old.versions) != len(new.versions):
        return False
    return all(
        a.path == b.path and a.name == b.name
        for a, b in zip(old.versions, new.versions, strict=True)
    )
