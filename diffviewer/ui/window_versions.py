"""The main window's commands on its list of versions: open, add, replace, remove, reload.

``VersionCommands`` is a mixin of ``MainWindow`` (ui/mainwindow.py), which it relies on for
``versions`` (ui/versions.py), ``editing`` (asked before unsaved edits are dropped),
``settings`` and ``_refresh_recent`` (recent files), ``message_bar``, ``_changed_on_disk`` and
``recompare``. Opening files by dialog, by the
bundled example, by a recent-files entry or by a drop all end here.
Imports: PySide6, ``assets``, ``ui.dialogs.about``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QFileDialog

from diffviewer.assets import example_paths
from diffviewer.ui.dialogs.about import encoding_menu


class VersionCommands:
    """Open, add, replace, remove, reorder and reload the window's versions."""

    @property
    def paths(self) -> list[str]:
        return self.versions.paths

    @property
    def encodings(self) -> list[str | None]:
        return self.versions.encodings

    def add_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Add files as the next versions (in order) and compare when there are two or more."""
        new = self.versions.add(paths)
        if new:
            self._refresh_recent(self.settings.add_recent_files(new))

    def add_arrived(self, paths: Sequence[str]) -> None:
        """Files handed over by the file manager (a double-click, a second launch, an open
        event): those not open yet are added; a file already open is not added again (as an
        editor brings its tab forward instead of opening a second), and the message bar says so."""
        new, again = [], []
        for path in paths:
            (again if _is_open(path, [*self.versions.paths, *new]) else new).append(path)
        self.add_paths(new)
        if again:
            names = ", ".join(os.path.basename(path) for path in again)
            verb = "is" if len(again) == 1 else "are"
            self.message_bar.show_message(
                f"{names} {verb} already open. To compare a file with itself, use File › Open."
            )

    def set_paths(self, paths: Sequence[str | os.PathLike[str]]) -> None:
        """Replace every version with ``paths``."""
        if not self.editing.confirm_discard(doing="opening other files"):
            return
        self.editing.forget()
        new = self.versions.set(paths)
        if new:
            self._refresh_recent(self.settings.add_recent_files(new))

    def open_example(self) -> None:
        self.set_paths([str(path) for path in example_paths()])

    def open_dialog(self) -> None:
        paths = self.versions.paths
        folder = os.path.dirname(paths[-1]) if paths else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, "Open versions", folder, "Text files (*.txt *.text *.md);;All files (*)"
        )
        self.add_paths(chosen)

    def replace_version(self, index: int, paths: list[str]) -> None:
        """Files dropped on version ``index``: the first replaces it, others follow it."""
        replaced = self.versions.paths[index : index + 1]
        if self.editing.confirm_discard(replaced, doing="replacing it"):
            self.versions.replace(index, paths)

    def remove_version(self, index: int) -> None:
        paths = self.versions.paths[index : index + 1]
        if paths and self.editing.confirm_discard(paths, doing="removing it"):
            if paths[0] not in self.versions.paths[:index] + self.versions.paths[index + 1 :]:
                self.editing.forget(paths)
            self.versions.remove(index)

    def move_version(self, source: int, target: int) -> None:
        self.versions.move(source, target)

    def set_version_encoding(self, index: int, encoding: str | None) -> None:
        self.versions.set_encoding(index, encoding)

    @Slot(int)
    def _choose_encoding(self, index: int) -> None:
        if not 0 <= index < len(self.versions):
            return
        menu = encoding_menu(self, self.versions.encoding(index))
        menu.triggered.connect(lambda action: self.versions.set_encoding(index, action.data()))
        menu.popup(QCursor.pos())

    def reload(self) -> None:
        if not self.editing.confirm_discard(doing="reading the files again"):
            return
        self.editing.forget()
        self.message_bar.hide()
        self._changed_on_disk = []
        self.recompare()


def _is_open(path: str, open_paths: Sequence[str]) -> bool:
    """Whether ``path`` names one of ``open_paths`` (by name, or the same file by another)."""
    return path in open_paths or any(_same_file(path, other) for other in open_paths)


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # either is gone or unreadable: not known to be the same
        return False
