"""The "raw vs cleaned" panel: the cleaning report (``core.cleaning``) of every compared pair,
as a small HTML page in a dock of the main window.
Imports: PySide6.QtWidgets (the panel only) and ``core`` (cleaning, model, summary's kind nouns).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from diffviewer.core.cleaning import CleaningReport, cleaning_report, excerpt
from diffviewer.core.model import Comparison
from diffviewer.core.summary import kind_noun, plural

__all__ = ["CleaningPanel", "CleaningReport", "cleaning_report", "report_html"]


def report_html(report: CleaningReport) -> str:
    """The report as a small HTML fragment (every name and text escaped)."""
    esc = html.escape
    ok = not report.body_lost
    colour = "#2e7d32" if ok else "#c62828"
    lines = [
        f"<h3>{esc(report.from_name)} → {esc(report.to_name)}</h3>",
        f'<p><b style="color:{colour}">{esc(report.verdict)}</b></p>',
    ]
    if report.certainty:
        listed = " (listed first: read them if in doubt)" if report.weak else ""
        lines.append(f"<p>{esc(report.certainty.removesuffix('.') + listed)}.</p>")
    body = report.body
    if body:
        lines.append("<p><b>Read these first: removed paragraphs taken for body text</b></p><ol>")
        lines += [f"<li>¶{r.index + 1}: {esc(excerpt(r.text))}</li>" for r in body]
        lines.append("</ol>")
    weak = report.weak
    if weak and not body:
        lines.append("<p>Removed by their place on the page or their shape alone:</p><ol>")
        lines += [
            f"<li>¶{r.index + 1} ({esc(r.kind.label)}): {esc(excerpt(r.text))}</li>" for r in weak
        ]
        lines.append("</ol>")
    if report.removed_by_kind:
        lines.append(f"<p>{plural(report.removed_total, 'paragraph')} removed:</p><ul>")
        lines += [
            f"<li>{esc(kind_noun(kind, count))}</li>" for kind, count in report.removed_by_kind
        ]
        lines.append("</ul>")
    else:
        lines.append("<p>Nothing removed.</p>")
    if report.inserted:
        lines.append(f"<p>{plural(report.inserted, 'paragraph')} added by the cleaning.</p>")
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
        elif comparison.first_look:
            self._unshown = False
            self.browser.setPlainText("Finding kinds: the report follows.")
        elif self.isVisible():
            self._show_reports()

    @property
    def reports(self) -> list[CleaningReport]:
        """The report of each compared pair (none without a comparison)."""
        if self._reports is None:
            comparison = self._comparison
            self._reports = (
                []
                if comparison is None or comparison.first_look
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
