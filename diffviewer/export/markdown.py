"""Markdown report (CommonMark + GitHub tables): headings, a facts table, a changes table, then
each change with its text in a block quote.

Article text and file names never become markup: the characters Markdown reads as syntax
(backslash, `` ` ``, ``*``, ``_``, ``[``, ``]``, ``<``, ``>``, ``|``, ``~``, an entity-like
``&``) are backslash-escaped everywhere (CommonMark lets any ASCII punctuation be escaped), and
block markers at the start of a line (``#``, ``+``, ``-``, ``=``, ``1.``) are escaped too.
Leading spaces of a line are dropped so that no text turns into an indented code block.
Word changes are marked with ``<del>``/``<ins>``, which GitHub and most renderers keep.
Imports: the standard library, ``diffviewer.core`` and ``export.common`` (no Qt).
"""

from __future__ import annotations

import re

from diffviewer.core.model import Change, Comparison, Paragraph
from diffviewer.core.summary import Summary, VersionFacts, summarise
from diffviewer.core.visible import visible
from diffviewer.export import common

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")
# GitHub turns bare URLs into links; an escaped colon or dot breaks the pattern.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<![\w.])(www)(\.)")


def escape_inline(text: str) -> str:
    """Escape Markdown syntax inside a line (no line-start handling)."""
    text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
    return _AUTOLINK.sub(lambda m: "\\:" if m.group(1) else m.group(2) + "\\.", text)


def _escape_line_starts(text: str) -> str:
    """Drop leading blanks of every line and escape a block marker that then starts it."""
    out = []
    for raw in text.split("\n"):
        line = raw.lstrip()
        match = _BLOCK_START.match(line)
        if match and match.group(1)[0].isdigit():
            line = line[: match.end()] + "\\" + line[match.end() :]  # "12." → "12\."
        elif match:
            line = "\\" + line  # "#" → "\#"
        out.append(line)
    return "\n".join(out)


def escape(text: str) -> str:
    """Escape article text so that it renders as exactly itself (minus leading blanks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _escape_line_starts(escape_inline(text))


def cell(text: str) -> str:
    """Escape text for a table cell: one line, pipes escaped."""
    return escape_inline(" ".join(text.split()))


def _quote(text: str) -> list[str]:
    """Already-escaped text as a block quote (an empty ``>`` line between paragraphs)."""
    return ["> " + line if line else ">" for line in text.split("\n")]


def _facts_table(versions: tuple[VersionFacts, ...]) -> list[str]:
    lines = [
        "| Version | File | Encoding | Newlines | Paragraphs | Words |",
        "|---|---|---|---|---:|---:|",
    ]
    for facts in versions:
        lines.append(
            f"| {facts.label} | {cell(facts.name)} | {cell(facts.encoding)} | "
            f"{facts.newline.value} | {facts.paragraphs} | {facts.words} |"
        )
    return lines


def _changes_table(comparison: Comparison) -> list[str]:
    lines = ["| # | Change | Kind | Rule | Where | Words |", "|---:|---|---|---|---|---|"]
    for number, change in enumerate(comparison.changes, start=1):
        words = ", ".join(
            part
            for part in (common.word_counts(change), "typographic-only" * change.typographic)
            if part
        )
        lines.append(
            f"| {number} | {common.TYPE_LABELS[change.type]} | {cell(change.kind.label)} | "
            f"{cell(change.rule)} | {cell(common.change_location(comparison, change))} | "
            f"{words or '–'} |"
        )
    return lines


def _paragraphs(label: str, paragraphs: tuple[Paragraph, ...]) -> list[str]:
    if not paragraphs:
        return []
    text = "\n\n".join(escape(p.text) for p in paragraphs)
    return [f"**{label}**", "", *_quote(text), ""]


def _change_section(comparison: Comparison, number: int, change: Change) -> list[str]:
    title = (
        f"### {number}. {common.TYPE_LABELS[change.type].capitalize()} · "
        f"{cell(change.kind.label)} ({common.pair_label(change)})"
    )
    lines = [title, "", f"{cell(common.change_location(comparison, change))}", ""]
    lines.append(f"Kind: {cell(change.kind.label)}, rule: {cell(change.rule)}")
    lines.append("")
    both = common.sides(comparison, change)
    if common.has_word_marks(change) and len(both.old) == 1 and len(both.new) == 1:
        text = common.marked(
            change.word_ops, escape_inline, lambda s: f"<del>{s}</del>", lambda s: f"<ins>{s}</ins>"
        )
        lines.extend([*_quote(_escape_line_starts(text)), ""])
    else:
        lines.extend(_paragraphs("Before", both.old))
        lines.extend(_paragraphs("After", both.new))
    return lines


def _removals(comparison: Comparison) -> list[str]:
    """The verdict on body text of each pair that removed text (``common.removals``)."""
    found = common.removals(comparison)
    if not found:
        return []
    lines = [f"## {common.REMOVALS_TITLE}", ""]
    for removed in found:
        line = f"- {cell(removed.pair)}: {cell(removed.verdict)}"
        if removed.certainty:
            line += f" {cell(removed.certainty)}"
        lines.append(line)
        if removed.body:
            lines.append(f"  - {cell(common.READ_FIRST)}:")
            lines.extend(f"    - {cell(where)}: {cell(text)}" for where, text in removed.body)
    return [*lines, ""]


def render_markdown(comparison: Comparison, summary: Summary | None = None) -> str:
    """The whole report as one Markdown document."""
    summary = summary or summarise(comparison)
    names = " → ".join(cell(visible(v.name, one_line=True)) for v in comparison.versions)
    lines = [f"# Comparison: {names}", "", escape(summary.sentence), "", "## Versions", ""]
    lines.extend(_facts_table(summary.versions))
    lines.append("")
    warnings = [(f.label, w) for f in summary.versions for w in f.warnings]
    if warnings:
        lines.extend(f"- {label}: {cell(warning)}" for label, warning in warnings)
        lines.append("")
    if comparison.options_summary:
        lines.extend(["## Options", ""])
        lines.extend(f"- {cell(name)}: {cell(value)}" for name, value in comparison.options_summary)
        lines.append("")
    lines.extend(_removals(comparison))
    lines.extend([f"## Changes ({len(comparison.changes)})", ""])
    if not comparison.changes:
        return "\n".join([*lines, "No changes.", ""])
    lines.extend(_changes_table(comparison))
    lines.append("")
    for number, change in enumerate(comparison.changes, start=1):
        lines.extend(_change_section(comparison, number, change))
    return "\n".join(lines).rstrip("\n") + "\n"
