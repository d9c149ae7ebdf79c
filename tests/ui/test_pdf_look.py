"""The PDF (and so the print-out) looks like the HTML report: colours, swatches, separated labels.

Rendered by poppler's ``pdftoppm``/``pdftotext`` (apt: poppler-utils, in .ci/run), the way a
reader's PDF viewer shows it: Qt's rich-text engine ignores CSS it does not know, so these
tests look at the pixels and the text, not at the HTML.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from diffviewer.core.compare import compare_files
from diffviewer.core.model import Comparison
from diffviewer.ui import pdf

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed"
)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from diffviewer.assets import example_paths

    comparison: Comparison = compare_files(example_paths())
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    path.write_bytes(pdf.pdf_bytes(comparison))
    return path


def _page_image(path: Path, dpi: int = 60) -> QImage:
    out = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-png", str(path), str(out)],
        check=True,
        timeout=60,
    )
    png = next(path.parent.glob(out.name + "*.png"))
    image = QImage(str(png))
    assert not image.isNull()
    return image


def _hues(image: QImage) -> dict[str, int]:
    """Pixels per coarse hue family among the coloured (saturated, not grey) ones."""
    counts = {"red": 0, "green": 0, "amber": 0, "other": 0}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if colour.hsvSaturationF() < 0.08 or colour.valueF() < 0.3:
                continue
            hue = colour.hsvHue()
            family = (
                "red"
                if hue < 20 or hue >= 340
                else "amber"
                if hue < 65
                else "green"
                if 90 <= hue < 160
                else "other"
            )
            counts[family] += 1
    return counts


def test_first_page_keeps_the_change_colours(qapp, seed_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    """Page 1 shows removed (red) cells and the legend's swatches in their colours: a
    colourless page (Qt ignoring the CSS custom properties) fails."""
    image = _page_image(seed_pdf)
    counts = _hues(image)
    area = image.width() * image.height() / 4
    assert counts["red"] > area * 0.02, counts  # the removed page chrome fills much of page 1
    assert counts["green"] > 0 and counts["amber"] > 0, counts  # legend swatches at least


def test_labels_do_not_run_into_the_text(qapp, seed_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    """ "¶1 headline China…", not "¶1headlineChina…"; a move note sits on its own line."""
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(seed_pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "¶1 headline China" in text
    assert "¶1headline" not in text


def _words(path: Path) -> list[tuple[str, float, float]]:
    """Page 1's words as (text, left x, right x) in points, from ``pdftotext -bbox``."""
    page = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return [
        (html.unescape(text), float(left), float(right))
        for left, right, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', page
        )
    ]


def test_facts_table_cells_have_padding(qapp, seed_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    """The facts table's text is inset from the cell borders as in the HTML report (padding
    .2rem .5rem): "article-v1.txt" and "utf-8" are two words with room between them, and
    "Version" starts to the right of the page's text edge. Qt reads ``rem`` as 0, which left
    "article-v1.txtutf-8" touching the lines."""
    words = _words(seed_pdf)
    edge = next(left for text, left, _ in words if text == "Comparison:")
    start = next(i for i, (text, _, _) in enumerate(words) if text == "Version")
    table = words[start:]  # the title names the files too
    version = table[0][1]
    texts = [text for text, _, _ in table]
    assert "article-v1.txt" in texts and "utf-8" in texts, texts[:12]  # not run together
    name_end = next(right for text, _, right in table if text == "article-v1.txt")
    encoding = next(left for text, left, _ in table if text == "utf-8")
    assert version - edge >= 6, (edge, version)  # 8 px of padding, less the border
    assert encoding - name_end >= 10, (name_end, encoding)  # two paddings and a border
