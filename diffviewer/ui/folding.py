"""Show only changes: which runs of unchanged rows fold into a one-line bar.

WinMerge's diff context, Beyond Compare's "differences only", GitHub's folded lines: every run of
rows without a shown change, less ``context`` rows kept beside each change, folds into a bar
"12 unchanged paragraphs" (its first row becomes the bar, the others hide). A run of one row is
not folded (the bar would save nothing). The table asks ``fold_runs`` for the runs and paints
the bars (ui/delegate.py); a click or Enter on a bar unfolds it.
Pure Python: no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Context rows kept beside each change unless Preferences say otherwise.
DEFAULT_CONTEXT = 2
MAX_CONTEXT = 50


def fold_runs(changed_rows: Iterable[int], rows: int, context: int) -> list[tuple[int, int]]:
    """The (start, stop) row ranges to fold, in order: unchanged rows more than ``context``
    rows away from every changed row, in runs of at least two rows."""
    context = max(0, context)
    runs: list[tuple[int, int]] = []
    start = 0
    for row in sorted(set(changed_rows)):
        if not 0 <= row < rows:
            continue
        _add(runs, start, row - context)
        start = max(start, row + 1 + context)
    _add(runs, start, rows)
    return runs


def _add(runs: list[tuple[int, int]], start: int, stop: int) -> None:
    if stop - start >= 2:
        runs.append((start, stop))


def bar_text(count: int) -> str:
    """What a fold bar says."""
    noun = "paragraph" if count == 1 else "paragraphs"
    return f"⋯ {count:,} unchanged {noun} (click to show)"
