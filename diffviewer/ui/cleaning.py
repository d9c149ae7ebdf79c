"""The "raw vs cleaned" report: what did the cleaning remove, by kind, and was body text lost?

``cleaning_report`` reads a Comparison (pure Python, no Qt) for one compared pair, the raw page
being the from-version and the cleaned text the to-version: removed paragraphs counted per kind,
and one clear verdict line, "No body text removed." or "3 body paragraphs removed", where body
paragraphs that were edited and lost words count too ("1 body paragraph shortened: 12 words
removed"). Then how sure that is: each removed paragraph not called body was recognised by
its wording (a rule's pattern: "Share", "© 2022", "3 comments"), by its place on the page (the
structure pass: before or after the article, in a teaser run or a comment thread) or by its
shape alone (a short line in a run, the first line); the share found by wording sets the
confidence. The removed paragraphs called body come first, with their text: they are what an
editor must read; those kept out of the body by place or shape alone come next.
``CleaningPanel`` shows it for every pair (a dock in the main window).
Imports: PySide6.QtWidgets (the panel only) and ``core`` (model, kinds, summary's kind nouns).
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from diffviewer.core.kinds import RuleSet, evidence_of, load_rules
from diffviewer.core.model import ChangeType, Comparison, Kind
from diffviewer.core.summary import kind_noun

#: Shares of removed non-body paragraphs recognised by their wording for each confidence.
HIGH_CONFIDENCE = 0.9
MEDIUM_CONFIDENCE = 0.6
#: How much of a removed paragraph's text the report quotes.
EXCERPT = 300


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


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
    def by_wording(self) -> int:
        return sum(1 for r in self.removed if r.evidence == "wording")

    @property
    def confidence(self) -> str:
        """``high``, ``medium`` or ``low``: how sure the verdict is (see the module doc)."""
        if self.body_removed or self.body_shortened:
            return "high"  # Body text was removed: that much is certain.
        others = [r for r in self.removed if r.kind is not Kind.BODY]
        if not others:
            return "high"
        share = self.by_wording / len(others)
        if share >= HIGH_CONFIDENCE:
            return "high"
        return "medium" if share >= MEDIUM_CONFIDENCE else "low"

    @property
    def certainty(self) -> str:
        """One line on how sure the verdict is, and why."""
        others = [r for r in self.removed if r.kind is not Kind.BODY]
        if self.body_removed or self.body_shortened or not others:
            return ""
        weaker = len(others) - self.by_wording
        if weaker == 0:
            return (
                f"Confidence high: all {len(others)} removed paragraphs were recognised by "
                "their wording."
            )
        return (
            f"Confidence {self.confidence}: {self.by_wording} of {len(others)} removed "
            f"paragraphs were recognised by their wording; {weaker} only by their place on "
            "the page or their shape (listed first: read them if in doubt)."
        )

    @property
    def removed_total(self) -> int:
        return sum(count for _, count in self.removed_by_kind)

    @property
    def verdict(self) -> str:
        """The one line an editor reads first."""
        if self.body_removed == 0 and self.body_shortened == 0:
            return "No body text removed."
        parts = []
        if self.body_removed:
            parts.append(f"{_plural(self.body_removed, 'body paragraph')} removed")
        if self.body_shortened:
            parts.append(
                f"{_plural(self.body_shortened, 'body paragraph')} shortened "
                f"({_plural(self.body_words_removed, 'word')} removed)"
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


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"


def report_html(report: CleaningReport) -> str:
    """The report as a small HTML fragment (every name and text escaped)."""
    esc = html.escape
    ok = report.body_removed == 0 and report.body_shortened == 0
    colour = "#2e7d32" if ok else "#c62828"
    lines = [
        f"<h3>{esc(report.from_name)} → {esc(report.to_name)}</h3>",
        f'<p><b style="color:{colour}">{esc(report.verdict)}</b></p>',
    ]
    if report.certainty:
        lines.append(f"<p>{esc(report.certainty)}</p>")
    body = [r for r in report.removed if r.kind is Kind.BODY]
    if body:
        lines.append("<p><b>Read these first: removed paragraphs taken for body text</b></p><ol>")
        lines += [f"<li>¶{r.index + 1}: {esc(_excerpt(r.text))}</li>" for r in body]
        lines.append("</ol>")
    weak = [r for r in report.removed if r.kind is not Kind.BODY and r.evidence != "wording"]
    if weak and not body:
        lines.append("<p>Removed by their place on the page or their shape alone:</p><ol>")
        lines += [
            f"<li>¶{r.index + 1} ({esc(r.kind.label)}): {esc(_excerpt(r.text))}</li>" for r in weak
        ]
        lines.append("</ol>")
    if report.removed_by_kind:
        lines.append(f"<p>{_plural(report.removed_total, 'paragraph')} removed:</p><ul>")
        lines += [
            f"<li>{esc(kind_noun(kind, count))}</li>" for kind, count in report.removed_by_kind
        ]
        lines.append("</ul>")
    else:
        lines.append("<p>Nothing removed.</p>")
    if report.inserted:
        lines.append(f"<p>{_plural(report.inserted, 'paragraph')} added by the cleaning.</p>")
    return "\n".join(lines)


class CleaningPanel(QWidget):
    """Shows the cleaning report of every compared pair."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleaning_panel")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        self.set_comparison(None)

    def set_comparison(self, comparison: Comparison | None) -> None:
        # Made and laid out when first shown or read: the panel starts hidden, and at 50,000
        # paragraphs the reports take ~10 ms and their page 0.15 s, which would delay the
        # first rows.
        self._comparison = comparison
        self._reports: list[CleaningReport] | None = None
        self._unshown = comparison is not None
        if comparison is None:
            self.browser.setPlainText("Open a raw page and its cleaned text to see this report.")
        elif self.isVisible():
            self._show_reports()

    @property
    def reports(self) -> list[CleaningReport]:
        """The report of each compared pair (none without a comparison)."""
        if self._reports is None:
            comparison = self._comparison
            self._reports = (
                []
                if comparison is None
                else [cleaning_report(comparison, pair) for pair in comparison.pairs]
            )
        return self._reports

    def _show_reports(self) -> None:
        if self._unshown:
            self._unshown = False
            self.browser.setHtml("<hr>".join(report_html(report) for report in self.reports))

    def showEvent(self, event: QShowEvent) -> None:
        self._show_reports()
        super().showEvent(event)

    def text(self) -> str:
        self._show_reports()
        return self.browser.toPlainText()
