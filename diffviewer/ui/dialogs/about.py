"""Small Help dialogs (About, Keyboard Shortcuts) and the encoding menu of a version header.

All open non-blocking (``open()``/``popup()``), so a test or the event loop is never stuck in a
nested ``exec()``.
Imports: PySide6, ``ui.actions``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from diffviewer import __version__
from diffviewer.ui.actions import shortcut_table

#: What the encoding menu offers (Python codec names), with what each is for.
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "Unicode (UTF-8)"),
    ("utf-8-sig", "Unicode (UTF-8 with BOM)"),
    ("utf-16", "Unicode (UTF-16)"),
    ("cp1252", "Western (Windows-1252)"),
    ("latin-1", "Western (ISO-8859-1)"),
    ("iso-8859-15", "Western (ISO-8859-15)"),
    ("cp1250", "Central European (Windows-1250)"),
    ("cp1251", "Cyrillic (Windows-1251)"),
    ("koi8-r", "Cyrillic (KOI8-R)"),
    ("cp1253", "Greek (Windows-1253)"),
    ("cp1254", "Turkish (Windows-1254)"),
    ("shift_jis", "Japanese (Shift JIS)"),
    ("gb18030", "Chinese Simplified (GB18030)"),
    ("big5", "Chinese Traditional (Big5)"),
    ("euc-kr", "Korean (EUC-KR)"),
)


def encoding_menu(parent: QWidget, current: str | None) -> QMenu:
    """A menu of encodings; each action's data is a codec name, or None for "detect"."""
    menu = QMenu(parent)
    menu.setObjectName("encoding_menu")
    detect = menu.addAction("Detect Automatically")
    detect.setData(None)
    detect.setCheckable(True)
    detect.setChecked(current is None)
    menu.addSeparator()
    for codec, label in ENCODINGS:
        action = menu.addAction(f"{label}")
        action.setData(codec)
        action.setCheckable(True)
        action.setChecked(codec == current)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return menu


def about_box(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("about_box")
    box.setWindowTitle("About diffviewer")
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<h3>diffviewer {__version__}</h3>"
        "<p>Compare versions of a news article paragraph by paragraph: what was removed, "
        "inserted, edited or moved, and what kind of text it was.</p>"
        "<p>MIT licence. Built with Qt for Python.</p>"
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class ShortcutsDialog(QDialog):
    """Every action with a shortcut, from the action table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_table()
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(460, 520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
