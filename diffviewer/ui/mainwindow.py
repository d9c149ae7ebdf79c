"""The main window: composition of the view, docks, menus, toolbar, status bar and bars.

It wires the pieces together: the list of open versions (``ui.versions``) asks the background
worker for a comparison whenever it changes; the menu toggles (``ui.filters``) set the view's
filters and the compare options; the result goes to the view, the change list and the
raw-vs-cleaned report (docks). The status bar shows the one-line summary and what the filters
hide. Little logic lives here: comparing is the worker's, painting the view's, exporting the
export package's. The commands on the list of versions (open, add, replace, remove, reload)
are ``VersionCommands`` (ui/window_versions.py); export, print, copy summary and preferences
are ``DialogCommands`` (ui/window_dialogs.py): both mixins of ``MainWindow``.
Imports: PySide6, ``core``, and the ``ui`` modules.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from diffviewer.core.model import Comparison, Kind
from diffviewer.core.options import CompareOptions
from diffviewer.ui.actions import RECENT_SLOTS, Actions, build_menus, build_toolbar, show_recent
from diffviewer.ui.bars import EmptyHint, FindBar, MessageBar, StatusLine
from diffviewer.ui.changelist import ChangeListPanel
from diffviewer.ui.cleaning import CleaningPanel
from diffviewer.ui.corrections import KindCorrections
from diffviewer.ui.dialogs.about import ShortcutsDialog, about_box
from diffviewer.ui.drops import DropHint, accept_files
from diffviewer.ui.editing import EditController
from diffviewer.ui.errors import exception_hook, load_error_text, show_error
from diffviewer.ui.filters import MenuToggles, filter_note
from diffviewer.ui.icons import PaletteIcons
from diffviewer.ui.navigation import ChangeNavigator
from diffviewer.ui.settings import KEYS, Settings
from diffviewer.ui.tips import FIRST_LOOK_NOTE
from diffviewer.ui.versions import VersionList
from diffviewer.ui.view import ComparisonView, same_inputs
from diffviewer.ui.watcher import FileWatcher
from diffviewer.ui.window_dialogs import DialogCommands
from diffviewer.ui.window_versions import VersionCommands
from diffviewer.ui.worker import CompareWorker

log = logging.getLogger(__name__)

APP_TITLE = "diffviewer"
HINT = "Drop files here or use File › Open"


def _after(toolbar: QToolBar, action: QAction) -> QAction | None:
    """The toolbar entry after ``action`` (to insert a widget beside it), None at the end."""
    entries = toolbar.actions()
    place = entries.index(action) + 1 if action in entries else len(entries)
    return entries[place] if place < len(entries) else None


class MainWindow(VersionCommands, DialogCommands, QMainWindow):
    """The window; its version commands and its dialogs come from the two mixins."""

    def __init__(self, settings: Settings, options: CompareOptions | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        self.options = options or settings.compare_options()
        self.versions = VersionList(self)
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
        self.toggles = MenuToggles(self.acts, settings, self)
        self._build_status_bar()
        self.navigator = ChangeNavigator(self.view, self.status_line, self)
        self.arrows = PaletteIcons(
            self,
            up=[self.acts["view_previous_change"], self.acts["view_first_change"]],
            down=[self.acts["view_next_change"], self.acts["view_last_change"]],
        )
        self.status_line.addPermanentWidget(self.navigator.status_label)
        toolbar.insertWidget(
            _after(toolbar, self.acts["view_next_change"]), self.navigator.toolbar_label
        )

        self.worker = CompareWorker(self)
        self.watcher = FileWatcher(self)
        self._changed_on_disk: list[str] = []
        self.setAcceptDrops(True)
        self._connect()
        self.editing = EditController(self)  # after _connect: it sees each comparison shown
        self.editing.modified_changed.connect(self._refresh)
        self.corrections = KindCorrections(self)
        self._restore()
        self._refresh()

    def _build_central(self) -> None:
        """Message bar, then the view (or the empty-state hint), then the find bar."""
        self.view = ComparisonView(self)
        self.view.setObjectName("comparison_view")
        self.hint = EmptyHint(HINT, self)
        self.hint.open_requested.connect(self.open_dialog)
        self.hint.example_requested.connect(self.open_example)
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
        self.drop_hint = DropHint(central, "Drop to add as the next version")

    def _build_status_bar(self) -> None:
        self.status_line = StatusLine(self)
        self.setStatusBar(self.status_line)
        self.summary_label = self.status_line.summary

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
            "file_close_version": lambda: self.remove_version(len(self.versions) - 1),
            "file_export": self.export_dialog,
            "file_print": self.print_comparison,
            "file_quit": self.close,
            "file_recent_clear": self._clear_recent,
            "edit_copy": view.copy_selection,
            "edit_copy_summary": self.copy_summary,
            "edit_find": self.find_bar.open_bar,
            "edit_find_next": lambda: self._find_again(False),
            "edit_find_previous": lambda: self._find_again(True),
            "edit_preferences": self.preferences_dialog,
            "view_next_change": self.navigator.next,
            "view_previous_change": self.navigator.previous,
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
        self.toggles.hidden_kinds_changed.connect(self._on_hidden_kinds)
        self.toggles.hide_typographic_changed.connect(self._on_hide_typographic)
        self.toggles.options_changed.connect(self.set_options)
        a["view_only_changes"].toggled.connect(self._set_only_changes)
        a["view_highlight_next"].toggled.connect(view.set_highlight_next)
        for action_id, key, setter in (
            ("view_line_numbers", KEYS.LINE_NUMBERS, view.set_line_numbers),
            ("view_whitespace", KEYS.SHOW_WHITESPACE, view.set_show_whitespace),
        ):
            a[action_id].toggled.connect(setter)
            a[action_id].toggled.connect(lambda on, key=key: self.settings.set(key, on))
        a["view_change_list"].toggled.connect(self.change_dock.setVisible)
        self.change_dock.visibilityChanged.connect(self._dock_visibility)
        a["view_raw_vs_cleaned"].toggled.connect(self._show_cleaning)
        self.cleaning_dock.visibilityChanged.connect(self._dock_visibility)

        view.current_change_changed.connect(self.change_list.set_current_change)
        self.change_list.change_activated.connect(view.goto_change)
        view.encoding_change_requested.connect(self._choose_encoding)
        view.paths_dropped_on_version.connect(self.replace_version)
        view.version_remove_requested.connect(self.remove_version)
        view.version_move_requested.connect(self.versions.move)
        self.versions.changed.connect(self.recompare)
        self.find_bar.find_requested.connect(self._find)
        self.find_bar.find_typed.connect(self._find_typed)
        self.find_bar.closed.connect(view.clear_find)  # Esc: no highlights left behind
        self.find_bar.closed.connect(view.setFocus)
        self.message_bar.action_triggered.connect(self.reload)

        self.worker.first_look.connect(self._on_first_look)
        self.worker.finished.connect(self._on_compared)
        self.worker.cancelled.connect(self._drop_first_look)
        self.worker.failed.connect(self._on_failed)
        self.worker.crashed.connect(self._on_crashed)
        self.worker.progress.connect(self.status_line.set_fraction)
        self.worker.busy_changed.connect(self.status_line.set_busy)
        self.status_line.cancel_requested.connect(self.worker.cancel)
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
        self.view.set_zoom(s.get(KEYS.ZOOM))
        self.view.set_context_rows(s.get(KEYS.CONTEXT_ROWS))
        self.acts["view_only_changes"].setChecked(s.get(KEYS.ONLY_CHANGES))
        self.acts["view_line_numbers"].setChecked(s.get(KEYS.LINE_NUMBERS))
        self.acts["view_whitespace"].setChecked(s.get(KEYS.SHOW_WHITESPACE))
        self.toggles.restore(self.options)
        self._refresh_recent()
        self.acts["view_change_list"].setChecked(not self.change_dock.isHidden())
        self.acts["view_raw_vs_cleaned"].setChecked(not self.cleaning_dock.isHidden())

    # ------------------------------------------------------------------ comparing
    def recompare(self) -> None:
        """Ask the worker for the current versions; fewer than two: show the hint."""
        request = self.versions.request(self.options)
        if request is None:
            self.worker.cancel()
            self._show_comparison(None)
        else:
            self.worker.request(self.editing.amend(request))

    def set_options(self, options: CompareOptions) -> None:
        self.options = options
        self.toggles.show_options(options)
        self.recompare()

    @Slot(object)
    def _on_compared(self, comparison: Comparison) -> None:
        self.versions.mark_good()
        corrected = self.corrections.apply(comparison)
        assert corrected is not None
        self._show_comparison(corrected)
        self._show_decoding_warnings(comparison)

    @Slot(object)
    def _on_first_look(self, look: Comparison) -> None:
        """A large comparison's rows before its kinds and changes (``Comparison.first_look``):
        shown at once, unless the window shows these files already (a changed option keeps the
        full comparison on screen until the new one comes)."""
        if same_inputs(self._comparison, look):
            return
        self._show_comparison(None)
        self.view.set_comparison(look, self.options.rules_files)
        self.change_list.set_comparison(look)
        self.cleaning.set_comparison(look)
        self._refresh()

    def _drop_first_look(self) -> None:
        """The comparison a first look promised will not come (failed, cancelled)."""
        shown = self.view.comparison()
        if shown is not None and shown.first_look:
            self._show_comparison(self._comparison)

    def show_corrected(self, comparison: Comparison | None) -> None:
        """Show ``comparison`` with other kinds (a correction), keeping the place."""
        self._show_comparison(comparison)

    def _show_decoding_warnings(self, comparison: Comparison) -> None:
        """Say what decoding had to guess or replace (an invalid byte and its offset…)."""
        if self._changed_on_disk:
            return  # The reload offer matters more; the header tooltips keep the warnings.
        lines = [f"{v.name}: {w}" for v in comparison.versions for w in v.warnings]
        if lines:
            more = (
                f"\n… and {len(lines) - 3} more (see the column tooltips)" if len(lines) > 3 else ""
            )
            self.message_bar.show_message("\n".join(lines[:3]) + more)

    def _show_comparison(self, comparison: Comparison | None) -> None:
        self._comparison = comparison
        # The worker drops stale results: this comparison was made with the current options.
        self.view.set_comparison(comparison, self.options.rules_files)
        self.change_list.set_comparison(comparison)
        self.cleaning.set_comparison(comparison)
        self.watcher.set_paths(self.versions.paths if comparison is not None else [])
        self._refresh()

    @Slot(str, str)
    def _on_failed(self, message: str, path: str) -> None:
        self._drop_first_look()
        show_error(self, "Cannot compare", load_error_text(message))
        if self.versions.recover(path):
            self.recompare()
        else:
            self._refresh()

    @Slot(str)
    def _on_crashed(self, text: str) -> None:
        self._drop_first_look()
        exception_hook().report(text)

    def comparison(self) -> Comparison | None:
        return self._comparison

    def _refresh(self) -> None:
        """Title, hint, status line and which actions make sense now."""
        names = [
            ("● " if self.editing.is_modified(path) else "") + os.path.basename(path)
            for path in self.versions.paths
        ]
        self.setWindowTitle(f"{' ↔ '.join(names)} — {APP_TITLE}" if names else APP_TITLE)
        have = self._comparison is not None
        first_look = not have and self.view.comparison() is not None
        self.stack.setCurrentWidget(self.view if have or first_look else self.hint)
        if len(names) == 1:
            self.hint.show_hint(names[0])
        elif not have:
            self.hint.show_hint()
        if have:
            from diffviewer.core.summary import one_line

            assert self._comparison is not None
            self.status_line.set_summary(one_line(self._comparison))
        elif first_look:
            rows = len(self.view.comparison().rows)  # type: ignore[union-attr]
            self.status_line.set_summary(f"{rows:,} rows aligned. {FIRST_LOOK_NOTE}")
        else:
            self.status_line.set_summary("Open two or more versions to compare them.")
        self._refresh_filter_note()
        for action_id in (
            "file_export", "file_print", "edit_copy_summary", "edit_copy", "edit_find",
            "edit_find_next", "edit_find_previous", "view_next_change", "view_previous_change",
            "view_first_change", "view_last_change", "file_save_as", "edit_paragraph",
            "edit_copy_left", "edit_copy_right",
        ):  # fmt: skip
            self.acts[action_id].setEnabled(have)
        self.acts["file_save"].setEnabled(bool(self.editing.modified_paths()))
        self.acts["file_reload"].setEnabled(len(self.versions) >= 2)
        self.acts["file_close_version"].setEnabled(len(self.versions) > 0)

    def _set_only_changes(self, on: bool) -> None:
        self.view.set_only_changes(on)
        self.settings.set(KEYS.ONLY_CHANGES, on)

    def _refresh_filter_note(self) -> None:
        toggles = self.toggles
        note = filter_note(self._comparison, toggles.hidden_kinds(), toggles.hide_typographic())
        self.status_line.set_note(note)

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
        return set(self.toggles.hidden_kinds())

    def set_hidden_kinds(self, kinds: Iterable[Kind]) -> None:
        self.toggles.set_hidden_kinds(kinds)

    @Slot(object)
    def _on_hidden_kinds(self, hidden: frozenset[Kind]) -> None:
        self.view.set_hidden_kinds(hidden)
        self.change_list.set_hidden_kinds(hidden)
        self._refresh_filter_note()

    @Slot(bool)
    def _on_hide_typographic(self, hide: bool) -> None:
        self.view.set_hide_typographic(hide)
        self._refresh_filter_note()

    def _show_cleaning(self, shown: bool) -> None:
        self.cleaning_dock.setVisible(shown)
        if shown:  # Sized once laid out: the dock's height is known only then.
            QTimer.singleShot(0, self._size_cleaning_dock)

    def _size_cleaning_dock(self) -> None:
        """A report squeezed under the change list (a new dock gets its minimum height, ~130 px)
        gets half the column; a height the user chose, or a saved layout's, is kept."""
        dock, other = self.cleaning_dock, self.change_dock
        if dock.isHidden() or dock.isFloating() or other.isHidden() or other.isFloating():
            return
        column = dock.height() + other.height()
        if dock.height() * 3 < column:
            self.resizeDocks([other, dock], [column // 2, column // 2], Qt.Orientation.Vertical)

    def _dock_visibility(self) -> None:
        for dock, action_id in (
            (self.change_dock, "view_change_list"),
            (self.cleaning_dock, "view_raw_vs_cleaned"),
        ):
            action = self.acts[action_id]
            action.blockSignals(True)
            action.setChecked(not dock.isHidden())
            action.blockSignals(False)

    @Slot(str, bool, bool)
    def _find(self, text: str, backwards: bool, case_sensitive: bool) -> None:
        found = self.view.find(text, backwards=backwards, case_sensitive=case_sensitive)
        self.find_bar.show_result(found, self.view.find_position() if found else (0, 0))

    @Slot(str, bool)
    def _find_typed(self, text: str, case_sensitive: bool) -> None:
        """Find as you type: the first match from the current one on; no text, no highlights."""
        if not text:
            self.view.clear_find()
            self.find_bar.show_result(True)
            return
        found = self.view.find(text, case_sensitive=case_sensitive, from_current=True)
        self.find_bar.show_result(found, self.view.find_position() if found else (0, 0))

    def _find_again(self, backwards: bool) -> None:
        """Find Next/Previous (F3, Ctrl+G): with nothing to find yet, open the find bar."""
        if self.find_bar.edit.text():
            self.find_bar.search(backwards=backwards)
        else:
            self.find_bar.open_bar()

    # ------------------------------------------------------------------ recent files
    def _refresh_recent(self, recent: list[str] | None = None) -> None:
        show_recent(self.acts, self.settings.recent_files() if recent is None else recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self._refresh_recent([])

    # ------------------------------------------------------------------ Qt events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accept_files(event):
            self.drop_hint.show_hint()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_files(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_hint.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_hint.hide()
        paths = accept_files(event)  # Copy, never the source's Move: the file must stay
        if paths:
            self.add_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editing.confirm_discard(doing="closing"):
            event.ignore()
            return
        self.editing.forget()
        self.worker.wait()
        self.settings.set(KEYS.GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set(KEYS.STATE, QByteArray(self.saveState()))
        self.settings.set(KEYS.ZOOM, self.view.zoom())
        self.settings.sync()
        super().closeEvent(event)
