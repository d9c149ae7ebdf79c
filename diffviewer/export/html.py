"""One self-contained HTML page: summary and facts on top, then the versions side by side.

The page has inline CSS and nothing else: no script, no external font, image or link, and a
Content-Security-Policy that forbids everything but inline styles, so even a bug in escaping
could not run code. Every piece of article text, every file name, kind and rule name goes
through ``html.escape(…, quote=True)``. Rows are aligned as in the viewer (one column per
version); a cell is coloured by how it differs in the pair its column shows, as in the viewer
(``export.pairs``: with 3+ versions the header says "← changes from v1", that column carries
the pair's whole word diff and a gap that is the pair's removal says so), changed cells carry
word-level ``<del>``/``<ins>`` (struck, underlined) and a gutter mark (− + ~ ↕ ⇄), non-body
paragraphs a kind badge. Colours and words come from ``export.scheme``, as in the viewer. Light
and dark themes follow ``prefers-color-scheme``; ``paper=True`` gives Qt's rich-text engine (PDF,
print) a stylesheet it understands: plain values, light only.
Imports: the standard library, ``diffviewer.core`` and ``export.common``/``pairs``/``scheme``
(no Qt).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Kind,
    OpTag,
    Paragraph,
    RowStatus,
)
from diffviewer.core.summary import Summary, summarise
from diffviewer.core.visible import visible
from diffviewer.export import common, pairs, scheme

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _colour_rules(page: tuple[scheme.RGB, scheme.RGB]) -> str:
    """The colour rules for one page colour pair, as plain values (no custom properties: Qt's
    rich-text engine, which lays out the PDF and the print-out, ignores ``var()``)."""
    t = scheme.tints(*page)
    line = scheme.hex_of(scheme.blend(t.base, t.text, 0.2))
    rules = [
        f"body {{ color: {scheme.hex_of(t.text)}; background-color: {scheme.hex_of(t.base)}; }}",
        f".diff th {{ background-color: {scheme.hex_of(t.base)}; }}",
        f"td, th {{ border-color: {line}; }}",
        f".num, .pn, .note, .gm {{ color: {scheme.hex_of(t.muted_text)}; }}",
        f".gap {{ background-color: {scheme.hex_of(t.filler)}; }}",
        f"del {{ background-color: {scheme.hex_of(t.deleted_words)}; }}",
        f"ins {{ background-color: {scheme.hex_of(t.inserted_words)}; }}",
        f".badge {{ background-color: {scheme.hex_of(t.badge)}; }}",
        f".typographic {{ background-color: {scheme.hex_of(t.typographic)}; }}",
    ]
    for status in scheme.HUES:
        rules.append(
            f".{status.value} {{ background-color: {scheme.hex_of(t.backgrounds[status])}; }}"
        )
    return "\n".join(rules)


# Laid out by browsers and by Qt's rich-text engine alike: only properties both know.
_LAYOUT = """
body { font-family: system-ui, sans-serif; font-size: 15px; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.summary { font-size: 1.05rem; font-weight: 600; }
.verdict { font-weight: 600; }
table { border-collapse: collapse; }
td, th { border-width: 1px; border-style: solid; }
.facts td, .facts th { padding: .2rem .5rem; text-align: left; }
.facts td.n { text-align: right; }
.diff { width: 100%; }
.diff th, .diff td { padding: .35rem .5rem; vertical-align: top; white-space: pre-wrap; }
.diff th { text-align: left; }
.diff .num { text-align: right; }
.pn { font-size: .8em; }
.note { font-size: .8em; }
.gm { font-weight: bold; }
del { text-decoration: line-through; }
ins { text-decoration: underline; }
.badge { font-size: .75em; white-space: nowrap; }
.changes li { margin: .2rem 0; }
"""

# What only a browser understands (Qt would ignore it, or misread it): layout niceties,
# the hatching of gaps, and the dark page for prefers-color-scheme. The body's margin too: on
# paper the page's margins do that, and Qt would indent the 100%-wide diff table by it again.
_SCREEN_ONLY = """
:root { color-scheme: light dark; }
body { line-height: 1.5; margin: 1.5rem; }
.diff { table-layout: fixed; }
.diff td { overflow-wrap: anywhere; }
.diff th { position: sticky; top: 0; }
.diff .num { width: 3.5em; }
.badge { display: inline-block; padding: 0 .45em; border-radius: .6em; border: 1px solid; }
.swatch span { display: inline-block; width: 1em; height: 1em; vertical-align: -.15em;
  border: 1px solid; overflow: hidden; }
.gap { background-image: repeating-linear-gradient(135deg, transparent, transparent 6px,
  rgba(127, 127, 127, .18) 6px, rgba(127, 127, 127, .18) 12px); }
a { color: inherit; }
"""


# A browser's root font size, which ``rem`` lengths are relative to.
_ROOT_PX = 16
_REM = re.compile(r"(?<![\w.])(\d*\.?\d+)rem\b")


def _px_for_qt(css: str) -> str:
    """``css`` with its ``rem`` lengths in px: Qt's rich-text CSS parser knows px, pt, em and
    ex but reads ``.5rem`` as 0, which left the PDF's table cells without padding (text
    touching the borders) and its headings without margins."""

    def px(match: re.Match[str]) -> str:
        return f"{float(match.group(1)) * _ROOT_PX:g}px"

    return _REM.sub(px, css)


def style(*, paper: bool = False) -> str:
    """The page's CSS: for a browser (light, dark, hatching), or for Qt's rich text (paper)."""
    light = _colour_rules(scheme.LIGHT_PAGE)
    if paper:
        return _px_for_qt(_LAYOUT) + light
    dark = _colour_rules(scheme.DARK_PAGE)
    return (
        _LAYOUT
        + light
        + "\n"
        + _SCREEN_ONLY
        + f"@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
    )


def esc(text: str) -> str:
    """Escape text for element content and quoted attribute values alike."""
    return html.escape(text, quote=True)


def _cell_status(
    comparison: Comparison, row: int, version: int, shown: tuple[int, int]
) -> RowStatus:
    """How this version's cell differs in the pair its column shows (``export.pairs``)."""
    return pairs.link(comparison, row, shown) or RowStatus.EQUAL


