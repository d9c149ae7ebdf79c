"""The column headers' pair notes ("← changes from v1") with many versions in narrow columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter

from diffviewer.core.compare import compare_texts
from diffviewer.ui.headers import FACTS_LINE, NAME_LINE, NoteSection, VersionHeader, place_notes
from diffviewer.ui.model import ComparisonModel

BASE = "The minister spoke on Tuesday.\n\nShe demanded that the talks resume."


class _Recorder(QPainter):
    """A painter that keeps the strings drawn on it, with their baselines."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[tuple[str, int]] = []

    def drawText(self, *args: Any) -> None:
        text = next(a for a in args if isinstance(a, str))
        self.texts.append((text, int(args[1])))
        super().drawText(*args)


def _header(count: int, width: int) -> tuple[VersionHeader, ComparisonModel]:
    texts = [BASE.replace("Tuesday", f"day {n}") for n in range(count)]
    names = [f"article-v{n + 1}.txt" for n in range(count)]
    model = ComparisonModel()
    model.set_comparison(compare_texts(texts, names))
    header = VersionHeader()
    header.setModel(model)
    for section in range(count):
        header.resizeSection(section, width)
    return header, model


def _painted(header: VersionHeader, section: int) -> list[tuple[str, int]]:
    """(text, baseline) of everything drawn in the section."""
    width, height = header.sectionSize(section), header.sizeHint().height()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = _Recorder(image)
    header.paintSection(painter, QRect(0, 0, width, height), section)
    painter.end()
    return painter.texts


def _notes(count: int, width: int) -> list[tuple[str, bool, bool]]:
    """Per section: (the note drawn, whole name drawn, note on the name's line)."""
    header, _ = _header(count, width)
    out = []
    for section in range(count):
        texts = _painted(header, section)
        name_baseline = texts[0][1]
        note = [(t, y) for t, y in texts if "→" in t or "←" in t]
        whole_name = texts[0][0] == f"article-v{section + 1}.txt"
        out.append(
            (note[0][0], whole_name, note[0][1] == name_baseline)
            if note
            else ("", whole_name, False)
        )
    return out


def test_every_column_names_its_pair_with_four_versions(qapp) -> None:  # type: ignore[no-untyped-def]
    """Four versions in a window of ordinary width (columns about 190 px): each header shows
    its pair's note beside the whole file name. The note was dropped whenever it took more
    than half the section, which four columns always made it do."""
    notes = _notes(4, 190)
    assert [note for note, _, _ in notes] == ["to v2 →", "← from v1", "← from v2", "← from v3"]
    assert all(whole and on_name_line for _, whole, on_name_line in notes), notes


def test_a_wide_column_keeps_the_long_note(qapp) -> None:  # type: ignore[no-untyped-def]
    """Where there is room, the note reads in full beside the name, as before."""
    notes = _notes(4, 400)
    assert notes[1] == ("← changes from v1", True, True)


def test_six_narrow_columns_keep_names_and_notes(qapp) -> None:  # type: ignore[no-untyped-def]
    """Six columns (about 140 px): the note moves to the facts line rather than cut the file
    name, in every column alike."""
    notes = _notes(6, 140)
    assert [note for note, _, _ in notes][1:] == [f"← from v{n}" for n in range(1, 6)]
    assert all(whole and not on_name_line for _, whole, on_name_line in notes), notes


def test_the_note_gives_way_in_a_very_narrow_column(qapp) -> None:  # type: ignore[no-untyped-def]
    """When the note fits nowhere, the name keeps the line and the section's tooltip still
    names the pair."""
    header, model = _header(4, 60)
    assert not any("←" in text for text, _ in _painted(header, 1))
    tooltip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "← changes from v1" in tooltip


def test_placed_notes_never_overflow(qapp) -> None:  # type: ignore[no-untyped-def]
    """Whatever the width, a note placed beside the name or the encoding fits there."""
    metrics = QFontMetrics(QFont())
    bold_font = QFont()
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    notes = ("← changes from v1", "← from v1")
    for room in range(400, 0, -7):
        section = NoteSection("article-v2.txt", "utf-8", notes, room)
        [(note, line)] = place_notes([section], bold, metrics)
        width = metrics.horizontalAdvance(note) + 6
        if line == NAME_LINE:
            assert bold.horizontalAdvance(section.name) + width <= room
        elif line == FACTS_LINE:
            assert metrics.horizontalAdvance("utf-8 …") + width <= room
        else:
            assert note == ""
