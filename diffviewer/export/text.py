"""Plain-text report: the summary sentence, the facts of each version, then every change.

Edits show one text with word marks as ``git diff --word-diff=plain`` does: ``[-old-]{+new+}``.
Paragraph lines keep their hard wraps, indented under the change they belong to.
Imports: the standard library, ``diffviewer.core`` and ``export.common`` (no Qt).
"""

from __future__ import annotations

from diffviewer.core.model import Change, Comparison, Paragraph
from diffviewer.core.summary import Summary, VersionFacts, plural, summarise
from diffviewer.export import common

_INDENT = "     "


def _identity(text: str) -> str:
    return text


def _indented(text: str, prefix: str) -> list[str]:
    """Every line of ``text`` under ``prefix``; continuation lines aligned with the first."""
    lines = text.split("\n")
    pad = " " * len(prefix)
    return [prefix + lines[0]] + [pad + line for line in lines[1:]]


def _version_line(facts: VersionFacts) -> str:
    where = f" ({facts.path})" if facts.path and facts.path != facts.name else ""
    line = (
        f"  {facts.label}  {facts.name}{where}: {facts.encoding}, {facts.newline.value} newlines, "
        f"{plural(facts.paragraphs, 'paragraph')}, "
        f"{plural(facts.words, 'word')}"
    )
    return line


def _paragraph_block(paragraphs: tuple[Paragraph, ...], sign: str) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        out.extend(_indented(paragraph.text, f"{_INDENT}{sign} "))
    return out


def _change_block(comparison: Comparison, number: int, change: Change) -> list[str]:
    details = [common.TYPE_LABELS[change.type], f"{change.kind.label} (rule: {change.rule})"]
    details.append(common.pair_label(change))
    counts = common.word_counts(change)
    if counts:
        details.append(counts)
    if change.typographic:
        details.append("typographic-only")
    lines = [f"{number:>3}. " + " · ".join(details)]
    lines.append(_INDENT + common.change_location(comparison, change))
    both = common.sides(comparison, change)
    if common.has_word_marks(change) and len(both.old) == 1 and len(both.new) == 1:
        text = common.marked(
            change.word_ops, _identity, lambda s: f"[-{s}-]", lambda s: f"{{+{s}+}}"
        )
        lines.extend(_indented(text, f"{_INDENT}~ "))
    else:
        lines.extend(_paragraph_block(both.old, "-"))
        lines.extend(_paragraph_block(both.new, "+"))
    return lines


def _removals(comparison: Comparison) -> list[str]:
    """The verdict on body text of each pair that removed text (``common.removals``)."""
    found = common.removals(comparison)
    if not found:
        return []
    lines = [common.REMOVALS_TITLE]
    for removed in found:
        lines.append(f"  {removed.pair}: {removed.verdict}")
        if removed.certainty:
            lines.append(_INDENT + removed.certainty)
        if removed.body:
            lines.append(f"{_INDENT}{common.READ_FIRST}:")
            for where, text in removed.body:
                lines.extend(_indented(text, f"{_INDENT}- {where}: "))
    return [*lines, ""]


def render_text(comparison: Comparison, summary: Summary | None = None) -> str:
    """The whole report as one string ending in a newline."""
    summary = summary or summarise(comparison)
    lines = ["diffviewer comparison", "", summary.sentence, "", "Versions"]
    lines.extend(_version_line(facts) for facts in summary.versions)
    for facts in summary.versions:
        for warning in facts.warnings:
            lines.append(f"  {facts.label} warning: {warning}")
    if comparison.options_summary:
        lines.append("")
        lines.append(
            "Options: "
            + "; ".join(f"{name}: {value}" for name, value in comparison.options_summary)
        )
    lines.append("")
    lines.extend(_removals(comparison))
    if comparison.changes:
        lines.append(f"Changes ({len(comparison.changes)})")
        for number, change in enumerate(comparison.changes, start=1):
            lines.append("")
            lines.extend(_change_block(comparison, number, change))
    else:
        lines.append("No changes.")
    return "\n".join(lines) + "\n"
