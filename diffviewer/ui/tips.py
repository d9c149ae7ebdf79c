"""What the comparison table says on hover and in its headers, beside the cells themselves.

``cell_tooltip`` is a cell's tooltip (its change, its kind badge's rule, where the paragraph is
in its file, the row's history); ``load_rule_set`` reads the rules a comparison was made with,
which describe the badges; ``version_facts`` is a version header's second line.
Imports: diffviewer.core, diffviewer.export.common and diffviewer.ui.history; ui.cells for
types only (no Qt).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffviewer.core.errors import DiffViewerError
from diffviewer.core.model import Comparison
from diffviewer.export.common import TYPE_LABELS
from diffviewer.ui.history import row_history

FIRST_LOOK_NOTE = "Finding kinds and word changes…"
"""What a first look (``Comparison.first_look``) does not show yet: in tooltips, the status line."""

if TYPE_CHECKING:
    from diffviewer.core.rules import RuleSet
    from diffviewer.ui.cells import CellInfo


def load_rule_set(rules_files: tuple[str, ...]) -> RuleSet | None:
    """The rules a comparison was made with: the user's files (if they still load), then the
    bundled ones; None if even those cannot be had. (Imported here: the first tooltip, not the
    window's start, pays for the rules machinery.)"""
    from diffviewer.core.kinds import load_rules

    for files in (rules_files, ()):
        try:
            return load_rules(files)
        except DiffViewerError:
            continue
    return None


def cell_tooltip(comparison: Comparison | None, row: int, info: CellInfo) -> str | None:
    """A cell's tooltip: its change and word counts, its kind badge's rule, where the paragraph
    is in its file, and (3+ versions) the row's history; for a gap, what the gap is."""
    if info.text is None:
        if not info.note:
            return "Not in this version"
        history = row_history(comparison, row) if comparison else ""
        tip = f"Not in this version: {info.note[2:]}"
        return f"{tip}\nHistory: {history}" if history else tip
    parts: list[str] = []
    if info.change >= 0 and comparison is not None:
        change = comparison.changes[info.change]
        label = TYPE_LABELS[change.type]
        if change.typographic:
            label += " (typographic only)"
        words = []
        if change.words_added:
            words.append(f"+{change.words_added}")
        if change.words_removed:
            words.append(f"−{change.words_removed}")
        counts = f", words {' '.join(words)}" if words else ""
        parts.append(f"Change {info.change + 1}: {label}{counts}")
    if info.badge:
        parts.append(info.badge_tip)
    if info.paragraph is not None:
        p = info.paragraph
        span = (
            f"line {p.first_line}"
            if p.first_line == p.last_line
            else f"lines {p.first_line}–{p.last_line}"
        )
        if comparison is not None and comparison.first_look:
            return f"Paragraph {p.index + 1}, {span}\n{FIRST_LOOK_NOTE}"
        parts.append(f"Paragraph {p.index + 1}, {span}, {p.words} words")
    if comparison is not None and len(comparison.versions) > 2:
        history = row_history(comparison, row)
        if history:
            parts.append(f"History: {history}")
    return "\n".join(parts) or None


def version_facts(comparison: Comparison, column: int) -> str:
    """The header's second line: encoding · newline · paragraphs · words."""
    version = comparison.versions[column]
    paragraphs = len(version.paragraphs)
    facts = (
        f"{version.encoding} · {version.newline.value} · "
        f"{paragraphs} paragraph{'s' if paragraphs != 1 else ''}"
    )
    return facts if comparison.first_look else f"{facts} · {version.words} words"
