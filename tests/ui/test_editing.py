"""Acting on a comparison: copy a paragraph across, edit a cell, undo, save, and the questions
asked before anything is lost or overwritten."""

from __future__ import annotations

import codecs
import os
import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from diffviewer.core.model import ChangeType
from diffviewer.ui import save_commands, saving
from diffviewer.ui.mainwindow import MainWindow
from tests.ui.shell_helpers import compared, message_boxes

Button = QMessageBox.StandardButton

HEAD = "Minister’s visit – café talks"
KEPT = "Kept paragraph about the café’s owner."
DROPPED = "Dropped teaser: read more – sign up."
LAST = "The last paragraph of the article says goodbye to the café."


EDITED = "The last paragraph of the article – edited – says farewell to the café."


def crlf(*paragraphs: str) -> str:
    return "\r\n\r\n".join(paragraphs) + "\r\n"


@pytest.fixture
def cp1252_pair(tmp_path: Path) -> tuple[Path, Path]:
    """v1 and v2 in cp1252 with CRLF; v2 lost the teaser paragraph."""
    old, new = tmp_path / "raw.txt", tmp_path / "clean.txt"
    old.write_bytes(crlf(HEAD, KEPT, DROPPED, LAST).encode("cp1252"))
    new.write_bytes(crlf(HEAD, KEPT, LAST).encode("cp1252"))
    return old, new


class Answers:
    """Stands in for the question boxes: records each question, gives the next answer (then
    Discard or Cancel: the window closes after the test without a question)."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.replies: list[Button] = []

    def __call__(self, parent, title, text, buttons, default, labels=None):  # type: ignore[no-untyped-def]
        self.questions.append(f"{title}: {text}")
        if self.replies:
            return self.replies.pop(0)
        return Button.Discard if Button.Discard in buttons else Button.Cancel


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    recorder = Answers()
    monkeypatch.setattr(saving, "ask", recorder)
    return recorder


def removed_row(window: MainWindow) -> int:
    comparison = window.comparison()
    assert comparison is not None
    (change,) = [c for c in comparison.changes if c.type is ChangeType.REMOVED]
    return change.rows[0]


def step(qtbot, window: MainWindow, action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` and wait for the comparison it causes."""
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        action()


