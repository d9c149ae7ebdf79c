"""Per rule set, the work ``kinds.classify`` does once: which rules a paragraph's cheap facts
(words, full stop, link run, position, previous rule) leave it (a ``Choice``, cached per
combination of facts), and the RE2 sets of the rules' patterns (``Plan.hits``), whose one
pass says which patterns may occur in a paragraph (or in each of many: ``Plan.block_hits``):
one of the patterns of rules that admit long paragraphs, one of the others (see
``LONG_WORDS``).

Imports: the standard library and ``core`` (model, pattern_set, patterns, rules, structure)
only.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from itertools import compress, count, repeat
from operator import getitem, itemgetter, le
from typing import cast

from diffviewer.core.model import Kind
from diffviewer.core.pattern_set import PatternSet
from diffviewer.core.patterns import Pattern, PatternError
from diffviewer.core.rules import DEFAULT_RULE, PATTERN_WINDOW, Rule, RuleSet
from diffviewer.core.structure import WITHIN

__all__ = [
    "BLOCK",
    "DEFAULT_RESULT",
    "LONG_WORDS",
    "SET_AFTER",
    "SET_MIN",
    "Choice",
    "Facts",
    "Plan",
    "plan_for",
]

#: From this many rules with patterns among a paragraph's candidates, one pass of the set of
#: all patterns (``Plan.hits``) costs less than searching them one by one.
SET_MIN = 3
#: The set is built (about 45 ms, and its search warms up on first texts) once this many
#: paragraphs have asked for it, or at once for a version this long (its first paragraphs
#: would otherwise compile their patterns one by one first, ~25 ms more at 5,000
#: paragraphs): a short pair is done sooner pattern by pattern.
SET_AFTER = 300

Facts = tuple[int, bool, bool, int, int]
"""Words (capped), full stop, in a link run, position mask, and which ``follows`` conditions
the previous paragraph's rule meets (``Plan.after``; 0 if no rule uses them)."""

#: Texts searched together by ``Plan.block_hits``: the more, the fewer searches, but the more
#: patterns found in some text of a block (its result serves each of them). 16 made the search
#: of the bench pairs' paragraphs a third of one search a paragraph.
BLOCK = 16
_WINDOW = slice(PATTERN_WINDOW)

#: A paragraph of more words than this is searched only for the patterns of the rules that
#: admit it (those with no ``max_words`` at or below this): no other rule can hold for it.
#: Most rules with patterns hold only for short paragraphs (menus, captions, buttons: 61 of
#: the 93 bundled patterns), where most of a version's text is in longer ones; RE2's
#: automaton for the other 32 builds its states in half the time (bench pairs (a) and (b),
#: 5,000 paragraphs: the first search of the sets took ~40 ms, now ~22 ms) and searches
#: faster. Shorter paragraphs are searched with both sets.
LONG_WORDS = 30

#: The result where no rule holds.
DEFAULT_RESULT = (Kind.BODY, DEFAULT_RULE)


