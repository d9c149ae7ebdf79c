"""PDF export and printing, both from the HTML export laid out by a ``QTextDocument``.

The PDF is rendered into memory (``QPdfWriter`` on a ``QBuffer``) and then written with
``export.write_atomic``: the destination holds the old file or the whole new one, never half.
Printing goes through ``QPrintDialog`` + ``QTextDocument.print_`` (QtPrintSupport ships in
PySide6-Essentials). ``QTextDocument`` understands a subset of CSS (no custom properties, media
queries or gradients): the HTML export's ``paper`` style gives it plain light colours.
Imports: PySide6 (QtCore, QtGui, QtPrintSupport, QtWidgets), ``core``, ``export``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from diffviewer import __version__
from diffviewer.core.model import Comparison
from diffviewer.export import write_atomic
from diffviewer.export.html import render_html

PDF_FORMAT = "pdf"
_MARGINS_MM = QMarginsF(15, 15, 15, 15)


def document_for(comparison: Comparison) -> QTextDocument:
    """The HTML export as a QTextDocument (what both PDF and print lay out)."""
    document = QTextDocument()
    document.setHtml(render_html(comparison, paper=True))
    return document


def _title(comparison: Comparison) -> str:
    return " ↔ ".join(version.name for version in comparison.versions)


def pdf_bytes(comparison: Comparison) -> bytes:
    """The comparison as a PDF document (A4, landscape: side-by-side columns need width)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(_title(comparison))
    writer.setCreator(f"diffviewer {__version__}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            _MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    document = document_for(comparison)
    # Lay the document out at the printable width in points so text wraps to the page.
    rect = writer.pageLayout().paintRectPoints()
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    del writer  # finishes the PDF (writes the trailer) into the buffer
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data())


def write_pdf(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the PDF atomically; raises ``ExportError`` naming the file."""
    write_atomic(path, pdf_bytes(comparison))


def print_comparison(comparison: Comparison, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(_title(comparison))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print comparison")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document_for(comparison).print_(printer)
    return True
