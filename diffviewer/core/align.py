"""Pairwise alignment of two paragraph lists: equal, removed, inserted, changed, split, merged,
moved.

1. Paragraphs with equal keys are matched (``core.matching``: patience anchors, then a bounded
   fallback), so duplicates are handled: two equal captions against one is one match and one
   removal.
2. Between matches, a replaced block (old paragraphs against new ones) is paired by a dynamic
   programme that keeps order and maximises the number of shared words: a pair counts only when
   its word similarity (Dice over word multisets) reaches ``pair_threshold``; one paragraph
   against two consecutive ones (or two against one) counts as a split (merge) when the joined
   text reaches ``split_threshold`` and each part is mostly made of the other side's words.
   Blocks larger than ``MAX_BLOCK_CELLS`` are paired inside a diagonal band, so cost stays linear.
3. A paragraph removed in one place and inserted, equal or nearly (``move_threshold``), in another
   is a move. Candidates for near moves come from an index of each paragraph's rarest words, a
   bounded number per paragraph.
Imports: the standard library and ``core.matching``, ``core.paragraphs``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from diffviewer.core.matching import matching_pairs
from diffviewer.core.paragraphs import folded_word_tokens

#: Largest replaced block (old × new paragraphs) paired exhaustively; larger ones use a band.
MAX_BLOCK_CELLS = 40_000
#: Half-width of the diagonal band for larger blocks, in paragraphs.
BAND = 16
#: Near-move candidates examined per removed paragraph.
MOVE_CANDIDATES = 16
#: A word in more than this many inserted paragraphs is too common to find move candidates by.
MOVE_WORD_SPREAD = 50


class Op(StrEnum):
    """One step of a pairwise alignment."""

    EQUAL = "equal"
    CHANGED = "changed"
    REMOVED = "removed"
    INSERTED = "inserted"
    SPLIT = "split"
    MERGED = "merged"


class Step(NamedTuple):
    """One step: the old and new paragraph indexes it covers, in order (a tuple: cheap).

    ``moved_to``/``moved_from`` link a removed step to the inserted step of the same paragraph
    elsewhere (index into the other side); ``similarity`` is the word similarity of a pairing.
    """

    op: Op
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float = 1.0
    moved_to: int | None = None
    moved_from: int | None = None


@dataclass(frozen=True, slots=True)
class Thresholds:
    pair: float = 0.5
    move: float = 0.8
    split: float = 0.8


class _Words:
    """Word multisets of paragraphs, computed on first use (most paragraphs never need one)."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = keys
        self._cache: dict[int, Counter[str]] = {}
        self._totals: dict[int, int] = {}

    def total(self, index: int) -> int:
        """How many words paragraph ``index`` has."""
        total = self._totals.get(index)
        if total is None:
            total = self._totals[index] = self[index].total()
        return total

    def __getitem__(self, index: int) -> Counter[str]:
        words = self._cache.get(index)
        if words is None:
            words = Counter(folded_word_tokens(self._keys[index]))
            self._cache[index] = words
        return words


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient over word multisets: 2·shared / (|a| + |b|), 1.0 for two empty texts."""
    return _dice(_shared(a, b), a, b)


def _dice(shared: int, a: Counter[str], b: Counter[str]) -> float:
    """``similarity`` of ``a`` and ``b``, given the count of words they share."""
    total = a.total() + b.total()
    if not total:
        return 1.0
    return 2 * shared / total


def _shared(a: Counter[str], b: Counter[str]) -> int:
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[w]) for w, n in a.items() if w in b)


def align_pair(
    old_keys: Sequence[str], new_keys: Sequence[str], thresholds: Thresholds = Thresholds()
) -> list[Step]:
    """Align two versions' paragraph keys. Every index of each side appears once, in order."""
    old_words, new_words = _Words(old_keys), _Words(new_keys)
    steps: list[Step] = []
    i = j = 0
    for mi, mj in [*matching_pairs(old_keys, new_keys), (len(old_keys), len(new_keys))]:
        if i < mi and j < mj:
            steps.extend(_pair_block(range(i, mi), range(j, mj), old_words, new_words, thresholds))
        else:
            steps.extend(Step(Op.REMOVED, (k,), ()) for k in range(i, mi))
            steps.extend(Step(Op.INSERTED, (), (k,)) for k in range(j, mj))
        if mi < len(old_keys):
            steps.append(Step(Op.EQUAL, (mi,), (mj,)))
        i, j = mi + 1, mj + 1
    return _find_moves(steps, old_keys, new_keys, old_words, new_words, thresholds)


