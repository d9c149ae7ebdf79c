"""The C heap's one setting that a large comparison needs: a fixed mmap threshold (glibc).

glibc's malloc serves a block of 128 KiB or more from its own mapping, which is returned to
the system when freed, until such a block is freed: then it raises the threshold to that
block's size, and later blocks below it come from the heap, where they stay once freed. A
large comparison frees many such blocks (lists and dicts of 50,000 entries, the texts once
split), so its peak RSS came to depend on their order: the same comparison of 50,000
paragraphs peaked at 140 MB or at 170 MB as an empty list was made before or after a loop
(bench/engine_bench.py). Setting the threshold turns the adjusting off: 137 MB either way.

Imports: the standard library (ctypes, on first use only).
"""

from __future__ import annotations

import functools
import sys

#: Inputs from this many bytes in all set the threshold (smaller ones never reach the
#: sizes in question, and ctypes costs a few milliseconds to import).
LARGE_INPUT = 4 << 20
#: The fixed threshold: glibc's own default, where it starts.
THRESHOLD = 128 << 10
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)


def steady_heap(input_bytes: int) -> bool:
    """For inputs of ``input_bytes`` (``LARGE_INPUT`` or more), fix glibc's mmap threshold
    (once per process); True if it is fixed. Elsewhere (macOS, Windows, musl), nothing."""
    return input_bytes >= LARGE_INPUT and _fix_threshold()


@functools.cache
def _fix_threshold() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # No C library to ask, or not glibc's.
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, THRESHOLD))
