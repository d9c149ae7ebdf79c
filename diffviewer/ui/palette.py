"""Colours of the comparison view, derived from the widget's QPalette (light or dark).

The scheme, one hue per kind of difference, painted as a tint of the palette's base colour:

* removed: dark red, on the old (left) cell; the new cell is a hatched gap;
* inserted: light green, on the new cell; the old cell is a hatched gap;
* edited: yellow on both cells, with strong red behind deleted (struck) words in the old cell
  and strong green behind inserted (underlined) words in the new cell;
* moved: blue-violet on both places, each with a link to the other;
* split / merged: pink;
* typographic-only edits: a faint yellow tint (or none at all when hidden).
Each change type also has a mark beside its row number (− + ~ ↕ ⇄): never colour alone.

Tints are blended over ``QPalette.Base`` and then checked against ``QPalette.Text`` for a WCAG
contrast ratio of at least 4.5: the blend is weakened until the text stays readable, so the scheme
follows the system palette in light and dark themes alike. Hues, tints, legend words and gutter
marks come from ``export.scheme``, which the HTML report reads too: one scheme everywhere.
Links are moved towards the text colour until they read at 4.5:1 (``readable_link``).
Imports: PySide6.QtGui, diffviewer.core.model and diffviewer.export.scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from diffviewer.core.model import ChangeType, RowStatus
from diffviewer.export import scheme
from diffviewer.export.scheme import MIN_CONTRAST

# The hues and the legend are the HTML report's too (one scheme for every surface).
_HUES: dict[RowStatus, QColor] = {status: QColor(*rgb) for status, rgb in scheme.HUES.items()}


def _rgb(colour: QColor) -> scheme.RGB:
    return colour.red(), colour.green(), colour.blue()


def relative_luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    return scheme.relative_luminance(_rgb(colour))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    return scheme.contrast_ratio(_rgb(first), _rgb(second))


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``base`` with opacity ``amount`` (0..1), as an opaque 8-bit colour
    (8-bit so that what the model reports is exactly what a painted pixel holds)."""
    return QColor(*scheme.blend(_rgb(base), _rgb(over), amount))


def readable_tint(base: QColor, hue: QColor, text: QColor, amount: float) -> QColor:
    """The strongest tint of ``hue`` over ``base`` up to ``amount`` that keeps ``text`` readable."""
    return QColor(*scheme.readable_tint(_rgb(base), _rgb(hue), _rgb(text), amount))


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
    t = scheme.tints(_rgb(base), _rgb(text))
    highlight = palette.color(QPalette.ColorRole.Highlight)
    # Move links sit on the moved cell's tint.
    link = readable_link(palette, also_on=(QColor(*t.backgrounds[RowStatus.MOVED]),))
    return StatusColours(
        text=QColor(text),
        dim_text=blend(base, text, 0.55),
        base=QColor(base),
        backgrounds={status: QColor(*rgb) for status, rgb in t.backgrounds.items()},
        marks={status: QColor(hue) for status, hue in _HUES.items()},
        deleted_words=QColor(*t.deleted_words),
        inserted_words=QColor(*t.inserted_words),
        typographic=QColor(*t.typographic),
        filler=QColor(*t.filler),
        filler_hatch=QColor(*t.filler_hatch),
        badge_quiet=QColor(*t.badge),
        badge_quiet_text=QColor(*t.muted_text),
        badge_strong=blend(base, text, 0.75),
        badge_strong_text=QColor(base),
        link=link,
        find_match=readable_tint(base, QColor(255, 230, 0), text, 0.7 if not dark else 0.45),
        find_current=readable_tint(base, QColor(255, 140, 0), text, 0.8 if not dark else 0.55),
        current_outline=QColor(highlight),
    )


_TEXT_ON = {
    QPalette.ColorRole.Window: QPalette.ColorRole.WindowText,
    QPalette.ColorRole.Button: QPalette.ColorRole.ButtonText,
}


def readable_link(
    palette: QPalette,
    role: QPalette.ColorRole = QPalette.ColorRole.Base,
    also_on: tuple[QColor, ...] = (),
) -> QColor:
    """The palette's link colour, moved towards the text colour until it reads at 4.5:1 on the
    ``role`` background and on ``also_on`` (gtk3 dark themes keep a #0000ff link on a dark
    grey: 1.3:1)."""
    backs = (palette.color(role), *also_on)
    text = palette.color(_TEXT_ON.get(role, QPalette.ColorRole.Text))
    link = palette.color(QPalette.ColorRole.Link)
    amount = 0.0
    candidate = QColor(link)
    while amount < 1.0 and min(contrast_ratio(candidate, back) for back in backs) < MIN_CONTRAST:
        amount = min(1.0, amount + 0.1)
        candidate = blend(link, text, amount)
    return candidate


def readable_muted(
    palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Button
) -> QColor:
    """A quieter text colour for the ``role`` background that still reads at 4.5:1."""
    back = palette.color(role)
    text = palette.color(_TEXT_ON.get(role, QPalette.ColorRole.Text))
    amount = 0.6
    candidate = blend(back, text, amount)
    while contrast_ratio(candidate, back) < MIN_CONTRAST and amount < 1.0:
        amount = min(1.0, amount + 0.05)
        candidate = blend(back, text, amount)
    return candidate


def legend_items(colours: StatusColours) -> list[tuple[str, QColor]]:
    """(label, cell colour) pairs explaining the scheme, in reading order."""
    items = [(label, colours.backgrounds[status]) for status, label in scheme.LEGEND]
    items.append((scheme.TYPOGRAPHIC_LABEL, colours.typographic))
    items.append((scheme.GAP_LABEL, colours.filler_hatch))
    return items
