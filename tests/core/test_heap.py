"""The C heap's fixed mmap threshold for large comparisons (``core.heap``)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from diffviewer.core import heap


def test_small_inputs_leave_the_heap_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_fix_threshold", lambda: pytest.fail("asked for a small input"))
    assert heap.steady_heap(heap.LARGE_INPUT - 1) is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_large_inputs_fix_glibcs_threshold() -> None:
    """On glibc, mallopt takes the setting (returns 1); on another C library, nothing."""
    glibc = hasattr(ctypes.CDLL(None), "mallopt") and hasattr(
        ctypes.CDLL(None), "gnu_get_libc_version"
    )
    assert heap.steady_heap(heap.LARGE_INPUT) is glibc


def test_other_systems_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    heap._fix_threshold.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert heap.steady_heap(heap.LARGE_INPUT) is False
    finally:
        heap._fix_threshold.cache_clear()
