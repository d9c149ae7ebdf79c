"""The legend under the comparison view: a line of colour swatches with their labels.

The swatches are the status colours' pale tints, each outlined a shade away from its tint so it
shows on a light or a dark palette.
Imports: PySide6 and diffviewer.ui.palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from diffviewer.ui.palette import is_dark


class Legend(QWidget):
    """A line of colour swatches with their labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 0, 4, 2)
        self._layout.setSpacing(10)

    def set_items(self, items: list[tuple[str, QColor]]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        dark = is_dark(self.palette())
        for label, colour in items:
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            # The swatches are pale tints: a border a shade away from the tint outlines them.
            edge = colour.lighter(170) if dark else colour.darker(135)
            swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid {edge.name()};")
            self._layout.addWidget(swatch)
            self._layout.addWidget(QLabel(label, self))
        self._layout.addStretch(1)
