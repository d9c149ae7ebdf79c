"""Text semantics (issue 11, items 14–17): what counts as a paragraph, a character and a change.

- a paragraph made only of zero-width characters is no paragraph;
- typographic folding (``--ignore-punctuation``, ``--mute-typographic``) folds quotes, dashes,
  ellipses and spacing only: signs, currencies, units and emoji are content;
- the smallest unit tokenised, highlighted and counted is a whole grapheme cluster;
- a long repetitive paragraph with two edits far apart shows two edits.
"""

from __future__ import annotations

import pytest

from diffviewer.core.compare import compare_texts
from diffviewer.core.paragraphs import RawParagraph, normalise, split_paragraphs

ZERO_WIDTH = ["\u200b", "\u00ad", "\u2060", "\u200c", "\u200d", "\ufeff"]


@pytest.mark.parametrize("char", ZERO_WIDTH, ids=lambda c: f"U+{ord(c):04X}")
def test_a_paragraph_of_zero_width_characters_is_no_paragraph(char: str) -> None:
    """Only invisible characters (with or without spaces): no paragraph, no change against an
    empty file, in either split path (one paragraph per line, or blank-line blocks)."""
    for text in (char, f"{char}{char} {char}\n", f"Title\n\n{char}\n\nBody.", f"a\n{char}\nb"):
        paragraphs = split_paragraphs(text)
        assert all(normalise(p.text) for p in paragraphs), text
    assert split_paragraphs(f"{char}\n\n{char} \t{char}") == []
    assert not compare_texts(["", f"{char}\n\n{char}{char}"]).has_differences
    assert not compare_texts(["One.\n\nTwo.", f"One.\n\n{char}\n\nTwo."]).has_differences


def test_zero_width_characters_inside_text_are_kept() -> None:
    """A zero-width character inside a real paragraph stays in its text (only its key drops it)."""
    text = "soft\u00adhyphen and zero\u200bwidth\n\n\ufeffBOM-led line"
    assert split_paragraphs(text) == [
        RawParagraph("soft\u00adhyphen and zero\u200bwidth", 1, 1),
        RawParagraph("\ufeffBOM-led line", 3, 3),
    ]
