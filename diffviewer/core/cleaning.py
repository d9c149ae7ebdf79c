"""What a cleaning removed from a raw page, and was any of it body text (the "raw vs
cleaned" report of one compared pair).

``cleaning_report`` reads a Comparison for one pair, the raw page being the from-version and
the cleaned text the to-version: removed paragraphs counted per kind, and one clear verdict
line, "No body text removed." or "3 body paragraphs removed", where body paragraphs that were
edited and lost words count too ("1 body paragraph shortened: 12 words removed"). Then how sure
that is: each removed paragraph not called body was recognised by its wording (a rule's
pattern: "Share", "© 2022", "3 comments"), by its place on the page (the structure pass: before
or after the article, in a teaser run or a comment thread) or by its shape alone (a short line
in a run, the first line); the share found by wording sets the confidence. The removed
paragraphs called body come first, with their text: they are what an editor must read; those
kept out of the body by place or shape alone come next.

The viewer's Raw vs Cleaned panel (``ui.cleaning``) and the text, Markdown and HTML reports
(``export``) show it.
Imports: the standard library and ``core`` (model, kinds, summary).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from diffviewer.core.kinds import RuleSet, evidence_of, load_rules
from diffviewer.core.model import ChangeType, Comparison, Kind
from diffviewer.core.summary import plural

#: Shares of removed non-body paragraphs recognised by their wording for each confidence.
HIGH_CONFIDENCE = 0.9
MEDIUM_CONFIDENCE = 0.6
#: How much of a removed paragraph's text the report quotes.
EXCERPT = 300


@dataclass(frozen=True, slots=True)
class Removed:
    """One paragraph of the from-version that the to-version lacks."""

    index: int
    text: str
    kind: Kind
    rule: str
    evidence: str
    """``wording``, ``place``, ``shape`` or ``none`` (see ``kinds.evidence_of``)."""


@dataclass(frozen=True, slots=True)
class CleaningReport:
    """What one pair's to-version dropped from its from-version."""

    from_name: str
    to_name: str
    removed_by_kind: tuple[tuple[Kind, int], ...]
    """Removed paragraphs per kind, in Kind order, kinds with none left out."""
    body_removed: int
    body_shortened: int
    """Body paragraphs kept but edited with words removed."""
    body_words_removed: int
    inserted: int
    """Paragraphs the cleaned version has that the raw one lacks (a cleaner should add none)."""
    removed: tuple[Removed, ...] = ()
    """Every removed paragraph: first those called body, then those kept out of the body by
    their place or shape alone, then those recognised by their wording; page order within."""

    @property
    def body_lost(self) -> bool:
        """Whether body text was removed, or a body paragraph lost words."""
        return bool(self.body_removed or self.body_shortened)

    @property
    def by_wording(self) -> int:
        """Removed paragraphs recognised by their wording."""
        return sum(1 for r in self.removed if r.evidence == "wording")

    @property
    def body(self) -> tuple[Removed, ...]:
        """Removed paragraphs taken for body text (what an editor must read)."""
        return tuple(r for r in self.removed if r.kind is Kind.BODY)

    @property
    def others(self) -> tuple[Removed, ...]:
        """Removed paragraphs not taken for body text."""
        return tuple(r for r in self.removed if r.kind is not Kind.BODY)

    @property
    def weak(self) -> tuple[Removed, ...]:
        """Removed paragraphs kept out of the body by their place or shape alone."""
        return tuple(r for r in self.others if r.evidence != "wording")

    @property
    def confidence(self) -> str:
        """``high``, ``medium`` or ``low``: how sure the verdict is (see the module doc)."""
        if self.body_lost:
            return "high"  # Body text was removed: that much is certain.
        others = self.others
        if not others:
            return "high"
        share = self.by_wording / len(others)
        if share >= HIGH_CONFIDENCE:
            return "high"
        return "medium" if share >= MEDIUM_CONFIDENCE else "low"

    @property
    def certainty(self) -> str:
        """One line on how sure the verdict is, and why ("" where nothing but body text was
        removed, or body text was: then the verdict is certain)."""
        others = self.others
        if self.body_lost or not others:
            return ""
        weaker, total = len(self.weak), len(others)
        if weaker == 0:
            if total == 1:
                return "Confidence high: the removed paragraph was recognised by its wording."
            return (
                f"Confidence high: all {total} removed paragraphs were recognised by their wording."
            )
        place = (
            "its place on the page or its shape"
            if weaker == 1
            else "their place on the page or their shape"
        )
        if weaker == total:
            which = (
                "the removed paragraph was"
                if total == 1
                else f"all {total} removed paragraphs were"
            )
            return f"Confidence {self.confidence}: {which} recognised only by {place}."
        return (
            f"Confidence {self.confidence}: {self.by_wording} of {total} removed paragraphs "
            f"were recognised by their wording; {weaker} only by {place}."
        )

    @property
    def removed_total(self) -> int:
        return sum(count for _, count in self.removed_by_kind)

    @property
    def verdict(self) -> str:
        """The one line an editor reads first."""
        if not self.body_lost:
            return "No body text removed."
        parts = []
        if self.body_removed:
            parts.append(f"{plural(self.body_removed, 'body paragraph')} removed")
        if self.body_shortened:
            parts.append(
                f"{plural(self.body_shortened, 'body paragraph')} shortened "
                f"({plural(self.body_words_removed, 'word')} removed)"
            )
        return "; ".join(parts) + "."


def cleaning_report(
    comparison: Comparison, pair: tuple[int, int], rules: RuleSet | None = None
) -> CleaningReport:
    """The report for ``pair`` (from-version index, to-version index) of ``comparison``.

    ``rules`` (the bundled rules by default) tell what each removal's rule went by.
    """
    rules = rules if rules is not None else load_rules()
    removed: Counter[Kind] = Counter()
    body_shortened = body_words = inserted = 0
    first, second = pair
    paragraphs = comparison.versions[first].paragraphs
    listed: list[Removed] = []
    for change in comparison.changes:
        if (change.from_version, change.to_version) != pair:
            continue
        if change.type is ChangeType.REMOVED:
            removed[change.kind] += max(1, len(change.old))
            for index in change.old:
                paragraph = paragraphs[index]
                evidence = evidence_of(rules, paragraph.rule)
                listed.append(
                    Removed(index, paragraph.text, paragraph.kind, paragraph.rule, evidence)
                )
        elif change.type is ChangeType.INSERTED:
            inserted += max(1, len(change.new))
        elif change.kind is Kind.BODY and change.words_removed > 0:
            body_shortened += 1
            body_words += change.words_removed
    order = {"none": 0, "shape": 1, "place": 1, "wording": 2}
    listed.sort(key=lambda r: (r.kind is not Kind.BODY, order[r.evidence], r.index))
    return CleaningReport(
        from_name=comparison.versions[first].name,
        to_name=comparison.versions[second].name,
        removed_by_kind=tuple((kind, removed[kind]) for kind in Kind if removed[kind]),
        body_removed=removed[Kind.BODY],
        body_shortened=body_shortened,
        body_words_removed=body_words,
        inserted=inserted,
        removed=tuple(listed),
    )


def excerpt(text: str) -> str:
    """``text`` on one line, cut to ``EXCERPT`` characters (with "…" where cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"
