"""What an alignment is made of: its steps (``Op``, ``Step``), the thresholds that decide them,
and the word bags paragraphs are compared by (``WordBag``, ``WordBags``, ``similarity``).
Imports: the standard library and ``core.words``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from diffviewer.core.words import folded_word_tokens


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


WordBag = frozenset[str]
"""A multiset of words as a set: a word's first occurrence is the word, its k-th the word, a
NUL and k (``REPEAT``; a NUL, a control character, is never part of a word).

So ``len(a & b)`` is the number of words two bags share (the sum over words of the smaller
count), computed by the set intersection in C: several times faster than summing over
``Counter`` items in Python, and the pairing programme computes it for many pairs. (Strings,
not (word, k) tuples: a string keeps its hash, a tuple computes it on every lookup.)
"""

#: What joins a word and k in its k-th occurrence in a bag (``WordBag``).
REPEAT = "\0"


def word_bag(words: Iterable[str]) -> WordBag:
    """The bag of ``words`` (see ``WordBag``)."""
    return bag_of(Counter(words))


def bag_of(counts: Counter[str]) -> WordBag:
    """The bag of the words ``counts`` counts (see ``WordBag``)."""
    marks = _repeat_marks(1 << max(counts.values(), default=1).bit_length())
    repeats = [w + mark for w, n in counts.items() if n > 1 for mark in marks[2 : n + 1]]
    return frozenset([*counts, *repeats])


@cache
def _repeat_marks(size: int) -> tuple[str, ...]:
    """What follows a word in its k-th occurrence, for k < ``size`` (a power of two)."""
    return tuple(f"{REPEAT}{k}" for k in range(size))


class WordBags:
    """What a version's paragraphs are compared by, made on first use (most paragraphs never
    need any): word counts, bags and distinct words.

    The pairing of a replaced block compares word counts (``counts``, ``shared_count``; its
    programme makes bags of wide blocks only, ``pairing._SharedWords``), made for the block
    and dropped: keeping them per edited paragraph would double the peak memory of a
    comparison. Moves look for candidates by each removed and inserted paragraph's distinct
    words (``distinct``), and compare the bags (kept) of pairs that may be one.
    ``keep_all``: keep the counts made too, for a version aligned again with another (the
    pairs of three versions or more): the next alignment reads them instead of making them
    again.
    """

    def __init__(self, keys: Sequence[str], *, keep_all: bool = False) -> None:
        self.keys = keys
        self._keep_all = keep_all
        self._bags: dict[int, WordBag] = {}
        self._counts: dict[int, Counter[str]] = {}
        self._distinct: dict[int, tuple[frozenset[str], int]] = {}

    def __getitem__(self, index: int) -> WordBag:
        """Paragraph ``index``'s bag, kept."""
        bag = self._bags.get(index)
        if bag is None:
            bag = self._bags[index] = bag_of(self.counts(index))
        return bag

    def counts(self, index: int) -> Counter[str]:
        """Paragraph ``index``'s word counts (not kept, unless all are): what a pairing needs
        (``shared_count``), for about a third of a bag's cost."""
        counts = self._counts.get(index)
        if counts is None:
            counts = Counter(folded_word_tokens(self.keys[index]))
            if self._keep_all:
                self._counts[index] = counts
        return counts

    def distinct(self, index: int) -> tuple[frozenset[str], int]:
        """Paragraph ``index``'s distinct words and how many words it has, kept: what finding
        the candidates of a move needs (a set costs a fraction of a bag)."""
        found = self._distinct.get(index)
        if found is None:
            words = folded_word_tokens(self.keys[index])
            found = self._distinct[index] = (frozenset(words), len(words))
        return found

    def block(self, indexes: range) -> tuple[list[Counter[str]], list[int]]:
        """The word counts of paragraphs ``indexes`` (not kept, unless all are) and how many
        words each has."""
        counts = list(map(self.counts, indexes))
        return counts, list(map(Counter.total, counts))


def similarity(a: WordBag, b: WordBag) -> float:
    """Dice coefficient over word multisets: 2·shared / (|a| + |b|), 1.0 for two empty texts."""
    return dice(len(a & b), len(a) + len(b))


def shared_count(a: Counter[str], b: Counter[str]) -> int:
    """How many words two multisets of words share: ``len(word_bag(a) & word_bag(b))``
    for their counts, by builtins (no bag made)."""
    common = a.keys() & b.keys()
    return sum(map(min, map(a.__getitem__, common), map(b.__getitem__, common)))


def dice(shared: int, total: int) -> float:
    """``similarity`` of two bags holding ``total`` words together, given how many they share."""
    if not total:
        return 1.0
    return 2 * shared / total
