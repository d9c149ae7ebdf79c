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
   (``core.pairing``; blocks larger than ``pairing.MAX_BLOCK_CELLS`` are paired inside a
   diagonal band, so cost stays linear.) A pairing of middling similarity (below
   ``LOOSE_PAIR``) whose paragraphs share no run of ``RUN_WORDS`` words is undone: a removal
   and an insertion (``_unpair_unrelated``).
3. A paragraph removed in one place and inserted, equal or nearly (``move_threshold``), in another
   is a move. Candidates for near moves come from an index of each paragraph's rarest words, a
   bounded number per paragraph.
The steps, thresholds and word bags are in ``core.steps``.
Imports: the standard library and ``core.matching``, ``core.pairing``, ``core.steps``,
``core.words``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import compress, count, repeat
from operator import is_, itemgetter, ne, or_

from diffviewer.core.matching import matching_pairs
from diffviewer.core.pairing import pair_block
from diffviewer.core.steps import Op, Step, Thresholds, WordBags, similarity
from diffviewer.core.words import folded_word_tokens

#: A pairing below this similarity stands only if its paragraphs share a run of
#: ``RUN_WORDS`` words in a row (see ``_unpair_unrelated``).
LOOSE_PAIR = 0.7
#: Words in a row that a loose pairing's paragraphs must share (where each has at least
#: ``RUN_CHECKED`` words: a short paragraph's edit may leave no such run).
RUN_WORDS = 3
RUN_CHECKED = 12
#: Near-move candidates examined per removed paragraph.
MOVE_CANDIDATES = 16
#: A word in more than this many inserted paragraphs is too common to find move candidates by.
MOVE_WORD_SPREAD = 50


def align_pair(
    old: Sequence[str] | WordBags,
    new: Sequence[str] | WordBags,
    thresholds: Thresholds = Thresholds(),
) -> list[Step]:
    """Align two versions' paragraph keys (or their ``WordBags``, which may hold bags made
    before). Every index of each side appears once, in order."""
    old_words = old if isinstance(old, WordBags) else WordBags(old)
    new_words = new if isinstance(new, WordBags) else WordBags(new)
    old_keys, new_keys = old_words.keys, new_words.keys
    matches = matching_pairs(old_keys, new_keys)
    olds, news = [*map(_FIRST, matches), len(old_keys)], [*map(_SECOND, matches), len(new_keys)]
    # Every match is an equal step, made by builtins (a step as the tuple of ``Step``'s
    # fields). Most matches follow the previous one: only before the others is there a gap
    # (a replaced block, removals or insertions) to fill.
    equal = list(
        map(
            tuple.__new__,
            repeat(Step),
            zip(repeat(Op.EQUAL), zip(olds), zip(news), repeat(1.0), repeat(None), repeat(None)),
        )
    )
    gaps = compress(
        count(),
        map(
            or_,
            map(ne, olds, [0, *map((1).__add__, olds)]),
            map(ne, news, [0, *map((1).__add__, news)]),
        ),
    )
    steps: list[Step] = []
    done = 0  # Matches whose steps are in ``steps``.
    for k in gaps:
        steps += equal[done:k]
        i, mi = (olds[k - 1] + 1 if k else 0), olds[k]
        j, mj = (news[k - 1] + 1 if k else 0), news[k]
        if i < mi and j < mj:
            steps += pair_block(range(i, mi), range(j, mj), old_words, new_words, thresholds)
        else:
            steps += [Step(Op.REMOVED, (n,), ()) for n in range(i, mi)]
            steps += [Step(Op.INSERTED, (), (n,)) for n in range(j, mj)]
        done = k
    steps += equal[done:-1]  # (The last "match" is the end of both lists.)
    steps = _unpair_unrelated(steps, old_keys, new_keys, thresholds)
    return _find_moves(steps, old_keys, new_keys, old_words, new_words, thresholds)


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _unpair_unrelated(
    steps: list[Step], old_keys: Sequence[str], new_keys: Sequence[str], t: Thresholds
) -> list[Step]:
    """Unpair the changed steps of middling similarity whose paragraphs share no run of
    ``RUN_WORDS`` words: a removal and an insertion (perhaps moves).

    Word similarity ignores order: two unrelated paragraphs from one vocabulary (a news
    page's "the", "said", "minister") can reach ``pair_threshold``, and their word diff,
    nearly all deleted and inserted, is the costliest of all (bench/engine_bench.py's
    hard cases: ~85 % of their time). An edited paragraph keeps runs of its words.
    """
    if t.pair >= LOOSE_PAIR:
        return steps
    out: list[Step] = []
    for step in steps:
        if step.op is Op.CHANGED and step.similarity < LOOSE_PAIR:
            a = folded_word_tokens(old_keys[step.old[0]])
            b = folded_word_tokens(new_keys[step.new[0]])
            if min(len(a), len(b)) >= RUN_CHECKED and _word_runs(a).isdisjoint(_word_runs(b)):
                out += [Step(Op.REMOVED, step.old, ()), Step(Op.INSERTED, (), step.new)]
                continue
        out.append(step)
    return out


