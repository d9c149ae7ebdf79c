"""Render the application icon from its SVG into every raster file the packages ship.

Source: ``resources/icons/diffviewer.svg``. Output:

* ``resources/icons/hicolor/<N>x<N>/apps/io.github.diffviewer.DiffViewer.png`` for the sizes in
  ``PNG_SIZES`` (the freedesktop icon theme layout; also what the window icon is built from),
* ``packaging/windows/diffviewer.ico`` (PNG-compressed entries, 16 to 256 px),
* ``packaging/macos/diffviewer.icns`` (PNG-compressed entries, 16 to 1024 px).

Run ``python packaging/render_icons.py`` after editing the SVG and commit what changes;
``--check`` only compares the committed PNGs with a fresh rendering and exits 1 if they are stale.

Imports: the standard library and PySide6 (QtSvg and QtGui, both in PySide6-Essentials, already a
runtime dependency), so no image library is needed. ICO and ICNS are written here by hand: both
are a small index of PNG blobs, and Qt's own writers store a single image only.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.diffviewer.DiffViewer"
REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "resources" / "icons" / "diffviewer.svg"
HICOLOR = REPO / "resources" / "icons" / "hicolor"
ICO = REPO / "packaging" / "windows" / "diffviewer.ico"
ICNS = REPO / "packaging" / "macos" / "diffviewer.icns"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows shows 16-48 in lists and Explorer, 256 in large views; ICO stops at 256.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (Apple's "icp4"… and "ic07"… families).
# Retina variants (ic11-ic14) reuse the pixel data of the doubled size.
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)
# Largest per-channel difference (0-255) averaged over a PNG that still counts as "up to date":
# antialiasing may move a little between Qt releases without the icon having changed.
STALE_MEAN_DIFFERENCE = 2.0


def png_path(size: int) -> Path:
    """Where the committed PNG of one size lives."""
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int, svg: Path = SVG) -> QImage:
    """The SVG drawn into a transparent square image of ``size`` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG, at the best compression."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG", 0):
        raise SystemExit("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A Windows ICO file holding one PNG-compressed entry per size (Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    blobs = b""
    for size in sizes:
        blob = pngs[size]
        # Width and height 0 mean 256 in the ICO directory.
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(elements: Iterable[tuple[bytes, bytes]]) -> bytes:
    """A macOS ICNS file from (four-byte type, PNG data) elements, big-endian lengths."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute per-channel difference of two images of the same size (inf otherwise)."""
    if a.size() != b.size():
        return float("inf")
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    raw_a = bytes(a.constBits())[: a.sizeInBytes()]
    raw_b = bytes(b.constBits())[: b.sizeInBytes()]
    return sum(abs(x - y) for x, y in zip(raw_a, raw_b, strict=True)) / len(raw_a)


def stale_pngs() -> list[str]:
    """Messages for committed PNGs that are missing or differ from a fresh rendering."""
    problems = []
    for size in PNG_SIZES:
        path = png_path(size)
        committed = QImage(str(path))
        if committed.isNull():
            problems.append(f"{path.relative_to(REPO)}: missing or unreadable")
            continue
        difference = mean_difference(committed, render(size))
        if difference > STALE_MEAN_DIFFERENCE:
            problems.append(f"{path.relative_to(REPO)}: differs from the SVG ({difference:.2f})")
    return problems


def write_all() -> list[Path]:
    """Render every output file; returns the paths written."""
    pngs = {size: png_bytes(render(size)) for size in {*PNG_SIZES, *ICO_SIZES, 1024}}
    written = []
    for size in PNG_SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        written.append(path)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    ICO.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    ICNS.write_bytes(icns_bytes((kind, pngs[size]) for kind, size in ICNS_TYPES))
    written += [ICO, ICNS]
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: render everything, or ``--check`` that the committed PNGs are current."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="only report PNGs that differ from the SVG"
    )
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    if args.check:
        problems = stale_pngs()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for path in write_all():
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
