"""The application icon: every shipped raster size exists, matches the SVG, and the Windows and
macOS icon files hold well-formed PNG entries of the sizes they claim."""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QColor, QImage

REPO = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def render_icons() -> ModuleType:
    """packaging/render_icons.py loaded as a module (packaging/ is not a package)."""
    path = REPO / "packaging" / "render_icons.py"
    spec = importlib.util.spec_from_file_location("render_icons", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["render_icons"] = module
    spec.loader.exec_module(module)
    return module


def _has_colour_near(image: QImage, target: str, tolerance: int = 40) -> bool:
    want = QColor(target)
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200 and all(
                abs(a - b) <= tolerance
                for a, b in zip(
                    (pixel.red(), pixel.green(), pixel.blue()),
                    (want.red(), want.green(), want.blue()),
                    strict=True,
                )
            ):
                return True
    return False


def test_every_png_size_exists_square_and_shows_red_and_green(
    qapp: object, render_icons: ModuleType
) -> None:
    """Each size the desktop file and installers rely on is a square PNG of that size, and even
    at 16 px the removed (red) and added (green) lines are still there to see."""
    for size in render_icons.PNG_SIZES:
        image = QImage(str(render_icons.png_path(size)))
        assert not image.isNull(), size
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert _has_colour_near(image, "#e53935"), f"no red at {size} px"
        assert _has_colour_near(image, "#43a047"), f"no green at {size} px"
    assert set(render_icons.PNG_SIZES) >= {16, 24, 32, 48, 64, 128, 256, 512}


def test_committed_pngs_match_the_svg(qapp: object, render_icons: ModuleType) -> None:
    """The PNGs are not stale: re-rendering the SVG gives (nearly) the same pixels. After editing
    the SVG, run `python packaging/render_icons.py` and commit the result."""
    assert render_icons.stale_pngs() == []


def test_staleness_check_notices_a_different_picture(
    qapp: object, render_icons: ModuleType
) -> None:
    """The comparison used above really tells pictures apart (so the previous test can fail)."""
    icon = render_icons.render(32)
    blank = QImage(icon.size(), icon.format())
    blank.fill(QColor("white"))
    assert render_icons.mean_difference(icon, icon) == 0
    assert render_icons.mean_difference(icon, blank) > render_icons.STALE_MEAN_DIFFERENCE
    assert render_icons.mean_difference(icon, render_icons.render(16)) == float("inf")


def _png_size(blob: bytes) -> tuple[int, int]:
    assert blob.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", blob[16:24])
    return width, height


def test_ico_holds_png_entries_16_to_256(render_icons: ModuleType) -> None:
    """The Windows icon's directory lists 16…256 px entries whose data are PNGs of those sizes."""
    data = render_icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        blob = data[offset : offset + length]
        side = width or 256
        assert width == height and planes == 1 and bits == 32
        assert _png_size(blob) == (side, side)
        sizes.append(side)
    assert sizes == list(render_icons.ICO_SIZES)


def test_icns_holds_png_entries_up_to_1024(render_icons: ModuleType) -> None:
    """The macOS icon is a well-formed ICNS: total length right, each element a PNG of the pixel
    size its type code stands for, up to the 1024 px Retina entry."""
    data = render_icons.ICNS.read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = dict(render_icons.ICNS_TYPES)
    seen = {}
    position = 8
    while position < len(data):
        kind = data[position : position + 4]
        length = struct.unpack(">I", data[position + 4 : position + 8])[0]
        blob = data[position + 8 : position + length]
        seen[kind] = _png_size(blob)[0]
        position += length
    assert position == len(data)
    assert seen == expected
    assert max(seen.values()) == 1024


def test_qt_reads_every_entry_of_ico_and_icns(qapp: object, render_icons: ModuleType) -> None:
    """Qt's own ICO and ICNS readers (what a window icon would use) decode all entries."""
    from PySide6.QtGui import QImageReader

    for path, count in (
        (render_icons.ICO, len(render_icons.ICO_SIZES)),
        (render_icons.ICNS, len(render_icons.ICNS_TYPES)),
    ):
        reader = QImageReader(str(path))
        assert reader.imageCount() == count, path
        for index in range(count):
            assert reader.jumpToImage(index)
            assert not reader.read().isNull(), (path, index)
