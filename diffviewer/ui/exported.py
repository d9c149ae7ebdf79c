"""The status bar's word after an export: where the file went, with links to open it or its folder.

Exporting is quiet otherwise: the dialog closes and nothing says the file exists. The notice
stays until the next export or ``NOTICE_MS``; its links open the file (the HTML report in the
browser, the PDF in a viewer) or the folder holding it, through the desktop's handlers.
Imports: PySide6 and the standard library.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget

NOTICE_MS = 60_000


class ExportNotice(QLabel):
    """ "Exported report.html · Open · Show folder" in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_notice")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.path = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTICE_MS)
        self._timer.timeout.connect(self.hide)
        self.linkActivated.connect(self.open_link)
        self.hide()

    def show_path(self, path: str) -> None:
        self.path = os.path.abspath(path)
        name = html.escape(os.path.basename(self.path))
        self.setToolTip(self.path)
        self.setText(
            f"Exported {name} · <a href='file'>Open</a> · <a href='folder'>Show folder</a>"
        )
        self.show()
        self._timer.start()

    def open_link(self, link: str) -> bool:
        """Open the exported file ("file") or its folder ("folder") with the desktop."""
        target = self.path if link == "file" else os.path.dirname(self.path)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(target))
