"""Pairs made by hand: a removed and an inserted paragraph shown as one edit, with a word diff.

The aligner leaves a paragraph rewritten beyond its similarity threshold as "removed" and
"inserted". ``pair_by_hand`` makes the two one CHANGED change (word diff on their keys, the
old paragraph's kind) and joins their rows when that keeps every column in order: the row of
one paragraph must hold nothing else, and no row between the two may hold a paragraph of the
version that moves. ``HandPair`` names the paragraphs by version and key, so a pair is laid
again over the next comparison of the same texts (after an edit elsewhere, say); "unpair" is
leaving it out.
Imports: the standard library, ``core.model`` and ``core.worddiff`` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from diffviewer.core.model import Change, ChangeType, Comparison, Row, RowStatus
from diffviewer.core.worddiff import count_changed_words, word_ops


@dataclass(frozen=True, slots=True)
class HandPair:
    """The paragraph with key ``old_key`` in version ``old_version`` is the one with key
    ``new_key`` in ``new_version``, edited (the two form a compared pair)."""

    old_version: int
    old_key: str
    new_version: int
    new_key: str


def _find(comparison: Comparison, pair: HandPair, kind: ChangeType) -> int | None:
    old = kind is ChangeType.REMOVED
    for number, change in enumerate(comparison.changes):
        if (
            change.type is kind
            and change.from_version == pair.old_version
            and change.to_version == pair.new_version
        ):
            version, index = (
                (change.from_version, change.old[0]) if old else (change.to_version, change.new[0])
            )
            if comparison.paragraph(version, index).key == (pair.old_key if old else pair.new_key):
                return number
    return None


def pairable(comparison: Comparison, pair: HandPair) -> bool:
    return _plan(comparison, pair) is not None


def _plan(comparison: Comparison, pair: HandPair) -> tuple[int, int, int, int] | None:
    """(removed change, inserted change, row kept, row dropped), or None if not possible."""
    removed = _find(comparison, pair, ChangeType.REMOVED)
    inserted = _find(comparison, pair, ChangeType.INSERTED)
    if removed is None or inserted is None:
        return None
    (r1,) = comparison.changes[removed].rows
    (r2,) = comparison.changes[inserted].rows
    rows = comparison.rows
    between = rows[min(r1, r2) + 1 : max(r1, r2)]
    a, b = pair.old_version, pair.new_version
    for keep, drop, version in ((r1, r2, b), (r2, r1, a)):
        alone = all(c is None for n, c in enumerate(rows[drop].cells) if n != version)
        if alone and all(row.cells[version] is None for row in between):
            return removed, inserted, keep, drop
    return None


def pair_by_hand(comparison: Comparison, pair: HandPair) -> Comparison:
    """``comparison`` with the pair shown as one edit (unchanged if it cannot be)."""
    plan = _plan(comparison, pair)
    if plan is None:
        return comparison
    removed, inserted, keep, drop = plan
    a, b = pair.old_version, pair.new_version
    i = comparison.changes[removed].old[0]
    j = comparison.changes[inserted].new[0]
    kept, dropped = comparison.rows[keep], comparison.rows[drop]
    cells = tuple(d if c is None else c for c, d in zip(kept.cells, dropped.cells, strict=True))
    links: list[RowStatus | None] = []
    for k, (p, q) in enumerate(comparison.pairs):
        if (p, q) == (a, b):
            links.append(RowStatus.CHANGED)
        else:
            links.append(kept.links[k] if kept.links[k] is not None else dropped.links[k])
    status = next((s for s in links if s is not None and s is not RowStatus.EQUAL), None)
    merged = Row(cells, tuple(links), status or RowStatus.EQUAL)
    rows = list(comparison.rows)
    rows[keep] = merged
    del rows[drop]
    at = keep - (drop < keep)

    def moved(row: int) -> int:
        return at if row in (keep, drop) else row - (row > drop)

    old_key, new_key = comparison.paragraph(a, i).key, comparison.paragraph(b, j).key
    ops = word_ops(old_key, new_key)
    added, taken = count_changed_words(ops)
    source = comparison.changes[removed]
    edit = Change(
        type=ChangeType.CHANGED,
        from_version=a,
        to_version=b,
        old=(i,),
        new=(j,),
        kind=source.kind,
        rule=source.rule,
        word_ops=ops,
        words_added=added,
        words_removed=taken,
        similarity=0.0,
        rows=(at,),
    )
    changes = [
        replace(change, rows=tuple(sorted({moved(r) for r in change.rows})))
        for n, change in enumerate(comparison.changes)
        if n not in (removed, inserted)
    ]
    changes.append(edit)
    changes.sort(key=lambda c: (c.rows[0] if c.rows else 0, c.from_version))
    return replace(comparison, rows=tuple(rows), changes=tuple(changes))


def pair_all(comparison: Comparison, pairs: Iterable[HandPair]) -> Comparison:
    for pair in pairs:
        comparison = pair_by_hand(comparison, pair)
    return comparison