def _marks_index(
    comparison: Comparison, shown: list[tuple[int, int]]
) -> dict[tuple[int, int], Change]:
    """(version, paragraph) → the change that puts word marks there: one of the pair its
    column shows, never the next pair's (a middle column's struck words would read as its own
    removals)."""
    index: dict[tuple[int, int], Change] = {}
    for change in comparison.changes:
        if not common.has_word_marks(change) or len(change.old) != 1 or len(change.new) != 1:
            continue
        pair = (change.from_version, change.to_version)
        for version, paragraph in ((pair[0], change.old[0]), (pair[1], change.new[0])):
            if shown[version] == pair:
                index.setdefault((version, paragraph), change)
    return index


def _move_notes(comparison: Comparison) -> dict[tuple[int, int], str]:
    """(version, paragraph) → "moved to row N" / "moved from row N" with an in-page link."""
    notes: dict[tuple[int, int], str] = {}
    for change in comparison.changes:
        if change.type is not ChangeType.MOVED or len(change.rows) != 2:
            continue
        left, arrived = comparison.move_rows(change)
        for version, indexes, word, row in (
            (change.from_version, change.old, "to", arrived),
            (change.to_version, change.new, "from", left),
        ):
            for i in indexes:
                notes[(version, i)] = f'<a href="#r{row + 1}">moved {word} row {row + 1}</a>'
    return notes


def _badge(paragraph: Paragraph) -> str:
    if paragraph.kind is Kind.BODY:
        return ""
    title = esc(f"{paragraph.kind.label} (rule: {paragraph.rule})")
    return f'<span class="badge" title="{title}">{esc(paragraph.kind.label)}</span> '


