"""VersionList: the versions open in a window, in order, each a path and a forced encoding.

The window's one piece of document state. Every user edit (add, replace, move, remove, force an
encoding) emits ``changed`` so the window asks for a new comparison; ``mark_good`` records the
list that last compared, and ``recover`` undoes what made a comparison fail (a newly added file
that cannot be read is dropped; a forced encoding that cannot decode falls back to what worked).
Also the path helpers shared by the window and the launcher (drops, command-line arguments).
Imports: PySide6.QtCore/QtGui and ``ui.worker`` (the request a list of versions makes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QMimeData, QObject, QUrl, Signal

from diffviewer.core.options import CompareOptions
from diffviewer.ui.worker import Request, request_for


def local_paths(mime: QMimeData | None) -> list[str]:
    """The local files among dropped URLs (remote URLs and folders are not versions)."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def as_path(argument: str | os.PathLike[str]) -> str:
    """A command-line or message argument as an absolute path (``file://`` URLs too)."""
    argument = os.fspath(argument)
    if argument.startswith("file:"):
        argument = QUrl(argument).toLocalFile() or argument
    return os.path.abspath(os.path.expanduser(argument))


class VersionList(QObject):
    """Paths and forced encodings (None: detect) of the open versions, oldest first."""

    changed = Signal()
    """The list was edited by the user: compare again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths: list[str] = []
        self._encodings: list[str | None] = []
        self._good: tuple[list[str], list[str | None]] | None = None

    # ------------------------------------------------------------------ reading
    @property
    def paths(self) -> list[str]:
        return list(self._paths)

    @property
    def encodings(self) -> list[str | None]:
        return list(self._encodings)

    def __len__(self) -> int:
        return len(self._paths)

    def encoding(self, index: int) -> str | None:
        return self._encodings[index]

    def request(self, options: CompareOptions) -> Request | None:
        """What to ask the worker for; None when fewer than two versions are open."""
        if len(self._paths) < 2:
            return None
        return request_for(self._paths, options, self._encodings)

    # ------------------------------------------------------------------ editing
    def add(self, paths: Iterable[str | os.PathLike[str]]) -> list[str]:
        """Append files as the next versions, in order; returns them as absolute paths."""
        new = [as_path(path) for path in paths]
        if new:
            self._paths += new
            self._encodings += [None] * len(new)
            self.changed.emit()
        return new

    def set(self, paths: Sequence[str | os.PathLike[str]]) -> list[str]:
        """Replace every version with ``paths`` (and forget what last compared)."""
        self._paths, self._encodings, self._good = [], [], None
        new = self.add(paths)
        if not new:
            self.changed.emit()
        return new

    def replace(self, index: int, paths: Sequence[str | os.PathLike[str]]) -> bool:
        """The first of ``paths`` replaces version ``index``; the others follow it."""
        if not paths or not 0 <= index < len(self._paths):
            return False
        new = [as_path(path) for path in paths]
        self._paths[index : index + 1] = new
        self._encodings[index : index + 1] = [None] * len(new)
        self.changed.emit()
        return True

    def rename(self, index: int, path: str) -> bool:
        """Version ``index`` now lives at ``path`` (saved under another name); its forced
        encoding stays."""
        if not 0 <= index < len(self._paths):
            return False
        self._paths[index] = as_path(path)
        self.changed.emit()
        return True

    def remove(self, index: int) -> bool:
        if not 0 <= index < len(self._paths):
            return False
        del self._paths[index]
        del self._encodings[index]
        self.changed.emit()
        return True

    def move(self, source: int, target: int) -> bool:
        count = len(self._paths)
        if source == target or not (0 <= source < count and 0 <= target < count):
            return False
        self._paths.insert(target, self._paths.pop(source))
        self._encodings.insert(target, self._encodings.pop(source))
        self.changed.emit()
        return True

    def set_encoding(self, index: int, encoding: str | None) -> bool:
        """Force a codec for version ``index`` (None: detect again)."""
        if not 0 <= index < len(self._encodings):
            return False
        self._encodings[index] = encoding
        self.changed.emit()
        return True

    # --------------------------------------------------------- after comparing
    def mark_good(self) -> None:
        """The current list compared: it is what ``recover`` goes back to."""
        self._good = (list(self._paths), list(self._encodings))

    def recover(self, failed_path: str) -> bool:
        """Undo what made a comparison fail; True when the list left should be compared.

        A file added since the last good comparison that cannot be read is dropped (the others
        are kept); anything else, e.g. a forced encoding that cannot decode, returns to the list
        that last compared. Does not emit ``changed``.
        """
        bad = os.path.abspath(failed_path) if failed_path else ""
        good_paths = self._good[0] if self._good else []
        if bad in self._paths and bad not in good_paths:
            index = self._paths.index(bad)
            del self._paths[index]
            del self._encodings[index]
            if self._good is None or self._paths != good_paths:
                return True
        if self._good is not None:
            self._paths, self._encodings = list(self._good[0]), list(self._good[1])
        return False
