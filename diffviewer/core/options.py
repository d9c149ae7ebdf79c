"""CompareOptions: every knob of a comparison, as one frozen value.

The UI builds it from its settings and the CLI from its flags; the core never reads settings.
Imports: the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: Documented default size limit for one input file (see README "Limits").
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024


class CompareMode(StrEnum):
    """How N versions are paired."""

    CONSECUTIVE = "consecutive"
    """v1→v2, v2→v3, …: a revision history."""
    AGAINST_FIRST = "first"
    """v1→v2, v1→v3, …: several cleanings of one raw page."""


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Options of a comparison. Defaults compare exactly (after whitespace normalisation)."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    """Ignore punctuation and typographic differences (’ vs ', “ vs ", – vs -); signs,
    currencies, units and emoji stay content (``paragraphs.TYPOGRAPHY``)."""
    mode: CompareMode = CompareMode.CONSECUTIVE
    mute_typographic: bool = False
    """Leave edits that only touch case/quotes/punctuation out of the changes (still counted)."""
    pair_threshold: float = 0.5
    """Word similarity (Dice over word multisets, 0..1) above which a removed and an inserted
    paragraph in the same place are one edited paragraph."""
    move_threshold: float = 0.8
    """Similarity above which a paragraph removed here and inserted there is a move."""
    split_threshold: float = 0.8
    """Similarity between one paragraph and two joined ones above which it is a split/merge."""
    rules_files: tuple[str, ...] = ()
    """Extra kind-rule files, applied before the bundled rules."""
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    def describe(self) -> tuple[tuple[str, str], ...]:
        """The non-default options as (name, value) pairs, for summaries."""
        out: list[tuple[str, str]] = []
        if self.ignore_case:
            out.append(("ignore case", "on"))
        if self.ignore_punctuation:
            out.append(("ignore punctuation", "on"))
        if self.mode is not CompareMode.CONSECUTIVE:
            out.append(("compare mode", "each version against the first"))
        if self.mute_typographic:
            out.append(("typographic-only edits", "muted"))
        if self.rules_files:
            out.append(("extra rules", ", ".join(self.rules_files)))
        return tuple(out)