def _pair_block(
    olds: range, news: range, old_words: _Words, new_words: _Words, t: Thresholds
) -> list[Step]:
    """Best order-keeping pairing of a replaced block, by shared words (see module doc)."""
    if len(olds) == 1 and len(news) == 1:  # The commonest block: one edited paragraph.
        return _pair_one(olds[0], news[0], old_words, new_words, t)
    return _pair_dp(olds, news, old_words, new_words, t)


def _pair_dp(
    olds: range, news: range, old_words: _Words, new_words: _Words, t: Thresholds
) -> list[Step]:
    """The dynamic programme of ``_pair_block``."""
    m, n = len(olds), len(news)
    # A band wide enough that each row's cells overlap the previous row's.
    width = n if m * n <= MAX_BLOCK_CELLS else BAND + -(-max(n, m) // max(1, min(n, m)))
    # Row i holds cells j in [lo_i, hi_i]: best total over olds[:i] × news[:j] and the step
    # that got there.
    los: list[int] = []
    scores: list[list[int]] = []
    picks: list[list[tuple[Op, float]]] = []

    def score(i: int, j: int) -> int:
        k = j - los[i]
        row = scores[i]
        return row[k] if 0 <= k < len(row) else -1

    for i in range(m + 1):
        centre = (i * n) // m if m else 0
        lo, hi = max(0, centre - width), min(n, centre + width)
        los.append(lo)
        row_scores: list[int] = []
        row_picks: list[tuple[Op, float]] = []
        scores.append(row_scores)
        picks.append(row_picks)
        for j in range(lo, hi + 1):
            best, pick = (0, (Op.EQUAL, 0.0)) if i == 0 and j == 0 else (-1, (Op.REMOVED, 0.0))
            # Insertions are tried first so that, traced backwards, a block lists its
            # removals before its insertions on ties.
            if j > lo and row_scores[-1] > best:
                best, pick = row_scores[-1], (Op.INSERTED, 0.0)
            if i and score(i - 1, j) > best:
                best, pick = score(i - 1, j), (Op.REMOVED, 0.0)
            if i and j:
                a, b = old_words[olds[i - 1]], new_words[news[j - 1]]
                base = score(i - 1, j - 1)
                a_total, b_total = old_words.total(olds[i - 1]), new_words.total(news[j - 1])
                least = min(a_total, b_total)
                # Bounds first: the pair can share at most ``least`` words (see _join_gain).
                if (
                    base >= 0
                    and base + least > best
                    and (not a_total + b_total or 2 * least / (a_total + b_total) >= t.pair)
                ):
                    shared = _shared(a, b)
                    sim = _dice(shared, a, b)
                    if sim >= t.pair and base + shared > best:
                        best, pick = base + shared, (Op.CHANGED, sim)
                base = score(i - 1, j - 2) if j > 1 else -1
                if base >= 0:
                    c = news[j - 2]
                    totals = (a_total, new_words.total(c), b_total)
                    gain, sim = _join_gain(a, new_words[c], b, totals, t.split)
                    if gain and base + gain > best:
                        best, pick = base + gain, (Op.SPLIT, sim)
                base = score(i - 2, j - 1) if i > 1 else -1
                if base >= 0:
                    c = olds[i - 2]
                    totals = (b_total, old_words.total(c), a_total)
                    gain, sim = _join_gain(b, old_words[c], a, totals, t.split)
                    if gain and base + gain > best:
                        best, pick = base + gain, (Op.MERGED, sim)
            row_scores.append(best)
            row_picks.append(pick)
    return _trace(picks, los, olds, news)


def _pair_one(i: int, j: int, old_words: _Words, new_words: _Words, t: Thresholds) -> list[Step]:
    """What the dynamic programme gives for one old against one new paragraph, directly."""
    a, b = old_words[i], new_words[j]
    shared = _shared(a, b)
    sim = _dice(shared, a, b)
    if sim >= t.pair and shared > 0:
        return [Step(Op.CHANGED, (i,), (j,), sim)]
    return [Step(Op.REMOVED, (i,), ()), Step(Op.INSERTED, (), (j,))]


def _join_gain(
    whole: Counter[str],
    first: Counter[str],
    second: Counter[str],
    totals: tuple[int, int, int],
    threshold: float,
) -> tuple[int, float]:
    """Shared words of ``whole`` with ``first``+``second`` when that is a split (else 0).

    ``totals``: the three paragraphs' word counts (the caller keeps them).
    """
    whole_total, first_total, second_total = totals
    if not first_total or not second_total:
        return 0, 0.0
    total = whole_total + first_total + second_total
    # Even sharing every word, the sizes rule a split out (the usual case). Division as below:
    # correctly rounded, so monotonic, so this bounds ``sim`` exactly.
    if 2 * min(whole_total, first_total + second_total) / total < threshold:
        return 0, 0.0
    # ``whole`` against ``first + second``, without building the joined multiset.
    shared = sum(
        min(n, first[w] + second[w]) for w, n in whole.items() if w in first or w in second
    )
    sim = 2 * shared / total
    if sim < threshold:
        return 0, sim
    # Each part must come mostly from ``whole``: a split is not a pair plus an unrelated insert.
    for part, part_total in ((first, first_total), (second, second_total)):
        if _shared(whole, part) < 0.5 * part_total:
            return 0, sim
    return shared, sim


def _trace(
    picks: list[list[tuple[Op, float]]], los: list[int], olds: range, news: range
) -> list[Step]:
    steps: list[Step] = []
    i, j = len(olds), len(news)
    while i or j:
        op, sim = picks[i][j - los[i]]
        if op is Op.REMOVED:
            i -= 1
            steps.append(Step(Op.REMOVED, (olds[i],), ()))
        elif op is Op.INSERTED:
            j -= 1
            steps.append(Step(Op.INSERTED, (), (news[j],)))
        elif op is Op.CHANGED:
            i, j = i - 1, j - 1
            steps.append(Step(Op.CHANGED, (olds[i],), (news[j],), sim))
        elif op is Op.SPLIT:
            i, j = i - 1, j - 2
            steps.append(Step(Op.SPLIT, (olds[i],), (news[j], news[j + 1]), sim))
        else:
            i, j = i - 2, j - 1
            steps.append(Step(Op.MERGED, (olds[i], olds[i + 1]), (news[j],), sim))
    steps.reverse()
    return steps


def _find_moves(
    steps: list[Step],
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    old_words: _Words,
    new_words: _Words,
    t: Thresholds,
) -> list[Step]:
    """Link removed and inserted steps that hold the same (or nearly the same) paragraph."""
    removed = [n for n, s in enumerate(steps) if s.op is Op.REMOVED]
    inserted = [n for n, s in enumerate(steps) if s.op is Op.INSERTED]
    if not removed or not inserted:
        return steps
    links: dict[int, tuple[int, float]] = {}  # removed step → (inserted step, similarity)
    free: dict[str, list[int]] = {}
    for n in inserted:
        free.setdefault(new_keys[steps[n].new[0]], []).append(n)
    for n in removed:
        same = free.get(old_keys[steps[n].old[0]])
        if same:
            links[n] = (same.pop(0), 1.0)
    taken = {target for target, _ in links.values()}
    if t.move <= 1.0:
        links.update(_near_moves(steps, removed, inserted, links, taken, old_words, new_words, t))
    if not links:
        return steps
    out = list(steps)
    for r, (ins, sim) in links.items():
        new_index, old_index = steps[ins].new[0], steps[r].old[0]
        out[r] = Step(Op.REMOVED, steps[r].old, (), sim, moved_to=new_index)
        out[ins] = Step(Op.INSERTED, (), steps[ins].new, sim, moved_from=old_index)
    return out


def _near_moves(
    steps: list[Step],
    removed: list[int],
    inserted: list[int],
    links: dict[int, tuple[int, float]],
    taken: set[int],
    old_words: _Words,
    new_words: _Words,
    t: Thresholds,
) -> dict[int, tuple[int, float]]:
    by_word: dict[str, list[int]] = {}
    for n in inserted:
        if n not in taken:
            for word in new_words[steps[n].new[0]]:
                by_word.setdefault(word, []).append(n)
    # Each usable word's sort key, once: rarest first, then alphabetical (deterministic).
    rarity = {w: (len(ns), w) for w, ns in by_word.items() if len(ns) <= MOVE_WORD_SPREAD}
    found: dict[int, tuple[int, float]] = {}
    for n in removed:
        if n in links:
            continue
        words = old_words[steps[n].old[0]]
        rare = sorted([rarity[w] for w in words if w in rarity])
        candidates: list[int] = []
        for _, word in rare:
            for cand in by_word[word]:
                if cand not in taken and cand not in candidates:
                    candidates.append(cand)
            if len(candidates) >= MOVE_CANDIDATES:
                break
        best: tuple[float, int] | None = None
        for cand in candidates[:MOVE_CANDIDATES]:
            sim = similarity(words, new_words[steps[cand].new[0]])
            if sim >= t.move and (best is None or sim > best[0]):
                best = (sim, cand)
        if best is not None:
            found[n] = (best[1], best[0])
            taken.add(best[1])
    return found
