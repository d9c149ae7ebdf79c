"""One function run in a forked child process while the caller goes on: a second core for the
headless command.

``Forked(func, *args)`` forks; the child calls ``func(*args)``, writes the result (plain values
that ``marshal`` takes: numbers, strings, lists, tuples, dicts) to a pipe and leaves with
``os._exit``, so it runs no exit handlers and flushes none of the parent's buffers.
``result()`` reads the result and reaps the child.

With ``fed=True`` the child calls ``func(receive, *args)`` instead, and ``receive()`` returns
the value the caller hands over later with ``send(value)``: the child can prepare (load its
rules) while the caller computes what it needs (the paragraphs' keys).

Whenever the child cannot deliver (no ``os.fork``, as on Windows; fork failed; the child raised,
was killed or wrote nothing), ``result()`` calls the function in the caller instead, with the
value sent if fed: the result, and any error with its message, are what a call without the
child gives.

Only for single-threaded callers (fork copies the calling thread alone: a lock another thread
held stays locked in the child): the ``--summary`` command uses it, the viewer does not. While
another Python thread runs, no child is made and the work is done in the caller. (The thread
that writes what ``send`` hands over starts after the fork, and ends before ``result``
returns.)
Imports: the standard library only.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_CHUNK = 1 << 20
_NOTHING = object()


class Forked(Generic[T]):
    """``func(*args)`` (fed: ``func(receive, *args)``), in a child process when possible."""

    def __init__(self, func: Callable[..., T], *args: Any, fed: bool = False) -> None:
        self._func = func
        self._args = args
        self._fed = fed
        self._sent: Any = _NOTHING
        self._pid: int | None = None
        self._read: int | None = None
        self._feed: int | None = None
        self._writer: threading.Thread | None = None
        if not hasattr(os, "fork") or threading.active_count() > 1:
            return  # No fork here, or a thread that fork would leave behind: work in-process.
        pipes: list[int] = []
        try:
            pipes.extend(os.pipe())  # child → parent: the result
            if fed:
                pipes.extend(os.pipe())  # parent → child: the value sent
            pid = os.fork()
        except OSError:
            for end in pipes:
                os.close(end)
            return
        if pid == 0:  # The child: never returns.
            os.close(pipes[0])
            if fed:
                os.close(pipes[3])
                feed = pipes[2]
                args = (lambda: marshal.loads(_read_all(feed)), *args)
            _serve(pipes[1], func, args)
        os.close(pipes[1])
        if fed:
            os.close(pipes[2])
            self._feed = pipes[3]
        self._pid, self._read = pid, pipes[0]

    @property
    def running(self) -> bool:
        """Whether a child was started (and not yet collected): False where fork failed."""
        return self._pid is not None

    def send(self, value: Any) -> None:
        """Hand ``value`` to a fed child's ``receive()`` (kept for the caller's own use, too).

        A thread writes it: a pipe holds 64 KB, so the write lasts until the child has read
        everything, and the caller need not wait for that (the thread waits in the system
        call, without the interpreter lock).
        """
        self._sent = value
        if self._feed is None:
            return
        feed, self._feed = self._feed, None
        try:
            data = marshal.dumps(value)
        except ValueError:  # Not plain data: no child can have it; ``result`` computes here.
            os.close(feed)
            return
        self._writer = threading.Thread(target=_write_all, args=(feed, data), daemon=True)
        self._writer.start()

    def result(self) -> T:
        """The child's result, or the function's computed here if the child did not deliver."""
        if self._feed is not None:  # Never sent: the child would wait forever.
            self.cancel()
        data = self._collect()
        self._join_writer()
        if data is not None:
            try:
                result: T = marshal.loads(data)
            except (EOFError, ValueError, TypeError):
                pass
            else:
                return result
        if not self._fed:
            return self._func(*self._args)
        sent = self._sent
        if sent is _NOTHING:
            raise RuntimeError("a fed Forked job needs send() before result()")
        return self._func(lambda: sent, *self._args)

    def cancel(self) -> None:
        """Stop the child if it still runs (the caller no longer needs the result)."""
        if self._feed is not None:
            os.close(self._feed)
            self._feed = None
        if self._pid is not None:
            with contextlib.suppress(OSError):  # It may have finished already.
                os.kill(self._pid, signal.SIGKILL)
        self._collect()
        self._join_writer()  # The child is gone: its pipe breaks, the write ends.

    def _join_writer(self) -> None:
        if self._writer is not None:
            self._writer.join()
            self._writer = None

    def _collect(self) -> bytes | None:
        """Read everything the child wrote and reap it; None if it did not succeed."""
        if self._pid is None or self._read is None:
            return None
        pid, read = self._pid, self._read
        self._pid = self._read = None
        try:
            data = _read_all(read)
        except OSError:
            data = b""
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except ChildProcessError:
                return None
            except InterruptedError:  # pragma: no cover - retried by Python since 3.5
                continue
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0) or not data:
            return None
        return data


def _write_all(end: int, data: bytes) -> None:
    """Write ``data`` (usually in one blocking call) and close ``end``; a gone reader ends it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(end, view) :]
    except OSError:
        pass  # The child is gone: ``result`` computes here.
    finally:
        os.close(end)


def _read_all(end: int) -> bytes:
    """Everything until the other end closes; closes ``end``."""
    chunks: list[bytes] = []
    try:
        while chunk := os.read(end, _CHUNK):
            chunks.append(chunk)
    finally:
        os.close(end)
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
