"""Colours of the comparison view, derived from the widget's QPalette (light or dark).

The scheme, one hue per kind of difference, painted as a tint of the palette's base colour:

* removed: red, on the old (left) cell; the new cell is a hatched gap;
* inserted: green, on the new cell; the old cell is a hatched gap;
* changed: amber on both cells, with strong red behind deleted words (old cell) and strong
  green behind inserted words (new cell);
* moved: purple on both places, each with a link to the other;
* split / merged: teal;
* typographic-only edits: a faint amber tint (or none at all when hidden).

Tints are blended over ``QPalette.Base`` and then checked against ``QPalette.Text`` for a WCAG
contrast ratio of at least 4.5: the blend is weakened until the text stays readable, so the scheme
follows the system palette in light and dark themes alike.
Imports: PySide6.QtGui and diffviewer.core.model.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from diffviewer.core.model import ChangeType, RowStatus

#: Minimum contrast ratio between text and any background it is drawn on (WCAG AA).
MIN_CONTRAST = 4.5

# Pure hues, before blending with the palette's base colour.
_HUES: dict[RowStatus, QColor] = {
    RowStatus.REMOVED: QColor(230, 40, 40),
    RowStatus.INSERTED: QColor(40, 190, 60),
    RowStatus.CHANGED: QColor(245, 170, 20),
    RowStatus.MOVED: QColor(150, 70, 220),
    RowStatus.SPLIT: QColor(20, 175, 175),
    RowStatus.MERGED: QColor(20, 175, 175),
}


def relative_luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``base`` with opacity ``amount`` (0..1), as an opaque 8-bit colour
    (8-bit so that what the model reports is exactly what a painted pixel holds)."""
    keep = 1.0 - amount
    return QColor(
        round((base.redF() * keep + over.redF() * amount) * 255),
        round((base.greenF() * keep + over.greenF() * amount) * 255),
        round((base.blueF() * keep + over.blueF() * amount) * 255),
    )


def readable_tint(base: QColor, hue: QColor, text: QColor, amount: float) -> QColor:
    """The strongest tint of ``hue`` over ``base`` up to ``amount`` that keeps ``text`` readable."""
    while amount > 0.02:
        tint = blend(base, hue, amount)
        if contrast_ratio(tint, text) >= MIN_CONTRAST:
            return tint
        amount *= 0.8
    return QColor(base)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette draws light text on a dark base."""
    base = palette.color(QPalette.ColorRole.Base)
    return relative_luminance(base) < relative_luminance(palette.color(QPalette.ColorRole.Text))


@dataclass(frozen=True)
class StatusColours:
    """Every colour the view, the overview strip, the change list and the legend paint with."""

    text: QColor
    dim_text: QColor
    """Text of rows whose changes are hidden (kind filter, hidden typographic edits)."""
    base: QColor
    backgrounds: dict[RowStatus, QColor]
    """Cell background per status (EQUAL is the plain base)."""
    marks: dict[RowStatus, QColor]
    """Saturated colour per status, for the overview strip, the change list and the legend."""
    deleted_words: QColor
    inserted_words: QColor
    typographic: QColor
    filler: QColor
    """Background of a gap (a version lacks the paragraph)."""
    filler_hatch: QColor
    badge_quiet: QColor
    badge_quiet_text: QColor
    badge_strong: QColor
    badge_strong_text: QColor
    link: QColor
    find_match: QColor
    find_current: QColor
    current_outline: QColor

    def background(self, status: RowStatus | None) -> QColor:
        """The cell background for a status; None (a gap) gives the filler colour."""
        if status is None:
            return self.filler
        return self.backgrounds.get(status, self.base)


def status_for_change(change_type: ChangeType) -> RowStatus:
    """The row status that shows a change type (the enums share their values)."""
    return RowStatus(change_type.value)


def colours_for(palette: QPalette) -> StatusColours:
    """Build the scheme for ``palette`` (light or dark), contrast-checked."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = is_dark(palette)
    tint_amount = 0.38 if dark else 0.22
    strong_amount = 0.62 if dark else 0.5
    backgrounds = {RowStatus.EQUAL: QColor(base)}
    for status, hue in _HUES.items():
        backgrounds[status] = readable_tint(base, hue, text, tint_amount)
    marks = {status: QColor(hue) for status, hue in _HUES.items()}
    dim = blend(base, text, 0.55)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    link = palette.color(QPalette.ColorRole.Link)
    if contrast_ratio(link, base) < 3.0:
        link = blend(text, link, 0.5)
    return StatusColours(
        text=QColor(text),
        dim_text=dim,
        base=QColor(base),
        backgrounds=backgrounds,
        marks=marks,
        # Over the base, not over the amber of the changed cell: in a dark palette green over
        # brown came out olive, hard to tell from the cell itself.
        deleted_words=readable_tint(base, _HUES[RowStatus.REMOVED], text, strong_amount),
        inserted_words=readable_tint(base, _HUES[RowStatus.INSERTED], text, strong_amount),
        typographic=readable_tint(base, _HUES[RowStatus.CHANGED], text, tint_amount / 3),
        filler=blend(base, text, 0.04),
        filler_hatch=blend(base, text, 0.14),
        badge_quiet=blend(base, text, 0.1),
        badge_quiet_text=blend(base, text, 0.7),
        badge_strong=blend(base, text, 0.75),
        badge_strong_text=QColor(base),
        link=link,
        find_match=readable_tint(base, QColor(255, 230, 0), text, 0.7 if not dark else 0.45),
        find_current=readable_tint(base, QColor(255, 140, 0), text, 0.8 if not dark else 0.55),
        current_outline=QColor(highlight),
    )


_LEGEND = (
    (RowStatus.REMOVED, "Removed"),
    (RowStatus.INSERTED, "Inserted"),
    (RowStatus.CHANGED, "Changed"),
    (RowStatus.MOVED, "Moved"),
    (RowStatus.SPLIT, "Split / merged"),
)


def legend_items(colours: StatusColours) -> list[tuple[str, QColor]]:
    """(label, cell colour) pairs explaining the scheme, in reading order."""
    items = [(label, colours.backgrounds[status]) for status, label in _LEGEND]
    items.append(("Typographic only", colours.typographic))
    items.append(("Missing in this version", colours.filler_hatch))
    return items
