"""export.html: one self-contained, script-free page; hostile text and names stay text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from diffviewer.core.model import Comparison
from diffviewer.export.html import CSP, render_html
from tests.export.export_builders import (
    ALL_CASES,
    HOSTILE_TEXTS,
    hostile_comparison,
    mixed_comparison,
    seed_like_comparison,
    three_version_comparison,
)

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "table",
    "thead", "tbody", "tr", "th", "td", "span", "div", "del", "ins", "ul", "ol", "li", "a",
}  # fmt: skip


class Page(HTMLParser):
    """Collects what a browser would see: elements, attributes, text."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(document)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.mark.parametrize("case", sorted(ALL_CASES))
def test_page_is_self_contained_and_script_free(case: str) -> None:
    """Only harmless elements, no event handlers, no URL but in-page anchors, a strict CSP."""
    page = Page(render_html(ALL_CASES[case]()))
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "action", "formaction", "background")
            if name == "href":
                assert value is not None
                assert re.fullmatch(r"#r\d+", value), value
    csp = [a for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == [{"http-equiv": "Content-Security-Policy", "content": CSP}]
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'"
    assert len(page.all("style")) == 1
    css = "".join(page.styles)
    assert "url(" not in css
    assert "@import" not in css
    assert "@font-face" not in css
    assert "@media (prefers-color-scheme: dark)" in css


def test_hostile_text_and_file_names_are_shown_not_run() -> None:
    """<script>, attribute break-outs and </style> in text or names arrive as visible text."""
    comparison = hostile_comparison()
    document = render_html(comparison)
    page = Page(document)
    visible = "".join(page.text)
    for text in HOSTILE_TEXTS:
        for line in text.split("\n"):
            assert line in visible
    for version in comparison.versions:
        assert version.name in visible
    # Names also sit in title attributes, where they must stay inside the quotes.
    titles = [a["title"] for _, a in page.tags if "title" in a]
    assert '/tmp/"><img src=x>.txt' in titles
    assert "rule: <rule onclick=x>" in titles
    assert document.count("</style>") == 1
    assert "<script" not in document
    assert "<img" not in document


def test_rows_are_aligned_with_one_column_per_version() -> None:
    """The side-by-side table has a row per aligned row and a cell per version (+ number)."""
    comparison = three_version_comparison()
    document = render_html(comparison)
    table = document[document.index('<table class="diff">') :]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    rows = re.findall(r"<tr id=\"r(\d+)\"[^>]*>(.*?)</tr>", body, re.S)
    assert [int(n) for n, _ in rows] == list(range(1, len(comparison.rows) + 1))
    for _, cells in rows:
        assert cells.count("<td") == 1 + len(comparison.versions)
    header = re.search(r"<thead><tr>(.*?)</tr></thead>", table)
    assert header is not None
    assert header.group(1).count("<th") == 4


def test_cells_are_coloured_by_their_change_and_gaps_hatched() -> None:
    """Removed cell on the left, a gap on the right; the legend names every colour."""
    document = render_html(seed_like_comparison())
    assert re.search(
        r'<td class="removed"><span class="gm" title="removed">−</span> <span class="pn">¶1</span> '
        r'<span class="badge" title="headline \(rule: h1\)">headline</span> China Demand',
        document,
    )
    assert '<td class="gap"></td>' in document
    legend = re.search(r'<p class="legend">(.*?)</p>', document)
    assert legend is not None
    for status in ("removed", "inserted", "changed", "moved", "split"):
        assert f'<span class="{status}">' in legend.group(1)
    for word in ("Removed", "Inserted", "Edited", "Moved", "Split / merged", "Missing"):
        assert word in legend.group(1)


def test_changed_cells_carry_word_level_marks() -> None:
    """The old side shows <del>, the new side <ins>, around the changed words only."""
    document = render_html(mixed_comparison())
    assert '<span class="pn">¶2</span> The <del>cat</del> sat on the mat.</td>' in document
    assert '<span class="pn">¶2</span> The <ins>dog</ins> sat on the mat.</td>' in document


def test_moves_link_their_two_rows() -> None:
    """A moved paragraph's two rows point at each other."""
    document = render_html(mixed_comparison())
    assert '<a href="#r11">moved to row 11</a>' in document
    assert '<a href="#r3">moved from row 3</a>' in document


def test_summary_sentence_and_facts_on_top() -> None:
    """The sentence and the facts table come before the side-by-side table."""
    document = render_html(seed_like_comparison())
    summary = document.index('<p class="summary">5 paragraphs removed: 1 headline')
    facts = document.index('<table class="facts">')
    diff = document.index('<table class="diff">')
    assert summary < facts < diff
    assert '<td class="n">9</td><td class="n">78</td>' in document


def test_empty_comparison_renders() -> None:
    """A comparison without versions (nothing loaded) still gives a valid page."""
    page = Page(render_html(Comparison((), (), (), ())))
    assert "No differences." in "".join(page.text)


def test_paper_style_is_plain_css_qt_understands() -> None:
    """The PDF/print page has plain colour values: no custom properties, media queries or
    gradients (Qt's rich text ignores them, which left the PDF colourless)."""
    page = Page(render_html(seed_like_comparison(), paper=True))
    css = "".join(page.styles)
    assert "var(" not in css and "--" not in css
    assert "@media" not in css and "gradient" not in css
    assert re.search(r"\.removed \{ background-color: #[0-9a-f]{6}; \}", css)
    screen = "".join(Page(render_html(seed_like_comparison())).styles)
    assert "var(" not in screen  # the browser page uses the same plain rules


def _cells(document: str) -> list[list[str]]:
    """The diff table's body cells, row by row (the row number left out)."""
    body = document[document.index('<table class="diff">') :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    return [re.findall(r"<td(?! class=\"num\").*?</td>", row) for row in body.split("</tr>")[:-1]]


def test_three_versions_say_which_pair_each_column_shows_and_hide_no_deletion() -> None:
    """As in the viewer: each header names its pair; v3's cell ("← changes from v2") carries
    v2→v3's whole word diff, v2's cell none of it; a paragraph v3 drops is a gap in the removed
    colour in v3 ("removed from v2") and a note in v2 ("− removed in v3")."""
    from diffviewer.core.compare import compare_texts

    lead = "The minister spoke on Tuesday."
    v2 = f"{lead}\n\nShe demanded that talks resume.\n\nMarkets were calm all day."
    v3 = f"{lead}\n\nShe insisted that talks resume."
    document = render_html(compare_texts([v2, v2, v3], ["a.txt", "b.txt", "c.txt"]))
    heads = re.findall(r"<th title=.*?</th>", document)
    assert [re.sub(r"<.*?>", " ", h).split(" · ")[1].strip() for h in heads] == [
        "a.txt changes to v2 →",
        "b.txt ← changes from v1",
        "c.txt ← changes from v2",
    ]
    edited, dropped = _cells(document)[1:3]
    assert "<del>demanded</del> <ins>insisted</ins>" in edited[2]
    assert "<del>" not in edited[1] and "<ins>" not in edited[1]
    assert 'class="changed"' not in edited[1]
    assert dropped[2].startswith('<td class="removed">') and "removed from v2" in dropped[2]
    assert "− removed in v3" in dropped[1] and "removed" not in dropped[0]


def test_two_versions_keep_deletions_left_and_insertions_right() -> None:
    """Two versions: the old cell strikes, the new one underlines, a gap is a plain gap, and no
    header names a pair."""
    from diffviewer.core.compare import compare_texts

    v1 = "She demanded that talks resume.\n\nMarkets were calm all day."
    v2 = "She insisted that talks resume."
    document = render_html(compare_texts([v1, v2], ["a.txt", "b.txt"]))
    edited, dropped = _cells(document)[:2]
    assert "<del>demanded</del>" in edited[0] and "<ins>" not in edited[0]
    assert "<ins>insisted</ins>" in edited[1] and "<del>" not in edited[1]
    assert dropped[0].startswith('<td class="removed">') and dropped[1] == '<td class="gap"></td>'
    assert "changes from" not in document and "changes to" not in document


def test_paper_style_has_no_rem_lengths() -> None:
    """Qt's rich text reads a ``rem`` length as 0 (the PDF's table cells had no padding): the
    paper page gives its lengths in px, the same sizes as the browser page's rem."""
    paper = "".join(Page(render_html(seed_like_comparison(), paper=True)).styles)
    assert not re.search(r"\drem\b", paper)
    assert ".facts td, .facts th { padding: 3.2px 8px;" in paper
    screen = "".join(Page(render_html(seed_like_comparison())).styles)
    assert ".facts td, .facts th { padding: .2rem .5rem;" in screen
