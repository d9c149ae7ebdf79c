"""OverviewStrip: a thin map of the whole comparison beside the scroll bar.

One mark per visible change, in its colour, at the change's place in the document; the visible
area is outlined; a click (or drag) asks the view to jump there. The strip knows nothing of the
table: the view gives it (start, height) of each mark and of the visible area, in document
pixels, and the document's total height.
Imports: PySide6.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget


class OverviewStrip(QWidget):
    """A vertical strip of change marks; ``jump_requested(fraction)`` on click, 0 = top."""

    jump_requested = Signal(float)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._marks: list[tuple[float, float, QColor]] = []
        self._length = 1.0
        self._visible = (0.0, 0.0)
        self.setToolTip("Overview: every change in the comparison; click to jump")
        self.setFixedWidth(14)

    def sizeHint(self) -> QSize:
        return QSize(14, 100)

    def set_marks(self, marks: list[tuple[float, float, QColor]], length: float) -> None:
        """Marks as (document y, height, colour); ``length`` is the document height."""
        self._marks = marks
        self._length = max(1.0, length)
        self.update()

    def set_visible_area(self, top: float, height: float) -> None:
        if (top, height) != self._visible:
            self._visible = (top, height)
            self.update()

    def marks(self) -> list[tuple[float, float, QColor]]:
        return list(self._marks)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        scale = (self.height() - 2) / self._length
        width = self.width() - 4
        for y, height, colour in self._marks:
            painter.fillRect(QRectF(2, 1 + y * scale, width, max(2.0, height * scale)), colour)
        top, height = self._visible
        outline = QColor(palette.color(QPalette.ColorRole.WindowText))
        outline.setAlpha(160)
        painter.setPen(outline)
        fill = QColor(outline)
        fill.setAlpha(30)
        painter.setBrush(fill)
        area = QRectF(0.5, 1 + top * scale, self.width() - 1.0, max(4.0, height * scale))
        painter.drawRect(area)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event)

    def _jump(self, event: QMouseEvent) -> None:
        fraction = (event.position().y() - 1) / max(1.0, self.height() - 2)
        self.jump_requested.emit(min(1.0, max(0.0, fraction)))
        event.accept()
