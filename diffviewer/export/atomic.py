"""Atomic file writes: the destination holds either the old content or the whole new one.

``write_atomic`` writes to a hidden temporary file in the destination's folder (so the final
``os.replace`` never crosses a file system), flushes and fsyncs it, gives it the destination's
permissions, then renames it over the destination. On failure the temporary file is removed
and ``ExportError`` names the file and the operating system's reason; the old file is untouched.
A process killed mid-write leaves the destination intact and, at worst, a ``.NAME.*.tmp`` file.

``data`` may come in pieces (an iterable of strings, encoded and written one by one), so a
large report is never held whole as text and again as bytes. Bytes go out through ``os.write``
on a raw descriptor (not a buffered file object) so that every write is one system call and its
error is seen here, not at close.
Imports: the standard library and ``core.errors`` only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from diffviewer.core.errors import ExportError

_CHUNK = 1 << 20  # Bounded writes: a huge export never needs one giant syscall.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no FIFOs to wait on


def current_umask() -> int:
    """The process umask, read without changing it where the platform allows.

    ``os.umask`` can only be read by setting it, which races with other threads creating
    files; Linux publishes it in /proc/self/status (kernel ≥ 4.7), so that is tried first.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(error: OSError) -> str:
    if error.strerror:
        return error.strerror
    if error.errno:
        return os.strerror(error.errno)
    return str(error) or type(error).__name__


def _target_mode(dest: Path) -> int:
    """The destination's permission bits when it exists, else what ``open()`` would give."""
    try:
        return stat.S_IMODE(os.stat(dest).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def _write_all(fd: int, payloads: Iterable[bytes]) -> None:
    for payload in payloads:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view[:_CHUNK])
            view = view[written:]


def _encoded(shown: str, pieces: Iterable[str], encoding: str) -> Iterator[bytes]:
    for piece in pieces:
        try:
            yield piece.encode(encoding)
        except (UnicodeEncodeError, LookupError) as error:
            raise ExportError(f"{shown}: cannot encode as {encoding}: {error}") from error


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort (not possible on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_special(shown: str, dest: Path, payloads: Iterable[bytes]) -> None:
    """Write to a device or pipe (``/dev/stdout``, ``/dev/full``, a FIFO) in place.

    Renaming a temporary file over such a path would replace the device node itself (as root,
    ``/dev/full`` would become a regular file), so these are written directly; there is no old
    content to keep.
    """
    try:
        # Non-blocking: opening a FIFO for writing waits for a reader, maybe forever.
        fd = os.open(dest, os.O_WRONLY | os.O_APPEND | _NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO and stat.S_ISFIFO(os.stat(dest).st_mode):
            raise ExportError(
                f"{shown}: is a named pipe (FIFO) with no reader; start the reader first"
            ) from error
        raise ExportError(f"{shown}: {_reason(error)}") from error
    try:
        if _NONBLOCK:
            os.set_blocking(fd, True)  # a full pipe must make the writes wait, not fail
        _write_all(fd, payloads)
    except OSError as error:
        raise ExportError(f"{shown}: {_reason(error)}") from error
    finally:
        os.close(fd)


def write_atomic(
    path: str | os.PathLike[str], data: str | bytes | Iterable[str], encoding: str = "utf-8"
) -> None:
    """Write ``data`` (text, bytes, or text in pieces) to ``path`` all at once or not at all.

    A symlink at ``path`` is kept: its target is replaced. A device or pipe is written in
    place (see ``_write_special``). Raises ``ExportError`` naming
    ``path`` and the reason ("No space left on device", "Permission denied"…).
    """
    shown = os.fspath(path)
    payloads: Iterable[bytes]
    if isinstance(data, bytes | bytearray | memoryview):
        payloads = (bytes(data),)
    elif isinstance(data, str):
        payloads = tuple(_encoded(shown, (data,), encoding))  # Encoded before any file is made.
    else:
        payloads = _encoded(shown, data, encoding)  # An error removes the temporary file.
    dest = Path(os.path.realpath(shown))
    if dest.is_dir():
        raise ExportError(f"{shown}: is a folder")
    if dest.exists() and not dest.is_file():
        _write_special(shown, dest, payloads)
        return
    try:
        mode = _target_mode(dest)
        fd, temp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    except OSError as error:
        raise ExportError(f"{shown}: {_reason(error)}") from error
    try:
        try:
            _write_all(fd, payloads)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp_name, mode)
        os.replace(temp_name, dest)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise ExportError(f"{shown}: {_reason(error)}") from error
        raise
    _fsync_folder(dest.parent)
