"""Not by colour alone, and legible on every palette.

The palette table (export.scheme: cell tints over the light and dark pages, word marks, the
overview's saturated marks) is measured with CIEDE2000 under Machado's deuteranopia and
protanopia simulations; every change type has a non-colour cue (a row mark, struck or
underlined words); links and the navigation arrows reach WCAG AA (4.5:1) on light, dark,
high-contrast and gtk3-dark-like palettes; the gap hatching scales with the device pixel ratio.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from diffviewer.core.model import RowStatus
from diffviewer.export import scheme
from diffviewer.ui.palette import colours_for, contrast_ratio, readable_link, readable_muted
from tests.ui.colour_science import delta_e00, simulate

#: Least CIEDE2000 between any two colours of one surface, for every vision simulated.
#: (Under 5 reads as the same colour; 3+ was measured between removed and inserted cells for
#: deuteranopia before the palette was chosen for it.)
MARGIN = 5.0

CHANGE_TYPES = (RowStatus.REMOVED, RowStatus.INSERTED, RowStatus.CHANGED, RowStatus.MOVED,
                RowStatus.SPLIT)  # fmt: skip


def _surfaces() -> dict[str, dict[str, scheme.RGB]]:
    surfaces: dict[str, dict[str, scheme.RGB]] = {}
    for name, page in (("light", scheme.LIGHT_PAGE), ("dark", scheme.DARK_PAGE)):
        t = scheme.tints(*page)
        cells = {status.value: t.backgrounds[status] for status in CHANGE_TYPES}
        surfaces[f"{name} cells"] = {**cells, "gap": t.filler}
        surfaces[f"{name} cells vs unchanged"] = {**cells, "equal": t.base}
        surfaces[f"{name} words"] = {
            "deleted": t.deleted_words,
            "inserted": t.inserted_words,
            "base": t.base,
        }
    surfaces["marks"] = {status.value: scheme.HUES[status] for status in CHANGE_TYPES}
    return surfaces


@pytest.mark.parametrize("vision", ["normal", "deuteranopia", "protanopia"])
def test_every_pair_of_the_palette_stays_apart(vision: str) -> None:
    """Removed vs inserted cells (2.8 for deuteranopia), inserted vs edited (3.0 protanopia),
    split vs gap (3.1), the marks' inserted vs edited (2.2), dark deleted vs inserted words
    (3.8): now all at least MARGIN apart."""
    close = []
    for surface, colours in _surfaces().items():
        seen = {
            key: rgb if vision == "normal" else simulate(rgb, vision)
            for key, rgb in colours.items()
        }
        for a, b in itertools.combinations(seen, 2):
            difference = delta_e00(seen[a], seen[b])
            if difference < MARGIN:
                close.append(f"{surface}: {a}/{b} {difference:.1f}")
    assert not close, close


def test_every_change_type_has_a_mark() -> None:
    marks = [scheme.MARKS[status] for status in CHANGE_TYPES]
    assert len(set(marks)) == len(marks)
    assert scheme.MARKS[RowStatus.MERGED] == scheme.MARKS[RowStatus.SPLIT]


def _palette(base: str, text: str, window: str, window_text: str, link: str) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, window_text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, window_text),
        (QPalette.ColorRole.Link, link),
    ):
        palette.setColor(role, QColor(colour))
    return palette


PALETTES = {
    "light": _palette("#ffffff", "#000000", "#efefef", "#000000", "#0000ff"),
    "fusion dark": _palette("#2a2a2a", "#ffffff", "#353535", "#ffffff", "#2a82da"),
    "high contrast": _palette("#000000", "#ffffff", "#000000", "#ffffff", "#ffff00"),
    "gtk3 dark": _palette("#2d2d2d", "#eeeeec", "#3b3b3b", "#eeeeec", "#0000ff"),
}


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_links_read_on_every_palette(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    """Header links (#0000ff on #3b3b3b was 1.30:1) and move links (2.51:1) reach 4.5:1, the
    move link on the moved cell's tint too."""
    palette = PALETTES[name]
    header_link = readable_link(palette, QPalette.ColorRole.Button)
    assert contrast_ratio(header_link, palette.color(QPalette.ColorRole.Button)) >= 4.5
    chip = readable_muted(palette, QPalette.ColorRole.Button)  # the header's pair note
    assert contrast_ratio(chip, palette.color(QPalette.ColorRole.Button)) >= 4.5
    colours = colours_for(palette)
    assert contrast_ratio(colours.link, colours.base) >= 4.5
    assert contrast_ratio(colours.link, colours.backgrounds[RowStatus.MOVED]) >= 4.5


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_navigation_arrows_read_on_every_palette(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """The Previous/Next Change arrows (the style's fallback icons were 1.39:1 on dark Fusion
    and 1.08:1 on high contrast) are drawn in the palette's button text: ≥ 4.5:1."""
    from PySide6.QtWidgets import QWidget

    from diffviewer.ui.actions import Actions
    from diffviewer.ui.icons import PaletteIcons

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setPalette(PALETTES[name])
    actions = Actions(parent)
    PaletteIcons(parent, [actions["view_previous_change"]], [actions["view_next_change"]])
    back = PALETTES[name].color(QPalette.ColorRole.Button)
    for action_id in ("view_previous_change", "view_next_change"):
        image = actions[action_id].icon().pixmap(24, 24).toImage()
        best = max(
            contrast_ratio(image.pixelColor(x, y), back)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255
        )
        assert best >= 4.5, (action_id, best)


def _hatch_period(ratio: float) -> float:
    """Device pixels between two hatch lines of a gap painted at ``ratio``."""
    from diffviewer.ui.hatch import hatch

    image = QImage(int(80 * ratio), int(40 * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    hatch(painter, QRect(0, 0, 80, 40), QColor("black"))
    painter.end()
    y = image.height() // 2
    dark = [x for x in range(image.width()) if image.pixelColor(x, y).lightness() < 128]
    starts = [x for i, x in enumerate(dark) if i == 0 or x - dark[i - 1] > 1]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    return sum(gaps) / len(gaps)


def test_gap_hatching_scales_with_the_device_pixel_ratio(qapp) -> None:  # type: ignore[no-untyped-def]
    """The hatching keeps its look at 2×: twice the device pixels between lines."""
    assert _hatch_period(1.0) == pytest.approx(8, abs=0.5)
    assert _hatch_period(2.0) == pytest.approx(16, abs=1)


def test_row_marks_and_underlined_insertions(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each changed row's number carries its change mark; inserted words are underlined,
    deleted ones struck: neither relies on colour alone."""
    from diffviewer.ui.delegate import CellDelegate
    from diffviewer.ui.model import ComparisonModel
    from tests.ui.view_samples import sample

    model = ComparisonModel()
    model.set_comparison(sample())
    labels = [
        str(model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
    ]
    assert labels[0] == "↕ 1" and labels[1] == "− 2" and labels[3] == "~ 4"
    assert labels[5] == "+ 6" and labels[2] == "3"
    delegate = CellDelegate()
    layout = delegate._layout(model, 3, 1, 400).text
    assert layout is not None
    formats = layout.formats()
    assert formats and all(f.format.fontUnderline() for f in formats)
    old = delegate._layout(model, 3, 0, 400).text
    assert old is not None
    assert all(f.format.fontStrikeOut() for f in old.formats())
