"""Matching equal items of two sequences: patience diff with a bounded fallback.

Used for paragraphs (align.py) and for the tokens of very long paragraphs (worddiff.py).
Items that occur exactly once on each side anchor the match (their longest increasing run, as
in Bram Cohen's patience diff); the stretches between anchors are matched recursively, and a
stretch with no unique item left falls back to ``difflib.SequenceMatcher`` when it is small
enough (``FALLBACK_CELLS``), else stays unmatched. Time is near-linear for real edits; the
quadratic fallback only ever sees small stretches, so no input can stall it.
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
        anchors = _unique_anchors(a, b, alo, ahi, blo, bhi)
        if anchors:
            prev_a, prev_b = alo, blo
            pairs.extend(anchors)
            for i, j in anchors:
                if prev_a < i and prev_b < j:  # Only a stretch with items on both sides.
                    stack.append((prev_a, i, prev_b, j))
                prev_a, prev_b = i + 1, j + 1
            stack.append((prev_a, ahi, prev_b, bhi))
        elif (ahi - alo) * (bhi - blo) <= FALLBACK_CELLS:
            from difflib import SequenceMatcher  # Rarely needed: not imported at start-up.

            matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, size in matcher.get_matching_blocks():
                pairs.extend((alo + i + k, blo + j + k) for k in range(size))
    pairs.sort()
    return pairs


def _unique_anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Items unique in both stretches, reduced to their longest run increasing on both sides."""
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
    return _longest_increasing(candidates)


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
