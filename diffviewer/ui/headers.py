"""VersionHeader: the column header of the comparison view, one section per version.

Each section shows the file name (bold) and a second line "encoding · newline · paragraphs ·
words"; the encoding is drawn as a link and a click on it asks for another encoding. With 3+
versions a note of the pair the column's colours show ("← changes from v1") goes right of the
name, or right of the encoding where the name needs the room. Files dropped on a section
replace that version; the context menu removes or moves a version.
Imports: PySide6 and diffviewer.ui.model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QStyleOptionHeader

from diffviewer.ui.drops import accept_files
from diffviewer.ui.model import ComparisonModel
from diffviewer.ui.palette import readable_link, readable_muted

_PAD = 6


def fit_facts(rest: str, width: int, metrics: QFontMetrics) -> str:
    """The facts after the encoding (" · LF · 23 paragraphs · 1097 words") in ``width`` pixels:
    whole facts dropped from the end, then "…", never a fact cut mid-word ("1097 w")."""
    if metrics.horizontalAdvance(rest) <= width:
        return rest
    pieces = rest.split(" · ")
    while len(pieces) > 1:
        pieces.pop()
        text = " · ".join(pieces) + " · …"
        if metrics.horizontalAdvance(text) <= width:
            return text
    return " …" if metrics.horizontalAdvance(" …") <= width else ""


NAME_LINE, FACTS_LINE = 0, 1


@dataclass(frozen=True)
class NoteSection:
    """What a section must hold: its name, encoding, pair notes (longest first) and width."""

    name: str
    encoding: str
    notes: tuple[str, ...]
    room: int


def place_notes(
    sections: Sequence[NoteSection], bold: QFontMetrics, metrics: QFontMetrics
) -> list[tuple[str, int]]:
    """(note, line) for each section: the pair note ("← changes from v1", or the short "← from
    v1") and the line it goes on, never at the cost of the file name. Right of the whole name
    if it fits there, else right of the encoding on the facts line (whole facts make way, as
    for a narrow column); ("", -1) where neither fits (the section's tooltip still names the
    pair). All sections take the same place and form where they can, so the notes line up."""
    options = [(line, form) for line in (NAME_LINE, FACTS_LINE) for form in range(2)]

    def fits(section: NoteSection, line: int, form: int) -> bool:
        if form >= len(section.notes) or not section.notes[form]:
            return False
        width = metrics.horizontalAdvance(section.notes[form]) + _PAD
        if line == NAME_LINE:
            return bold.horizontalAdvance(section.name) + width <= section.room
        return metrics.horizontalAdvance(section.encoding + " …") + width <= section.room

    def first_fit(section: NoteSection, start: int) -> int:
        return next((k for k in range(start, len(options)) if fits(section, *options[k])), -1)

    firsts = [first_fit(section, 0) for section in sections]
    start = max((k for k in firsts if k >= 0), default=0)
    placed = []
    for section in sections:
        k = first_fit(section, start)
        if k < 0:
            placed.append(("", -1))
        else:
            line, form = options[k]
            placed.append((section.notes[form], line))
    return placed


class VersionHeader(QHeaderView):
    """Horizontal header of version sections with clickable encodings and drop targets."""

    encoding_clicked = Signal(int)
    paths_dropped = Signal(int, list)
    remove_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setAcceptDrops(True)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.user_resizing = False
        self._drop_section = -1
        # The pair notes take one place in every section (place_notes): a section's width
        # can move all of them, not only the resized section's.
        self.sectionResized.connect(self._repaint_all)
        """True while a mouse button is down on the header (a section edge being dragged)."""

    def _comparison_model(self) -> ComparisonModel | None:
        model = self.model()
        return model if isinstance(model, ComparisonModel) else None

    def _lines(self, section: int) -> tuple[str, str, str]:
        """(name, encoding, rest of the facts line) for a section."""
        model = self._comparison_model()
        comparison = model.comparison() if model else None
        if comparison is None or not 0 <= section < len(comparison.versions):
            return "", "", ""
        text = str(
            model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        )  # type: ignore[union-attr]
        name, _, facts = text.partition("\n")
        encoding = comparison.versions[section].encoding
        return name, encoding, facts[len(encoding) :]

    def _repaint_all(self, *_args: object) -> None:
        self.viewport().update()

    def _note_places(self) -> list[tuple[str, int]]:
        """``place_notes`` for every section at its present width."""
        model = self._comparison_model()
        bold = QFont(self.font())
        bold.setBold(True)
        sections = []
        for section in range(self.count()):
            name, encoding, _ = self._lines(section)
            notes = (
                (model.highlight_chip(section), model.highlight_chip(section, short=True))
                if model is not None
                else ()
            )
            room = self.sectionSize(section) - 2 * _PAD
            sections.append(NoteSection(name, encoding, notes, room))
        return place_notes(sections, QFontMetrics(bold), QFontMetrics(self.font()))

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        metrics = QFontMetrics(self.font())
        hint.setHeight(2 * metrics.lineSpacing() + 2 * _PAD)
        return hint

    def encoding_rect(self, section: int) -> QRect:
        """Where a section's encoding is drawn, in header coordinates."""
        _, encoding, _ = self._lines(section)
        metrics = QFontMetrics(self.font())
        left = self.sectionViewportPosition(section) + _PAD
        top = _PAD + metrics.lineSpacing()
        return QRect(left, top, metrics.horizontalAdvance(encoding), metrics.lineSpacing())

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect  # type: ignore[attr-defined]
        option.section = logical_index  # type: ignore[attr-defined]
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        if logical_index == self._drop_section:
            highlight = self.palette().highlight().color()
            veil = QColor(highlight)
            veil.setAlpha(60)
            painter.fillRect(rect, veil)
            painter.setPen(QPen(highlight, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        name, encoding, rest = self._lines(logical_index)
        metrics = QFontMetrics(self.font())
        inner = rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.setClipRect(inner)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(self.palette().windowText().color())
        places = self._note_places()
        note, note_line = places[logical_index] if logical_index < len(places) else ("", -1)
        note_width = metrics.horizontalAdvance(note) + _PAD if note else 0
        room = inner.width() - (note_width if note_line == NAME_LINE else 0)
        elided = QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideMiddle, room)
        painter.drawText(inner.left(), inner.top() + metrics.ascent(), elided)
        link = QFont(self.font())
        link.setUnderline(True)
        painter.setFont(link)
        painter.setPen(readable_link(self.palette(), QPalette.ColorRole.Button))
        baseline = inner.top() + metrics.lineSpacing() + metrics.ascent()
        painter.drawText(inner.left(), baseline, encoding)
        painter.setFont(self.font())
        painter.setPen(self.palette().windowText().color())
        room = inner.width() - metrics.horizontalAdvance(encoding)
        room -= note_width if note_line == FACTS_LINE else 0
        painter.drawText(
            inner.left() + metrics.horizontalAdvance(encoding),
            baseline,
            fit_facts(rest, room, metrics),
        )
        if note:
            painter.setPen(readable_muted(self.palette(), QPalette.ColorRole.Button))
            top = inner.top() + (metrics.lineSpacing() if note_line == FACTS_LINE else 0)
            painter.drawText(
                inner.right() - metrics.horizontalAdvance(note), top + metrics.ascent(), note
            )
        painter.restore()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.user_resizing = event.button() == Qt.MouseButton.LeftButton
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.user_resizing = False
        pos = event.position().toPoint()
        section = self.logicalIndexAt(pos)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and section >= 0
            and self.encoding_rect(section).contains(pos)
        ):
            self.encoding_clicked.emit(section)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        section = self.logicalIndexAt(event.pos())
        count = self.count()
        if section < 0:
            return
        menu = QMenu(self)
        remove = menu.addAction("Remove this version")
        remove.setEnabled(count > 2)
        left = menu.addAction("Move left")
        left.setEnabled(section > 0)
        right = menu.addAction("Move right")
        right.setEnabled(section < count - 1)
        encoding = menu.addAction("Change encoding…")
        chosen = menu.exec(event.globalPos())
        if chosen is remove:
            self.remove_requested.emit(section)
        elif chosen is left:
            self.move_requested.emit(section, section - 1)
        elif chosen is right:
            self.move_requested.emit(section, section + 1)
        elif chosen is encoding:
            self.encoding_clicked.emit(section)

    # ----------------------------------------------------------------- drops
    # Copy (or Link), never the source's Move; the section under the pointer is highlighted.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accept_files(event):
            self._set_drop_section(self.logicalIndexAt(event.position().toPoint()))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        section = self.logicalIndexAt(event.position().toPoint())
        if section < 0:
            event.ignore()
            section = -1
        elif not accept_files(event):
            section = -1
        self._set_drop_section(section)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_section(-1)

    def dropEvent(self, event: QDropEvent) -> None:
        section = self.logicalIndexAt(event.position().toPoint())
        self._set_drop_section(-1)
        if section < 0:
            event.ignore()
            return
        paths = accept_files(event)
        if paths:
            self.paths_dropped.emit(section, paths)

    def drop_section(self) -> int:
        """The section highlighted as the drop target, -1 for none."""
        return self._drop_section

    def _set_drop_section(self, section: int) -> None:
        if section != self._drop_section:
            self._drop_section = section
            self.viewport().update()

    def section_at(self, pos: QPoint) -> int:
        return self.logicalIndexAt(pos)
