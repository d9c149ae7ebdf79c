"""File › Export Summary…: choose a format and a file, then write it atomically.

The formats are ``export.FORMATS`` (text, Markdown, HTML, JSON, CSV) plus PDF from ``ui.pdf``.
A failed export (``ExportError``: the message names the file and the OS reason) shows a message
and leaves the dialog open so the user can pick another place; the old file is untouched. An
existing file is replaced only after the user confirms (as every desktop app asks); the
``exported`` signal tells the window where the file went (it offers to open it or its folder).
Imports: PySide6, ``core``, ``export``, ``ui.pdf``, ``ui.errors``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from diffviewer.core.errors import ExportError
from diffviewer.core.model import Comparison
from diffviewer.export import FORMATS, write
from diffviewer.ui.errors import show_error
from diffviewer.ui.pdf import PDF_FORMAT, write_pdf


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    suffix: str
    description: str


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    *(ExportFormat(f.name, f.suffix, f.description) for f in FORMATS.values()),
    ExportFormat(PDF_FORMAT, ".pdf", "PDF document"),
)


def export_comparison(comparison: Comparison, fmt: str, path: str | os.PathLike[str]) -> None:
    """Write ``comparison`` as ``fmt`` to ``path`` atomically; raises ExportError."""
    if fmt == PDF_FORMAT:
        write_pdf(comparison, path)
    elif fmt in FORMATS:
        write(comparison, fmt, path)
    else:
        raise ExportError(f"{path}: unknown export format {fmt!r}")


def default_export_path(comparison: Comparison, suffix: str) -> str:
    """Beside the first version: ``article-v1-comparison.html``."""
    first = comparison.versions[0]
    folder = Path(first.path).parent if first.path else Path.home()
    stem = Path(first.name).stem or "comparison"
    return str(folder / f"{stem}-comparison{suffix}")


class ExportDialog(QDialog):
    exported = Signal(str)
    """The path written, once the export succeeded."""

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export Summary")
        self.comparison = comparison
        self.format_box = QComboBox(self)
        for fmt in EXPORT_FORMATS:
            self.format_box.addItem(f"{fmt.description} ({fmt.suffix})", fmt.name)
        self.format_box.setCurrentIndex(self._index_of("html"))
        self.path_edit = QLineEdit(default_export_path(comparison, ".html"), self)
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Format:", self.format_box)
        # A row given a layout gets no buddy from addRow: the label needs one for its Alt key.
        save_to = QLabel("&Save to:", self)
        save_to.setBuddy(self.path_edit)
        form.addRow(save_to, path_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setLayout(form)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textEdited.connect(self._path_edited)
        self.resize(560, self.sizeHint().height())
        self.written: str | None = None

    def _index_of(self, name: str) -> int:
        return next(i for i, fmt in enumerate(EXPORT_FORMATS) if fmt.name == name)

    def selected_format(self) -> ExportFormat:
        return EXPORT_FORMATS[self.format_box.currentIndex()]

    def set_format(self, name: str) -> None:
        self.format_box.setCurrentIndex(self._index_of(name))

    def _format_changed(self) -> None:
        """Keep the file name's suffix in step with the format."""
        path = self.path_edit.text().strip()
        if path:
            known = {fmt.suffix for fmt in EXPORT_FORMATS}
            base, suffix = os.path.splitext(path)
            self.path_edit.setText(
                (base if suffix.lower() in known else path) + self.selected_format().suffix
            )

    def _path_edited(self, text: str) -> None:
        """A typed name whose suffix names a format ("notes.md") picks that format."""
        suffix = os.path.splitext(text.strip())[1].lower()
        for i, fmt in enumerate(EXPORT_FORMATS):
            if fmt.suffix == suffix and i != self.format_box.currentIndex():
                # Blocked: the typed name stays as typed (no suffix swap).
                self.format_box.blockSignals(True)
                self.format_box.setCurrentIndex(i)
                self.format_box.blockSignals(False)

    def browse(self) -> None:
        fmt = self.selected_format()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            "Export Summary",
            self.path_edit.text(),
            f"{fmt.description} (*{fmt.suffix})",
            # Save asks before replacing a file (also a typed path): not twice.
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path_edit.setText(path)
            self._path_edited(path)

    def accept(self) -> None:
        path = os.path.expanduser(self.path_edit.text().strip())
        if not path:
            show_error(self, "Export", "Choose a file to export to.")
            return
        if os.path.exists(path):
            self._confirm_replace(path)
            return
        self._write(path)

    def _confirm_replace(self, path: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Replace file?",
            f"“{os.path.basename(path)}” already exists in {os.path.dirname(path) or '.'}."
            "\n\nReplace it with this export?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("replace_box")
        replace = box.addButton("&Replace", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            confirmed = box.clickedButton() is replace
            box.hide()
            box.deleteLater()
            if confirmed:
                self._write(path)

        box.finished.connect(answered)
        box.open()

    def _write(self, path: str) -> None:
        try:
            export_comparison(self.comparison, self.selected_format().name, path)
        except ExportError as error:
            show_error(
                self,
                "Export failed",
                f"{error}\n\nChoose another folder or file name; nothing was overwritten.",
            )
            return
        self.written = path
        self.exported.emit(path)
        super().accept()
