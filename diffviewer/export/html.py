"""One self-contained HTML page: summary and facts on top, then the versions side by side.

The page has inline CSS and nothing else: no script, no external font, image or link, and a
Content-Security-Policy that forbids everything but inline styles, so even a bug in escaping
could not run code. Every piece of article text, every file name, kind and rule name goes
through ``html.escape(…, quote=True)``. Rows are aligned as in the viewer (one column per
version); a cell is coloured by how it differs from its neighbour, changed cells carry
word-level ``<del>``/``<ins>``, non-body paragraphs a kind badge. Light and dark themes follow
``prefers-color-scheme``.
Imports: the standard library, ``diffviewer.core`` and ``export.common`` (no Qt).
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Kind,
    OpTag,
    Paragraph,
    Row,
    RowStatus,
)
from diffviewer.core.summary import Summary, summarise
from diffviewer.core.visible import visible
from diffviewer.export import common

CSP = "default-src 'none'; style-src 'unsafe-inline'"

_STYLE = """
:root { color-scheme: light dark;
  --fg: #1b1f24; --bg: #ffffff; --muted: #5b6470; --line: #d0d7de; --gap: #f3f4f6;
  --removed: #ffe1e0; --inserted: #dcf5e1; --changed: #fff3c4; --moved: #dde9ff;
  --split: #efe0ff; --merged: #d8f3f1; --del: #ffb3ad; --ins: #9fe0ae; --badge: #eef1f4; }
@media (prefers-color-scheme: dark) { :root {
  --fg: #e6e8eb; --bg: #16191d; --muted: #9aa4b0; --line: #353b43; --gap: #1f2328;
  --removed: #4b1f22; --inserted: #1d3f27; --changed: #463b12; --moved: #1e3150;
  --split: #372650; --merged: #17403d; --del: #8a2e33; --ins: #2a6b3b; --badge: #2b3138; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.summary { font-size: 1.05rem; font-weight: 600; }
table { border-collapse: collapse; }
.facts td, .facts th { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; }
.facts td.n { text-align: right; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; list-style: none; padding: 0; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -.15em;
  margin-right: .3em; border: 1px solid var(--line); }
.diff { width: 100%; table-layout: fixed; }
.diff th, .diff td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.diff th { position: sticky; top: 0; background: var(--bg); text-align: left; }
.diff .num { width: 3.5em; color: var(--muted); text-align: right; }
.pn { color: var(--muted); font-size: .8em; margin-right: .4em; }
.note { color: var(--muted); font-size: .8em; display: block; }
.gap { background: repeating-linear-gradient(135deg, var(--gap), var(--gap) 6px,
  transparent 6px, transparent 12px); }
.removed { background: var(--removed); } .inserted { background: var(--inserted); }
.changed { background: var(--changed); } .moved { background: var(--moved); }
.split { background: var(--split); } .merged { background: var(--merged); }
del { background: var(--del); text-decoration: line-through; }
ins { background: var(--ins); text-decoration: none; }
.badge { display: inline-block; font-size: .75em; padding: 0 .45em; border-radius: .6em;
  background: var(--badge); border: 1px solid var(--line); margin-right: .4em;
  white-space: nowrap; }
.changes li { margin: .2rem 0; }
a { color: inherit; }
"""

_LEGEND = (
    (RowStatus.REMOVED, "removed"),
    (RowStatus.INSERTED, "inserted"),
    (RowStatus.CHANGED, "edited"),
    (RowStatus.MOVED, "moved"),
    (RowStatus.SPLIT, "split"),
    (RowStatus.MERGED, "merged"),
)


def esc(text: str) -> str:
    """Escape text for element content and quoted attribute values alike."""
    return html.escape(text, quote=True)


def _cell_status(comparison: Comparison, row: Row, version: int) -> RowStatus:
    """How this version's cell differs: the first non-equal link of a pair it belongs to."""
    for (a, b), link in zip(comparison.pairs, row.links, strict=False):
        if version in (a, b) and link is not None and link is not RowStatus.EQUAL:
            return link
    return RowStatus.EQUAL


def _side_index(comparison: Comparison) -> dict[tuple[int, int], tuple[Change, OpTag]]:
    """(version, paragraph) → the change that shows word marks there, and which side it is.

    A paragraph that is the new side of one change and the old side of the next (a middle
    version) shows its insertions: what it gained from the version before.
    """
    index: dict[tuple[int, int], tuple[Change, OpTag]] = {}
    for change in comparison.changes:
        if not common.has_word_marks(change) or len(change.old) != 1 or len(change.new) != 1:
            continue
        index[(change.to_version, change.new[0])] = (change, OpTag.INSERT)
        index.setdefault((change.from_version, change.old[0]), (change, OpTag.DELETE))
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
    return f'<span class="badge" title="{title}">{esc(paragraph.kind.label)}</span>'


def _cell_text(paragraph: Paragraph, marks: tuple[Change, OpTag] | None) -> str:
    if marks is None:
        return esc(paragraph.text)
    change, side = marks
    return common.marked(
        common.side_of(change.word_ops, side),
        esc,
        lambda s: f"<del>{s}</del>",
        lambda s: f"<ins>{s}</ins>",
    )


def _rows(comparison: Comparison) -> Iterator[str]:
    marks = _side_index(comparison)
    notes = _move_notes(comparison)
    for number, row in enumerate(comparison.rows, start=1):
        cells = [f'<td class="num">{number}</td>']
        for version, index in enumerate(row.cells):
            if index is None:
                cells.append('<td class="gap"></td>')
                continue
            paragraph = comparison.paragraph(version, index)
            status = _cell_status(comparison, row, version)
            css = "" if status is RowStatus.EQUAL else f' class="{status.value}"'
            note = notes.get((version, index), "")
            note_html = f'<span class="note">{note}</span>' if note else ""
            cells.append(
                f'<td{css}><span class="pn">¶{index + 1}</span>{_badge(paragraph)}'
                f"{_cell_text(paragraph, marks.get((version, index)))}{note_html}</td>"
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
            f'<li><span class="swatch {change.type.value}"></span>'
            f"{esc(common.TYPE_LABELS[change.type])} "
            f'<span class="badge" title="rule: {esc(change.rule)}">{esc(change.kind.label)}</span>'
            f"{where_html}{extra}</li>"
        )
    yield "</ol>"


def render_html(comparison: Comparison, summary: Summary | None = None) -> str:
    """The whole page as one string."""
    summary = summary or summarise(comparison)
    names = " → ".join(visible(v.name, one_line=True) for v in comparison.versions)
    legend = "".join(
        f'<li><span class="swatch {status.value}"></span>{label}</li>' for status, label in _LEGEND
    )
    header_cells = "".join(
        f'<th title="{esc(visible(v.path or v.name, one_line=True))}">'
        f"{common.version_label(i)} · {esc(visible(v.name, one_line=True))}</th>"
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
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>Comparison: {esc(names)}</h1>",
        f'<p class="summary">{esc(summary.sentence)}</p>',
        *_facts(summary),
        options,
        f'<ul class="legend">{legend}</ul>',
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
