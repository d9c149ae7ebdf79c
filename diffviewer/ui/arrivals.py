"""Files that arrive together from several launches, put in a deterministic order.

A file manager opening two selected files (``gio open v1.txt v2.txt``, Finder's open events)
starts one launch per file; which of them reaches the window first is a race (3 runs in 6 gave
"v2 ↔ v1"). ``ArrivalBurst`` holds what arrives until nothing more came for ``QUIET_MS``; when
the burst came from more than one launch, it orders the files by modification time, oldest
first (what a version order usually is; ties by name), and says so. One launch's own list (the
command line ``diffviewer a b``) keeps the order it was given in.
Imports: PySide6.QtCore and the standard library.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

#: How long after the last arrival the burst is considered complete: a second launch needs a few
#: hundred milliseconds to start Python and Qt and reach the running window (more when busy).
QUIET_MS = 1500


def by_modification_time(paths: Sequence[str]) -> list[str]:
    """``paths`` oldest first by modification time, then by name; unreadable ones last."""

    def key(path: str) -> tuple[float, str]:
        try:
            return os.stat(path).st_mtime, os.path.basename(path)
        except OSError:
            return float("inf"), os.path.basename(path)

    return sorted(dict.fromkeys(paths), key=key)


def order_note(paths: Sequence[str]) -> str:
    """What the window says after reordering: the files and their times, oldest first."""
    parts = []
    for path in paths:
        try:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.stat(path).st_mtime))
        except OSError:
            stamp = "unknown time"
        parts.append(f"{os.path.basename(path)} ({stamp})")
    return (
        f"{len(paths)} files opened together: ordered by modification time, oldest first: "
        + ", ".join(parts)
        + ". A column header's menu moves a version left or right."
    )


class ArrivalBurst(QObject):
    """Collects arriving batches of paths; hands them on, ordered, once the burst is over."""

    def __init__(
        self,
        deliver: Callable[[list[str]], None],
        announce: Callable[[str], None],
        parent: QObject | None = None,
        quiet_ms: int = QUIET_MS,
    ) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._announce = announce
        self._batches: list[list[str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self.flush)

    def arrive(self, paths: Sequence[str]) -> None:
        """One launch's paths; the burst ends ``quiet_ms`` after the last of them."""
        if paths:
            self._batches.append(list(paths))
            self._timer.start()

    def pending(self) -> bool:
        return bool(self._batches)

    def flush(self) -> None:
        """Deliver what arrived: one launch's list as it is, several launches' ordered."""
        self._timer.stop()
        batches, self._batches = self._batches, []
        if not batches:
            return
        if len(batches) == 1:
            self._deliver(batches[0])
            return
        ordered = by_modification_time([path for batch in batches for path in batch])
        self._deliver(ordered)
        if len(ordered) > 1:
            self._announce(order_note(ordered))
