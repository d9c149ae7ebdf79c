"""ChangeListPanel: the list of a comparison's changes, for a dock beside the view.

One line per change not hidden by the kind filter, in row order: a colour swatch, the type, the
kind and the start of the text. Activating a line emits ``change_activated(index)`` with the index
into ``comparison.changes``; ``set_current_change`` follows the view's navigation.
Imports: PySide6, diffviewer.core.model, diffviewer.ui.palette.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from diffviewer.core.model import Change, Comparison, Kind, RowStatus
from diffviewer.export.common import TYPE_LABELS
from diffviewer.ui.history import row_history
from diffviewer.ui.palette import colours_for, status_for_change

_SNIPPET = 60
_SWATCH = 12


def change_text(comparison: Comparison, change: Change) -> str:
    """The text a change is about: its new paragraph, else its old one."""
    if change.new:
        return comparison.paragraph(change.to_version, change.new[0]).text
    if change.old:
        return comparison.paragraph(change.from_version, change.old[0]).text
    return ""


def describe_change(comparison: Comparison, change: Change) -> str:
    """One line: "Row 5 · Removed · caption — “US Secretary of State…”".

    The row comes first and the text last: a narrow dock elides the line's end, which must be
    the snippet (the tooltip has it whole), not the row number ("row 2…" for row 23)."""
    text = " ".join(change_text(comparison, change).split())
    if len(text) > _SNIPPET:
        text = text[: _SNIPPET - 1].rstrip() + "…"
    parts = []
    if change.rows:
        parts.append(f"Row {min(change.rows) + 1}")
    label = TYPE_LABELS[change.type]
    parts.append(
        (label if parts else label.capitalize()) + (" (typographic)" if change.typographic else "")
    )
    if change.kind is not Kind.BODY:
        parts.append(change.kind.label)
    if len(comparison.versions) > 2:
        parts.append(f"v{change.from_version + 1}→v{change.to_version + 1}")
    return f"{' · '.join(parts)} — “{text}”"


def _tooltip(comparison: Comparison, change: Change) -> str:
    """The change's whole text and, with 3+ versions, its row's history."""
    history = row_history(comparison, min(change.rows)) if change.rows else ""
    if len(comparison.versions) > 2 and history:
        return f"{change_text(comparison, change)}\n\nHistory: {history}"
    return change_text(comparison, change)


class ChangeListModel(QAbstractListModel):
    """The visible changes of a comparison, in row order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._hidden: frozenset[Kind] = frozenset()
        self._shown: list[int] = []
        self._marks: dict[RowStatus, QColor] = {}
        self._swatches: dict[RowStatus, QIcon] = {}

    def set_marks(self, marks: dict[RowStatus, QColor]) -> None:
        self._marks = marks
        self._swatches.clear()

    def _swatch(self, status: RowStatus) -> QIcon:
        """A small rounded square in the status colour (a bare QColor fills the icon size)."""
        icon = self._swatches.get(status)
        if icon is None:
            pixmap = QPixmap(_SWATCH, _SWATCH)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._marks.get(status, QColor(Qt.GlobalColor.gray)))
            painter.drawRoundedRect(QRectF(1, 1, _SWATCH - 2, _SWATCH - 2), 2.5, 2.5)
            painter.end()
            icon = self._swatches[status] = QIcon(pixmap)
        return icon

    def set_state(self, comparison: Comparison | None, hidden: frozenset[Kind]) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._hidden = hidden
        self._shown = []
        if comparison is not None:
            shown = [i for i, c in enumerate(comparison.changes) if c.kind not in hidden]
            self._shown = comparison.in_row_order(shown)
        self.endResetModel()

    def shown(self) -> list[int]:
        return list(self._shown)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        comparison = self._comparison
        if comparison is None or not index.isValid():
            return None
        number = self._shown[index.row()]
        change = comparison.changes[number]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe_change(comparison, change)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(comparison, change)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._swatch(status_for_change(change.type))
        if role == Qt.ItemDataRole.UserRole:
            return number
        return None


_BATCH = 500
"""Lines laid out per pass of the event loop (~1.5 ms)."""


class ChangeListPanel(QWidget):
    """A list of the comparison's changes; see the UI contract."""

    change_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = ChangeListModel(self)
        self._comparison: Comparison | None = None
        self._hidden: frozenset[Kind] = frozenset()
        self._summary = QLabel(self)
        self._summary.setObjectName("change_list_summary")
        self._list = QListView(self)
        self._list.setObjectName("change_list")
        self._list.setModel(self._model)
        self._list.setUniformItemSizes(True)
        # Laid out in batches between other events: at 10,000 changes the whole list takes
        # ~30 ms (Qt asks the model for every row), which would delay the view's first rows.
        self._list.setLayoutMode(QListView.LayoutMode.Batched)
        self._list.setBatchSize(_BATCH)
        self._list.setIconSize(QSize(_SWATCH, _SWATCH))
        # Long lines end in "…" (the tooltip has the whole text) instead of scrolling sideways.
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.activated.connect(self._on_activated)
        self._list.clicked.connect(self._on_activated)
        self._summary.setContentsMargins(4, 2, 4, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._summary)
        layout.addWidget(self._list, 1)
        self._model.set_marks(colours_for(self.palette()).marks)
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._model.set_marks(colours_for(self.palette()).marks)
            self._refresh()

    def list_view(self) -> QListView:
        return self._list

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._comparison = comparison
        self._refresh()

    def set_hidden_kinds(self, kinds: Iterable[Kind]) -> None:
        self._hidden = frozenset(kinds)
        self._refresh()

    def set_current_change(self, index: int) -> None:
        shown = self._model.shown()
        selection = self._list.selectionModel()
        if index not in shown:
            selection.clearSelection()
            return
        model_index = self._model.index(shown.index(index), 0)
        selection.setCurrentIndex(model_index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not self._list.visualRect(model_index).isValid():
            self._lay_out_all()  # Not reached by the batches yet: Qt cannot scroll to it.
        self._list.scrollTo(model_index)

    def _lay_out_all(self) -> None:
        """Finish the list's layout now (``scrollTo`` needs the line's place)."""
        self._list.setLayoutMode(QListView.LayoutMode.SinglePass)
        self._list.doItemsLayout()
        self._list.setLayoutMode(QListView.LayoutMode.Batched)

    def _refresh(self) -> None:
        self._model.set_state(self._comparison, self._hidden)
        if self._comparison is None:
            self._summary.setText("No comparison")
            return
        if self._comparison.first_look:
            self._summary.setText("Finding changes…")
            return
        total = len(self._comparison.changes)
        shown = self._model.rowCount()
        text = f"{total} change{'s' if total != 1 else ''}"
        if shown != total:
            text += f" ({total - shown} hidden)"
        self._summary.setText(text)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.change_activated.emit(int(index.data(Qt.ItemDataRole.UserRole)))
