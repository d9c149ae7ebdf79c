"""Visible whitespace: the characters a reader cannot see, shown as quiet marks.

News pages carry non-breaking spaces ("Facebook\\xa0and\\xa0Twitter"), tabs and zero-width
characters that make two paragraphs differ, or wrap oddly, for no visible reason. With
View › Show Whitespace each is drawn as one mark of its own (the text keeps its length, so word
highlights and find matches stay where they are). Pure Python: no Qt.
"""

from __future__ import annotations

#: Invisible or look-alike character → the mark drawn for it.
MARKS: dict[str, str] = {
    "\u00a0": "°",  # no-break space
    "\u202f": "°",  # narrow no-break space
    "\u2007": "°",  # figure space
    "\t": "→",
    "\u200b": "¦",  # zero-width space
    "\u200c": "¦",  # zero-width non-joiner
    "\u200d": "¦",  # zero-width joiner
    "\u2060": "¦",  # word joiner
    "\ufeff": "¦",  # zero-width no-break space (BOM)
    "\u00ad": "¬",  # soft hyphen
}
_TABLE = str.maketrans(MARKS)


def visible(text: str) -> tuple[str, list[int]]:
    """``text`` with each invisible character replaced by its mark, and the marks' offsets."""
    if not any(ch in MARKS for ch in text):
        return text, []
    return text.translate(_TABLE), [i for i, ch in enumerate(text) if ch in MARKS]


def runs(positions: list[int]) -> list[tuple[int, int]]:
    """Consecutive offsets as (start, length) runs (one format range each)."""
    out: list[tuple[int, int]] = []
    for position in positions:
        if out and out[-1][0] + out[-1][1] == position:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((position, 1))
    return out
