"""Pairwise alignment of two paragraph lists: equal, removed, inserted, changed, split, merged,
moved.

1. Paragraphs with equal keys are matched (``core.matching``: patience anchors, then a bounded
   fallback), so duplicates are handled: two equal captions against one is one match and one
   removal.
2. Between matches, a replaced block (old paragraphs against new ones) is paired by a dynamic
   programme that keeps order and maximises the number of shared words: a pair counts only when
   its word similarity (Dice over word multisets, see ``WordBag``) reaches ``pair_threshold``;
   one paragraph against two consecutive ones (or two against one) counts as a split (merge)
   when the joined text reaches ``split_threshold`` and each part is mostly made of the other
   side's words.
   Blocks larger than ``MAX_BLOCK_CELLS`` are paired inside a diagonal band, so cost stays linear.
3. A paragraph removed in one place and inserted, equal or nearly (``move_threshold``), in another
   is a move. Candidates for near moves come from an index of each paragraph's rarest words, a
   bounded number per paragraph.
Imports: the standard library and ``core.matching``, ``core.paragraphs``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
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


WordBag = frozenset[str | tuple[str, int]]
"""A multiset of words as a set: a word's first occurrence is the word, its k-th ``(word, k)``.

So ``len(a & b)`` is the number of words two bags share (the sum over words of the smaller
count), computed by the set intersection in C: several times faster than summing over
``Counter`` items in Python, and the pairing programme computes it for many pairs.
"""


def word_bag(words: Iterable[str]) -> WordBag:
    """The bag of ``words`` (see ``WordBag``)."""
    counts = Counter(words)
    repeats = [(w, k) for w, n in counts.items() if n > 1 for k in range(2, n + 1)]
    return frozenset([*counts, *repeats])


class _Words:
    """Word bags of paragraphs, computed on first use (most paragraphs never need one).

    Bags of removed and inserted paragraphs are kept for moves; the pairing of a replaced
    block makes its own, and drops those of the paragraphs it pairs: a bag takes a few KB,
    and keeping one per edited paragraph would double the peak memory of a comparison.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = keys
        self._cache: dict[int, WordBag] = {}

    def __getitem__(self, index: int) -> WordBag:
        words = self._cache.get(index)
        if words is None:
            words = self._cache[index] = self.bag(index)
        return words

    def bag(self, index: int) -> WordBag:
        """Paragraph ``index``'s bag (not kept)."""
        return word_bag(folded_word_tokens(self._keys[index]))

    def keep(self, index: int, bag: WordBag) -> None:
        """Keep paragraph ``index``'s bag, made elsewhere (it will be read again)."""
        self._cache[index] = bag

    def block(self, indexes: range) -> tuple[list[WordBag], list[int]]:
        """The bags of paragraphs ``indexes`` (not kept) and their sizes."""
        bags = list(map(self.bag, indexes))
        return bags, list(map(len, bags))


def similarity(a: WordBag, b: WordBag) -> float:
    """Dice coefficient over word multisets: 2·shared / (|a| + |b|), 1.0 for two empty texts."""
    return _dice(len(a & b), len(a) + len(b))


def _dice(shared: int, total: int) -> float:
    """``similarity`` of two bags holding ``total`` words together, given how many they share."""
    if not total:
        return 1.0
    return 2 * shared / total


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


_INSERTED = (Op.INSERTED, 0.0)
_REMOVED = (Op.REMOVED, 0.0)


