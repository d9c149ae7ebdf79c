"""One function run in a forked child process while the caller goes on: a second core for the
headless command.

``Forked(func, *args)`` forks; the child calls ``func(*args)``, writes the result (plain values
that ``marshal`` takes: numbers, strings, lists, tuples, dicts) to a pipe and leaves with
``os._exit``, so it runs no exit handlers and flushes none of the parent's buffers.
``result()`` reads the result and reaps the child. Whenever the child cannot deliver (no
``os.fork``, as on Windows; fork failed; the child raised, was killed or wrote nothing), it
calls ``func(*args)`` in the caller instead: the result, and any error with its message, are
what a call without the child gives.

Only for single-threaded callers (fork copies the calling thread alone: a lock another thread
held stays locked in the child): the ``--summary`` command uses it, the viewer does not.
Imports: the standard library only.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_CHUNK = 1 << 20


class Forked(Generic[T]):
    """``func(*args)``, computed in a child process when possible (see the module doc)."""

    def __init__(self, func: Callable[..., T], *args: Any) -> None:
        self._func = func
        self._args = args
        self._pid: int | None = None
        self._read: int | None = None
        if not hasattr(os, "fork"):
            return
        try:
            read, write = os.pipe()
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # The child: never returns.
            os.close(read)
            _serve(write, func, args)
        os.close(write)
        self._pid, self._read = pid, read

    @property
    def running(self) -> bool:
        """Whether a child was started (and not yet collected): False where fork failed."""
        return self._pid is not None

    def result(self) -> T:
        """The child's result, or ``func(*args)`` computed here if the child did not deliver."""
        data = self._collect()
        if data is not None:
            try:
                result: T = marshal.loads(data)
            except (EOFError, ValueError, TypeError):
                pass
            else:
                return result
        return self._func(*self._args)

    def cancel(self) -> None:
        """Stop the child if it still runs (the caller no longer needs the result)."""
        if self._pid is not None:
            with contextlib.suppress(OSError):  # It may have finished already.
                os.kill(self._pid, signal.SIGKILL)
        self._collect()

    def _collect(self) -> bytes | None:
        """Read everything the child wrote and reap it; None if it did not succeed."""
        if self._pid is None or self._read is None:
            return None
        pid, read = self._pid, self._read
        self._pid = self._read = None
        chunks: list[bytes] = []
        try:
            while chunk := os.read(read, _CHUNK):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(read)
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except ChildProcessError:
                return None
            except InterruptedError:  # pragma: no cover - retried by Python since 3.5
                continue
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0) or not chunks:
            return None
        return b"".join(chunks)


def _serve(write: int, func: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The child's whole life: compute, write, leave (status 0 only when all was written)."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends the child at once.
        data = memoryview(marshal.dumps(func(*args)))
        while data:
            data = data[os.write(write, data) :]
        status = 0
    except BaseException:  # Whatever went wrong, the parent computes again and reports it.
        pass
    finally:
        try:
            os.close(write)
        finally:
            os._exit(status)