def _cell_text(paragraph: Paragraph, change: Change | None, version: int, whole: bool) -> str:
    """The paragraph with its pair's word marks: both sides (a column a pair is stated for,
    3+ versions) or its own side (deletions in the old version, insertions in the new)."""
    if change is None:
        return esc(paragraph.text)
    side = OpTag.DELETE if version == change.from_version else OpTag.INSERT
    return common.marked(
        change.word_ops if whole else common.side_of(change.word_ops, side),
        esc,
        lambda s: f"<del>{s}</del>",
        lambda s: f"<ins>{s}</ins>",
        apart=whole,
    )


def _gap(comparison: Comparison, row: int, version: int, shown: tuple[int, int]) -> str:
    """A gap cell; with 3+ versions one that is its column's change says so, in its colour."""
    note = pairs.gap_note(comparison, row, version, shown)
    if not note:
        return '<td class="gap"></td>'
    status = RowStatus.REMOVED if note.startswith("removed") else RowStatus.INSERTED
    return (
        f'<td class="{status.value}"><span class="gm" title="{status.value}">'
        f'{scheme.MARKS[status]}</span> <span class="note">{esc(note)}</span></td>'
    )


def _rows(comparison: Comparison) -> Iterator[str]:
    notes = _move_notes(comparison)
    shown = pairs.column_pairs(comparison)
    whole = pairs.whole_diff_columns(shown, towards_next=False)
    marks = _marks_index(comparison, shown)
    for number, row in enumerate(comparison.rows, start=1):
        cells = [f'<td class="num">{number}</td>']
        for version, index in enumerate(row.cells):
            if index is None:
                cells.append(_gap(comparison, number - 1, version, shown[version]))
                continue
            paragraph = comparison.paragraph(version, index)
            status = _cell_status(comparison, number - 1, version, shown[version])
            css = "" if status is RowStatus.EQUAL else f' class="{status.value}"'
            note = notes.get((version, index), "")
            lines = [note] if note else []
            lines += [
                f"{scheme.MARKS[link]} {esc(words)}"
                for _pair, link, words in pairs.paragraph_notes(
                    comparison, number - 1, version, shown[version]
                )
            ]
            note_html = "".join(f'<div class="note">{line}</div>' for line in lines)
            change = marks.get((version, index))
            mark = scheme.MARKS.get(status)
            mark_html = f'<span class="gm" title="{status.value}">{mark}</span> ' if mark else ""
            # Real spaces between the pieces: Qt's rich text (PDF, print) ignores their margins.
            cells.append(
                f'<td{css}>{mark_html}<span class="pn">¶{index + 1}</span> {_badge(paragraph)}'
                f"{_cell_text(paragraph, change, version, version in whole)}{note_html}</td>"
            )
        yield f'<tr id="r{number}" class="row-{row.status.value}">{"".join(cells)}</tr>'


def _facts(summary: Summary) -> Iterator[str]:
    yield '<table class="facts"><thead><tr><th>Version</th><th>File</th><th>Encoding</th>'
    yield "<th>Newlines</th><th>Paragraphs</th><th>Words</th></tr></thead><tbody>"
    for facts in summary.versions:
        title = f' title="{esc(facts.path)}"' if facts.path else ""
        yield (
            f"<tr><td>{facts.label}</td><td{title}>{esc(facts.name)}</td>"
            f"<td>{esc(facts.encoding)}</td><td>{esc(facts.newline.value)}</td>"
            f'<td class="n">{facts.paragraphs}</td><td class="n">{facts.words}</td></tr>'
        )
    yield "</tbody></table>"
    for facts in summary.versions:
        for warning in facts.warnings:
            yield f"<p>{facts.label}: {esc(warning)}</p>"


def _change_list(comparison: Comparison) -> Iterator[str]:
    yield f"<h2>Changes ({len(comparison.changes)})</h2>"
    if not comparison.changes:
        yield "<p>No changes.</p>"
        return
    yield '<ol class="changes">'
    for change in comparison.changes:
        words = common.word_counts(change)
        extra = f", {esc(words)}" if words else ""
        if change.typographic:
            extra += ", typographic-only"
        where = esc(common.change_location(comparison, change))
        target = f"#r{change.rows[0] + 1}" if change.rows else ""
        where_html = f'<a href="{target}">{where}</a>' if target else where
        yield (
            f"<li>{_swatch(change.type.value)} {esc(common.TYPE_LABELS[change.type])} "
            f'<span class="badge" title="rule: {esc(change.rule)}">{esc(change.kind.label)}</span> '
            f"{where_html}{extra}</li>"
        )
    yield "</ol>"