class Choice:
    """The rules a paragraph may match once its cheap facts are known, in order, prepared for
    ``kinds._first_match``: each with the slots of its patterns in the set (``Plan.slots``)."""

    __slots__ = ("_picked", "checks", "open", "quiet", "settled", "triggers", "use_set", "where")

    def __init__(self, rules: Sequence[Rule], slots: dict[str, tuple[int, int]]) -> None:
        self.checks = tuple((rule, *slots[rule.name]) for rule in rules)
        self.open = frozenset(n for n, rule in enumerate(rules) if rule.pattern is None)
        """Which of ``checks`` have no pattern (their other tests decide)."""
        self.where = {slots[rule.name][0]: n for n, rule in enumerate(rules) if rule.pattern}
        """Which of ``checks`` each pattern slot belongs to (``Plan.slots``)."""
        self._picked: dict[tuple[int, ...], tuple[tuple[Rule, int, int], ...]] = {}
        patterns = sum(r.pattern is not None or r.not_pattern is not None for r in rules)
        self.use_set = patterns >= SET_MIN
        """Whether one pass of the set costs less than searching the patterns one by one."""
        self.quiet: tuple[Kind, str] | None = DEFAULT_RESULT
        """The result where none of ``triggers`` occurs (None: a title-case test decides)."""
        triggers: list[int] = []
        for rule in rules:
            pattern_slot, not_pattern_slot = slots[rule.name]
            if rule.pattern is not None:
                # It does not occur (its not_pattern then does not matter).
                triggers.append(pattern_slot)
                continue
            # A not_pattern that does not occur holds the rule back from nothing.
            self.quiet = None if rule.title_case is not None else (rule.kind, rule.name)
            if rule.not_pattern is not None:
                triggers.append(not_pattern_slot)
            break
        self.triggers = frozenset(triggers)
        """The slots (``Plan.slots``) of the patterns whose absence gives ``quiet``: those of
        the rules before the first without a pattern, and that rule's not_pattern (the
        rules after it are never reached)."""
        first = rules[0] if rules else None
        self.settled = (
            DEFAULT_RESULT
            if first is None
            else (first.kind, first.name)
            if first.pattern is None and first.not_pattern is None and first.title_case is None
            else None
        )
        """The result whatever the text holds (no rule, or a first rule with no text test)."""

    def picks(self, hits: list[int]) -> tuple[tuple[Rule, int, int], ...]:
        """Those of ``checks`` whose pattern is among ``hits`` (slots of patterns that may
        occur), or that have none, in order (cached: paragraphs searched together share
        ``hits``)."""
        key = tuple(hits)
        found = self._picked.get(key)
        if found is None:
            picked = set(map(self.where.get, hits, repeat(-1)))
            picked.discard(-1)
            found = tuple(map(self.checks.__getitem__, sorted(picked.union(self.open))))
            if len(self._picked) < _PICKS_KEPT:
                self._picked[key] = found
        return found


#: Lists of checks kept per ``Choice`` (one per distinct set of patterns found).
_PICKS_KEPT = 64


