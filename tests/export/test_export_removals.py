"""The reports' "Removed text" section: per compared pair that removed text, whether body text
was among it, how sure that is, and the removed paragraphs taken for body text (text, Markdown
and HTML say the same)."""

from __future__ import annotations

from pathlib import Path

from diffviewer.core.compare import compare_files, compare_texts
from diffviewer.export import common
from diffviewer.export.html import render_html
from diffviewer.export.markdown import render_markdown
from diffviewer.export.text import render_text

BODY = [
    "The minister said on Tuesday that the talks would resume next week in Geneva.",
    "Officials from both sides have met four times since the spring without agreement.",
    "Analysts expect the negotiations to continue well into the autumn of this year.",
]
PROMPT = "Please let us know if you're having issues with commenting."


def _lost_body() -> tuple[str, str]:
    """A raw text whose cleaning dropped a comment prompt and the second body paragraph."""
    raw = "\n\n".join([*BODY, PROMPT])
    return raw, "\n\n".join([BODY[0], BODY[2]])


def test_text_report_names_the_removed_body_paragraph_first() -> None:
    comparison = compare_texts(list(_lost_body()), ["raw.txt", "clean.txt"])
    lines = render_text(comparison).splitlines()
    start = lines.index("Removed text")
    assert lines[start + 1] == "  v1→v2: 1 body paragraph removed."
    assert lines[start + 2].strip() == f"{common.READ_FIRST}:"
    assert lines[start + 3].strip() == f"- v1 ¶2 (line 3): {BODY[1]}"
    # Before the list of changes, which still lists both removals.
    assert lines.index("Changes (2)") > start + 3


def test_markdown_and_html_reports_say_the_same() -> None:
    comparison = compare_texts(list(_lost_body()), ["raw.txt", "clean.txt"])
    markdown = render_markdown(comparison)
    assert "## Removed text\n\n- v1→v2: 1 body paragraph removed.\n" in markdown
    assert f"    - v1 ¶2 (line 3): {BODY[1]}\n" in markdown
    page = render_html(comparison)
    # Body text lost: the verdict wears the removed rows' colour.
    assert '<span class="removed">v1→v2: 1 body paragraph removed.</span>' in page
    assert f"<li>v1 ¶2 (line 3): {BODY[1]}</li>" in page
    assert page.index('class="removals"') < page.index('<table class="diff">')


def test_seed_pair_says_no_body_text_and_how_sure() -> None:
    here = Path(__file__).resolve().parents[2] / "resources" / "examples"
    comparison = compare_files([here / "article-v1.txt", here / "article-v2.txt"])
    text = render_text(comparison)
    assert "  v1→v2: No body text removed.\n" in text
    assert "recognised by their wording" in text
    assert common.READ_FIRST not in text
    page = render_html(comparison)
    assert "<span>v1→v2: No body text removed.</span>" in page


def test_no_section_where_nothing_was_removed() -> None:
    comparison = compare_texts(["\n\n".join(BODY[:2]), "\n\n".join(BODY)], ["v1", "v2"])
    assert "Removed text" not in render_text(comparison)
    assert "Removed text" not in render_markdown(comparison)
    assert "removals" not in render_html(comparison)


def test_each_pair_that_removed_text_has_its_line() -> None:
    """Three versions: v1→v2 removed nothing (an insertion), v2→v3 removed body text."""
    texts = ["\n\n".join(BODY[:2]), "\n\n".join(BODY), "\n\n".join(BODY[1:])]
    lines = render_text(compare_texts(texts, ["v1", "v2", "v3"])).splitlines()
    verdicts = [line.strip() for line in lines if line.startswith("  v") and "→" in line]
    assert verdicts == ["v2→v3: 1 body paragraph removed."]
    assert f"- v2 ¶1 (line 1): {BODY[0]}" in [line.strip() for line in lines]
