"""Runs ``core.compare.compare_files`` off the GUI thread, with progress, cancel and generations.

Each :meth:`CompareWorker.request` gets a new generation number and cancels the request before
it; a result, error or progress report of an older generation is dropped on arrival (git-cola's
command timestamps), so a slow comparison finishing late never overwrites a newer one.
The job runs in a private ``QThreadPool``; it talks back only through signals of a QObject that
lives on the GUI thread, so every slot runs there (queued connections).
Imports: PySide6.QtCore, ``core`` (compare, editing, errors, loading, model, options).
"""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from diffviewer.core.errors import Cancelled, DiffViewerError
from diffviewer.core.loading import LoadedText
from diffviewer.core.model import Comparison
from diffviewer.core.options import CompareOptions

log = logging.getLogger(__name__)

_PROGRESS_STEPS = 200  # Progress reports are rounded to 0.5 %: no signal flood from the core.


@dataclass(frozen=True, slots=True)
class Request:
    """What to compare: the files in order, the options, a forced codec per file (or None),
    and the text being edited of a file (or None: read it from disk)."""

    paths: tuple[str, ...]
    options: CompareOptions
    encodings: tuple[str | None, ...] = ()
    texts: tuple[LoadedText | None, ...] = ()


class _Relay(QObject):
    """Signals emitted from the pool thread; lives on the GUI thread (queued delivery)."""

    progress = Signal(int, float)
    first_look = Signal(int, object)
    done = Signal(int, object)
    failed = Signal(int, str, str)
    crashed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, generation: int, request: Request, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.generation = generation
        self.request = request
        self.relay = relay
        self.cancel_event = threading.Event()
        self._last_step = -1

    def _progress(self, fraction: float) -> None:
        step = int(max(0.0, min(1.0, fraction)) * _PROGRESS_STEPS)
        if step != self._last_step:
            self._last_step = step
            self.relay.progress.emit(self.generation, step / _PROGRESS_STEPS)

    def _first_look(self, comparison: Comparison) -> None:
        self.relay.first_look.emit(self.generation, comparison)

    def run(self) -> None:
        from diffviewer.core.compare import compare_files
        from diffviewer.core.editing import compare_edited

        request = self.request
        gc.unfreeze()  # The comparison shown now is being replaced: see below.
        try:
            if any(request.texts):
                result = compare_edited(
                    request.paths,
                    request.texts,
                    request.options,
                    encodings=request.encodings,
                    progress=self._progress,
                    cancelled=self.cancel_event.is_set,
                    first_look=self._first_look,
                )
            else:
                result = compare_files(
                    request.paths,
                    request.options,
                    encodings=list(request.encodings) or None,
                    progress=self._progress,
                    cancelled=self.cancel_event.is_set,
                    first_look=self._first_look,
                )
        except Cancelled:
            log.debug("comparison %d cancelled", self.generation)
        except DiffViewerError as error:
            self.relay.failed.emit(self.generation, str(error), getattr(error, "path", ""))
        except Exception:  # A bug: shown in the traceback dialog, the app keeps running.
            self.relay.crashed.emit(self.generation, traceback.format_exc())
        else:
            # A comparison is long-lived and acyclic (frozen dataclasses, tuples), ~20 objects a
            # paragraph: set aside from the cyclic collector, which would otherwise walk them
            # all on the GUI thread just before the first paint (0.15 s at 50,000 paragraphs)
            # and again soon after (a 90 ms stall). Reference counting still frees them.
            gc.freeze()
            self.relay.done.emit(self.generation, result)


class CompareWorker(QObject):
    """Compares in the background. Signals carry only the newest request's outcome."""

    started = Signal(int)
    """A request began (generation)."""
    progress = Signal(float)
    """0..1 of the current request."""
    first_look = Signal(object)
    """A large comparison's rows before its kinds and changes (``Comparison.first_look``);
    ``finished`` follows, unless the request fails or is cancelled or replaced."""
    finished = Signal(object)
    """The Comparison of the current request."""
    failed = Signal(str, str)
    """A LoadError or other DiffViewerError: (message naming the file, that file's path or "")."""
    crashed = Signal(str)
    """An unexpected exception in the engine: its traceback."""
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # a cancelled job may still be winding down
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.first_look.connect(self._on_first_look)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.crashed.connect(self._on_crashed)
        self._generation = 0
        self._current: _Job | None = None

    def generation(self) -> int:
        return self._generation

    def is_busy(self) -> bool:
        return self._current is not None

    def request(self, request: Request) -> int:
        """Start comparing; any earlier request is cancelled and its result will be dropped."""
        self._cancel_current()
        self._generation += 1
        job = _Job(self._generation, request, self._relay)
        self._current = job
        self._pool.start(job)
        self.started.emit(self._generation)
        self.busy_changed.emit(True)
        return self._generation

    def cancel(self) -> None:
        """Abandon the current request (the user pressed Cancel)."""
        if self._current is not None:
            self._cancel_current()
            self._generation += 1  # anything still in flight is now stale
            self.busy_changed.emit(False)
            self.cancelled.emit()

    def _cancel_current(self) -> None:
        if self._current is not None:
            self._current.cancel_event.set()
            self._current = None

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until no job runs (shutdown, tests); cancels the current one first."""
        self._cancel_current()
        return self._pool.waitForDone(msecs)

    def _is_current(self, generation: int) -> bool:
        return generation == self._generation and self._current is not None

    @Slot(int, float)
    def _on_progress(self, generation: int, fraction: float) -> None:
        if self._is_current(generation):
            self.progress.emit(fraction)

    @Slot(int, object)
    def _on_first_look(self, generation: int, comparison: Comparison) -> None:
        if self._is_current(generation):
            self.first_look.emit(comparison)

    def _finish(self, generation: int) -> bool:
        if not self._is_current(generation):
            log.debug("dropping the outcome of stale request %d", generation)
            return False
        self._current = None
        self.busy_changed.emit(False)
        return True

    @Slot(int, object)
    def _on_done(self, generation: int, comparison: Comparison) -> None:
        if self._finish(generation):
            self.finished.emit(comparison)

    @Slot(int, str, str)
    def _on_failed(self, generation: int, message: str, path: str) -> None:
        if self._finish(generation):
            self.failed.emit(message, path)

    @Slot(int, str)
    def _on_crashed(self, generation: int, text: str) -> None:
        if self._finish(generation):
            self.crashed.emit(text)


def request_for(
    paths: Sequence[str], options: CompareOptions, encodings: Sequence[str | None] = ()
) -> Request:
    """A Request with encodings padded/truncated to the number of paths."""
    forced = list(encodings)[: len(paths)]
    forced += [None] * (len(paths) - len(forced))
    return Request(tuple(paths), options, tuple(forced))
