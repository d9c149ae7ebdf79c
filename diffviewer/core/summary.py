"""Comparison → totals, per-version facts and the sentence an editor reads in one glance.

``summarise`` counts the changes by type and by kind (over all compared pairs, and per pair),
and phrases them: "5 paragraphs removed: 1 headline, 3 captions, 1 comment prompt. Body text
unchanged." ``one_line`` is the short form for a status bar. Kinds are always listed in
``Kind`` order and change types in ``ChangeType`` order, so the wording is stable.
Imports: the standard library and ``core`` (model, visible) only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from diffviewer.core.model import ChangeType, Comparison, Kind, Newline
from diffviewer.core.visible import visible

# How each change type reads after a count ("3 removed", "1 edited").
_VERBS: dict[ChangeType, str] = {
    ChangeType.REMOVED: "removed",
    ChangeType.INSERTED: "inserted",
    ChangeType.CHANGED: "edited",
    ChangeType.MOVED: "moved",
    ChangeType.SPLIT: "split",
    ChangeType.MERGED: "merged",
}
# Kinds whose label reads as a mass noun ("2 body", not "2 bodys").
_INVARIANT = frozenset({Kind.BODY, Kind.NAVIGATION, Kind.COPYRIGHT})


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 paragraph"``, ``"2 paragraphs"``: a count with its noun."""
    noun = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {noun}"


def kind_noun(kind: Kind, count: int) -> str:
    """A count of paragraphs of one kind: ``"3 captions"``, ``"1 comment prompt"``, ``"2 body"``."""
    label = kind.label
    return plural(count, label, label if kind in _INVARIANT else None)


@dataclass(frozen=True, slots=True)
class VersionFacts:
    """What the exports print about one input."""

    number: int
    """1-based position, as in "v1"."""
    name: str
    path: str | None
    encoding: str
    confidence: float
    newline: Newline
    paragraphs: int
    words: int
    size: int
    warnings: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"v{self.number}"


@dataclass(frozen=True, slots=True)
class Counts:
    """Changes counted by type and by kind, for the whole comparison or one pair."""

    removed: int = 0
    inserted: int = 0
    changed: int = 0
    moved: int = 0
    split: int = 0
    merged: int = 0
    typographic: int = 0
    """Typographic-only edits among the changes plus the muted ones."""
    muted_typographic: int = 0
    kind_counts: tuple[tuple[Kind, int], ...] = ()
    """Changes per kind, in ``Kind`` order, kinds with no change left out."""
    body: int = 0
    """Changes whose paragraph is body text."""

    @property
    def total(self) -> int:
        return self.removed + self.inserted + self.changed + self.moved + self.split + self.merged

    @property
    def by_type(self) -> dict[ChangeType, int]:
        """Count per change type, in ``ChangeType`` order (zeros included)."""
        return {
            ChangeType.REMOVED: self.removed,
            ChangeType.INSERTED: self.inserted,
            ChangeType.CHANGED: self.changed,
            ChangeType.MOVED: self.moved,
            ChangeType.SPLIT: self.split,
            ChangeType.MERGED: self.merged,
        }

    @property
    def by_kind(self) -> Counter[str]:
        """Changes per kind name, e.g. ``Counter({"caption": 3, "headline": 1})``."""
        return Counter({kind.value: count for kind, count in self.kind_counts})

    @property
    def body_changed(self) -> bool:
        return self.body > 0


@dataclass(frozen=True, slots=True)
class PairSummary:
    """The changes between two versions."""

    from_version: int
    to_version: int
    counts: Counts
    text: str
    """E.g. "5 removed (1 headline, 3 captions, 1 comment prompt)" or "no differences"."""

    @property
    def label(self) -> str:
        return f"v{self.from_version + 1}→v{self.to_version + 1}"


@dataclass(frozen=True, slots=True)
class Summary:
    """Totals over every compared pair, the per-pair parts and the per-version facts."""

    counts: Counts
    sentence: str
    """What an editor reads in one glance (several short sentences)."""
    line: str
    """The status-bar form, see ``one_line``."""
    pairs: tuple[PairSummary, ...]
    versions: tuple[VersionFacts, ...]

    # The totals, named as the JSON export names them.
    @property
    def removed(self) -> int:
        return self.counts.removed

    @property
    def inserted(self) -> int:
        return self.counts.inserted

    @property
    def changed(self) -> int:
        return self.counts.changed

    @property
    def moved(self) -> int:
        return self.counts.moved

    @property
    def split(self) -> int:
        return self.counts.split

    @property
    def merged(self) -> int:
        return self.counts.merged

    @property
    def typographic(self) -> int:
        return self.counts.typographic

    @property
    def by_kind(self) -> Counter[str]:
        return self.counts.by_kind

    @property
    def body_changed(self) -> bool:
        return self.counts.body_changed

    @property
    def total(self) -> int:
        return self.counts.total


def count_changes(comparison: Comparison, pair: tuple[int, int] | None = None) -> Counts:
    """Count the changes of ``comparison``, or only those of one compared ``pair``.

    The muted typographic edits are known only in total, so a pair's counts leave them out.
    """
    changes = [
        c for c in comparison.changes if pair is None or (c.from_version, c.to_version) == pair
    ]
    types = Counter(c.type for c in changes)
    kinds = Counter(c.kind for c in changes)
    muted = comparison.muted_typographic if pair is None else 0
    return Counts(
        removed=types[ChangeType.REMOVED],
        inserted=types[ChangeType.INSERTED],
        changed=types[ChangeType.CHANGED],
        moved=types[ChangeType.MOVED],
        split=types[ChangeType.SPLIT],
        merged=types[ChangeType.MERGED],
        typographic=sum(1 for c in changes if c.typographic) + muted,
        muted_typographic=muted,
        kind_counts=tuple((kind, kinds[kind]) for kind in Kind if kinds[kind]),
        body=kinds[Kind.BODY],
    )


