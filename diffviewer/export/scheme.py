"""The one colour scheme and vocabulary of every surface: viewer, change list, HTML, PDF, print.

Each change type has one hue (``HUES``), one word (``common.TYPE_LABELS``: "edited", not
"changed") and one non-colour cue (``MARKS``: the gutter mark of the viewer and the HTML). A
cell's background is its hue blended over the page's base colour, weakened until the text on it
keeps a WCAG contrast of 4.5 (``tints``): the viewer calls it with its QPalette's base and text,
the HTML report with its light and dark page colours, so both show the same colours.
The hues were chosen to stay apart for the commonest colour-vision deficiencies as well
(tests/ui/test_colour_vision.py measures CIEDE2000 under Machado's deuteranopia and protanopia
simulations): removed dark red, inserted light green, edited yellow, moved blue-violet,
split/merged pink.
Imports: the standard library and ``diffviewer.core.model`` (no Qt).
"""

from __future__ import annotations

from dataclasses import dataclass

from diffviewer.core.model import RowStatus

RGB = tuple[int, int, int]

#: Minimum contrast ratio between text and any background it is drawn on (WCAG AA).
MIN_CONTRAST = 4.5

#: Pure hue per status, before blending with the base colour.
#: Searched (bench-free, by hill climbing) for the largest least CIEDE2000 between any two
#: colours of a surface under normal vision, deuteranopia and protanopia (Machado 2009): 7.1,
#: where the former red/green/amber/purple/teal scheme had 2.3. Removed is a dark red and
#: inserted a light green, so the two differ in lightness where a dichromat loses their hue.
HUES: dict[RowStatus, RGB] = {
    RowStatus.REMOVED: (178, 0, 0),
    RowStatus.INSERTED: (75, 255, 124),
    RowStatus.CHANGED: (255, 221, 0),
    RowStatus.MOVED: (61, 0, 243),
    RowStatus.SPLIT: (255, 87, 230),
    RowStatus.MERGED: (255, 87, 230),
}

#: The non-colour cue per status: a gutter mark beside the cell (− + ~ ↕ ⇄).
MARKS: dict[RowStatus, str] = {
    RowStatus.REMOVED: "−",
    RowStatus.INSERTED: "+",
    RowStatus.CHANGED: "~",
    RowStatus.MOVED: "↕",
    RowStatus.SPLIT: "⇄",
    RowStatus.MERGED: "⇄",
}

#: The legend of every surface, in reading order: (status, label).
LEGEND: tuple[tuple[RowStatus, str], ...] = (
    (RowStatus.REMOVED, "Removed"),
    (RowStatus.INSERTED, "Inserted"),
    (RowStatus.CHANGED, "Edited"),
    (RowStatus.MOVED, "Moved"),
    (RowStatus.SPLIT, "Split / merged"),
)
TYPOGRAPHIC_LABEL = "Typographic only"
GAP_LABEL = "Missing in this version"


def hex_of(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def relative_luminance(rgb: RGB) -> float:
    """WCAG relative luminance of an 8-bit sRGB colour, 0 (black) to 1 (white)."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def blend(base: RGB, over: RGB, amount: float) -> RGB:
    """``over`` laid on ``base`` with opacity ``amount`` (0..1), rounded to 8 bits."""
    keep = 1.0 - amount
    return (
        round(base[0] * keep + over[0] * amount),
        round(base[1] * keep + over[1] * amount),
        round(base[2] * keep + over[2] * amount),
    )


def readable_tint(base: RGB, hue: RGB, text: RGB, amount: float) -> RGB:
    """The strongest tint of ``hue`` over ``base`` up to ``amount`` that keeps ``text`` readable."""
    while amount > 0.02:
        tint = blend(base, hue, amount)
        if contrast_ratio(tint, text) >= MIN_CONTRAST:
            return tint
        amount *= 0.8
    return base


def is_dark(base: RGB, text: RGB) -> bool:
    return relative_luminance(base) < relative_luminance(text)


@dataclass(frozen=True, slots=True)
class Tints:
    """Every derived colour of the scheme over one (base, text) pair."""

    base: RGB
    text: RGB
    backgrounds: dict[RowStatus, RGB]
    deleted_words: RGB
    inserted_words: RGB
    typographic: RGB
    filler: RGB
    filler_hatch: RGB
    muted_text: RGB
    badge: RGB


def tints(base: RGB, text: RGB) -> Tints:
    """The scheme over ``base`` with ``text`` on it (light or dark), contrast-checked."""
    dark = is_dark(base, text)
    tint_amount = 0.38 if dark else 0.22
    strong_amount = 0.62 if dark else 0.5
    backgrounds = {RowStatus.EQUAL: base}
    for status, hue in HUES.items():
        backgrounds[status] = readable_tint(base, hue, text, tint_amount)
    return Tints(
        base=base,
        text=text,
        backgrounds=backgrounds,
        # Over the base, not over the amber of the edited cell: in a dark palette green over
        # brown came out olive, hard to tell from the cell itself.
        deleted_words=readable_tint(base, HUES[RowStatus.REMOVED], text, strong_amount),
        inserted_words=readable_tint(base, HUES[RowStatus.INSERTED], text, strong_amount),
        typographic=readable_tint(base, HUES[RowStatus.CHANGED], text, tint_amount / 3),
        filler=blend(base, text, 0.04),
        filler_hatch=blend(base, text, 0.14),
        muted_text=blend(base, text, 0.7),
        badge=blend(base, text, 0.1),
    )


#: The HTML report's page colours (light, and dark for ``prefers-color-scheme: dark``).
LIGHT_PAGE: tuple[RGB, RGB] = ((255, 255, 255), (27, 31, 36))
DARK_PAGE: tuple[RGB, RGB] = ((22, 25, 29), (230, 232, 235))