def _swatch(css_class: str) -> str:
    # One class per span (Qt's rich text reads only one) and no-break spaces inside: Qt has no
    # inline-block, so an empty span would vanish (and it collapses other spaces).
    return f'<span class="swatch"><span class="{css_class}">&nbsp;&nbsp;&nbsp;</span></span>'


def _legend() -> str:
    items = [
        f"{_swatch(status.value)} {scheme.MARKS[status]} {esc(label)}"
        for status, label in scheme.LEGEND
    ]
    items.append(f"{_swatch('typographic')} {scheme.TYPOGRAPHIC_LABEL}")
    items.append(f"{_swatch('gap')} {scheme.GAP_LABEL}")
    return '<p class="legend">' + " \u2003 ".join(items) + "</p>"


def _removals(comparison: Comparison) -> Iterator[str]:
    """The verdict on body text of each pair that removed text (``common.removals``), on the
    removed rows' colour where body text was lost."""
    found = common.removals(comparison)
    if not found:
        return
    yield f'<div class="removals"><h2>{esc(common.REMOVALS_TITLE)}</h2>'
    for removed in found:
        marked = f' class="{RowStatus.REMOVED.value}"' if removed.lost else ""
        certainty = f" {esc(removed.certainty)}" if removed.certainty else ""
        yield (
            f'<p><span class="verdict"><span{marked}>{esc(removed.pair)}: '
            f"{esc(removed.verdict)}</span></span>{certainty}</p>"
        )
        if removed.body:
            yield f"<p>{esc(common.READ_FIRST)}:</p><ol>"
            yield from (f"<li>{esc(where)}: {esc(text)}</li>" for where, text in removed.body)
            yield "</ol>"
    yield "</div>"


def _pairs_note(comparison: Comparison) -> str:
    """With 3+ versions, what a column's colours refer to (the viewer's header chips)."""
    if len(comparison.versions) < 3:
        return ""
    return (
        "<p>Each column's colours and marks show the changes its header names "
        "(“← changes from v1”): struck words were deleted, underlined words inserted.</p>"
    )


def render_html(
    comparison: Comparison, summary: Summary | None = None, *, paper: bool = False
) -> str:
    """The whole page as one string; ``paper``: styled for Qt's rich text (PDF, print),
    which knows neither custom properties, media queries nor gradients."""
    summary = summary or summarise(comparison)
    names = " → ".join(visible(v.name, one_line=True) for v in comparison.versions)
    several = len(comparison.versions) > 2
    header_cells = "".join(
        f'<th title="{esc(visible(v.path or v.name, one_line=True))}">'
        f"{common.version_label(i)} · {esc(visible(v.name, one_line=True))}"
        + (
            f'<div class="note">{esc(pairs.highlight_chip(comparison, i, False))}</div>'
            if several
            else ""
        )
        + "</th>"
        for i, v in enumerate(comparison.versions)
    )
    options = ""
    if comparison.options_summary:
        options = (
            "<p>Options: "
            + "; ".join(f"{esc(n)}: {esc(v)}" for n, v in comparison.options_summary)
            + "</p>"
        )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>Comparison: {esc(names)}</title>",
        f"<style>{style(paper=paper)}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>Comparison: {esc(names)}</h1>",
        f'<p class="summary">{esc(summary.sentence)}</p>',
        *_facts(summary),
        options,
        *_removals(comparison),
        _legend(),
        _pairs_note(comparison),
        "</header>",
        '<table class="diff">',
        f'<thead><tr><th class="num">Row</th>{header_cells}</tr></thead>',
        "<tbody>",
        *_rows(comparison),
        "</tbody>",
        "</table>",
        *_change_list(comparison),
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"
