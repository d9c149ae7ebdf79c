"""Icons drawn in the palette's own text colour, so they read on light, dark and high-contrast
themes alike.

The Previous/Next Change arrows used the style's fallback icons where the icon theme has no
go-up/go-down (Windows, macOS, bare X11): dark grey pixmaps, 1.39:1 on a dark Fusion palette and
1.08:1 on high contrast, i.e. invisible. ``PaletteIcons`` paints them as solid arrows in the
window's ``ButtonText`` colour and paints them again when the palette changes.
Imports: PySide6 only.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

_SIZES = (16, 22, 24, 32, 48)


def arrow_icon(up: bool, colour: QColor) -> QIcon:
    """A solid chevron-like arrow pointing up or down, in ``colour`` (disabled: half alpha)."""
    icon = QIcon()
    for size in _SIZES:
        for mode, alpha in ((QIcon.Mode.Normal, 255), (QIcon.Mode.Disabled, 110)):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            fill = QColor(colour)
            fill.setAlpha(alpha)
            painter.setBrush(fill)
            s = float(size)
            tip, base = (0.2 * s, 0.72 * s) if up else (0.8 * s, 0.28 * s)
            painter.drawPolygon(
                QPolygonF([QPointF(0.5 * s, tip), QPointF(0.12 * s, base), QPointF(0.88 * s, base)])
            )
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


class PaletteIcons(QObject):
    """Keeps the navigation arrows of ``window`` painted in its palette's button text colour."""

    def __init__(self, window: QWidget, up: Iterable[QAction], down: Iterable[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._up = list(up)
        self._down = list(down)
        window.installEventFilter(self)
        self.repaint()

    def repaint(self) -> None:
        colour = self._window.palette().color(QPalette.ColorRole.ButtonText)
        for actions, up in ((self._up, True), (self._down, False)):
            icon = arrow_icon(up, colour)
            for action in actions:
                action.setIcon(icon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.PaletteChange:
            self.repaint()
        return False
