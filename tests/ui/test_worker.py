"""The compare worker: results off the GUI thread, stale results dropped, cancel, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diffviewer.core.model import Comparison
from diffviewer.core.options import CompareOptions
from diffviewer.ui.worker import CompareWorker, request_for


@pytest.fixture
def worker(qtbot) -> Iterator[CompareWorker]:  # type: ignore[no-untyped-def]
    made = CompareWorker()
    yield made
    made.wait()


def test_result_and_progress_arrive_on_the_gui_thread(
    qtbot, worker: CompareWorker, seed_paths
) -> None:  # type: ignore[no-untyped-def]
    """A request yields one Comparison; progress ends at 1.0; busy goes on then off."""
    progress: list[float] = []
    busy: list[bool] = []
    worker.progress.connect(progress.append)
    worker.busy_changed.connect(busy.append)
    with qtbot.waitSignal(worker.finished, timeout=20_000) as blocker:
        worker.request(request_for([str(p) for p in seed_paths], CompareOptions()))
    comparison = blocker.args[0]
    assert isinstance(comparison, Comparison)
    assert len(comparison.changes) == 5
    assert progress and progress[-1] == 1.0
    assert progress == sorted(progress)
    assert busy == [True, False]
    assert not worker.is_busy()


def test_an_older_request_is_dropped(qtbot, worker: CompareWorker, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Two requests in a row: only the second one's result is delivered."""
    results: list[Comparison] = []
    worker.finished.connect(results.append)
    first = worker.request(request_for([str(p) for p in seed_paths], CompareOptions()))
    second = worker.request(request_for([str(seed_paths[0])] * 2, CompareOptions()))
    assert second == first + 1
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert worker.wait()
    qtbot.wait(20)  # any stale queued delivery would arrive now
    assert len(results) == 1
    assert results[0].changes == ()  # v1 against itself: the second request


def test_cancel_drops_the_result(qtbot, worker: CompareWorker, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Cancel: the cancelled signal, and no result afterwards."""
    results: list[object] = []
    worker.finished.connect(results.append)
    worker.request(request_for([str(p) for p in seed_paths], CompareOptions()))
    with qtbot.waitSignal(worker.cancelled, timeout=1000):
        worker.cancel()
    assert worker.wait()
    qtbot.wait(20)
    assert results == []
    assert not worker.is_busy()


def test_load_errors_come_back_with_the_path(
    qtbot, worker: CompareWorker, seed_paths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A missing file: failed(message naming it, its path)."""
    missing = tmp_path / "nope.txt"
    with qtbot.waitSignal(worker.failed, timeout=20_000) as blocker:
        worker.request(request_for([str(seed_paths[0]), str(missing)], CompareOptions()))
    message, path = blocker.args
    assert "nope.txt" in message
    assert path == str(missing)


def test_an_engine_bug_is_reported_as_a_crash(
    qtbot, worker: CompareWorker, seed_paths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """An unexpected exception in the engine arrives as crashed(traceback), not silence."""
    from diffviewer.core import compare

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("engine bug")

    monkeypatch.setattr(compare, "compare_files", broken)
    with qtbot.waitSignal(worker.crashed, timeout=20_000) as blocker:
        worker.request(request_for([str(p) for p in seed_paths], CompareOptions()))
    assert "ZeroDivisionError: engine bug" in blocker.args[0]


def test_request_for_pads_encodings() -> None:
    """One forced encoding per path, None where not given."""
    request = request_for(["a", "b", "c"], CompareOptions(), ["latin-1"])
    assert request.encodings == ("latin-1", None, None)