def _pair_dp(
    olds: range, news: range, old_words: _Words, new_words: _Words, t: Thresholds
) -> list[Step]:
    """The dynamic programme of ``_pair_block``."""
    m, n = len(olds), len(news)
    # A band wide enough that each row's cells overlap the previous row's.
    width = n if m * n <= MAX_BLOCK_CELLS else BAND + -(-max(n, m) // max(1, min(n, m)))
    # Every paragraph of the block meets others: its bag and size, read once.
    (a_bags, a_sizes), (b_bags, b_sizes) = old_words.block(olds), new_words.block(news)
    pair, split = t.pair, t.split
    # Row i holds cells j in [lo_i, hi_i]: best total over olds[:i] × news[:j] and the step
    # that got there. Row 0: insertions only.
    los = [0]
    scores = [[0] * (min(n, width) + 1)]
    picks: list[list[tuple[Op, float]]] = [[(Op.EQUAL, 0.0)] + [_INSERTED] * min(n, width)]
    for i in range(1, m + 1):
        centre = (i * n) // m
        lo, hi = max(0, centre - width), min(n, centre + width)
        los.append(lo)
        row_scores: list[int] = []
        row_picks: list[tuple[Op, float]] = []
        scores.append(row_scores)
        picks.append(row_picks)
        # The two rows above: a cell outside a row's band scores -1.
        up_row, up_lo, up_len = scores[i - 1], los[i - 1], len(scores[i - 1])
        up2_row, up2_lo = (scores[i - 2], los[i - 2]) if i > 1 else ([], 0)
        a_bag, a_total = a_bags[i - 1], a_sizes[i - 1]
        for j in range(lo, hi + 1):
            best, pick = -1, _REMOVED
            # Insertions are tried first so that, traced backwards, a block lists its
            # removals before its insertions on ties.
            if j > lo and row_scores[-1] > best:
                best, pick = row_scores[-1], _INSERTED
            k = j - up_lo
            up = up_row[k] if 0 <= k < up_len else -1
            if up > best:
                best, pick = up, _REMOVED
            if j:
                b_total = b_sizes[j - 1]
                base = up_row[k - 1] if 0 < k <= up_len else -1
                least = a_total if a_total < b_total else b_total
                shared = -1  # Not counted yet (a split or merge may need it too).
                # Bounds first: the pair can share at most ``least`` words.
                if (
                    base >= 0
                    and base + least > best
                    and (not a_total + b_total or 2 * least / (a_total + b_total) >= pair)
                ):
                    shared = len(a_bag & b_bags[j - 1])
                    sim = _dice(shared, a_total + b_total)
                    if sim >= pair and base + shared > best:
                        best, pick = base + shared, (Op.CHANGED, sim)
                # A split (old i-1 into new j-2, j-1) or a merge (old i-2, i-1 into new j-1),
                # when their sizes allow one (see ``_join_sizes_allow``).
                base = up_row[k - 2] if j > 1 and 1 < k <= up_len + 1 else -1
                if base >= 0 and _join_sizes_allow(a_total, b_sizes[j - 2], b_total, split):
                    gain, sim = _join_gain(a_bag, b_bags[j - 2], b_bags[j - 1], split, shared)
                    if gain and base + gain > best:
                        best, pick = base + gain, (Op.SPLIT, sim)
                base = up2_row[j - 1 - up2_lo] if 0 <= j - 1 - up2_lo < len(up2_row) else -1
                if base >= 0 and _join_sizes_allow(b_total, a_sizes[i - 2], a_total, split):
                    gain, sim = _join_gain(b_bags[j - 1], a_bags[i - 2], a_bag, split, shared)
                    if gain and base + gain > best:
                        best, pick = base + gain, (Op.MERGED, sim)
            row_scores.append(best)
            row_picks.append(pick)
    steps = _trace(picks, los, olds, news)
    _keep_unpaired(steps, (old_words, a_bags, olds.start), (new_words, b_bags, news.start))
    return steps


def _keep_unpaired(
    steps: list[Step],
    old: tuple[_Words, list[WordBag], int],
    new: tuple[_Words, list[WordBag], int],
) -> None:
    """Keep the bags of a block's unpaired paragraphs: moves look at them again."""
    (old_words, a_bags, a_start), (new_words, b_bags, b_start) = old, new
    for step in steps:
        if step.op is Op.REMOVED:
            old_words.keep(step.old[0], a_bags[step.old[0] - a_start])
        elif step.op is Op.INSERTED:
            new_words.keep(step.new[0], b_bags[step.new[0] - b_start])


def _join_sizes_allow(whole: int, first: int, second: int, threshold: float) -> bool:
    """Whether paragraphs of these word counts may be a split of ``whole`` into ``first`` and
    ``second`` at all: both parts have words, and even sharing every word the similarity
    reaches ``threshold`` (not so, usually). Division as in ``_join_gain``: correctly
    rounded, so monotonic, so this bounds its similarity exactly."""
    total = whole + first + second
    return bool(first and second) and 2 * min(whole, first + second) / total >= threshold


def _pair_one(i: int, j: int, old_words: _Words, new_words: _Words, t: Thresholds) -> list[Step]:
    """What the dynamic programme gives for one old against one new paragraph, directly."""
    a, b = old_words.bag(i), new_words.bag(j)
    shared = len(a & b)
    sim = _dice(shared, len(a) + len(b))
    if sim >= t.pair and shared > 0:
        return [Step(Op.CHANGED, (i,), (j,), sim)]
    old_words.keep(i, a)  # Looked at again for moves.
    new_words.keep(j, b)
    return [Step(Op.REMOVED, (i,), ()), Step(Op.INSERTED, (), (j,))]


def _join_gain(
    whole: WordBag, first: WordBag, second: WordBag, threshold: float, with_second: int = -1
) -> tuple[int, float]:
    """Shared words of ``whole`` with ``first``+``second`` when that is a split (else 0), for
    paragraphs whose sizes allow one (``_join_sizes_allow``). ``with_second``: the words
    ``whole`` and ``second`` share, if the caller has counted them (else -1).

    (The similarity returned beside a gain of 0 is not used.)
    """
    first_total, second_total = len(first), len(second)
    total = len(whole) + first_total + second_total
    # Each part must come mostly from ``whole``: a split is not a pair plus an unrelated insert.
    with_first = len(whole & first)
    if with_second < 0:
        with_second = len(whole & second)
    if with_first < 0.5 * first_total or with_second < 0.5 * second_total:
        return 0, 0.0
    # ``whole`` shares at most ``with_first + with_second`` words with the two joined.
    if 2 * (with_first + with_second) / total < threshold:
        return 0, 0.0
    # ``whole`` against ``first + second``, without building the joined multiset.
    counts, first_counts, second_counts = map(_counts, (whole, first, second))
    shared = sum(
        min(n, first_counts[w] + second_counts[w])
        for w, n in counts.items()
        if w in first_counts or w in second_counts
    )
    sim = 2 * shared / total
    if sim < threshold:
        return 0, sim
    return shared, sim


def _counts(bag: WordBag) -> Counter[str]:
    """Each word's count in ``bag``."""
    return Counter(w if isinstance(w, str) else w[0] for w in bag)


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
                if isinstance(word, str):  # Each distinct word once (not its repeats).
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