def type_into_cell(qtbot, window: MainWindow, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select the cell, press Enter, replace its text, keep it with Ctrl+Enter."""
    table = window.view.table()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = table.findChild(QPlainTextEdit, "paragraph_editor")
    assert editor is not None and editor.isVisible() and not editor.isReadOnly()
    editor.setPlainText(text)
    step(
        qtbot,
        window,
        lambda: qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    )


def test_copy_edit_save_round_trip_in_cp1252_with_crlf(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair, answers
) -> None:
    """Restore the dropped teaser, edit the last paragraph, save: the file holds exactly the
    expected text, still cp1252 with CRLF; reopened, nothing differs but the edit."""
    old, new = cp1252_pair
    compared(qtbot, window, [old, new])
    table = window.view.table()
    row = removed_row(window)
    table.setCurrentIndex(table.model().index(row, 0))
    step(qtbot, window, window.acts["edit_copy_right"].trigger)
    comparison = window.comparison()
    assert comparison is not None and not comparison.changes  # restored: nothing differs
    assert "●" in window.windowTitle() and "clean.txt" in window.windowTitle()
    header = table.model().headerData(1, Qt.Orientation.Horizontal)
    assert header.startswith("clean.txt ●")
    assert new.read_bytes() == crlf(HEAD, KEPT, LAST).encode("cp1252")  # not written yet

    last_row = len(comparison.rows) - 1
    type_into_cell(qtbot, window, last_row, 1, EDITED)
    comparison = window.comparison()
    assert comparison is not None
    assert [c.type for c in comparison.changes] == [ChangeType.CHANGED]

    assert window.acts["file_save"].isEnabled()
    window.acts["file_save"].trigger()
    expected = crlf(HEAD, KEPT, DROPPED, EDITED)
    assert new.read_bytes() == expected.encode("cp1252")
    assert old.read_bytes() == crlf(HEAD, KEPT, DROPPED, LAST).encode("cp1252")
    assert "●" not in window.windowTitle()
    assert not answers.questions

    compared(qtbot, window, [old, new])
    reopened = window.comparison()
    assert reopened is not None
    assert [c.type for c in reopened.changes] == [ChangeType.CHANGED]
    assert reopened.versions[1].encoding == "cp1252"


def test_utf8_with_bom_keeps_its_bom(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_bytes(codecs.BOM_UTF8 + "Zoë said.\n\nA line gone.\n\nEnd.\n".encode())
    new.write_bytes(codecs.BOM_UTF8 + "Zoë said.\n\nEnd.\n".encode())
    compared(qtbot, window, [old, new])
    window.view.table().setCurrentIndex(window.view.table().model().index(1, 0))
    step(qtbot, window, window.acts["edit_copy_right"].trigger)
    window.acts["file_save"].trigger()
    assert new.read_bytes() == old.read_bytes()


def test_undo_and_redo_follow_copies_and_edits(qtbot, window: MainWindow, cp1252_pair) -> None:  # type: ignore[no-untyped-def]
    """Each step is undone and redone; the changes and the modified mark follow."""
    compared(qtbot, window, cp1252_pair)
    table = window.view.table()
    assert not window.acts["edit_undo"].isEnabled()
    table.setCurrentIndex(table.model().index(removed_row(window), 0))
    step(qtbot, window, window.acts["edit_copy_right"].trigger)
    type_into_cell(qtbot, window, 0, 1, HEAD + " today")
    assert [c.type for c in window.comparison().changes] == [ChangeType.CHANGED]  # type: ignore[union-attr]
    assert "Undo Edit paragraph 1 of clean.txt" in window.acts["edit_undo"].text()

    step(qtbot, window, window.acts["edit_undo"].trigger)
    assert not window.comparison().changes  # type: ignore[union-attr]
    step(qtbot, window, window.acts["edit_undo"].trigger)
    assert [c.type for c in window.comparison().changes] == [ChangeType.REMOVED]  # type: ignore[union-attr]
    assert "●" not in window.windowTitle()  # back to the text on disk
    assert not window.acts["edit_undo"].isEnabled()
    step(qtbot, window, window.acts["edit_redo"].trigger)
    step(qtbot, window, window.acts["edit_redo"].trigger)
    assert window.comparison().paragraph(1, 0).text == HEAD + " today"  # type: ignore[union-attr]
    assert "●" in window.windowTitle()


def test_esc_cancels_an_edit(qtbot, window: MainWindow, cp1252_pair) -> None:  # type: ignore[no-untyped-def]
    compared(qtbot, window, cp1252_pair)
    table = window.view.table()
    table.setCurrentIndex(table.model().index(0, 1))
    window.acts["edit_paragraph"].trigger()
    editor = table.findChild(QPlainTextEdit, "paragraph_editor")
    assert editor is not None
    editor.setPlainText("Something else")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not window.editing.waiting()
    assert not window.acts["edit_undo"].isEnabled()
    assert window.comparison().paragraph(1, 0).text == HEAD  # type: ignore[union-attr]


def test_copy_to_any_version_from_the_cell_menu(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Three versions: the cell menu offers v2 and v3; copying v1's paragraph into v3 puts it
    at its place there."""
    paths = []
    for n, text in enumerate(["One.\n\nTwo.\n\nThree.\n", "One.\n\nThree.\n", "One.\n\nThree.\n"]):
        paths.append(tmp_path / f"v{n + 1}.txt")
        paths[-1].write_text(text)
    compared(qtbot, window, paths)
    menu = window.editing.cell_menu(1, 0)
    assert menu is not None
    texts = [action.text() for action in menu.actions()]
    assert "Copy to v2 (v2.txt)" in texts and "Copy to v3 (v3.txt)" in texts
    to_v3 = next(a for a in menu.actions() if a.text().startswith("Copy to v3"))
    step(qtbot, window, to_v3.trigger)
    window.acts["file_save"].trigger()
    assert paths[2].read_text() == "One.\n\nTwo.\n\nThree.\n"
    assert paths[1].read_text() == "One.\n\nThree.\n"


def test_a_file_changed_on_disk_is_not_overwritten(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair, answers
) -> None:
    """Saving over a file that changed since it was read asks; Cancel leaves it alone."""
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, "Edited headline")
    outside = b"Someone else's version\r\n"
    cp1252_pair[1].write_bytes(outside)
    answers.replies = [Button.Cancel]
    assert not window.editing.save()
    assert "changed on disk since it was read" in answers.questions[0]
    assert cp1252_pair[1].read_bytes() == outside
    assert "●" in window.windowTitle()