def version_facts(comparison: Comparison) -> tuple[VersionFacts, ...]:
    """Name, encoding, newline style, paragraph and word counts of every version."""
    return tuple(
        VersionFacts(
            number=number,
            name=visible(v.name, one_line=True),
            path=None if v.path is None else visible(v.path, one_line=True),
            encoding=v.encoding,
            confidence=v.confidence,
            newline=v.newline,
            paragraphs=len(v.paragraphs),
            words=v.words,
            size=v.size,
            warnings=tuple(visible(w, one_line=True) for w in v.warnings),
        )
        for number, v in enumerate(comparison.versions, start=1)
    )


def _kind_list(kind_counts: Iterable[tuple[Kind, int]]) -> str:
    return ", ".join(kind_noun(kind, count) for kind, count in kind_counts)


_TYPE_AND_KIND = attrgetter("type", "kind")


def _kinds_of_type(comparison: Comparison, pair: tuple[int, int] | None) -> dict[ChangeType, str]:
    """For each change type present, its kinds: "caption" alone, or "1 headline, 3 captions"."""
    changes = comparison.changes
    if pair is not None:
        changes = tuple(c for c in changes if (c.from_version, c.to_version) == pair)
    # Counted in one C-level pass, then grouped (a Counter per change, made and dropped by
    # ``setdefault``, cost a twentieth of the JSON report at 50,000 paragraphs).
    per_type: dict[ChangeType, Counter[Kind]] = {}
    for (change_type, kind), n in Counter(map(_TYPE_AND_KIND, changes)).items():
        per_type.setdefault(change_type, Counter())[kind] = n
    out: dict[ChangeType, str] = {}
    for change_type, kinds in per_type.items():
        ordered = [(kind, kinds[kind]) for kind in Kind if kinds[kind]]
        out[change_type] = ordered[0][0].label if len(ordered) == 1 else _kind_list(ordered)
    return out


def _typographic_sentence(counts: Counts) -> str:
    if not counts.typographic:
        return ""
    text = plural(counts.typographic, "typographic-only edit")
    if counts.muted_typographic:
        text += f" ({counts.muted_typographic} muted)"
    return text + "."


def _changes_clause(comparison: Comparison, counts: Counts, pair: tuple[int, int] | None) -> str:
    """The counts clause: "5 paragraphs removed: 1 headline, 3 captions" for one change type,
    "2 paragraphs edited (1 body, 1 headline), 1 moved (body)" for several."""
    present = [(t, n) for t, n in counts.by_type.items() if n]
    if len(present) == 1:
        change_type, n = present[0]
        return f"{plural(n, 'paragraph')} {_VERBS[change_type]}: {_kind_list(counts.kind_counts)}"
    kinds = _kinds_of_type(comparison, pair)
    parts = []
    for position, (change_type, n) in enumerate(present):
        head = plural(n, "paragraph") if position == 0 else str(n)
        parts.append(f"{head} {_VERBS[change_type]} ({kinds[change_type]})")
    return ", ".join(parts)


def _sentence(comparison: Comparison, counts: Counts, pairs: tuple[PairSummary, ...]) -> str:
    if not counts.total:
        if counts.muted_typographic:
            muted = plural(counts.muted_typographic, "typographic-only edit")
            return f"No differences ({muted} muted)."
        return "No differences."
    parts = [_changes_clause(comparison, counts, None) + "."]
    parts.append(
        f"Body text changed: {plural(counts.body, 'paragraph')}."
        if counts.body
        else "Body text unchanged."
    )
    typographic = _typographic_sentence(counts)
    if typographic:
        parts.append(typographic)
    if len(pairs) > 1:
        parts.append("; ".join(f"{p.label}: {p.text}" for p in pairs) + ".")
    return " ".join(parts)


def _pair_text(comparison: Comparison, counts: Counts, pair: tuple[int, int]) -> str:
    """ "5 removed (1 headline, 3 captions), 1 inserted (body)" or "no differences"."""
    if not counts.total:
        return "no differences"
    kinds = _kinds_of_type(comparison, pair)
    return ", ".join(f"{n} {_VERBS[t]} ({kinds[t]})" for t, n in counts.by_type.items() if n)


def _line(counts: Counts) -> str:
    if not counts.total:
        if counts.muted_typographic:
            return f"No differences ({counts.muted_typographic} typographic-only muted)"
        return "No differences"
    types = ", ".join(f"{n} {_VERBS[t]}" for t, n in counts.by_type.items() if n)
    line = f"{types}: {_kind_list(counts.kind_counts)}"
    if counts.typographic:
        line += f"; {counts.typographic} typographic-only"
    return line


def summarise(comparison: Comparison) -> Summary:
    """Totals, per-pair parts, version facts, the sentence and the status-bar line."""
    counts = count_changes(comparison)
    pairs = tuple(
        PairSummary(a, b, pair_counts, _pair_text(comparison, pair_counts, (a, b)))
        for a, b in comparison.pairs
        for pair_counts in (count_changes(comparison, (a, b)),)
    )
    return Summary(
        counts=counts,
        sentence=_sentence(comparison, counts, pairs),
        line=_line(counts),
        pairs=pairs,
        versions=version_facts(comparison),
    )


def one_line(comparison: Comparison) -> str:
    """The status-bar line: "5 removed: 1 headline, 3 captions, 1 comment prompt"."""
    return _line(count_changes(comparison))
