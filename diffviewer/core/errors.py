"""Typed errors of the engine, each with a message fit for a user (it names the file).

The CLI prints ``str(error)`` to stderr and exits 2; the UI shows it in a dialog.
Imports: the standard library only.
"""

from __future__ import annotations


class DiffViewerError(Exception):
    """Base of every error the engine raises on purpose."""


class LoadError(DiffViewerError):
    """A file could not be read or decoded. ``path`` names it, ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class FileMissingError(LoadError):
    """The file does not exist (or a symlink points nowhere)."""


class NotAFileError(LoadError):
    """The path is a directory, a FIFO, a device…"""


class FilePermissionError(LoadError):
    """The file exists but may not be read."""


class BinaryFileError(LoadError):
    """The file holds binary data, not text."""


class FileTooLargeError(LoadError):
    """The file is above the configured size limit."""


class RulesError(DiffViewerError):
    """A kind-rules file is unreadable or holds a broken pattern. Names the file and line."""


class ExportError(DiffViewerError):
    """An export could not be written. The old file, if any, is intact."""


class Cancelled(DiffViewerError):
    """The caller's ``cancelled()`` callback turned true: the comparison was abandoned."""

    def __init__(self) -> None:
        super().__init__("Comparison cancelled")