def test_text_the_encoding_cannot_hold_asks_before_utf8(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair, answers
) -> None:
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, "Checked ✓")
    answers.replies = [Button.Cancel]
    assert not window.editing.save()
    assert "cp1252, which cannot hold '✓' (U+2713, line 1)" in answers.questions[0]
    assert cp1252_pair[1].read_bytes() == crlf(HEAD, KEPT, LAST).encode("cp1252")
    answers.replies = [Button.Save]
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        assert window.editing.save()
    assert cp1252_pair[1].read_bytes() == crlf("Checked ✓", KEPT, LAST).encode("utf-8")
    assert window.comparison().versions[1].encoding == "utf-8"  # type: ignore[union-attr]


@contextmanager
def file_size_limit() -> Iterator[None]:
    """Writes beyond 16 bytes fail with EFBIG ("File too large"), as on a full disk; even
    root cannot write past it. Only inside the ``with``: the limit covers the whole process,
    so pytest writing its own report to a file must not run under it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_failed_save_leaves_the_old_file_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair
) -> None:
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, "Edited headline")
    with file_size_limit():
        saved = window.editing.save()
    assert not saved
    boxes = message_boxes(window)
    assert boxes and "File too large" in boxes[0].text()
    assert "clean.txt on disk was not changed" in boxes[0].text()
    assert cp1252_pair[1].read_bytes() == crlf(HEAD, KEPT, LAST).encode("cp1252")
    assert [p.name for p in cp1252_pair[1].parent.iterdir() if p.name.endswith(".tmp")] == []
    assert "●" in window.windowTitle()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_refuses_the_save(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair
) -> None:
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, "Edited headline")
    folder = cp1252_pair[1].parent
    folder.chmod(0o555)
    try:
        assert not window.editing.save()
    finally:
        folder.chmod(0o755)
    boxes = message_boxes(window)
    assert boxes and "Permission denied" in boxes[0].text()
    assert cp1252_pair[1].read_bytes() == crlf(HEAD, KEPT, LAST).encode("cp1252")


def test_closing_with_unsaved_edits_asks(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair, answers
) -> None:
    """Cancel keeps the window open; Discard closes it and writes nothing."""
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, "Edited headline")
    answers.replies = [Button.Cancel]
    assert not window.close()
    assert window.isVisible()
    assert "clean.txt has unsaved edits" in answers.questions[0]
    answers.replies = [Button.Discard]
    assert window.close()
    assert cp1252_pair[1].read_bytes() == crlf(HEAD, KEPT, LAST).encode("cp1252")


def test_reload_with_unsaved_edits_asks_and_save_writes(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair, answers
) -> None:
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, "Edited headline")
    answers.replies = [Button.Save]
    step(qtbot, window, window.acts["file_reload"].trigger)
    assert cp1252_pair[1].read_bytes() == crlf("Edited headline", KEPT, LAST).encode("cp1252")
    assert not window.message_bar.isVisible() or "changed on disk" not in str(
        window.message_bar.findChildren(object)
    )


def test_save_as_writes_a_new_file_and_leaves_the_input_alone(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair, monkeypatch, tmp_path: Path
) -> None:
    """Save As writes the edited version elsewhere, in its encoding; the column now shows the
    new file, the input file is untouched, and nothing is left unsaved."""
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, HEAD + " today")
    target = tmp_path / "clean-fixed.txt"
    monkeypatch.setattr(
        save_commands.QFileDialog, "getSaveFileName", lambda *args: (str(target), "All files (*)")
    )
    window.view.table().setCurrentIndex(window.view.table().model().index(0, 1))
    step(qtbot, window, window.acts["file_save_as"].trigger)
    assert target.read_bytes() == crlf(HEAD + " today", KEPT, LAST).encode("cp1252")
    assert cp1252_pair[1].read_bytes() == crlf(HEAD, KEPT, LAST).encode("cp1252")
    assert window.paths[1] == str(target)
    assert window.windowTitle() == "raw.txt ↔ clean-fixed.txt — diffviewer"
    assert window.comparison().versions[1].name == "clean-fixed.txt"  # type: ignore[union-attr]


def test_the_same_text_committed_twice_is_one_edit(qtbot, window: MainWindow, cp1252_pair) -> None:  # type: ignore[no-untyped-def]
    """A cell's text handed over twice before the comparison comes back makes one step and
    no complaint."""
    compared(qtbot, window, cp1252_pair)
    model = window.view.table().model()
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        assert model.setData(model.index(0, 1), HEAD + " today", Qt.ItemDataRole.EditRole)
        assert model.setData(model.index(0, 1), HEAD + " today", Qt.ItemDataRole.EditRole)
        assert window.statusBar().currentMessage() == ""
    assert window.editing.undo_stack.count() == 1


def test_typing_into_a_gap_adds_a_paragraph_there(qtbot, window: MainWindow, cp1252_pair) -> None:  # type: ignore[no-untyped-def]
    """The gap facing the removed teaser takes a new paragraph at that place."""
    compared(qtbot, window, cp1252_pair)
    assert not window.acts["file_save"].isEnabled()
    type_into_cell(qtbot, window, removed_row(window), 1, "A different teaser – read on.")
    window.acts["file_save"].trigger()
    expected = crlf(HEAD, KEPT, "A different teaser – read on.", LAST)
    assert cp1252_pair[1].read_bytes() == expected.encode("cp1252")
    assert not window.acts["file_save"].isEnabled()


def test_unreadable_bytes_ask_before_saving(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, answers
) -> None:
    """A file read with U+FFFD for invalid bytes is not rewritten without saying so."""
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_bytes("Zoë and Chloë met.\n\nThe end.\n".encode())
    broken = "Zoë and Chloë met\xa0again.\n\nThe end.\n".encode().replace(b"\xc2\xa0", b"\xff")
    new.write_bytes(broken)
    compared(qtbot, window, [old, new])
    type_into_cell(qtbot, window, 1, 1, "The end, at last.")
    answers.replies = [Button.Cancel]
    assert not window.editing.save()
    assert "were invalid in utf-8" in answers.questions[0]
    assert new.read_bytes() == broken


def test_alt_right_in_the_table_copies_the_paragraph(
    qtbot, window: MainWindow, cp1252_pair
) -> None:  # type: ignore[no-untyped-def]
    """The keys a user presses: Alt+Right on the removed paragraph restores it, Ctrl+Z undoes."""
    compared(qtbot, window, cp1252_pair)
    table = window.view.table()
    table.setFocus()
    table.setCurrentIndex(table.model().index(removed_row(window), 0))
    step(
        qtbot,
        window,
        lambda: qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier),
    )
    assert not window.comparison().changes  # type: ignore[union-attr]
    step(
        qtbot,
        window,
        lambda: qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    )
    assert len(window.comparison().changes) == 1  # type: ignore[union-attr]


def test_saving_the_bundled_example_asks_for_a_new_file(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, cp1252_pair, monkeypatch, tmp_path: Path
) -> None:
    """Ctrl+S on an edited bundled example (Help › Open Example) never writes the example
    itself (it belongs to the installation, and Open Example would no longer show the
    pristine pair): it asks where to save a copy, as Save As does."""
    monkeypatch.setattr(save_commands, "example_paths", lambda: cp1252_pair)
    compared(qtbot, window, cp1252_pair)
    type_into_cell(qtbot, window, 0, 1, HEAD + " today")
    target = tmp_path / "my-copy.txt"
    asked: list[str] = []

    def choose(parent, caption, start, *rest):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(target), "All files (*)"

    monkeypatch.setattr(save_commands.QFileDialog, "getSaveFileName", choose)
    step(qtbot, window, window.acts["file_save"].trigger)
    assert asked == [os.path.join(os.path.expanduser("~"), "clean.txt")]
    assert cp1252_pair[1].read_bytes() == crlf(HEAD, KEPT, LAST).encode("cp1252")
    assert target.read_bytes() == crlf(HEAD + " today", KEPT, LAST).encode("cp1252")
    assert window.paths[1] == str(target)


def test_the_cell_editor_grows_with_its_text(qtbot, window: MainWindow, cp1252_pair) -> None:  # type: ignore[no-untyped-def]
    """Typing more than the cell holds makes the editor taller (no inner scroll bar hiding the
    start of the paragraph); it never shrinks below its cell."""
    compared(qtbot, window, cp1252_pair)
    table = window.view.table()
    table.setCurrentIndex(table.model().index(0, 1))
    cell_height = table.visualRect(table.currentIndex()).height()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = table.findChild(QPlainTextEdit, "paragraph_editor")
    assert editor is not None and editor.height() >= cell_height
    editor.setPlainText(" ".join([KEPT] * 12))
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() == 0)
    assert editor.height() > cell_height
    editor.setPlainText("x")
    assert editor.height() >= cell_height
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
