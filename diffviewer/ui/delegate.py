"""CellDelegate: paints one paragraph cell with QTextLayout (word highlights, badge, move link).

A cell is: an optional meta line (kind badge, "moved to row N" link, typographic mark) above the
paragraph text, word-wrapped to the column width. Layouts are cached per (row, column, width);
the font (zoom) and the colours clear the cache. ``estimate_height`` gives a cheap height from the
text length for rows never laid out; ``cell_height`` the exact one.
Double-click opens a read-only QPlainTextEdit over the cell so words can be selected and copied.
Imports: PySide6, diffviewer.core.model, diffviewer.ui.model/palette/unified.
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
    QLineF,
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
    QPen,
    QPixmap,
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
from diffviewer.ui.cells import CellInfo
from diffviewer.ui.folding import bar_text
from diffviewer.ui.model import ComparisonModel
from diffviewer.ui.unified import shown_offset
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
        self._line_numbers = False
        self._gutter = 0.0
        """Width of the file line-number gutter at each cell's left, 0 when off."""
        self._show_whitespace = False
        self.fold_bars: dict[int, int] = {}
        """Rows painted as fold bars (ui/folding.py) → the row after the run; set by the table."""
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
                ranges.append(_format_range(start, length, fmt))
            layout.setFormats(ranges)
        if marks:
            quiet = QTextCharFormat()
            quiet.setForeground(model.colours().dim_text)
            layout.setFormats(
                [*layout.formats(), *(_format_range(a, n, quiet) for a, n in runs(marks))]
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
            _hatch(painter, rect, colours.filler_hatch)
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
            ranges.append(_format_range(shown_start, shown_end - shown_start, fmt))
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


#: Spacing of the gap hatching in logical pixels: a tile made at the device pixel ratio, so it
#: scales with it (Qt's BDiagPattern brush is a fixed 8-device-pixel pattern that halves at 2×).
HATCH_STEP = 8


_HATCH_TILES: dict[tuple[int, float], QPixmap] = {}


def _hatch_tile(colour: QColor, ratio: float) -> QPixmap:
    """One HATCH_STEP-square tile of the pattern at ``ratio`` device pixels per pixel."""
    key = (colour.rgba(), ratio)
    tile = _HATCH_TILES.get(key)
    if tile is None:
        size = round(HATCH_STEP * ratio)
        tile = QPixmap(size, size)
        tile.setDevicePixelRatio(ratio)
        tile.fill(Qt.GlobalColor.transparent)
        painter = QPainter(tile)
        painter.setPen(QPen(colour, 1.0))
        step = float(HATCH_STEP)
        # "/" lines where x + y is a multiple of the step; drawn past the corners so they join.
        painter.drawLines(
            [
                QLineF(-1.0, step + 1.0, step + 1.0, -1.0),
                QLineF(-1.0, 1.0, 1.0, -1.0),
                QLineF(step - 1.0, step + 1.0, step + 1.0, step - 1.0),
            ]
        )
        painter.end()
        if len(_HATCH_TILES) > 16:
            _HATCH_TILES.clear()
        _HATCH_TILES[key] = tile
    return tile


def _hatch(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """Diagonal lines (/) across ``rect``, aligned to the painted surface so neighbours join
    up: a texture brush of a tile drawn at the device's pixel ratio (cheap to fill, and the
    same look at 1× and 2×)."""
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    painter.fillRect(rect, QBrush(_hatch_tile(colour, ratio)))


def _format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    span = QTextLayout.FormatRange()
    span.start = start
    span.length = length
    span.format = fmt
    return span
