"""The raw-vs-cleaned report: removals by kind and the body-text verdict."""

from __future__ import annotations

from diffviewer.core.compare import compare_files, compare_texts
from diffviewer.core.model import Kind
from diffviewer.ui.cleaning import CleaningPanel, cleaning_report

BODY = [
    "The minister said on Tuesday that the talks would resume next week in Geneva.",
    "Officials from both sides have met four times since the spring without agreement.",
    "Analysts expect the negotiations to continue well into the autumn of this year.",
]


def test_seed_pair_removed_no_body_text(seed_paths) -> None:  # type: ignore[no-untyped-def]
    """The seed cleaning dropped a headline, 3 captions and a comment prompt, no body."""
    report = cleaning_report(compare_files(seed_paths), (0, 1))
    assert dict(report.removed_by_kind) == {
        Kind.HEADLINE: 1,
        Kind.CAPTION: 3,
        Kind.COMMENT_PROMPT: 1,
    }
    assert report.verdict == "No body text removed."


def test_removed_and_shortened_body_paragraphs_are_called_out() -> None:
    """A body paragraph dropped and another cut short: both in the verdict."""
    raw = "\n\n".join(BODY)
    cleaned = "\n\n".join([BODY[0], "Officials from both sides have met four times."])
    report = cleaning_report(compare_texts([raw, cleaned], ["raw", "clean"]), (0, 1))
    assert report.body_removed == 1
    assert report.body_shortened == 1
    assert report.verdict.startswith("1 body paragraph removed; 1 body paragraph shortened")


def test_panel_shows_every_pair(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Three versions, two pairs: the panel has a report for each."""
    texts = ["\n\n".join(BODY), "\n\n".join(BODY[:2]), "\n\n".join(BODY[:1])]
    panel = CleaningPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(compare_texts(texts, ["v1", "v2", "v3"]))
    assert len(panel.reports) == 2
    assert panel.text().count("1 body paragraph removed.") == 2
    panel.set_comparison(None)
    assert "Open a raw page" in panel.text()


def test_hidden_panel_shows_the_newest_report_when_opened(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The report of a comparison set while the panel is hidden is there once it is shown,
    and a visible panel shows each new one at once."""
    panel = CleaningPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(compare_texts(["\n\n".join(BODY), "\n\n".join(BODY[:2])]))
    panel.set_comparison(compare_texts(["\n\n".join(BODY), "\n\n".join(BODY)]))
    panel.show()
    qtbot.waitExposed(panel)
    assert "Nothing removed." in panel.browser.toPlainText()
    panel.set_comparison(compare_texts(["\n\n".join(BODY), "\n\n".join(BODY[:1])]))
    assert "2 body paragraphs removed" in panel.browser.toPlainText()


def test_panel_counts_kinds_in_plural_as_the_status_bar_does(qtbot, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """ "3 captions", "1 headline": the panel speaks as the summary does (not "3 caption")."""
    panel = CleaningPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(compare_files(seed_paths))
    assert "3 captions" in panel.text()
    assert "1 headline" in panel.text()
    assert "3 caption\n" not in panel.text() + "\n"


def test_removed_body_paragraphs_are_listed_first_with_their_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The removed paragraph called body comes first in the report, quoted, before the
    furniture; the panel shows it under "Read these first"."""
    raw = "\n\n".join(["Share", *BODY, "© 2022 The Ledger. All rights reserved."])
    cleaned = "\n\n".join(BODY[:2])
    comparison = compare_texts([raw, cleaned], ["raw", "clean"])
    report = cleaning_report(comparison, (0, 1))
    assert report.body_removed == 1
    assert report.removed[0].kind is Kind.BODY
    assert report.removed[0].text == BODY[2]
    assert [r.evidence for r in report.removed[1:]] == ["wording", "wording"]
    panel = CleaningPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(comparison)
    text = panel.text()
    assert text.index("Read these first") < text.index(BODY[2]) < text.index("3 paragraphs removed")


def test_confidence_says_how_the_removals_were_recognised() -> None:
    """No body removed: high confidence when every removal was recognised by its wording;
    lower, with the count, when some were recognised only by their place or shape."""
    raw = "\n\n".join(["Share", *BODY, "© 2022 The Ledger. All rights reserved."])
    sure = cleaning_report(compare_texts([raw, "\n\n".join(BODY)], ["raw", "clean"]), (0, 1))
    assert sure.verdict == "No body text removed."
    assert sure.confidence == "high"
    assert "all 2 removed paragraphs were recognised by their wording" in sure.certainty
    menu = ["Home", "News", "Sport", "Weather", "Sign in", "Search", "Menu"]
    page = "\n\n".join([*menu, *BODY, "Share", "Local", "Business", "Travel", "Contact"])
    report = cleaning_report(compare_texts([page, "\n\n".join(BODY)], ["raw", "clean"]), (0, 1))
    assert report.body_removed == 0
    assert report.confidence in ("medium", "low")
    assert "only by their place on the page or their shape" in report.certainty


def test_confidence_line_counts_one_paragraph_in_the_singular(seed_paths) -> None:  # type: ignore[no-untyped-def]
    """One removed paragraph is "the removed paragraph", and one recognised only by its place
    is "1 only by its place", not "all 1 … paragraphs" or "1 only by their place"."""
    one = "\n\n".join(["Share", *BODY])
    sure = cleaning_report(compare_texts([one, "\n\n".join(BODY)], ["raw", "clean"]), (0, 1))
    assert sure.certainty == "Confidence high: the removed paragraph was recognised by its wording."
    texts = [path.read_text(encoding="utf-8") for path in seed_paths]
    seed = cleaning_report(compare_texts(texts, ["v1", "v2"]), (0, 1))
    assert seed.certainty.endswith(
        "4 of 5 removed paragraphs were recognised by their wording; 1 only by its place on "
        "the page or its shape."
    )


def test_opened_report_gets_half_the_dock_column(qtbot, window, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Opened under the change list, the report is not squeezed to its minimum height (about
    130 px, a few lines): it gets half of the column, and the change list keeps the rest."""
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.acts["view_change_list"].setChecked(True)
    window.acts["view_raw_vs_cleaned"].setChecked(True)
    column = window.change_dock.height() + window.cleaning_dock.height()
    qtbot.waitUntil(lambda: window.cleaning_dock.height() * 3 >= column, timeout=2_000)
    assert window.change_dock.height() * 3 >= column


def test_hidden_panel_makes_no_report_until_it_is_read(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A comparison set on the hidden panel (it starts hidden) costs no report: each is made
    when the panel is first shown or read, and says the same then."""
    from diffviewer.ui import cleaning

    made: list[tuple[int, int]] = []
    real = cleaning.cleaning_report

    def counted(comparison, pair, rules=None):  # type: ignore[no-untyped-def]
        made.append(pair)
        return real(comparison, pair, rules)

    monkeypatch.setattr(cleaning, "cleaning_report", counted)
    panel = CleaningPanel()
    qtbot.addWidget(panel)
    texts = ["\n\n".join(BODY), "\n\n".join(BODY[:2]), "\n\n".join(BODY[:1])]
    panel.set_comparison(compare_texts(texts, ["v1", "v2", "v3"]))
    panel.set_comparison(compare_texts(texts[:2], ["v1", "v2"]))
    assert made == []
    assert "1 body paragraph removed." in panel.text()
    assert made == [(0, 1)]
    panel.show()
    qtbot.waitExposed(panel)
    assert made == [(0, 1)]
    assert [report.body_removed for report in panel.reports] == [1]
