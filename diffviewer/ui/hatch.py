"""The diagonal hatching that fills a gap cell (a paragraph missing from one version).

A tile drawn at the device's pixel ratio, cached per colour and ratio, and filled as a texture
brush: the same look at 1× and 2×, and neighbouring cells' lines join up.
Imports: PySide6.QtCore/QtGui.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

#: Spacing of the gap hatching in logical pixels: a tile made at the device pixel ratio, so it
#: scales with it (Qt's BDiagPattern brush is a fixed 8-device-pixel pattern that halves at 2×).
HATCH_STEP = 8


_HATCH_TILES: dict[tuple[int, float], QPixmap] = {}


def hatch_tile(colour: QColor, ratio: float) -> QPixmap:
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


def hatch(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """Diagonal lines (/) across ``rect``, aligned to the painted surface so neighbours join
    up: a texture brush of a tile drawn at the device's pixel ratio (cheap to fill, and the
    same look at 1× and 2×)."""
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    painter.fillRect(rect, QBrush(hatch_tile(colour, ratio)))
