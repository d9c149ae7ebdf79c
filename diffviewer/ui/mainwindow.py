"""The main window: composition of the view, docks, menus, toolbar, status bar and bars.

It holds the one piece of state the shell owns, the list of versions (path + forced encoding),
and turns every user gesture (open, drop, reload, remove, reorder, option toggles) into a new
request to the background worker. Docks: the change list and the raw-vs-cleaned report. The
status bar always shows the one-line summary. Little logic lives here: comparing is the
worker's, painting the view's, exporting the export package's.
Imports: PySide6, ``core``, ``export``, ``assets``, and the ``ui`` modules.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diffviewer.assets import example_paths
from diffviewer.core.model import Comparison, Kind
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.export import render
from diffviewer.ui.actions import RECENT_SLOTS, Actions, build_menus, build_toolbar
from diffviewer.ui.bars import FindBar, MessageBar
from diffviewer.ui.changelist import ChangeListPanel
from diffviewer.ui.cleaning import CleaningPanel
from diffviewer.ui.dialogs.about import ShortcutsDialog, about_box, encoding_menu
from diffviewer.ui.errors import exception_hook, load_error_text, show_error
from diffviewer.ui.settings import KEYS, Settings
from diffviewer.ui.view import ComparisonView
from diffviewer.ui.watcher import FileWatcher
from diffviewer.ui.worker import CompareWorker, request_for

log = logging.getLogger(__name__)

APP_TITLE = "diffviewer"
HINT = "Drop files here or use File › Open"
_PROGRESS_DELAY_MS = 250  # Fast comparisons finish before a progress bar would flicker.


def local_paths(mime: QMimeData) -> list[str]:
    """The local files among dropped URLs (remote URLs and folders are not versions)."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def as_path(argument: str) -> str:
    """A command-line or message argument as an absolute path (``file://`` URLs too)."""
    if argument.startswith("file:"):
        argument = QUrl(argument).toLocalFile() or argument
    return os.path.abspath(os.path.expanduser(argument))


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, options: CompareOptions | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        self.options = options or settings.compare_options()
        self.paths: list[str] = []
        self.encodings: list[str | None] = []
        self._good: tuple[list[str], list[str | None]] | None = None
        self._comparison: Comparison | None = None
        self.base_font = QFont(self.font())

        self._build_central()
        self.change_list = ChangeListPanel(self)
        self.change_dock = self._dock("change_list_dock", "Changes", self.change_list)
        self.cleaning = CleaningPanel(self)
        self.cleaning_dock = self._dock("cleaning_dock", "Raw vs Cleaned", self.cleaning)
        self.cleaning_dock.hide()
        self.acts = Actions(self)
        self.menus = build_menus(self.menuBar(), self.acts)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        build_toolbar(toolbar, self.acts)
        self._build_status_bar()

        self.worker = CompareWorker(self)
        self.watcher = FileWatcher(self)
        self._changed_on_disk: list[str] = []
        self.setAcceptDrops(True)
        self._connect()
        self._restore()
        self._refresh()

    def _build_central(self) -> None:
        """Message bar, then the view (or the empty-state hint), then the find bar."""
        self.view = ComparisonView(self)
        self.view.setObjectName("comparison_view")
        self.hint = QLabel(HINT, self)
        self.hint.setObjectName("empty_hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        hint_font = QFont(self.hint.font())
        hint_font.setPointSizeF(max(hint_font.pointSizeF(), 9.0) * 1.4)
        self.hint.setFont(hint_font)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)
        self.message_bar = MessageBar(self)
        self.find_bar = FindBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        """The summary line, and a progress bar with Cancel shown only for slow comparisons."""
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(180)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.statusBar().addWidget(self.summary_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._show_progress(False)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(_PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(lambda: self._show_progress(True))

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        a = self.acts
        view = self.view
        triggered = {
            "file_open": self.open_dialog,
            "file_open_example": self.open_example,
            "file_reload": self.reload,
            "file_close_version": lambda: self.remove_version(len(self.paths) - 1),
            "file_export": self.export_dialog,
            "file_print": self.print_comparison,
            "file_quit": self.close,
            "file_recent_clear": self._clear_recent,
            "edit_copy": view.copy_selection,
            "edit_copy_summary": self.copy_summary,
            "edit_find": self.find_bar.open_bar,
            "edit_find_next": lambda: self.find_bar.search(backwards=False),
            "edit_find_previous": lambda: self.find_bar.search(backwards=True),
            "edit_preferences": self.preferences_dialog,
            "view_next_change": view.next_change,
            "view_previous_change": view.previous_change,
            "view_first_change": view.first_change,
            "view_last_change": view.last_change,
            "view_zoom_in": view.zoom_in,
            "view_zoom_out": view.zoom_out,
            "view_zoom_reset": view.zoom_reset,
            "help_about": lambda: about_box(self),
            "help_shortcuts": lambda: ShortcutsDialog(self).open(),
        }
        for action_id, slot in triggered.items():
            a[action_id].triggered.connect(slot)
        for n in range(1, RECENT_SLOTS + 1):
            action = a[f"file_recent_{n}"]
            action.triggered.connect(lambda _c=False, act=action: self.add_paths([act.data()]))
        for kind in Kind:
            a[f"view_kind_{kind.value}"].toggled.connect(self._kinds_toggled)
        a["view_hide_boilerplate"].triggered.connect(self._boilerplate_toggled)
        a["view_hide_typographic"].toggled.connect(self._typographic_toggled)
        a["view_change_list"].toggled.connect(self.change_dock.setVisible)
        self.change_dock.visibilityChanged.connect(self._dock_visibility)
        a["view_raw_vs_cleaned"].toggled.connect(self.cleaning_dock.setVisible)
        self.cleaning_dock.visibilityChanged.connect(self._dock_visibility)
        for action_id in (
            "compare_ignore_case",
            "compare_ignore_punctuation",
            "compare_mode_first",
        ):
            a[action_id].triggered.connect(self._compare_toggled)

        view.current_change_changed.connect(self.change_list.set_current_change)
        self.change_list.change_activated.connect(view.goto_change)
        view.encoding_change_requested.connect(self._choose_encoding)
        view.paths_dropped_on_version.connect(self.replace_version)
        view.version_remove_requested.connect(self.remove_version)
        view.version_move_requested.connect(self.move_version)
        self.find_bar.find_requested.connect(self._find)
        self.find_bar.closed.connect(view.setFocus)
        self.message_bar.action_triggered.connect(self.reload)

        self.worker.finished.connect(self._on_compared)
        self.worker.failed.connect(self._on_failed)
        self.worker.crashed.connect(self._on_crashed)
        self.worker.progress.connect(lambda f: self.progress.setValue(round(f * 1000)))
        self.worker.busy_changed.connect(self._on_busy)
        self.cancel_button.clicked.connect(self.worker.cancel)
        self.watcher.changed.connect(self._on_changed_on_disk)
        self.watcher.missing.connect(self._on_missing)

    def _restore(self) -> None:
        s = self.settings
        self.restoreGeometry(s.get(KEYS.GEOMETRY))
        if not self.restoreState(s.get(KEYS.STATE)):
            self.resize(1200, 800)
        font = QFont()
        if s.get(KEYS.FONT) and font.fromString(s.get(KEYS.FONT)):
            self.base_font = font
            self.view.set_base_font(font)
        self.set_zoom(s.get(KEYS.ZOOM))
        hidden = {kind for kind in Kind if kind.value in s.get(KEYS.HIDDEN_KINDS)}
        self.set_hidden_kinds(hidden)
        self.acts["view_hide_typographic"].setChecked(s.get(KEYS.HIDE_TYPOGRAPHIC))
        self.view.set_hide_typographic(s.get(KEYS.HIDE_TYPOGRAPHIC))
        self._sync_compare_actions()
        self._refresh_recent()
        self.acts["view_change_list"].setChecked(not self.change_dock.isHidden())
        self.acts["view_raw_vs_cleaned"].setChecked(not self.cleaning_dock.isHidden())

    # ------------------------------------------------------------------ versions
    def add_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Add files as the next versions (in order) and compare when there are two or more."""
        new = [as_path(os.fspath(path)) for path in paths]
        if not new:
            return
        self.paths += new
        self.encodings += [None] * len(new)
        self._refresh_recent(self.settings.add_recent_files(new))
        self.recompare()

    def set_paths(self, paths: Sequence[str | os.PathLike[str]]) -> None:
        """Replace every version with ``paths``."""
        self.paths, self.encodings, self._good = [], [], None
        self.add_paths(paths)

    def open_example(self) -> None:
        self.set_paths([str(path) for path in example_paths()])

    def open_dialog(self) -> None:
        folder = os.path.dirname(self.paths[-1]) if self.paths else str(Path.home())
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Open versions", folder, "Text files (*.txt *.text *.md);;All files (*)"
        )
        self.add_paths(paths)

    def replace_version(self, index: int, paths: list[str]) -> None:
        """Files dropped on version ``index``: the first replaces it, others follow it."""
        if not paths or not 0 <= index < len(self.paths):
            return
        new = [as_path(path) for path in paths]
        self.paths[index : index + 1] = new
        self.encodings[index : index + 1] = [None] * len(new)
        self.recompare()

    def remove_version(self, index: int) -> None:
        if 0 <= index < len(self.paths):
            del self.paths[index]
            del self.encodings[index]
            self.recompare()

    def move_version(self, source: int, target: int) -> None:
        count = len(self.paths)
        if source != target and 0 <= source < count and 0 <= target < count:
            self.paths.insert(target, self.paths.pop(source))
            self.encodings.insert(target, self.encodings.pop(source))
            self.recompare()

    def set_version_encoding(self, index: int, encoding: str | None) -> None:
        if 0 <= index < len(self.encodings):
            self.encodings[index] = encoding
            self.recompare()

    @Slot(int)
    def _choose_encoding(self, index: int) -> None:
        if not 0 <= index < len(self.encodings):
            return
        menu = encoding_menu(self, self.encodings[index])
        menu.triggered.connect(lambda action: self.set_version_encoding(index, action.data()))
        menu.popup(QCursor.pos())

    def reload(self) -> None:
        self.message_bar.hide()
        self._changed_on_disk = []
        self.recompare()

    # ------------------------------------------------------------------ comparing
    def recompare(self) -> None:
        """Ask the worker for the current versions; fewer than two: show the hint."""
        if len(self.paths) < 2:
            self.worker.cancel()
            self._show_comparison(None)
            return
        self.worker.request(request_for(self.paths, self.options, self.encodings))

    def set_options(self, options: CompareOptions) -> None:
        self.options = options
        self._sync_compare_actions()
        self.recompare()

    @Slot(object)
    def _on_compared(self, comparison: Comparison) -> None:
        self._good = (list(self.paths), list(self.encodings))
        self._show_comparison(comparison)

    def _show_comparison(self, comparison: Comparison | None) -> None:
        self._comparison = comparison
        self.view.set_comparison(comparison)
        self.change_list.set_comparison(comparison)
        self.cleaning.set_comparison(comparison)
        self.watcher.set_paths(self.paths if comparison is not None else [])
        self._refresh()

    @Slot(str, str)
    def _on_failed(self, message: str, path: str) -> None:
        show_error(self, "Cannot compare", load_error_text(message))
        bad = os.path.abspath(path) if path else ""
        good_paths = self._good[0] if self._good else []
        if bad in self.paths and bad not in good_paths:
            index = self.paths.index(bad)  # a newly added file is dropped, the rest kept
            del self.paths[index]
            del self.encodings[index]
            if self._good is None or self.paths != good_paths:
                self.recompare()
                return
        if self._good is not None:  # e.g. a forced encoding failed: back to what worked
            self.paths, self.encodings = list(self._good[0]), list(self._good[1])
        self._refresh()

    @Slot(str)
    def _on_crashed(self, text: str) -> None:
        exception_hook().report(text)

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.progress.setValue(0)
            self._progress_timer.start()
        else:
            self._progress_timer.stop()
            self._show_progress(False)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    def comparison(self) -> Comparison | None:
        return self._comparison

    def _refresh(self) -> None:
        """Title, hint, status line and which actions make sense now."""
        names = [os.path.basename(path) for path in self.paths]
        self.setWindowTitle(f"{' ↔ '.join(names)} — {APP_TITLE}" if names else APP_TITLE)
        have = self._comparison is not None
        self.stack.setCurrentWidget(self.view if have else self.hint)
        if len(names) == 1:
            self.hint.setText(f"{names[0]} is open.\n\nAdd another version: {HINT}.")
        elif not have:
            self.hint.setText(HINT)
        if have:
            from diffviewer.core.summary import one_line

            assert self._comparison is not None
            self.summary_label.setText(one_line(self._comparison))
        else:
            self.summary_label.setText("Open two or more versions to compare them.")
        for action_id in (
            "file_export", "file_print", "edit_copy_summary", "edit_copy", "edit_find",
            "edit_find_next", "edit_find_previous", "view_next_change", "view_previous_change",
            "view_first_change", "view_last_change",
        ):  # fmt: skip
            self.acts[action_id].setEnabled(have)
        self.acts["file_reload"].setEnabled(len(self.paths) >= 2)
        self.acts["file_close_version"].setEnabled(bool(self.paths))

    # ------------------------------------------------------------------ files on disk
    @Slot(list)
    def _on_changed_on_disk(self, paths: list[str]) -> None:
        for path in paths:
            if path not in self._changed_on_disk:
                self._changed_on_disk.append(path)
        names = " and ".join(os.path.basename(path) for path in self._changed_on_disk)
        verb = "has" if len(self._changed_on_disk) == 1 else "have"
        self.message_bar.show_message(f"{names} {verb} changed on disk.", "&Reload")

    @Slot(list)
    def _on_missing(self, paths: list[str]) -> None:
        names = " and ".join(os.path.basename(path) for path in paths)
        self.message_bar.show_message(
            f"{names} was deleted or renamed. The last text read stays on screen; "
            "reloading will fail until the file is back."
        )

    # ------------------------------------------------------------------ view options
    def hidden_kinds(self) -> set[Kind]:
        return {k for k in Kind if not self.acts[f"view_kind_{k.value}"].isChecked()}

    def set_hidden_kinds(self, kinds: Iterable[Kind]) -> None:
        hidden = set(kinds)
        for kind in Kind:
            action = self.acts[f"view_kind_{kind.value}"]
            action.blockSignals(True)
            action.setChecked(kind not in hidden)
            action.blockSignals(False)
        self._kinds_toggled()

    def _kinds_toggled(self) -> None:
        hidden = self.hidden_kinds()
        boilerplate = {kind for kind in Kind if kind.is_boilerplate}
        self.acts["view_hide_boilerplate"].setChecked(boilerplate <= hidden)
        self.view.set_hidden_kinds(hidden)
        self.change_list.set_hidden_kinds(hidden)
        self.settings.set(KEYS.HIDDEN_KINDS, sorted(kind.value for kind in hidden))

    def _boilerplate_toggled(self, hide: bool) -> None:
        boilerplate = {kind for kind in Kind if kind.is_boilerplate}
        hidden = self.hidden_kinds()
        self.set_hidden_kinds(hidden | boilerplate if hide else hidden - boilerplate)

    def _typographic_toggled(self, hide: bool) -> None:
        self.view.set_hide_typographic(hide)
        self.settings.set(KEYS.HIDE_TYPOGRAPHIC, hide)

    def _dock_visibility(self) -> None:
        for dock, action_id in (
            (self.change_dock, "view_change_list"),
            (self.cleaning_dock, "view_raw_vs_cleaned"),
        ):
            action = self.acts[action_id]
            action.blockSignals(True)
            action.setChecked(not dock.isHidden())
            action.blockSignals(False)

    def set_zoom(self, percent: int) -> None:
        """Step the view's zoom to ``percent`` (the view zooms in steps of 10)."""
        for _ in range(40):
            if self.view.zoom() < percent:
                self.view.zoom_in()
            elif self.view.zoom() > percent + 5:
                self.view.zoom_out()
            else:
                break

    def _sync_compare_actions(self) -> None:
        self.acts["compare_ignore_case"].setChecked(self.options.ignore_case)
        self.acts["compare_ignore_punctuation"].setChecked(self.options.ignore_punctuation)
        self.acts["compare_mode_first"].setChecked(self.options.mode is CompareMode.AGAINST_FIRST)

    def _compare_toggled(self) -> None:
        mode = self.acts["compare_mode_first"].isChecked()
        options = replace(
            self.options,
            ignore_case=self.acts["compare_ignore_case"].isChecked(),
            ignore_punctuation=self.acts["compare_ignore_punctuation"].isChecked(),
            mode=CompareMode.AGAINST_FIRST if mode else CompareMode.CONSECUTIVE,
        )
        self.settings.set_compare_options(options)
        self.set_options(options)

    @Slot(str, bool, bool)
    def _find(self, text: str, backwards: bool, case_sensitive: bool) -> None:
        found = self.view.find(text, backwards=backwards, case_sensitive=case_sensitive)
        self.find_bar.show_result(found)

    # ------------------------------------------------------------------ recent files
    def _refresh_recent(self, recent: list[str] | None = None) -> None:
        recent = self.settings.recent_files() if recent is None else recent
        for n in range(1, RECENT_SLOTS + 1):
            action = self.acts[f"file_recent_{n}"]
            if n <= len(recent):
                path = recent[n - 1]
                action.setText(f"&{n % 10} {os.path.basename(path)}")
                action.setData(path)
                action.setStatusTip(path)
                action.setVisible(True)
            else:
                action.setVisible(False)
        self.acts["file_recent_clear"].setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self._refresh_recent([])

    # ------------------------------------------------------------------ dialogs
    def export_dialog(self) -> None:
        from diffviewer.ui.dialogs.export import ExportDialog

        if self._comparison is not None:
            dialog = ExportDialog(self._comparison, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def print_comparison(self) -> None:
        from diffviewer.ui.pdf import print_comparison

        if self._comparison is not None:
            print_comparison(self._comparison, self)

    def copy_summary(self) -> None:
        if self._comparison is not None:
            QGuiApplication.clipboard().setText(render(self._comparison, "md"))
            self.statusBar().showMessage("Summary copied as Markdown.", 3000)

    def preferences_dialog(self) -> None:
        from diffviewer.ui.dialogs.preferences import Preferences, PreferencesDialog

        current = Preferences(
            self.options,
            self.acts["view_hide_typographic"].isChecked(),
            QFont(self.base_font),
            self.view.zoom(),
        )
        dialog = PreferencesDialog(current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.preferences()))
        dialog.open()

    def apply_preferences(self, preferences: object) -> None:
        from diffviewer.ui.dialogs.preferences import Preferences

        assert isinstance(preferences, Preferences)
        self.settings.set_compare_options(preferences.options)
        self.settings.set(KEYS.FONT, preferences.font.toString())
        self.settings.set(KEYS.ZOOM, preferences.zoom)
        self.base_font = QFont(preferences.font)
        self.view.set_base_font(preferences.font)
        self.set_zoom(preferences.zoom)
        self.acts["view_hide_typographic"].setChecked(preferences.hide_typographic)
        if preferences.options != self.options:
            self.set_options(preferences.options)

    # ------------------------------------------------------------------ Qt events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.worker.wait()
        self.settings.set(KEYS.GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set(KEYS.STATE, QByteArray(self.saveState()))
        self.settings.set(KEYS.ZOOM, self.view.zoom())
        self.settings.sync()
        super().closeEvent(event)
