"""Kinds corrected by the user, laid over a ``Comparison``; and the rule that keeps one.

A correction says "a paragraph with this key is of this kind", whatever the rules said. It is
applied after comparing: the paragraphs get the kind and the rule name ``user.correction``, and
every change takes the kind of its paragraph again (as ``compare`` gives it: its first old
paragraph, else its new one), so the summary, the change list and every export follow.

``rule_for`` drafts a rules-file entry that gives the same kind to the same text next time: an
anchored, escaped pattern of the paragraph's key (RE2 syntax: no lookaround, no backreference),
which ``rule_toml`` writes as a ``[[rule]]`` table.
Imports: the standard library and ``core.model`` only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from diffviewer.core.model import Change, Comparison, Kind

CORRECTION_RULE = "user.correction"

#: Longest key written out whole in a remembered rule's pattern; longer ones match by their
#: start (rules see only the first 2,000 characters of a paragraph).
PATTERN_PREFIX = 300

#: Characters RE2 and Python both take literally once escaped with a backslash.
_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


def apply_corrections(comparison: Comparison, corrections: Mapping[str, Kind]) -> Comparison:
    """``comparison`` with the paragraphs whose key is in ``corrections`` of the given kind."""
    if not corrections:
        return comparison
    versions = tuple(
        replace(
            version,
            paragraphs=tuple(
                replace(p, kind=corrections[p.key], rule=CORRECTION_RULE)
                if p.key in corrections
                else p
                for p in version.paragraphs
            ),
        )
        for version in comparison.versions
    )
    corrected = replace(comparison, versions=versions)
    return replace(corrected, changes=tuple(_rekind(corrected, c) for c in comparison.changes))


def _rekind(comparison: Comparison, change: Change) -> Change:
    if change.old:
        paragraph = comparison.paragraph(change.from_version, change.old[0])
    else:
        paragraph = comparison.paragraph(change.to_version, change.new[0])
    if (paragraph.kind, paragraph.rule) == (change.kind, change.rule):
        return change
    return replace(change, kind=paragraph.kind, rule=paragraph.rule)


def escape(text: str) -> str:
    """``text`` as a pattern matching exactly it, in RE2 and Python syntax alike."""
    return _SPECIAL.sub(r"\\\1", text)


@dataclass(frozen=True, slots=True)
class RuleDraft:
    """A rule to remember a correction: what a rules file holds for it."""

    name: str
    kind: Kind
    description: str
    pattern: str


def rule_for(key: str, kind: Kind, site: str = "") -> RuleDraft:
    """A rule giving ``kind`` to a paragraph whose key is ``key`` (``site``: a word for the
    name, e.g. the file's name)."""
    words = re.findall(r"[A-Za-z0-9]+", key.lower())[:4] or ["text"]
    slug = "-".join(words)
    prefix = f"{_name_part(site)}." if _name_part(site) else ""
    whole = len(key) <= PATTERN_PREFIX
    pattern = "^" + escape(key if whole else key[:PATTERN_PREFIX]) + ("$" if whole else "")
    shown = key if len(key) <= 60 else key[:57] + "…"
    return RuleDraft(
        name=f"user.{prefix}{kind.value}.{slug}",
        kind=kind,
        description=f"Marked as {kind.label} by hand: “{shown}”",
        pattern=pattern,
    )


def _name_part(text: str) -> str:
    return "-".join(re.findall(r"[A-Za-z0-9]+", text.lower()))[:40]


def _toml_string(value: str) -> str:
    """A TOML basic string."""
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = "".join(c if c >= " " and c != "\x7f" else f"\\u{ord(c):04x}" for c in out)
    return f'"{out}"'


def rule_toml(draft: RuleDraft) -> str:
    """``draft`` as a ``[[rule]]`` table of a rules file."""
    return (
        "[[rule]]\n"
        f"name = {_toml_string(draft.name)}\n"
        f"kind = {_toml_string(draft.kind.value)}\n"
        f"description = {_toml_string(draft.description)}\n"
        f"pattern = {_toml_string(draft.pattern)}\n"
    )
