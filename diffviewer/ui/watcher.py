"""Watches the open files and reports, coalesced, which changed on disk and which went missing.

``QFileSystemWatcher`` forgets a file the moment an editor saves it "atomically" (write a temp
file, rename it over the old one): the watched inode is gone. So the folder of every file is
watched too, a file that reappears is added again, and each report is checked against the
file's (mtime, size) signature, which also drops the duplicate notifications a single save
makes. Reports are batched over a short delay so one save gives one message.
Imports: PySide6.QtCore and the standard library.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

_COALESCE_MS = 150

Signature = tuple[int, int] | None


def _signature(path: str) -> Signature:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


class FileWatcher(QObject):
    changed = Signal(list)
    """Paths whose content changed on disk (they exist)."""
    missing = Signal(list)
    """Paths deleted or renamed away."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file)
        self._watcher.directoryChanged.connect(self._on_directory)
        self._signatures: dict[str, Signature] = {}
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_COALESCE_MS)
        self._timer.timeout.connect(self._flush)

    def paths(self) -> list[str]:
        return list(self._signatures)

    def set_paths(self, paths: Sequence[str]) -> None:
        """Watch exactly ``paths`` (and their folders), remembering their current state."""
        self._timer.stop()
        self._pending.clear()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._signatures = {os.path.abspath(path): None for path in paths}
        for path in self._signatures:
            self._signatures[path] = _signature(path)
            self._add(path)
        folders = {os.path.dirname(path) for path in self._signatures}
        existing = [folder for folder in folders if os.path.isdir(folder)]
        if existing:
            self._watcher.addPaths(existing)

    def acknowledge(self, paths: Sequence[str]) -> None:
        """The caller has read ``paths`` again: their current state is the new baseline."""
        for path in map(os.path.abspath, paths):
            if path in self._signatures:
                self._signatures[path] = _signature(path)
                self._add(path)

    def _add(self, path: str) -> None:
        if os.path.exists(path) and path not in self._watcher.files():
            self._watcher.addPath(path)

    @Slot(str)
    def _on_file(self, path: str) -> None:
        self._pending.add(path)
        self._timer.start()

    @Slot(str)
    def _on_directory(self, folder: str) -> None:
        for path in self._signatures:
            if os.path.dirname(path) == os.path.normpath(folder):
                self._pending.add(path)
        if self._pending:
            self._timer.start()

    @Slot()
    def _flush(self) -> None:
        changed: list[str] = []
        missing: list[str] = []
        for path in sorted(self._pending):
            if path not in self._signatures:
                continue
            now = _signature(path)
            if now == self._signatures[path]:
                continue
            self._signatures[path] = now
            if now is None:
                missing.append(path)
            else:
                self._add(path)  # re-arm after an atomic replace
                changed.append(path)
        self._pending.clear()
        if missing:
            self.missing.emit(missing)
        if changed:
            self.changed.emit(changed)
