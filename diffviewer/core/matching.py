"""Matching equal items of two sequences: patience diff with a bounded fallback.

Used for paragraphs (``align``) and for the tokens of very long paragraphs (worddiff.py).
Items that occur exactly once on each side anchor the match (their longest increasing run, as
in Bram Cohen's patience diff); the stretches between anchors are matched recursively, and a
stretch with no unique item left falls back to ``difflib.SequenceMatcher`` when it is small
enough (``FALLBACK_CELLS``), else stays unmatched. Time is near-linear for real edits; the
quadratic fallback only ever sees small stretches, so no input can stall it.

Repetitive text has no unique item to anchor on: ``few_edits_runs`` then finds a shortest edit
script when it has few edits (Myers' greedy algorithm, stopped at a bound), in
O((N + M) · bound) time.
Imports: the standard library only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence

#: Largest stretch (old length × new length) handed to SequenceMatcher.
FALLBACK_CELLS = 250_000


def matching_pairs(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Index pairs (i, j) with ``a[i] == b[j]``, strictly increasing in both i and j."""
    pairs: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            pairs.append((alo, blo))
            alo += 1
            blo += 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi -= 1
            bhi -= 1
            pairs.append((ahi, bhi))
        if alo >= ahi or blo >= bhi:
            continue
        anchors, shared = _unique_anchors(a, b, alo, ahi, blo, bhi)
        if anchors:
            prev_a, prev_b = alo, blo
            pairs.extend(anchors)
            for i, j in anchors:
                if prev_a < i and prev_b < j:  # Only a stretch with items on both sides.
                    stack.append((prev_a, i, prev_b, j))
                prev_a, prev_b = i + 1, j + 1
            stack.append((prev_a, ahi, prev_b, bhi))
        elif shared and (ahi - alo) * (bhi - blo) <= FALLBACK_CELLS:
            # (A stretch sharing no item, an edited paragraph between two matches, is the
            # commonest: nothing to match, and no matcher to build.)
            from difflib import SequenceMatcher  # Rarely needed: not imported at start-up.

            matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, size in matcher.get_matching_blocks():
                pairs.extend((alo + i + k, blo + j + k) for k in range(size))
    pairs.sort()
    return pairs


def _unique_anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> tuple[list[tuple[int, int]], bool]:
    """Items unique in both stretches, reduced to their longest run increasing on both sides,
    and whether the stretches share any item at all."""
    seen_a: dict[Hashable, int] = {}
    for i in range(alo, ahi):
        item = a[i]
        seen_a[item] = -1 if item in seen_a else i
    seen_b: dict[Hashable, int] = {}
    for j in range(blo, bhi):
        item = b[j]
        if item in seen_a:
            seen_b[item] = -1 if item in seen_b else j
    candidates = sorted(
        (seen_a[item], j) for item, j in seen_b.items() if j >= 0 and seen_a[item] >= 0
    )
    return _longest_increasing(candidates), bool(seen_b)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by first item) increasing in the second."""
    if not pairs:
        return []
    tails: list[int] = []  # tails[k]: smallest second item ending an increasing run of k+1
    tail_index: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(n)
        else:
            tails[k] = j
            tail_index[k] = n
        back[n] = tail_index[k - 1] if k else -1
    out: list[tuple[int, int]] = []
    n = tail_index[-1]
    while n >= 0:
        out.append(pairs[n])
        n = back[n]
    out.reverse()
    return out


def few_edits_runs(
    a: Sequence[Hashable], b: Sequence[Hashable], max_edits: int
) -> list[tuple[int, int, int]] | None:
    """The equal runs (i, j, length) of a shortest edit script from ``a`` to ``b``, in order,
    if one has at most ``max_edits`` insertions and deletions; else None.

    Myers' greedy algorithm ("An O(ND) difference algorithm", 1986), stopped after
    ``max_edits``: time O((N + M) · max_edits) at worst, memory O(max_edits²). Runs of equal
    items (the "snakes") are compared a slice at a time, so long runs cost little.
    """
    n, m = len(a), len(b)
    if abs(n - m) > max_edits:
        return None
    offset = max_edits + 1  # v[k + offset]: the furthest x reached on diagonal k = x - y
    v = [0] * (2 * max_edits + 3)
    trace: list[list[int]] = []
    for d in range(max_edits + 1):
        trace.append(v[:])
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[k - 1 + offset] < v[k + 1 + offset]):
                x = v[k + 1 + offset]  # down: an insertion
            else:
                x = v[k - 1 + offset] + 1  # right: a deletion
            x += _equal_run(a, b, x, x - k)
            v[k + offset] = x
            if x >= n and x - k >= m:
                return _runs_back(trace, offset, n, m)
    return None


def _runs_back(trace: list[list[int]], offset: int, n: int, m: int) -> list[tuple[int, int, int]]:
    """Walk a finished Myers search back from (n, m): its equal runs, in order."""
    runs: list[tuple[int, int, int]] = []
    x, y = n, m
    for d in range(len(trace) - 1, 0, -1):
        v = trace[d]  # the furthest points after d - 1 edits
        k = x - y
        down = k == -d or (k != d and v[k - 1 + offset] < v[k + 1 + offset])
        prev_k = k + 1 if down else k - 1
        prev_x = v[prev_k + offset]
        prev_y = prev_x - prev_k
        start_x = prev_x if down else prev_x + 1
        if x > start_x:
            runs.append((start_x, start_x - k, x - start_x))
        x, y = prev_x, prev_y
    if x > 0:
        runs.append((0, 0, x))
    runs.reverse()
    return runs


def _equal_run(a: Sequence[Hashable], b: Sequence[Hashable], x: int, y: int) -> int:
    """How many items from ``a[x]`` and ``b[y]`` on are equal, found by slices of growing
    size (a long run costs a few comparisons done in C, not one Python step per item)."""
    limit = min(len(a) - x, len(b) - y)
    done, step = 0, 1
    while done < limit:
        size = min(step, limit - done)
        if a[x + done : x + done + size] == b[y + done : y + done + size]:
            done += size
            step *= 2
        elif size == 1:
            break
        else:
            step = 1
    return done
