"""The forked child that finds kinds for the headless command: same results, same errors.

Each test pins down one promise of ``core.forked``: what the child computes is what the caller
would compute; when the child fails or cannot exist, the caller computes instead (so errors
keep their type and message); a cancelled child is stopped and reaped.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from diffviewer.core import forked
from diffviewer.core.compare import compare_files
from diffviewer.core.errors import Cancelled, RulesError
from diffviewer.core.forked import Forked
from diffviewer.core.options import CompareOptions
from diffviewer.export import render

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


def _fail(message: str) -> int:
    raise ValueError(message)


def _slow() -> int:
    time.sleep(30)
    return 1


def test_result_comes_from_a_child_process() -> None:
    """The function runs in another process and its plain-value result comes back."""
    pid, doubled = Forked(_pid_and, 21).result()
    assert doubled == 42
    assert pid != os.getpid()


def test_a_failing_child_leaves_the_error_to_the_caller() -> None:
    """When the function raises in the child, the caller computes again and gets the error."""
    job = Forked(_fail, "bad input")
    with pytest.raises(ValueError, match="bad input"):
        job.result()


def test_without_fork_the_caller_computes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where os.fork is missing (Windows), the result is computed in the calling process."""
    monkeypatch.delattr(forked.os, "fork")
    pid, doubled = Forked(_pid_and, 5).result()
    assert (pid, doubled) == (os.getpid(), 10)


def _pid_and_received(receive: Callable[[], list[int]], extra: int) -> tuple[int, int]:
    return os.getpid(), sum(receive()) + extra


_TEST_PROCESS = os.getpid()


def _die_in_the_child(receive: Callable[[], list[int]]) -> int:
    if os.getpid() != _TEST_PROCESS:
        os._exit(3)  # Gone before reading what is sent.
    return len(receive())


def test_a_fed_child_gets_what_is_sent_later() -> None:
    """A fed child prepares, then works on the value the caller sends once it has it."""
    job = Forked(_pid_and_received, 1, fed=True)
    job.send(list(range(100_000)))  # Larger than a pipe's buffer.
    pid, total = job.result()
    assert (pid != os.getpid(), total) == (True, sum(range(100_000)) + 1)


def test_a_fed_job_without_fork_uses_the_value_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without os.fork, result() computes here with the value that was sent."""
    monkeypatch.delattr(forked.os, "fork")
    job = Forked(_pid_and_received, 2, fed=True)
    job.send([1, 2, 3])
    assert job.result() == (os.getpid(), 8)


def test_sending_to_a_child_that_died_is_harmless() -> None:
    """A child gone before reading: send() does not raise, result() computes here."""
    job = Forked(_die_in_the_child, fed=True)
    time.sleep(0.2)
    job.send(list(range(100_000)))
    assert job.result() == 100_000


def test_cancel_stops_and_reaps_the_child() -> None:
    """A cancelled child is killed at once and leaves no zombie behind."""
    job = Forked(_slow)
    pid = job._pid
    assert pid is not None
    started = time.monotonic()
    job.cancel()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_comparison_with_a_child_is_the_comparison_without(seed_paths: tuple[Path, Path]) -> None:
    """Kinds found by the child give the very same report, byte for byte."""
    alone = compare_files(seed_paths)
    helped = compare_files(seed_paths, in_child=True)
    assert helped == alone
    assert render(helped, "json") == render(alone, "json")


def test_bad_rules_file_is_reported_as_without_a_child(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> None:
    """A rules-file error found in the child surfaces in the caller with its message."""
    rules = tmp_path / "mine.toml"
    rules.write_text("[[rule]]\nname = 'x'\nkind = 'nonsense'\n", encoding="utf-8")
    options = CompareOptions(rules_files=(str(rules),))
    with pytest.raises(RulesError) as without:
        compare_files(seed_paths, options)
    with pytest.raises(RulesError) as within:
        compare_files(seed_paths, options, in_child=True)
    assert str(within.value) == str(without.value)


def test_a_cancelled_comparison_leaves_no_child(seed_paths: tuple[Path, Path]) -> None:
    """Cancelling after the kinds child started stops it and reaps it: no zombie is left."""
    calls = iter(range(100))

    def cancelled() -> bool:
        return next(calls) >= 2  # After both files are read: the child is running.

    with pytest.raises(Cancelled):
        compare_files(seed_paths, in_child=True, cancelled=cancelled)
    with contextlib.suppress(ChildProcessError):  # Raised when there is no child at all.
        assert os.waitpid(-1, os.WNOHANG) == (0, 0)  # Other children may run; none is dead.


def test_no_child_while_another_thread_runs() -> None:
    """Forking would copy this thread alone: with another thread alive, the work stays here."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        job = Forked(_pid_and, 4)
        assert not job.running
        assert job.result() == (os.getpid(), 8)
    finally:
        release.set()
        other.join()
