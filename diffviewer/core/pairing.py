"""The pairing of a replaced block (old paragraphs against new ones, between matches): a
dynamic programme that keeps order and maximises the number of shared words (see ``align``),
and what makes it fast on large blocks.

Blocks larger than ``MAX_BLOCK_CELLS`` are paired inside a diagonal band, so cost stays
linear. In a wide row most cells can only be reached by a removal or an insertion: those are
filled a run at a time (``_may_pick``, ``_fill``); in a wide block the words paragraphs share
are counted on ints (``_SharedWords``).
Imports: the standard library and ``core.steps``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from functools import partial
from itertools import accumulate, compress, count, repeat
from operator import itemgetter

from diffviewer.core.steps import (
    Op,
    Step,
    Thresholds,
    WordBags,
    dice,
    shared_count,
)

#: Largest replaced block (old × new paragraphs) paired exhaustively; larger ones use a band.
MAX_BLOCK_CELLS = 40_000
#: Half-width of the diagonal band for larger blocks, in paragraphs.
BAND = 16


def pair_block(
    olds: range, news: range, old_words: WordBags, new_words: WordBags, t: Thresholds
) -> list[Step]:
    """Best order-keeping pairing of a replaced block, by shared words (see module doc): its
    steps, each index of each side once, in order."""
    if len(olds) == 1 and len(news) == 1:  # The commonest block: one edited paragraph.
        return _pair_one(olds[0], news[0], old_words, new_words, t)
    return _pair_dp(olds, news, old_words, new_words, t)


_INSERTED = (Op.INSERTED, 0.0)
_REMOVED = (Op.REMOVED, 0.0)


def _pair_dp(  # noqa: PLR0915 - one loop over the cells: a call per cell would cost more
    olds: range, news: range, old_words: WordBags, new_words: WordBags, t: Thresholds
) -> list[Step]:
    """The dynamic programme of ``pair_block``."""
    m, n = len(olds), len(news)
    # A band wide enough that each row's cells overlap the previous row's.
    width = n if m * n <= MAX_BLOCK_CELLS else BAND + -(-max(n, m) // max(1, min(n, m)))
    # Every paragraph of the block meets others: its word counts and size, read once.
    (a_counts, a_sizes), (b_counts, b_sizes) = old_words.block(olds), new_words.block(news)
    counter = _SharedWords(a_counts, b_counts, width)
    pair, split = t.pair, t.split
    # Row i holds cells j in [lo_i, hi_i]: best total over olds[:i] × news[:j] and the step
    # that got there. Row 0: insertions only.
    los = [0]
    scores = [[0] * (min(n, width) + 1)]
    picks: list[list[tuple[Op, float]]] = [[(Op.EQUAL, 0.0)] + [_INSERTED] * min(n, width)]
    # The words old i - 1 shares with new j - 1, for the cells j ≥ 1 of rows i - 1 and i.
    up_shares: list[int] = []
    up_first = 1
    for i in range(1, m + 1):
        lo, hi = _band(i, m, n, width)
        first = lo or 1
        shares = counter.row(i - 1, first - 1, hi)
        los.append(lo)
        # The two rows above, as windows on this row's columns lo - 2 … hi (a cell outside
        # a row's band scores -1): column j of a row above is at ``j - lo + 2``.
        up = _window(scores[i - 1], los[i - 1], lo - 2, hi)
        up2 = _window(scores[i - 2], los[i - 2], lo - 2, hi) if i > 1 else up
        a_total = a_sizes[i - 1]
        # Column 0: only a removal leads there. ``best``: the cell on the left (-1: none).
        best = -1 if lo else up[2]
        row_scores: list[int] = [] if lo else [best]
        row_picks: list[tuple[Op, float]] = [] if lo else [_REMOVED]
        scores.append(row_scores)
        picks.append(row_picks)
        # Most cells of a wide row can only be reached by a removal or an insertion: those
        # between the few that may pair, split or merge (``_may_pick``) are filled a run at
        # a time. (In a narrow row, picking them would cost more than it saves.)
        done = first
        columns: Iterable[int] = range(first, hi + 1)
        if hi - first >= MANY_CELLS:
            # (New paragraph j - 1's size is column j's: a window from column 1 on.)
            sizes = (a_sizes[i - 2] if i > 1 else 0, a_total), _window(b_sizes, 1, first - 1, hi)
            columns = _may_pick(first, (shares, _window(up_shares, up_first, first, hi)), *sizes, t)
        for j in columns:
            if j > done:
                best = _fill(row_scores, row_picks, up[done - lo + 2 : j - lo + 2], best)
            x, b_total, shared = j - lo + 2, b_sizes[j - 1], shares[j - first]
            pick = _INSERTED if best > -1 else _REMOVED
            if up[x] > best:
                best, pick = up[x], _REMOVED
            base = up[x - 1]
            if base >= 0 and base + shared > best:
                total = a_total + b_total
                sim = 2 * shared / total if total else 1.0  # ``dice``
                if sim >= pair:
                    best, pick = base + shared, (Op.CHANGED, sim)
            # A split (old i-1 into new j-2, j-1) or a merge (old i-2, i-1 into new j-1):
            # each part shares at least half its words with the whole (``_may_join``).
            base = up[x - 2]
            if base >= 0 and 2 * shared >= b_total:
                gain, sim = _join(
                    (a_counts[i - 1], b_counts[j - 2], b_counts[j - 1]),
                    (a_total, b_sizes[j - 2], b_total),
                    shares[j - 1 - first] if j > first else -1,
                    shared,
                    split,
                )
                if gain and base + gain > best:
                    best, pick = base + gain, (Op.SPLIT, sim)
            base = up2[x - 1] if i > 1 else -1
            if base >= 0 and 2 * shared >= a_total:
                gain, sim = _join(
                    (b_counts[j - 1], a_counts[i - 2], a_counts[i - 1]),
                    (b_total, a_sizes[i - 2], a_total),
                    up_shares[j - up_first] if 0 <= j - up_first < len(up_shares) else -1,
                    shared,
                    split,
                )
                if gain and base + gain > best:
                    best, pick = base + gain, (Op.MERGED, sim)
            row_scores.append(best)
            row_picks.append(pick)
            done = j + 1
        if done <= hi:
            _fill(row_scores, row_picks, up[done - lo + 2 :], best)
        up_shares, up_first = shares, first
    return _trace(picks, los, olds, news)


def _may_pick(
    first: int,
    shares: tuple[list[int], list[int]],
    a_sizes: tuple[int, int],
    b_sizes: list[int],
    t: Thresholds,
) -> list[int]:
    """The columns of a row (from ``first``) whose cell a pairing, a split or a merge may
    reach; every other cell takes a removal or an insertion.

    ``shares``: the words old i - 1 shares with new j - 1 for the row's columns, and old
    i - 2 with new j - 1 (-1: not counted); ``a_sizes``: the sizes of old i - 2 (0: none) and
    i - 1; ``b_sizes``: the sizes of new j - 2 (-1: none) for the row's columns, then that of
    the last column's new j - 1. The tests are ``dice``'s and ``_may_join``'s, the words a
    part shares with the whole taken as counted (the cell on the left holds those of a
    split's first part) or, where not counted, as any number.
    """
    row, up = shares
    before, a = a_sizes
    return [
        j
        for j, shared, left, above, b, b_before in zip(
            count(first),
            row,
            [-1, *row],
            up,
            b_sizes[1:],
            b_sizes,
            strict=False,
        )
        if not a + b
        or 2 * shared / (a + b) >= t.pair
        or (
            b_before > 0
            and 2 * shared >= b
            and (
                left < 0
                or (2 * left >= b_before and 2 * (left + shared) / (a + b_before + b) >= t.split)
            )
        )
        or (
            before > 0
            and 2 * shared >= a
            and (
                above < 0
                or (2 * above >= before and 2 * (above + shared) / (b + before + a) >= t.split)
            )
        )
    ]


def _fill(
    row_scores: list[int], row_picks: list[tuple[Op, float]], ups: list[int], best: int
) -> int:
    """Fill a run of cells that only a removal (from ``ups``, the cells above) or an insertion
    (from the left, ``best`` before the run) can reach; the last one's score."""
    running = list(accumulate(ups, max, initial=best))
    row_scores += running[1:]
    # As in the full step: an insertion where the left cell is reached and the one above
    # is no better; else a removal.
    row_picks += [
        _INSERTED if left > -1 and above <= left else _REMOVED
        for above, left in zip(ups, running, strict=False)
    ]
    return running[-1]


def _window(row: list[int], row_lo: int, start: int, stop: int) -> list[int]:
    """Cells ``start`` … ``stop`` of a row holding cells from ``row_lo`` on; -1 outside it."""
    a, b = start - row_lo, stop + 1 - row_lo
    inside_a, inside_b = max(a, 0), min(b, len(row))
    if inside_a >= inside_b:
        return [-1] * (b - a)
    return [-1] * (inside_a - a) + row[inside_a:inside_b] + [-1] * (b - inside_b)


def _band(i: int, m: int, n: int, width: int) -> tuple[int, int]:
    """The first and last cell of row ``i`` of an ``m`` × ``n`` block's programme."""
    centre = (i * n) // m
    return max(0, centre - width), min(n, centre + width)


#: A row of more cells than this has those that only a removal or an insertion reaches
#: filled a run at a time (``_may_pick``, ``_fill``); a narrower one takes the full step in
#: each.
MANY_CELLS = 8

#: A block whose rows hold at least this many cells counts shared words on ints (see
#: ``_SharedWords``); below, making the ints costs more than it saves.
MASK_MEETS = 16
#: Rows of a block whose ints are made together (see ``_SharedWords``).
MASK_ROWS = 64


class _SharedWords:
    """How many words the paragraphs of a replaced block share, a row of the programme at a
    time.

    From the paragraphs' word counts (``steps.shared_count``); where a row holds many cells,
    from ints: ints with a bit for each word occurrence found on both sides of a stretch of
    ``MASK_ROWS`` rows and the columns their bands reach (the others cannot be shared
    there): then ``(a & b).bit_count()`` counts the same, several times faster, and the ints
    stay short. An occurrence is a word and a level (``_levels``): the bits of a level are
    given by one lookup per word, and no string is made for a repeat (bags of
    ``steps.bag_of``, which make one, made the pairing of the unrelated versions of
    bench/engine_bench.py's hard cases 10–12 % slower).
    """

    def __init__(
        self, a_counts: list[Counter[str]], b_counts: list[Counter[str]], width: int
    ) -> None:
        self._a_counts, self._b_counts = a_counts, b_counts
        m, n = len(a_counts), len(b_counts)
        self._masks = min(n, 2 * width + 1) >= MASK_MEETS
        self._band = partial(_band, m=m, n=n, width=width)
        self._a_masks: list[int] = []
        self._b_masks: list[int] = []
        self._rows = self._columns = range(0)
        self._column_levels: dict[int, list[Collection[str]]] = {}

    def row(self, i: int, start: int, stop: int) -> list[int]:
        """The words old paragraph ``i`` shares with new ones ``start`` to ``stop``
        (excluded), for ``i`` in increasing order."""
        if not self._masks:
            counts = self._a_counts[i]
            return [shared_count(counts, b) for b in self._b_counts[start:stop]]
        if i not in self._rows:
            self._stretch(i, start)
        mask = self._a_masks[i - self._rows.start]
        first = self._columns.start
        return [(mask & b).bit_count() for b in self._b_masks[start - first : stop - first]]

    def _stretch(self, i: int, start: int) -> None:
        """Make the ints of rows ``i`` … and of the columns their bands reach."""
        rows = range(i, min(len(self._a_counts), i + MASK_ROWS))
        columns = range(start, self._band(rows.stop)[1])
        # Bands overlap: the columns of the previous stretch keep their levels.
        made = self._column_levels
        a_levels = list(map(_levels, self._a_counts[rows.start : rows.stop]))
        b_levels = [made.get(c) or _levels(self._b_counts[c]) for c in columns]
        self._column_levels = dict(zip(columns, b_levels, strict=True))
        self._a_masks, self._b_masks = [0] * len(a_levels), [0] * len(b_levels)
        zeros = repeat(0)  # An occurrence on one side only: no bit (no set is made to drop it).
        shift = 0
        for level in count():
            a_words = [(n, words[level]) for n, words in enumerate(a_levels) if len(words) > level]
            b_words = [(n, words[level]) for n, words in enumerate(b_levels) if len(words) > level]
            both = set().union(*map(_SECOND, a_words)) & set().union(*map(_SECOND, b_words))
            if not both:  # (Nor at any level above: each level's words are the one below's.)
                break
            bits = map((1).__lshift__, range(shift, shift + len(both)))
            bit = dict(zip(both, bits, strict=True)).get
            shift += len(both)
            for masks, found in ((self._a_masks, a_words), (self._b_masks, b_words)):
                for n, words in found:
                    masks[n] += sum(map(bit, words, zeros))
        self._rows, self._columns = rows, columns


_SECOND = itemgetter(1)


def _levels(counts: Counter[str]) -> list[Collection[str]]:
    """A paragraph's words by level: level k holds those it has more than k times (level 0,
    each word; most paragraphs have few repeats). The words two paragraphs share are the
    sum over levels of the words their levels share."""
    levels: list[Collection[str]] = [counts]
    if counts.total() == len(counts):
        return levels
    # (Picked by builtins rather than a comprehension over every word.)
    more = list(compress(counts, map((1).__lt__, counts.values())))
    level = 2
    while more:
        levels.append(more)
        more = list(compress(more, map(level.__lt__, map(counts.__getitem__, more))))
        level += 1
    return levels


def _join(
    bags: tuple[Counter[str], Counter[str], Counter[str]],
    sizes: tuple[int, int, int],
    with_first: int,
    with_second: int,
    threshold: float,
) -> tuple[int, float]:
    """``_join_gain`` of a whole and two parts (word counts and sizes), given the words the whole
    shares with each part (``with_first`` -1: not counted yet), if they may be a split at all
    (``_may_join``); else (0, 0.0)."""
    if with_first < 0:
        with_first = shared_count(bags[0], bags[1])
    if not _may_join(*sizes, with_first, with_second, threshold):
        return 0, 0.0
    return _join_gain(*bags, threshold)


def _may_join(
    whole: int, first: int, second: int, with_first: int, with_second: int, threshold: float
) -> bool:
    """Whether paragraphs of ``whole``, ``first`` and ``second`` words may be a split of the
    whole into the two parts, given the words the whole shares with each part: both parts
    have words, each comes mostly from the whole (a split is not a pair plus an unrelated
    insertion), and even sharing every word it may, the joined text reaches ``threshold``
    (not so, usually). Divisions as in ``_join_gain``: correctly rounded, so monotonic, so
    these bound its similarity exactly."""
    total = whole + first + second
    return (
        bool(first and second)
        and 2 * min(whole, first + second) / total >= threshold
        and with_first >= 0.5 * first
        and with_second >= 0.5 * second
        and 2 * (with_first + with_second) / total >= threshold
    )


def _pair_one(
    i: int, j: int, old_words: WordBags, new_words: WordBags, t: Thresholds
) -> list[Step]:
    """What the dynamic programme gives for one old against one new paragraph, directly
    (from word counts: no bag is made)."""
    a, b = old_words.counts(i), new_words.counts(j)
    common = shared_count(a, b)
    sim = dice(common, a.total() + b.total())
    if sim >= t.pair and common > 0:
        return [Step(Op.CHANGED, (i,), (j,), sim)]
    return [Step(Op.REMOVED, (i,), ()), Step(Op.INSERTED, (), (j,))]


def _join_gain(
    whole: Counter[str], first: Counter[str], second: Counter[str], threshold: float
) -> tuple[int, float]:
    """Shared words of ``whole`` with ``first``+``second`` when that is a split (else 0), for
    paragraphs that may be one (``_may_join``).

    (The similarity returned beside a gain of 0 is not used.)
    """
    total = whole.total() + first.total() + second.total()
    # ``whole`` against ``first + second``, without building the joined multiset.
    common = sum(
        min(n, first[w] + second[w]) for w, n in whole.items() if w in first or w in second
    )
    sim = 2 * common / total
    if sim < threshold:
        return 0, sim
    return common, sim


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
