"""The main window on the seed pair: opening, navigation, drops, filters, reload, errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from diffviewer.core.model import ChangeType, Kind
from diffviewer.core.summary import one_line
from diffviewer.ui.mainwindow import HINT, MainWindow
from diffviewer.ui.settings import KEYS, Settings
from tests.ui.shell_helpers import compared, message_boxes


def send_drag_enter(window: MainWindow, mime: QMimeData) -> QDragEnterEvent:
    """Send the window a drag-enter event carrying ``mime``; return it to check acceptance."""
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    return enter


def test_empty_window_shows_the_hint(window: MainWindow) -> None:
    """No files: the hint, the plain title, and actions that need a comparison disabled."""
    assert window.stack.currentWidget() is window.hint
    assert HINT in window.hint.text()
    assert window.windowTitle() == "diffviewer"
    assert not window.acts["view_next_change"].isEnabled()


def test_one_file_names_it_and_waits_for_another(window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """One file: the hint says which is open and how to add the next."""
    window.add_paths([seed_paths[0]])
    assert window.stack.currentWidget() is window.hint
    assert "article-v1.txt is open" in window.hint.text()
    assert HINT in window.hint.text()


def test_seed_pair_opens_with_23_rows_and_5_changes(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """The seed pair: 23 rows, 5 removals; title and status line say so."""
    compared(qtbot, window, seed_paths)
    comparison = window.comparison()
    assert comparison is not None
    assert window.view.table().model().rowCount() == 23
    assert len(comparison.changes) == 5
    assert all(change.type is ChangeType.REMOVED for change in comparison.changes)
    assert window.windowTitle() == "article-v1.txt ↔ article-v2.txt — diffviewer"
    assert window.summary_label.text() == one_line(comparison)
    assert window.stack.currentWidget() is window.view


def test_next_and_previous_change_visit_the_changes_in_order(
    qtbot, window: MainWindow, seed_paths
) -> None:  # type: ignore[no-untyped-def]
    """view_next_change walks the 5 changes in row order and stops; previous walks back."""
    compared(qtbot, window, seed_paths)
    order = window.view.visible_changes()
    assert len(order) == 5
    visited = []
    for _ in range(6):
        window.acts["view_next_change"].trigger()
        visited.append(window.view.current_change())
    assert visited == [*order, order[-1]]
    back = []
    for _ in range(4):
        window.acts["view_previous_change"].trigger()
        back.append(window.view.current_change())
    assert back == list(reversed(order[:-1]))


def test_kind_filter_hides_captions_and_boilerplate(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Unchecking captions drops the 3 caption changes; Hide boilerplate the comment prompt."""
    compared(qtbot, window, seed_paths)
    comparison = window.comparison()
    assert comparison is not None

    def kinds() -> list[Kind]:
        return [comparison.changes[i].kind for i in window.view.visible_changes()]

    window.acts["view_kind_caption"].setChecked(False)
    assert Kind.CAPTION not in kinds()
    assert len(kinds()) == 2
    assert window.status_line.note.text() == "3 changes hidden by the kind filter"
    assert window.status_line.note.isVisible()
    window.acts["view_hide_boilerplate"].trigger()
    assert kinds() == [Kind.HEADLINE]
    assert not window.acts["view_kind_comment_prompt"].isChecked()
    assert set(window.settings.get(KEYS.HIDDEN_KINDS)) >= {"caption", "comment_prompt"}
    window.acts["view_hide_boilerplate"].trigger()
    assert Kind.COMMENT_PROMPT in kinds()
    window.acts["view_kind_caption"].setChecked(True)
    assert not window.status_line.note.isVisible()


def test_dropping_files_adds_versions(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """A drop with file URLs appends them as the next versions."""
    compared(qtbot, window, seed_paths)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_paths[0]))])
    # Qt delivers a drop only to the widget that accepted the drag's enter event.
    enter = send_drag_enter(window, mime)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        QApplication.sendEvent(window, event)
    assert event.isAccepted()
    comparison = window.comparison()
    assert comparison is not None and len(comparison.versions) == 3
    assert window.view.table().model().columnCount() == 3


def test_versions_can_be_moved_and_removed_from_the_view(
    qtbot, window: MainWindow, seed_paths
) -> None:  # type: ignore[no-untyped-def]
    """The view's header requests reorder and remove; the window recompares."""
    compared(qtbot, window, seed_paths)
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.view.version_move_requested.emit(0, 1)
    assert [Path(p).name for p in window.paths] == ["article-v2.txt", "article-v1.txt"]
    comparison = window.comparison()
    assert comparison is not None
    assert all(change.type is ChangeType.INSERTED for change in comparison.changes)
    window.view.version_remove_requested.emit(0)
    assert window.comparison() is None
    assert window.stack.currentWidget() is window.hint


