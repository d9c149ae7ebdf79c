"""Uncaught exceptions open one copyable dialog and the app keeps running."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from diffviewer.ui.errors import ExceptionHook


@pytest.fixture
def hook(qtbot) -> Iterator[ExceptionHook]:  # type: ignore[no-untyped-def]
    """Our hook in place of pytest-qt's for the test (restored afterwards)."""
    installed = ExceptionHook()
    installed.install()
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()  # finished → the hook forgets and deletes it
    qtbot.wait(1)


def _boom() -> None:
    raise RuntimeError("bug inside a slot")


def test_exception_in_a_slot_opens_the_dialog(qtbot, hook: ExceptionHook) -> None:  # type: ignore[no-untyped-def]
    """A slot that raises: the dialog shows the traceback; the event loop carries on."""
    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible(), timeout=5000)
    assert hook.dialog is not None
    details = hook.dialog.details.toPlainText()
    assert "RuntimeError: bug inside a slot" in details
    assert "_boom" in details
    later: list[bool] = []
    QTimer.singleShot(0, lambda: later.append(True))
    qtbot.waitUntil(lambda: later == [True], timeout=2000)


def test_exceptions_in_a_burst_share_one_dialog(qtbot, hook: ExceptionHook) -> None:  # type: ignore[no-untyped-def]
    """Three errors: one dialog listing three tracebacks, not three dialogs."""
    for _ in range(3):
        QTimer.singleShot(0, _boom)
    qtbot.waitUntil(
        lambda: (
            hook.dialog is not None
            and hook.dialog.details.toPlainText().count("RuntimeError: bug inside a slot") == 3
        ),
        timeout=5000,
    )
    assert hook.dialog is not None
    assert "3 unexpected errors" in hook.dialog._label.text()


def test_exception_in_a_thread_reaches_the_dialog(qtbot, hook: ExceptionHook) -> None:  # type: ignore[no-untyped-def]
    """threading.excepthook routes to the GUI thread through a queued signal."""
    thread = threading.Thread(target=_boom, name="loader")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: hook.dialog is not None, timeout=5000)
    assert hook.dialog is not None
    assert "In thread loader" in hook.dialog.details.toPlainText()


def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot, hook: ExceptionHook) -> None:  # type: ignore[no-untyped-def]
    """The Copy button copies what the details area shows."""
    hook.report("Traceback: something")
    qtbot.waitUntil(lambda: hook.dialog is not None, timeout=5000)
    assert hook.dialog is not None
    hook.dialog.copy_details()
    assert QGuiApplication.clipboard().text() == "Traceback: something"


def test_uninstall_restores_the_previous_hooks(hook: ExceptionHook) -> None:
    """After uninstall sys/threading hooks are what they were."""
    assert sys.excepthook == hook._sys_hook
    previous = hook._previous_sys
    hook.uninstall()
    assert sys.excepthook is previous
    assert threading.excepthook is hook._previous_threading
