"""CellDelegate: paints one paragraph cell with QTextLayout (word highlights, badge, move link).

A cell is: an optional meta line (kind badge, "moved to row N" link, typographic mark) above the
paragraph text, word-wrapped to the column width. Layouts are cached per (row, column, width);
the font (zoom) and the colours clear the cache. ``estimate_height`` gives a cheap height from the
text length for rows never laid out; ``cell_height`` the exact one.
Double-click opens a read-only QPlainTextEdit over the cell so words can be selected and copied.
Imports: PySide6, diffviewer.core.model, diffviewer.ui.model, diffviewer.ui.palette.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
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
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QFrame,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from diffviewer.core.model import OpTag
from diffviewer.ui.model import CellInfo, ComparisonModel

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


class CellDelegate(QStyledItemDelegate):
    """Paints cells of a ComparisonModel; emits ``link_activated(row)`` for move links."""

    link_activated = Signal(int)
    _CACHE_LIMIT = 3000

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._font = QFont()
        self.grid = 1
        """Pixels of grid line the table takes from each cell's right and bottom edges: cells
        are measured by column width and painted in a rect that much smaller; both must wrap
        the text at the same width."""
        self._cache: OrderedDict[tuple[int, int, int], _Layout] = OrderedDict()
        self._find_text = ""
        self._find_case = False
        self._find_current: tuple[int, int, int] | None = None
        self._update_metrics()

    # -------------------------------------------------------------- settings
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

    def clear_cache(self) -> None:
        self._cache.clear()

    def set_find(
        self, text: str, case_sensitive: bool, current: tuple[int, int, int] | None
    ) -> None:
        """Highlight every match of ``text``; ``current`` is the (row, column, start) found."""
        self._find_text = text
        self._find_case = case_sensitive
        self._find_current = current

    # --------------------------------------------------------------- heights
    def estimate_height(self, length: int, has_meta: bool, width: int) -> int:
        """A cheap guess of a cell's height from its text length and the column width."""
        return self.estimator(width)(length, has_meta)

    def estimator(self, width: int) -> Callable[[int, bool], int]:
        """``estimate_height`` for one column width, its constants worked out once."""
        per_line = max(1.0, max(8.0, width - self.grid - 2 * PAD_X) / self._char_width)
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
        text = info.text.replace("\r\n", "\n").replace("\n", _LINE_SEPARATOR)
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
                ranges.append(_format_range(start, length, fmt))
            layout.setFormats(ranges)
        line_width = max(8.0, width - self.grid - 2 * PAD_X)
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
        has_meta = bool(info.badge or info.move_link or (info.typographic and not info.quiet))
        link_span = None
        if info.move_link is not None:
            start = PAD_X + (self._badge_width(info.badge) + 6 if info.badge else 0)
            link_span = (start, start + self._meta_metrics.horizontalAdvance(info.move_link[0]))
        return _Layout(
            layout, max(y, self._line_height), self._meta_height if has_meta else 0.0, link_span
        )

    def _badge_width(self, badge: str | None) -> float:
        return self._meta_metrics.horizontalAdvance(badge or "") + 10

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
        info = model.cell(index.row(), index.column())
        painter.save()
        painter.setClipRect(rect)
        if info.text is None:
            painter.fillRect(rect, colours.filler)
            painter.fillRect(rect, QBrush(colours.filler_hatch, Qt.BrushStyle.BDiagPattern))
        else:
            painter.fillRect(rect, model.data(index, Qt.ItemDataRole.BackgroundRole))
        if state & QStyle.StateFlag.State_Selected:
            # A light veil and a band above and below: the status colour stays recognisable
            # (a strong veil turned a removal's red into something like the moved purple).
            highlight = QColor(option.palette.highlight().color())  # type: ignore[attr-defined]
            veil = QColor(highlight)
            veil.setAlpha(40)
            painter.fillRect(rect, veil)
            painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), 2), highlight)
            painter.fillRect(QRect(rect.left(), rect.bottom() - 1, rect.width(), 2), highlight)
        if info.text is not None:
            layout = self._layout(model, index.row(), index.column(), rect.width() + self.grid)
            self._paint_meta(painter, rect, info, colours)
            painter.setPen(colours.dim_text if info.quiet else colours.text)
            assert layout.text is not None
            origin = QPointF(rect.left() + PAD_X, rect.top() + PAD_Y + layout.meta_height)
            layout.text.draw(
                painter, origin, self._find_ranges(info.text, index.row(), index.column(), colours)
            )
        painter.restore()

    def _paint_meta(self, painter: QPainter, rect: QRect, info: CellInfo, colours: Any) -> None:
        x = rect.left() + PAD_X
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
        if info.typographic and not info.quiet:
            painter.setPen(colours.dim_text)
            painter.drawText(QPointF(x, top + self._meta_metrics.ascent()), "≈ typographic")
        painter.setFont(self._font)

    def _find_ranges(
        self, text: str, row: int, column: int, colours: Any
    ) -> list[QTextLayout.FormatRange]:
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
            ranges.append(_format_range(start, len(needle), fmt))
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
        editor.setGeometry(option.rect)  # type: ignore[attr-defined]


def _format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    span = QTextLayout.FormatRange()
    span.start = start
    span.length = length
    span.format = fmt
    return span