def test_dropped_on_a_header_replaces_that_version(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """paths_dropped_on_version(k, paths) swaps version k: v1 against itself, no changes."""
    compared(qtbot, window, seed_paths)
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.view.paths_dropped_on_version.emit(1, [str(seed_paths[0])])
    comparison = window.comparison()
    assert comparison is not None and comparison.changes == ()


def test_reload_after_the_file_changed_on_disk(qtbot, window: MainWindow, seed_copies) -> None:  # type: ignore[no-untyped-def]
    """Editing a file shows the message bar; Reload recompares and the rows change."""
    compared(qtbot, window, seed_copies)
    assert window.view.table().model().rowCount() == 23
    with open(seed_copies[1], "a", encoding="utf-8") as handle:
        handle.write("\n\nA brand new closing paragraph added by the editor.\n")
    qtbot.waitUntil(window.message_bar.isVisible, timeout=10_000)
    assert "article-v2.txt has changed on disk" in window.message_bar.text()
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        qtbot.mouseClick(window.message_bar.action_button, Qt.MouseButton.LeftButton)
    assert window.view.table().model().rowCount() == 24
    assert not window.message_bar.isVisible()


def test_atomic_replace_is_still_watched(qtbot, window: MainWindow, seed_copies) -> None:  # type: ignore[no-untyped-def]
    """An editor's save-by-rename is noticed, and so is the save after it."""
    compared(qtbot, window, seed_copies)
    target = seed_copies[1]
    for n in range(2):
        temp = target.with_suffix(f".tmp{n}")
        temp.write_text(target.read_text("utf-8") + f"\n\nParagraph {n}.\n", "utf-8")
        os.replace(temp, target)
        qtbot.waitUntil(window.message_bar.isVisible, timeout=10_000)
        with qtbot.waitSignal(window.worker.finished, timeout=20_000):
            window.message_bar.action_button.click()
    assert window.view.table().model().rowCount() == 25


def test_deleted_file_keeps_the_last_text(qtbot, window: MainWindow, seed_copies) -> None:  # type: ignore[no-untyped-def]
    """A file deleted while open: the message says so, the comparison stays on screen."""
    compared(qtbot, window, seed_copies)
    seed_copies[1].unlink()
    qtbot.waitUntil(lambda: "deleted or renamed" in window.message_bar.text(), timeout=10_000)
    assert window.view.table().model().rowCount() == 23
    assert window.comparison() is not None


def test_a_binary_file_gives_a_message_and_the_window_stays_usable(
    qtbot, window: MainWindow, seed_paths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Adding a binary file: an error naming it; the pair stays compared; it is not kept."""
    compared(qtbot, window, seed_paths)
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with qtbot.waitSignal(window.worker.failed, timeout=20_000):
        window.add_paths([binary])
    boxes = message_boxes(window)
    assert boxes and "photo.png" in boxes[0].text()
    assert str(binary) not in window.paths
    assert len(window.paths) == 2
    comparison = window.comparison()
    assert comparison is not None and len(comparison.versions) == 2
    for box in boxes:
        box.close()


def test_missing_second_file_leaves_the_first(
    qtbot, window: MainWindow, seed_paths, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Opening a pair whose second file is missing: the message names it, v1 stays."""
    missing = tmp_path / "gone.txt"
    with qtbot.waitSignal(window.worker.failed, timeout=20_000):
        window.set_paths([seed_paths[0], missing])
    assert "gone.txt" in message_boxes(window)[0].text()
    assert window.paths == [str(seed_paths[0])]
    assert "article-v1.txt is open" in window.hint.text()


def test_encoding_choice_reloads_that_version(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Choosing an encoding for a version recompares with it forced."""
    compared(qtbot, window, seed_paths)
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.set_version_encoding(1, "latin-1")
    comparison = window.comparison()
    assert comparison is not None
    assert comparison.versions[1].encoding == "latin-1"
    assert window.encodings == [None, "latin-1"]


def test_an_encoding_that_cannot_decode_is_refused(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """cp1252 cannot read the UTF-8 seed: a message, and the version keeps what worked."""
    compared(qtbot, window, seed_paths)
    with qtbot.waitSignal(window.worker.failed, timeout=20_000):
        window.set_version_encoding(1, "cp1252")
    boxes = message_boxes(window)
    assert boxes and "cp1252" in boxes[0].text() and "article-v2.txt" in boxes[0].text()
    assert window.encodings == [None, None]
    assert window.comparison() is not None


def test_compare_toggle_recompares_and_persists(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Compare › Ignore case sets the option, stores it and recompares."""
    compared(qtbot, window, seed_paths)
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.acts["compare_ignore_case"].trigger()
    assert window.options.ignore_case
    assert window.settings.get(KEYS.IGNORE_CASE) is True
    comparison = window.comparison()
    assert comparison is not None
    assert ("ignore case", "on") in comparison.options_summary


def test_raw_vs_cleaned_report(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """The report counts the removals by kind and says no body text went."""
    compared(qtbot, window, seed_paths)
    window.acts["view_raw_vs_cleaned"].trigger()
    assert window.cleaning_dock.isVisible()
    text = window.cleaning.text()
    assert "No body text removed." in text
    assert "3 caption" in text and "1 headline" in text and "1 comment prompt" in text


def test_copy_summary_puts_markdown_on_the_clipboard(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Edit › Copy Summary: the Markdown report."""
    compared(qtbot, window, seed_paths)
    window.acts["edit_copy_summary"].trigger()
    text = QGuiApplication.clipboard().text()
    assert text.lstrip().startswith("#")
    assert "article-v1.txt" in text


def test_find_bar_finds_and_closes_with_escape(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F opens the bar, Enter finds, a miss says so, Esc closes."""
    compared(qtbot, window, seed_paths)
    window.acts["edit_find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "Blinken")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.status.text() == "1 of 20 matches"
    window.find_bar.edit.setText("zzzz-not-there")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.status.text() == "Not found"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_find_bar_finds_as_you_type(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Typing finds without Enter, after a short pause; a longer text stays on the match it
    still fits; emptying the field drops the highlights; the case toggle finds again."""
    compared(qtbot, window, seed_paths)
    window.acts["edit_find"].trigger()
    bar, table = window.find_bar, window.view.table()
    qtbot.keyClicks(bar.edit, "Blink")
    qtbot.waitUntil(lambda: bar.status.text() == "1 of 20 matches")
    first = table.currentIndex().row(), table.currentIndex().column()
    qtbot.keyClicks(bar.edit, "en")
    qtbot.waitUntil(lambda: bar.status.text() == "1 of 20 matches")
    assert (table.currentIndex().row(), table.currentIndex().column()) == first
    qtbot.keyClicks(bar.edit, "zzz")
    qtbot.waitUntil(lambda: bar.status.text() == "Not found")
    bar.edit.selectAll()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.view.find_position() == (0, 0))
    assert bar.status.text() == ""
    qtbot.keyClicks(bar.edit, "blinken")
    qtbot.waitUntil(lambda: bar.status.text() == "1 of 20 matches")
    bar.case.setChecked(True)
    qtbot.waitUntil(lambda: bar.status.text() == "Not found")


def test_shift_enter_in_the_find_bar_finds_the_previous_match(
    qtbot, window: MainWindow, seed_paths
) -> None:  # type: ignore[no-untyped-def]
    """Enter goes to the next match, Shift+Enter back to the one before."""
    compared(qtbot, window, seed_paths)
    window.acts["edit_find"].trigger()
    qtbot.keyClicks(window.find_bar.edit, "Zelensky")
    table = window.view.table()

    def place() -> tuple[int, int]:
        return table.currentIndex().row(), table.currentIndex().column()

    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    first = place()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    second = place()
    assert second != first
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert place() == first
    assert window.find_bar.status.text() == "1 of 2 matches"


def test_state_is_saved_and_restored(qtbot, settings: Settings, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Hidden kinds, typographic hiding, zoom and recent files survive a restart."""
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.acts["view_kind_caption"].setChecked(False)
    first.acts["view_hide_typographic"].setChecked(True)
    first.view.zoom_in()
    first.add_paths([seed_paths[0]])
    first.close()
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    assert Kind.CAPTION in second.hidden_kinds()
    assert second.acts["view_hide_typographic"].isChecked()
    assert second.view.zoom() == 110
    assert second.settings.recent_files()[0] == str(seed_paths[0])
    assert second.acts["file_recent_1"].isVisible()
    second.close()


def test_paths_with_spaces_and_non_ascii(qtbot, window: MainWindow, seed_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Folders and names with spaces and accents, one given as a file:// URL."""
    folder = tmp_path / "ünï côdé folder"
    folder.mkdir()
    first = Path(shutil.copy(seed_paths[0], folder / "rédaction v1.txt"))
    second = Path(shutil.copy(seed_paths[1], folder / "中文 v2.txt"))
    compared(qtbot, window, [first, QUrl.fromLocalFile(str(second)).toString()])
    assert window.paths == [str(first), str(second)]
    comparison = window.comparison()
    assert comparison is not None and len(comparison.changes) == 5
    assert "中文 v2.txt" in window.windowTitle()


def test_a_drag_without_local_files_is_refused(window: MainWindow) -> None:
    """Text or remote URLs are not versions: the drag is not accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/article.txt")])
    mime.setText("just text")
    enter = send_drag_enter(window, mime)
    assert not enter.isAccepted()


def test_an_invalid_byte_is_reported_in_the_message_bar(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """UTF-8 with one bad byte: the window says which file, which byte and where."""
    prefix = "Café “quoted” text.".encode()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(prefix + b"\xff more text.")
    good = tmp_path / "good.txt"
    good.write_text("Café “quoted” text. more text.", encoding="utf-8")
    compared(qtbot, window, [bad, good])
    assert window.message_bar.isVisible()
    assert f"bad.txt: invalid UTF-8 byte 0xFF at offset {len(prefix)}" in window.message_bar.text()


def test_clean_files_show_no_warning(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Files that decode cleanly leave the message bar hidden."""
    compared(qtbot, window, seed_paths)
    assert not window.message_bar.isVisible()


def _drag(kind, target, mime: QMimeData, actions: Qt.DropAction, point: QPoint | None = None):  # type: ignore[no-untyped-def]
    """A drag event whose source offers ``actions`` and proposes Move."""
    point = point or QPoint(50, 10)
    event = kind(
        point if kind is not QDropEvent else QPointF(point),
        actions,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setDropAction(Qt.DropAction.MoveAction)
    QApplication.sendEvent(target, event)
    return event


def test_drops_take_copy_never_move_and_show_a_hint(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """A file manager proposing Move would delete the dropped file: the window and a version
    header answer Copy (Link when that is all there is), refuse Move-only drags, and show where
    the files will land while dragging."""
    from PySide6.QtGui import QDragMoveEvent

    compared(qtbot, window, seed_paths)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_paths[0]))])
    every = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    enter = _drag(QDragEnterEvent, window, mime, every)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    assert window.drop_hint.isVisible()
    link = _drag(QDragMoveEvent, window, mime, Qt.DropAction.MoveAction | Qt.DropAction.LinkAction)
    assert link.isAccepted() and link.dropAction() == Qt.DropAction.LinkAction
    only_move = _drag(QDragMoveEvent, window, mime, Qt.DropAction.MoveAction)
    assert not only_move.isAccepted()
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        drop = _drag(QDropEvent, window, mime, every)
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    assert not window.drop_hint.isVisible()

    header = window.view.table().horizontalHeader()
    enter = _drag(QDragEnterEvent, header.viewport(), mime, every, QPoint(20, 10))
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    assert header.drop_section() == 0
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        drop = _drag(QDropEvent, header.viewport(), mime, every, QPoint(20, 10))
    assert drop.dropAction() == Qt.DropAction.CopyAction
    assert header.drop_section() == -1


def test_find_counts_matches_and_esc_clears_the_highlights(
    qtbot, window: MainWindow, seed_paths
) -> None:  # type: ignore[no-untyped-def]
    """The find bar says "1 of N matches" and counts on; Esc closes it and no cell keeps a
    highlight; Ctrl+G with nothing typed yet opens the bar."""
    compared(qtbot, window, seed_paths)
    comparison = window.comparison()
    assert comparison is not None
    total = sum(
        comparison.paragraph(c, i).text.lower().count("russia")
        for row in comparison.rows
        for c, i in enumerate(row.cells)
        if i is not None
    )
    window.acts["edit_find_next"].trigger()
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("Russia")
    window.find_bar.search(backwards=False)
    assert window.find_bar.status.text() == f"1 of {total} matches"
    window.acts["edit_find_next"].trigger()
    assert window.find_bar.status.text() == f"2 of {total} matches"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    delegate = window.view.table().cell_delegate
    assert (
        delegate._find_ranges(
            "Russia and Russia", 0, 0, window.view.table().comparison_model().colours()
        )
        == []
    )


def test_change_position_and_the_offer_to_wrap(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """ "Change 3 of 5" in the status bar and beside the arrows; F7 past the last change says
    so and offers to wrap, F7 again goes to the first."""
    compared(qtbot, window, seed_paths)
    nav = window.navigator
    assert nav.status_label.text() == "5 changes"
    window.acts["view_next_change"].trigger()
    assert nav.status_label.text() == "Change 1 of 5"
    assert nav.toolbar_label.text() == "1 of 5"
    for _ in range(4):
        window.acts["view_next_change"].trigger()
    assert nav.status_label.text() == "Change 5 of 5"
    window.acts["view_next_change"].trigger()
    assert window.view.current_change() == window.view.visible_changes()[-1]
    assert "Last change reached" in window.statusBar().currentMessage()
    window.acts["view_next_change"].trigger()
    assert nav.status_label.text() == "Change 1 of 5"
    assert "Wrapped" in window.statusBar().currentMessage()
    window.acts["view_previous_change"].trigger()
    assert "First change reached" in window.statusBar().currentMessage()
    window.acts["view_kind_caption"].setChecked(False)
    assert nav.status_label.text().endswith("of 2") or nav.status_label.text() == "2 changes"
