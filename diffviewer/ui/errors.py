"""Error messages and the unexpected-exception dialog.

``show_error`` gives a window-modal but non-blocking message (``QMessageBox.open``): the text
names the file and says what to do, and the window stays usable behind it. ``ExceptionHook``
replaces ``sys.excepthook`` and ``threading.excepthook``: an exception nobody caught (a bug)
opens :class:`ExceptionDialog` with the traceback in a details area and a Copy button, and the
app keeps running. A burst of exceptions fills one dialog instead of opening a storm of them.
Imports: PySide6 and the standard library.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diffviewer import __version__

log = logging.getLogger(__name__)

ISSUES_HINT = "Please report it with the details below. The window keeps working."


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """A non-blocking warning box (returned so tests can inspect and close it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def load_error_text(message: str) -> str:
    """The user's message for a failed load: what went wrong, then what to do."""
    return (
        f"{message}\n\nCheck the file, or choose another one with File › Open. "
        "The versions already open stay as they were."
    )


class ExceptionDialog(QDialog):
    """Shows uncaught exceptions: a short text, the traceback(s) in a copyable details area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exception_dialog")
        self.setWindowTitle("diffviewer: unexpected error")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("&Copy Details", self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self._count = 0

    def add(self, text: str) -> None:
        self._count += 1
        what = (
            "An unexpected error occurred"
            if self._count == 1
            else (f"{self._count} unexpected errors occurred")
        )
        self._label.setText(f"{what} (diffviewer {__version__}). {ISSUES_HINT}")
        separator = "\n" + "-" * 60 + "\n" if self.details.toPlainText() else ""
        self.details.appendPlainText(separator + text.rstrip())

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class ExceptionHook(QObject):
    """Routes uncaught exceptions (any thread) to one dialog on the GUI thread."""

    _raised = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._raised.connect(self._show)
        self.dialog: ExceptionDialog | None = None
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if sys.excepthook == self._sys_hook:
            sys.excepthook = self._previous_sys
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_threading

    def _sys_hook(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_sys(kind, value, tb)
            return
        self.report("".join(traceback.format_exception(kind, value, tb)))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        thread = args.thread.name if args.thread is not None else "?"
        self.report(f"In thread {thread}:\n{text}")

    def report(self, text: str) -> None:
        """Log and show ``text``; safe to call from any thread (the signal is queued)."""
        log.error("uncaught exception:\n%s", text)
        try:
            self._raised.emit(text)
        except RuntimeError:  # the hook object is gone (shutdown): stderr is all we have
            sys.stderr.write(text)

    @Slot(str)
    def _show(self, text: str) -> None:
        if self.dialog is None:
            parent = QApplication.activeWindow()
            self.dialog = ExceptionDialog(parent)
            self.dialog.finished.connect(self._forget)
        self.dialog.add(text)
        if not self.dialog.isVisible():
            self.dialog.open()

    @Slot()
    def _forget(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None


_HOOK: list[ExceptionHook] = []


def exception_hook() -> ExceptionHook:
    """The app's one ExceptionHook (created on first use; ``install()`` is the app's job)."""
    if not _HOOK:
        _HOOK.append(ExceptionHook(QApplication.instance()))
    return _HOOK[0]