def _word_runs(words: list[str]) -> set[tuple[str, ...]]:
    """The runs of ``RUN_WORDS`` words in a row of a paragraph."""
    return set(zip(*(words[k:] for k in range(RUN_WORDS)), strict=False))


def bags_for_pairs(
    keys: Sequence[Sequence[str]], pairs: Sequence[tuple[int, int]]
) -> Callable[[int], WordBags]:
    """``bags(version)`` for each version of ``pairs`` in turn: a version aligned in more
    than one pair keeps the word bags its first alignment made for the next (with ten
    versions, each paragraph's bag is made once instead of twice), and lets them go after
    its last."""
    left = Counter(version for pair in pairs for version in pair)
    made: dict[int, WordBags] = {}

    def bags(version: int) -> WordBags:
        left[version] -= 1
        if not left[version]:  # Its last use: no need to hold it any longer.
            return made.pop(version, None) or WordBags(keys[version])
        if version not in made:
            made[version] = WordBags(keys[version], keep_all=True)
        return made[version]

    return bags


def _find_moves(
    steps: list[Step],
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    old_words: WordBags,
    new_words: WordBags,
    t: Thresholds,
) -> list[Step]:
    """Link removed and inserted steps that hold the same (or nearly the same) paragraph."""
    ops = list(map(_FIRST, steps))  # (Each step's op: a tuple's first field.)
    removed = list(compress(count(), map(is_, ops, repeat(Op.REMOVED))))
    inserted = list(compress(count(), map(is_, ops, repeat(Op.INSERTED))))
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
    old_words: WordBags,
    new_words: WordBags,
    t: Thresholds,
) -> dict[int, tuple[int, float]]:
    # Candidates are found by distinct words (``WordBags.distinct``); a pair's bags are made
    # only where its similarity may reach the threshold.
    free = [n for n in inserted if n not in taken]
    spread: Counter[str] = Counter()  # How many free inserted paragraphs hold each word.
    for n in free:
        spread.update(new_words.distinct(steps[n].new[0])[0])
    # Each usable word and its sort key: rarest first, then alphabetical (deterministic).
    rarity = {w: (k, w) for w, k in spread.items() if k <= MOVE_WORD_SPREAD}
    usable = frozenset(rarity)
    by_word: dict[str, list[int]] = {}
    for n in free:
        for word in new_words.distinct(steps[n].new[0])[0] & usable:
            by_word.setdefault(word, []).append(n)
    found: dict[int, tuple[int, float]] = {}
    for n in removed:
        if n in links:
            continue
        old_index = steps[n].old[0]
        words, size = old_words.distinct(old_index)
        rare = sorted(map(rarity.__getitem__, words & usable))
        candidates: list[int] = []
        for _, word in rare:
            for cand in by_word[word]:
                if cand not in taken and cand not in candidates:
                    candidates.append(cand)
            if len(candidates) >= MOVE_CANDIDATES:
                break
        best: tuple[float, int] | None = None
        for cand in candidates[:MOVE_CANDIDATES]:
            new_index = steps[cand].new[0]
            other, other_size = new_words.distinct(new_index)
            total = size + other_size
            # At most: every word of the smaller paragraph shared; or each distinct word
            # both hold once, and as many repeats as the one with fewer has. Too few to
            # reach the threshold (``similarity``, whose divisions these are): no bags.
            most = min(
                size,
                other_size,
                len(words & other) + min(size - len(words), other_size - len(other)),
            )
            if total and 2 * most / total < t.move:
                continue
            sim = similarity(old_words[old_index], new_words[new_index])
            if sim >= t.move and (best is None or sim > best[0]):
                best = (sim, cand)
        if best is not None:
            found[n] = (best[1], best[0])
            taken.add(best[1])
    return found