class Plan:
    """Per rule set: which rules survive the cheap facts, computed once per combination."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules.rules
        self.positions = sorted({(r.position, r.n) for r in self.rules if r.position is not None})
        self.uses_follows = any(r.follows is not None for r in self.rules)
        bounds = [b for r in self.rules for b in (r.min_words, r.max_words) if b is not None]
        # Word counts above every bound behave alike: one cache entry serves them all.
        self.word_cap = max(bounds, default=0) + 1
        self._bit = {spec: 1 << n for n, spec in enumerate(self.positions)}
        # How far from either end a position fact can hold (first_n / last_n reach n).
        self.edge = max((n for _, n in self.positions), default=1)
        self._follows, self.after = self._follow_sets()
        self._candidates: dict[Facts, Choice] = {}
        # Word counts with no bound of any rule between them (a min_words, or one past a
        # max_words) are admitted by the same rules: one Choice serves them all (bench pairs
        # (a) and (b) at 5,000 paragraphs: 39 and 40 made instead of 178 and 129, ~3 ms of a
        # start, and their pick caches shared).
        edges = sorted(
            {r.min_words for r in self.rules if r.min_words is not None}
            | {r.max_words + 1 for r in self.rules if r.max_words is not None}
        )
        self._word_band = [bisect_right(edges, words) for words in range(self.word_cap + 1)]
        self._banded: dict[tuple[int, bool, bool, int, int], Choice] = {}
        self.order = {rule.name: n for n, rule in enumerate(self.rules)}
        # Rules whose pattern finds page furniture: what they find shows a version is a page.
        self.markers = frozenset(
            rule.name
            for rule in self.rules
            if rule.pattern is not None and rule.kind.is_boilerplate and rule.structure is None
        )
        # Structural rules by the place they name, in file order (see ``_apply_structure``).
        self.structural: dict[str, list[tuple[int, Rule]]] = {}
        for n, rule in enumerate(self.rules):
            if rule.structure is not None:
                self.structural.setdefault(rule.structure, []).append((n, rule))
        for place, wider in WITHIN.items():
            if wider in self.structural:
                ranked = self.structural.get(place, []) + self.structural[wider]
                self.structural[place] = sorted(ranked, key=itemgetter(0))
        # The same without the rules that hold only in a link run.
        self.structural_off_runs: dict[str, list[tuple[int, Rule]]] = {}
        for place, ranked in self.structural.items():
            kept = [(n, rule) for n, rule in ranked if rule.in_link_run is not True]
            if kept:
                self.structural_off_runs[place] = kept
        # Structural rules with no pattern and no title-case condition: their cheap facts
        # and the place decide.
        self.shape_only = frozenset(
            rule.name
            for ranked in self.structural.values()
            for _, rule in ranked
            if rule.pattern is None and rule.not_pattern is None and rule.title_case is None
        )
        # Every pattern in one RE2 set, searched once per paragraph (see ``hits``).
        members: list[Pattern] = []
        self.slots: dict[str, tuple[int, int]] = {}
        for rule in self.rules:
            slots = [-1, -1]
            for n, pattern in enumerate((rule.pattern, rule.not_pattern)):
                if pattern is not None:
                    slots[n] = len(members)
                    members.append(pattern)
            self.slots[rule.name] = (slots[0], slots[1])
        self._members = members
        # The slots of patterns whose rules hold only for paragraphs of at most LONG_WORDS.
        self._short_only = [False] * len(members)
        for rule in self.rules:
            if rule.max_words is not None and rule.max_words <= LONG_WORDS:
                for slot in self.slots[rule.name]:
                    if slot >= 0:
                        self._short_only[slot] = True
        self._set: tuple[PatternSet, PatternSet | None] | None = None
        self._set_failed = False
        self._asked = 0
        # Each structural rule alone, for the second pass (``_apply_structure``).
        self.alone = {
            rule.name: Choice((rule,), self.slots)
            for ranked in self.structural.values()
            for _, rule in ranked
        }
        self.structural_positions = any(
            rule.position is not None for ranked in self.structural.values() for _, rule in ranked
        )

    def _follow_sets(self) -> tuple[dict[str, int], dict[str | None, int]]:
        """For each rule with ``follows``, a bit; for each rule name the previous paragraph
        may carry (and None for the first paragraph), the bits of the conditions it meets.

        Rules (and ``default``) that meet the same conditions share a value, so the caches see
        as few distinct facts as with kinds alone."""
        bits: dict[str, int] = {}
        wanted: dict[frozenset[Kind | str], int] = {}
        for rule in self.rules:
            if rule.follows is not None:
                bits[rule.name] = wanted.setdefault(rule.follows, 1 << len(wanted))
        after: dict[str | None, int] = {None: 0}
        for name, kind in [(DEFAULT_RULE, Kind.BODY)] + [(r.name, r.kind) for r in self.rules]:
            after[name] = sum(bit for want, bit in wanted.items() if kind in want or name in want)
        return bits, after

    def position_mask(self, index: int, count: int) -> int:
        mask = 0
        for (position, n), bit in self._bit.items():
            if (
                (position == "first" and index == 0)
                or (position == "last" and index == count - 1)
                or (position == "first_n" and index < n)
                or (position == "last_n" and index >= count - n)
            ):
                mask |= bit
        return mask

    def want_set(self) -> None:
        """Build the set on the next ask (see ``SET_AFTER``)."""
        self._asked = max(self._asked, SET_AFTER)

    def hits(self, window: bytes, level: int = 0) -> list[int] | None:
        """The indices (``slots``) of the patterns that may occur in ``window`` (of plain
        ``level`` or above, ``patterns.plain_level_utf8``), from one pass of each RE2 set (the
        sets' sentinel among them); None where the sets are not available (not yet built, or
        too large) or a search failed."""
        if self._set is None:
            self._asked += 1
            if self._asked < SET_AFTER:
                return None
        built = self._built()
        if built is None:
            return None
        wide, short = built
        found = wide.candidates(window, level)
        if found is None or short is None:
            return found
        more = short.candidates(window, level)
        return None if more is None else found + more

    def _built(self) -> tuple[PatternSet, PatternSet | None] | None:
        """The sets (that of the patterns of rules admitting long paragraphs, that of the
        others: None if there are none), built now if they are not yet; None if they cannot
        be."""
        if self._set is None and not self._set_failed:
            pairs = list(zip(self._members, self._short_only, strict=True))
            try:
                wide = PatternSet([None if only else p for p, only in pairs])
                short = None
                if True in self._short_only:
                    short = PatternSet([p if only else None for p, only in pairs])
                self._set = (wide, short)
            except PatternError:
                self._set_failed = True
        return self._set

    def block_hits(
        self,
        texts: Sequence[str],
        facts: Mapping[str, tuple[int, str, int]] | None = None,
        level: int = 0,
    ) -> dict[str, list[int]]:
        """For each of ``texts``, patterns that may occur in it (a list that holds ``hits``'
        and perhaps more), from one call for all (``PatternSet.candidates_of``: ``BLOCK``
        texts are searched at a time). ``facts``: each text's words first (``kinds.KindMemo``):
        a text of more than ``LONG_WORDS`` is searched only for the patterns of the rules
        that admit it (the others are never named for it). Texts whose search failed are left
        out (``hits`` then serves them one by one). Empty where the sets are not available, or
        not yet wanted (see ``hits``, ``want_set``). ``level``: the texts' lowest plain level
        (``patterns.texts_plain_level``)."""
        built = self._built() if self._asked >= SET_AFTER else self._set
        if built is None or not texts:
            return {}
        wide, short = built
        windows: list[str] = list(map(getitem, texts, repeat(_WINDOW)))
        hits = wide.candidates_of(windows, BLOCK, level)
        if short is not None:
            picked: Sequence[int] = range(len(texts))
            if facts is not None:
                words = map(itemgetter(0), map(facts.__getitem__, texts))
                picked = list(compress(count(), map(le, words, repeat(LONG_WORDS))))
            more = short.candidates_of(list(map(windows.__getitem__, picked)), BLOCK, level)
            for n, extra in zip(picked, more, strict=True):
                first = hits[n]
                hits[n] = None if first is None or extra is None else first + extra
        found = dict(zip(texts, hits, strict=True))
        if None in found.values():
            return {text: hits for text, hits in found.items() if hits is not None}
        return cast("dict[str, list[int]]", found)  # No None among them.

    def candidates(self, facts: Facts) -> Choice:
        found = self._candidates.get(facts)
        if found is None:
            words, stop, in_run, mask, previous = facts
            band = (self._word_band[min(words, self.word_cap)], stop, in_run, mask, previous)
            found = self._banded.get(band)
            if found is None:
                found = self._banded[band] = Choice(
                    [r for r in self.rules if r.structure is None and self.admits(r, facts)],
                    self.slots,
                )
            self._candidates[facts] = found
        return found

    def admits(self, rule: Rule, facts: Facts) -> bool:
        """Whether ``rule``'s cheap conditions hold (all but patterns, title case, place)."""
        words, stop, in_run, mask, previous = facts
        return not (
            (rule.min_words is not None and words < rule.min_words)
            or (rule.max_words is not None and words > rule.max_words)
            or (rule.ends_with_full_stop is not None and stop is not rule.ends_with_full_stop)
            or (rule.in_link_run is not None and in_run is not rule.in_link_run)
            or (rule.position is not None and not mask & self._bit[(rule.position, rule.n)])
            or (rule.follows is not None and not previous & self._follows[rule.name])
        )


@functools.lru_cache(maxsize=8)
def plan_for(rules: RuleSet) -> Plan:
    """The plan of ``rules`` (one per rule set: its caches serve every comparison)."""
    return Plan(rules)
