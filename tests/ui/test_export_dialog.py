"""Export from the window: every format, PDF through Qt, the dialog, failures, printing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from diffviewer.core.compare import compare_files
from diffviewer.core.errors import ExportError
from diffviewer.core.model import Comparison
from diffviewer.ui import pdf
from diffviewer.ui.dialogs.export import EXPORT_FORMATS, ExportDialog, export_comparison
from tests.ui.shell_helpers import message_boxes


@pytest.fixture(scope="module")
def seed_comparison() -> Comparison:
    from diffviewer.assets import example_paths

    return compare_files(example_paths())


STARTS = {
    "html": lambda data: data.lstrip().lower().startswith(b"<!doctype html"),
    "md": lambda data: data.lstrip().startswith(b"#"),
    "text": lambda data: data.startswith(b"diffviewer comparison\n\n5 paragraphs removed"),
    "json": lambda data: json.loads(data)["schema"] == 1,
    "csv": lambda data: data.startswith("\ufefftype,kind,rule".encode()),
    "pdf": lambda data: data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"),
}


@pytest.mark.parametrize("fmt", [f.name for f in EXPORT_FORMATS])
def test_each_format_is_written_and_starts_right(
    qapp, seed_comparison: Comparison, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    """html, md, text, json, csv and pdf files exist and begin as their format does."""
    suffix = next(f.suffix for f in EXPORT_FORMATS if f.name == fmt)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / f"report{suffix}"
    export_comparison(seed_comparison, fmt, path)
    assert STARTS[fmt](path.read_bytes())
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temp file left


def test_pdf_holds_the_article_text(qapp, seed_comparison: Comparison) -> None:  # type: ignore[no-untyped-def]
    """The PDF is a real document of a few pages, titled after the versions."""
    data = pdf.pdf_bytes(seed_comparison)
    assert data.startswith(b"%PDF-")
    assert b"/Type /Page" in data
    assert len(data) > 5000


def test_failed_export_keeps_the_dialog_open_with_a_message(
    qtbot, seed_comparison: Comparison, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A path under a regular file cannot be written: message names it, dialog stays."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    dialog = ExportDialog(seed_comparison)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(blocker / "report.html"))
    dialog.open()
    dialog.accept()
    boxes = message_boxes(dialog)
    assert boxes and "report.html" in boxes[0].text()
    assert dialog.isVisible()
    assert dialog.written is None


def test_dialog_writes_the_chosen_format_and_suffix_follows(
    qtbot, seed_comparison: Comparison, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Choosing a format swaps the suffix; Save writes the file and closes."""
    dialog = ExportDialog(seed_comparison)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "summary.html"))
    dialog.set_format("md")
    assert dialog.path_edit.text().endswith("summary.md")
    dialog.set_format("pdf")
    assert dialog.path_edit.text().endswith("summary.pdf")
    dialog.open()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_format_is_an_export_error(seed_comparison: Comparison, tmp_path: Path) -> None:
    """A format outside the table raises ExportError naming the file."""
    with pytest.raises(ExportError, match=r"x\.doc"):
        export_comparison(seed_comparison, "doc", tmp_path / "x.doc")


def test_print_goes_through_the_print_dialog(
    qapp, seed_comparison: Comparison, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Print: a QPrintDialog; accepted, the document prints (to a PDF file here)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "printed.pdf"

    def accept_to_file(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept_to_file)
    assert pdf.print_comparison(seed_comparison) is True
    assert target.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    assert pdf.print_comparison(seed_comparison) is False


def _replace_box(dialog: ExportDialog):  # type: ignore[no-untyped-def]
    boxes = [box for box in message_boxes(dialog) if box.objectName() == "replace_box"]
    return boxes[0] if boxes else None


def test_existing_file_is_replaced_only_after_confirming(
    qtbot, seed_comparison: Comparison, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Typed path + Enter onto an existing file asks first; Cancel keeps the old file, Replace
    writes the export."""
    from PySide6.QtWidgets import QMessageBox

    target = tmp_path / "summary.html"
    target.write_text("precious", "utf-8")
    dialog = ExportDialog(seed_comparison)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    dialog.open()
    dialog.accept()
    box = _replace_box(dialog)
    assert box is not None and "summary.html" in box.text() and "Replace" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert target.read_text("utf-8") == "precious"
    assert dialog.isVisible() and dialog.written is None
    dialog.accept()
    box = _replace_box(dialog)
    assert box is not None
    replace = next(b for b in box.buttons() if b.text().replace("&", "") == "Replace")
    with qtbot.waitSignal(dialog.exported, timeout=5000) as exported:
        replace.click()
    assert exported.args == [str(target)]
    assert target.read_text("utf-8").lstrip().lower().startswith("<!doctype html")


def test_window_confirms_a_finished_export_with_links(
    qtbot, window, seed_paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """After Save the status bar names the file and opens it or its folder on request."""
    from PySide6.QtGui import QDesktopServices

    from diffviewer.ui.exported import ExportNotice
    from tests.ui.shell_helpers import compared

    compared(qtbot, window, seed_paths)
    window.export_dialog()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.path_edit.setText(str(tmp_path / "report.html"))
    dialog.accept()
    notice = window.statusBar().findChild(ExportNotice)
    assert notice is not None and notice.isVisible()
    assert "report.html" in notice.text()
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    notice.linkActivated.emit("file")
    notice.linkActivated.emit("folder")
    assert opened == [str(tmp_path / "report.html"), str(tmp_path)]


@pytest.mark.parametrize(
    ("name", "fmt"), [("notes.md", "md"), ("notes.txt", "text"), ("r.PDF", "pdf")]
)
def test_a_typed_file_name_picks_its_format(
    qtbot, seed_comparison: Comparison, tmp_path: Path, name: str, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    """Typing "notes.md" in Save to writes Markdown, not the HTML the box still showed."""
    dialog = ExportDialog(seed_comparison)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / name))
    assert dialog.selected_format().name == fmt
    assert dialog.path_edit.text() == str(tmp_path / name)  # the typed name is kept as typed
    dialog.accept()
    assert STARTS[fmt]((tmp_path / name).read_bytes())
