"""The "raw vs cleaned" report: what did the cleaning remove, by kind, and was body text lost?

``cleaning_report`` reads a Comparison (pure Python, no Qt) for one compared pair, the raw page
being the from-version and the cleaned text the to-version: removed paragraphs counted per kind,
and one clear verdict line, "No body text removed." or "3 body paragraphs removed", where body
paragraphs that were edited and lost words count too ("1 body paragraph shortened: 12 words
removed"). ``CleaningPanel`` shows it for every pair (a dock in the main window).
Imports: PySide6.QtWidgets (the panel only), ``core.model`` and ``core.summary`` (kind nouns).
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from diffviewer.core.model import ChangeType, Comparison, Kind
from diffviewer.core.summary import kind_noun


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


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


def cleaning_report(comparison: Comparison, pair: tuple[int, int]) -> CleaningReport:
    """The report for ``pair`` (from-version index, to-version index) of ``comparison``."""
    removed: Counter[Kind] = Counter()
    body_shortened = body_words = inserted = 0
    for change in comparison.changes:
        if (change.from_version, change.to_version) != pair:
            continue
        if change.type is ChangeType.REMOVED:
            removed[change.kind] += max(1, len(change.old))
        elif change.type is ChangeType.INSERTED:
            inserted += max(1, len(change.new))
        elif change.kind is Kind.BODY and change.words_removed > 0:
            body_shortened += 1
            body_words += change.words_removed
    first, second = pair
    return CleaningReport(
        from_name=comparison.versions[first].name,
        to_name=comparison.versions[second].name,
        removed_by_kind=tuple((kind, removed[kind]) for kind in Kind if removed[kind]),
        body_removed=removed[Kind.BODY],
        body_shortened=body_shortened,
        body_words_removed=body_words,
        inserted=inserted,
    )


def report_html(report: CleaningReport) -> str:
    """The report as a small HTML fragment (every name escaped)."""
    esc = html.escape
    ok = report.body_removed == 0 and report.body_shortened == 0
    colour = "#2e7d32" if ok else "#c62828"
    lines = [
        f"<h3>{esc(report.from_name)} → {esc(report.to_name)}</h3>",
        f'<p><b style="color:{colour}">{esc(report.verdict)}</b></p>',
    ]
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
        if comparison is None:
            self.reports: list[CleaningReport] = []
            self.browser.setPlainText("Open a raw page and its cleaned text to see this report.")
            return
        self.reports = [cleaning_report(comparison, pair) for pair in comparison.pairs]
        self.browser.setHtml("<hr>".join(report_html(report) for report in self.reports))

    def text(self) -> str:
        return self.browser.toPlainText()
