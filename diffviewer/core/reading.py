"""Bytes from a path, safely: a regular file, within a size limit, read without blocking.

``read_checked`` is what every user-supplied file goes through before anything looks at its
content: the versions (``core.loading``) and the rules files (``core.rules``). It checks with
``os.stat`` that the path is a regular file (a FIFO, device, socket or folder is refused
before it is opened, so reading never blocks), that its size is within the limit, and reads at
most the file's size plus one byte: a limit is a ceiling, never an allocation.
Imports: the standard library and ``core.errors`` only.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from diffviewer.core.errors import (
    FileMissingError,
    FilePermissionError,
    FileTooLargeError,
    LoadError,
    NotAFileError,
)

__all__ = ["read_checked"]

_GROWTH_STEP = 1 << 20


def read_checked(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; a ``LoadError`` naming it if not
    (a FIFO or device is refused before it is opened, so reading never blocks)."""
    shown = os.fspath(path)
    info = _stat_regular_file(shown)
    _check_size(shown, info.st_size, max_bytes)
    return _read(shown, max_bytes)


def _stat_regular_file(shown: str) -> os.stat_result:
    try:
        info = os.stat(shown)
    except FileNotFoundError:
        if os.path.islink(shown):
            raise FileMissingError(
                shown, f"is a symbolic link to {os.readlink(shown)!r}, which does not exist"
            ) from None
        raise FileMissingError(shown, "no such file; check the name and the folder") from None
    except NotADirectoryError:
        raise FileMissingError(
            shown, "no such file: a part of the path before the name is a file, not a folder"
        ) from None
    except PermissionError:
        raise FilePermissionError(
            shown, "permission denied: a folder on the way to the file may not be opened"
        ) from None
    except OSError as error:
        raise LoadError(shown, error.strerror or str(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAFileError(shown, "is a folder, not a file; choose a text file inside it")
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(
            shown, f"is {_file_type(info.st_mode)}, not a regular file; save the text to a file"
        )
    return info


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _check_size(shown: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise FileTooLargeError(
            shown,
            f"is {_describe_size(size)}, above the size limit of {_describe_size(max_bytes)}; "
            "the limit is configurable: raise the maximum file size to open it",
        )


def _describe_size(size: int) -> str:
    """``812 bytes``, ``1.5 MiB (1,572,864 bytes)``."""
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    unit = "KiB"
    for bigger in ("MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit} ({size:,} bytes)"


def _read(shown: str, max_bytes: int) -> bytes:
    # O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not hang.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(shown, flags | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise FilePermissionError(
            shown, "permission denied: you may not read this file; ask its owner for access"
        ) from None
    except FileNotFoundError:
        raise FileMissingError(shown, "no such file (it disappeared while opening)") from None
    except IsADirectoryError:
        raise NotAFileError(shown, "is a folder, not a file") from None
    except OSError as error:
        raise LoadError(shown, error.strerror or str(error)) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise NotAFileError(shown, f"is {_file_type(info.st_mode)}, not a regular file")
            data = _read_bounded(handle, info.st_size, max_bytes)
        except OSError as error:
            raise LoadError(shown, error.strerror or str(error)) from None
    _check_size(shown, len(data), max_bytes)
    return data


def _read_bounded(handle: BinaryIO, size: int, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes (one more tells a file that grew past the limit), asking
    for the size the file has, never for the limit: a limit is a ceiling, not an allocation."""
    limit = max_bytes + 1
    data = handle.read(min(limit, size + 1))
    if len(data) <= size:
        return data
    parts = [data]  # the file grew since the stat: read on, in bounded steps
    total = len(data)
    while total < limit:
        part = handle.read(min(limit - total, _GROWTH_STEP))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)
