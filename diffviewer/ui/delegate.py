"""CellDelegate: paints one paragraph cell (word highlights, badge, move link, find matches).

A cell is: an optional meta line (kind badge, "moved to row N" link, typographic mark) above the
paragraph text, word-wrapped to the column width; gaps are hatched, folded runs a one-line bar.
The layouts and heights come from ``MeasuringDelegate`` (ui/cell_layout.py), the hatching from
ui/hatch.py. A click on a move link emits ``link_activated``.
Double-click opens a QPlainTextEdit over the cell (read-only unless the model is editable) so
words can be selected and copied, or typed.
Imports: PySide6, diffviewer.ui.cell_layout/cells/folding/hatch/model/unified.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QFrame,
    QPlainTextEdit,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from diffviewer.ui.cell_layout import PAD_X, PAD_Y, MeasuringDelegate, format_range
from diffviewer.ui.cells import CellInfo
from diffviewer.ui.folding import bar_text
from diffviewer.ui.hatch import hatch
from diffviewer.ui.model import ComparisonModel
from diffviewer.ui.unified import shown_offset


class CellDelegate(MeasuringDelegate):
    """Paints cells of a ComparisonModel; emits ``link_activated(row)`` for move links."""

    link_activated = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._find_text = ""
        self._find_case = False
        self._find_current: tuple[int, int, int] | None = None
        self.fold_bars: dict[int, int] = {}
        """Rows painted as fold bars (ui/folding.py) → the row after the run; set by the table."""

    # ------------------------------------------------------------------ find
    def set_find(
        self, text: str, case_sensitive: bool, current: tuple[int, int, int] | None
    ) -> None:
        """Highlight every match of ``text``; ``current`` is the (row, column, start) found."""
        self._find_text = text
        self._find_case = case_sensitive
        self._find_current = current

    # -------------------------------------------------------------- painting
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        if not isinstance(model, ComparisonModel):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        colours = model.colours()
        stop = self.fold_bars.get(index.row())
        if stop is not None:
            self._paint_fold_bar(painter, option, index, stop - index.row())
            return
        info = model.cell(index.row(), index.column())
        painter.save()
        painter.setClipRect(rect)
        if info.text is None:
            painter.fillRect(rect, model.data(index, Qt.ItemDataRole.BackgroundRole))
            hatch(painter, rect, colours.filler_hatch)
            if info.note:  # a gap that is the change itself: "− removed from v2"
                painter.setFont(self._meta_font)
                painter.setPen(colours.text)
                painter.drawText(
                    QPointF(rect.left() + PAD_X, rect.top() + PAD_Y + self._meta_metrics.ascent()),
                    info.note,
                )
                painter.setFont(self._font)
        else:
            painter.fillRect(rect, model.data(index, Qt.ItemDataRole.BackgroundRole))
        if state & QStyle.StateFlag.State_Selected:
            # Bands above and below and nothing over the cell: any veil mixes with the status
            # colour (a blue veil turned amber olive-grey, red purple-ish, and read as split).
            highlight = QColor(option.palette.highlight().color())  # type: ignore[attr-defined]
            band = max(2, round(self._line_height / 6))
            painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), band), highlight)
            painter.fillRect(
                QRect(rect.left(), rect.bottom() + 1 - band, rect.width(), band), highlight
            )
        if info.text is not None:
            layout = self._layout(model, index.row(), index.column(), rect.width() + self.grid)
            self._paint_meta(painter, rect, info, colours)
            painter.setPen(colours.dim_text if info.quiet else colours.text)
            assert layout.text is not None
            origin = QPointF(
                rect.left() + PAD_X + self._gutter, rect.top() + PAD_Y + layout.meta_height
            )
            if self._gutter and info.paragraph is not None:
                painter.setFont(self._meta_font)
                painter.setPen(colours.dim_text)
                painter.drawText(
                    QRectF(rect.left(), origin.y(), self._gutter, self._line_height),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    str(info.paragraph.first_line),
                )
                painter.setFont(self._font)
                painter.setPen(colours.dim_text if info.quiet else colours.text)
            layout.text.draw(
                painter,
                origin,
                self._find_ranges(info.text, index.row(), index.column(), colours, info.insertions),
            )
        painter.restore()

    def _paint_fold_bar(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        count: int,
    ) -> None:
        """A quiet one-line bar across the row: "⋯ 12 unchanged paragraphs (click to show)"."""
        rect: QRect = option.rect  # type: ignore[attr-defined]
        model = index.model()
        assert isinstance(model, ComparisonModel)
        colours = model.colours()
        painter.save()
        painter.fillRect(rect, colours.filler)
        painter.setPen(colours.filler_hatch)
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            highlight = QColor(option.palette.highlight().color())  # type: ignore[attr-defined]
            painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), 2), highlight)
            painter.fillRect(QRect(rect.left(), rect.bottom() - 1, rect.width(), 2), highlight)
        if index.column() == 0:
            painter.setFont(self._font)
            painter.setPen(colours.dim_text)
            text_rect = rect.adjusted(PAD_X, 0, -PAD_X, 0)
            painter.drawText(
                text_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bar_text(count),
            )
        painter.restore()

    def _paint_meta(self, painter: QPainter, rect: QRect, info: CellInfo, colours: Any) -> None:
        x = rect.left() + PAD_X + self._gutter
        top = rect.top() + PAD_Y
        height = self._meta_metrics.height() + 1
        painter.setFont(self._meta_font)
        if info.badge:
            strong = info.change >= 0 and not info.quiet
            width = self._badge_width(info.badge)
            badge_rect = QRectF(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.badge_strong if strong else colours.badge_quiet)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.drawRoundedRect(badge_rect, height / 2.5, height / 2.5)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(colours.badge_strong_text if strong else colours.badge_quiet_text)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, info.badge)
            x += width + 6
        if info.move_link is not None:
            link_font = QFont(self._meta_font)
            link_font.setUnderline(True)
            painter.setFont(link_font)
            painter.setPen(colours.link)
            painter.drawText(QPointF(x, top + self._meta_metrics.ascent()), info.move_link[0])
            x += self._meta_metrics.horizontalAdvance(info.move_link[0]) + 6
            painter.setFont(self._meta_font)
        if info.note:
            painter.setPen(colours.text)
            painter.drawText(QPointF(x, top + self._meta_metrics.ascent()), info.note)
            x += self._meta_metrics.horizontalAdvance(info.note) + 6
        if info.typographic and not info.quiet:
            painter.setPen(colours.dim_text)
            painter.drawText(QPointF(x, top + self._meta_metrics.ascent()), "≈ typographic")
        painter.setFont(self._font)

    def _find_ranges(
        self,
        text: str,
        row: int,
        column: int,
        colours: Any,
        insertions: tuple[tuple[int, int], ...] = (),
    ) -> list[QTextLayout.FormatRange]:
        """Matches in the paragraph's own ``text``, placed on the painted one (which may hold
        the other side's words too: the runs put in at ``insertions``)."""
        needle = self._find_text
        if not needle:
            return []
        haystack = text if self._find_case else text.lower()
        if not self._find_case:
            needle = needle.lower()
        ranges = []
        start = haystack.find(needle)
        while start >= 0:
            fmt = QTextCharFormat()
            current = self._find_current == (row, column, start)
            fmt.setBackground(colours.find_current if current else colours.find_match)
            shown_start, shown_end = start, start + len(needle)
            if insertions:
                shown_start = shown_offset(insertions, start)
                shown_end = shown_offset(insertions, start + len(needle), end=True)
            ranges.append(format_range(shown_start, shown_end - shown_start, fmt))
            start = haystack.find(needle, start + len(needle))
        return ranges

    # ---------------------------------------------------------- interaction
    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and isinstance(model, ComparisonModel)
        ):
            info = model.cell(index.row(), index.column())
            rect: QRect = option.rect  # type: ignore[attr-defined]
            if info.move_link is not None:
                layout = self._layout(model, index.row(), index.column(), rect.width() + self.grid)
                pos = event.position()
                if (
                    layout.link_span is not None
                    and pos.y() < rect.top() + PAD_Y + layout.meta_height
                ):
                    left, right = layout.link_span
                    if rect.left() + left <= pos.x() <= rect.left() + right:
                        self.link_activated.emit(info.move_link[1])
                        return True
        return super().editorEvent(event, model, option, index)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QPlainTextEdit(parent)
        model = index.model()
        writable = isinstance(model, ComparisonModel) and model.is_editable()
        editor.setReadOnly(not writable)
        editor.setFrameShape(QFrame.Shape.NoFrame)
        editor.setFont(self._font)
        if not writable:
            editor.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        editor.setObjectName("paragraph_editor")
        editor.textChanged.connect(lambda: _fit_editor(editor))
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Ctrl+Enter keeps the typed text (Enter starts a new line; Esc cancels)."""
        if (
            isinstance(editor, QPlainTextEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """A writable editor's text goes to the model (which hands it on as an edit)."""
        if isinstance(editor, QPlainTextEdit) and not editor.isReadOnly():
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect  # type: ignore[attr-defined]
        editor.setGeometry(rect)
        editor.setProperty("cell_height", rect.height())
        if isinstance(editor, QPlainTextEdit):
            _fit_editor(editor)


def _fit_editor(editor: QPlainTextEdit) -> None:
    """Grow the cell editor to hold its whole text (down to the viewport's bottom at most),
    never shorter than its cell: a paragraph grown by typing stays readable without an inner
    scroll bar hiding its start."""
    cell_height = editor.property("cell_height")
    if not isinstance(cell_height, int):
        return
    margin = editor.document().documentMargin()
    width = max(1, editor.viewport().width() - math.ceil(2 * margin))
    metrics = QFontMetricsF(editor.font())
    text = editor.toPlainText() or " "
    flags = int(Qt.TextFlag.TextWordWrap.value)
    height = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()
    if text.endswith("\n"):
        height += metrics.lineSpacing()
    needed = math.ceil(height + 2 * margin + 2 * editor.frameWidth()) + 2
    parent = editor.parentWidget()
    room = parent.height() - editor.y() if parent is not None else needed
    editor.resize(editor.width(), max(cell_height, min(needed, room)))
