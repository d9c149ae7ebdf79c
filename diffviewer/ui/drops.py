"""Accepting dropped files safely, and showing where they will land while dragging.

A drop of files only *reads* them, so the window and the version headers accept a drag with
Copy (or Link when that is all the source offers), never with the source's proposed Move: a file
manager that honours a Move deletes the user's file after the drop. ``DropHint`` is the
highlighted frame with a line of text the window shows while files are dragged over it.
Imports: PySide6 and ``ui.versions``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QDropEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from diffviewer.ui.versions import local_paths

_SAFE = (Qt.DropAction.CopyAction, Qt.DropAction.LinkAction)


def accept_files(event: QDropEvent) -> list[str]:
    """Accept ``event`` as Copy (else Link) when it carries local files; else ignore it.
    Returns the files (empty when ignored). Works for enter, move and drop events alike."""
    paths = local_paths(event.mimeData())
    if paths:
        for action in _SAFE:
            if event.possibleActions() & action:
                event.setDropAction(action)
                event.accept()
                return paths
    event.ignore()
    return []


class DropHint(QWidget):
    """A frame over ``target`` while files are dragged over it: "Drop to add …"."""

    def __init__(self, target: QWidget, text: str) -> None:
        super().__init__(target)
        self.setObjectName("drop_hint")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.text = text
        self._target = target
        target.installEventFilter(self)
        self.hide()

    def show_hint(self) -> None:
        self.setGeometry(self._target.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._target.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        highlight = self.palette().highlight().color()
        veil = QColor(highlight)
        veil.setAlpha(40)
        painter.fillRect(self.rect(), veil)
        painter.setPen(QPen(highlight, 3, Qt.PenStyle.DashLine))
        painter.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        painter.setFont(font)
        box = painter.fontMetrics().boundingRect(self.text).adjusted(-16, -10, 16, 10)
        box.moveCenter(self.rect().center())
        painter.fillRect(box, highlight)
        painter.setPen(self.palette().highlightedText().color())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text)
        painter.end()
