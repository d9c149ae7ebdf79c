"""ComparisonModel: a Comparison as a Qt table, one row per aligned row, one column per version.

Which link colours a cell: each column shows one compared pair, the one its header names
(export/pairs.py): the pair that ends at it (a, v), or the one that starts at it for the first
column; with View › Highlight Changes to the Next Version, the pair that starts at it (the last
column: the one that ends there). A cell takes that pair's link status and that pair's change.
Two versions: removed text is red in the old column, inserted text green in the new one, an
edited paragraph yellow on both sides with deleted words in the old cell and inserted words in
the new cell. Three or more: the column a pair is stated for shows that pair's whole word diff
(deleted words struck, inserted words underlined, inline: ui/unified.py), a gap there that is
the pair's removal takes the removal's colour and says so ("− removed from v2"), and a
paragraph that a pair its column does not show removes says so too ("− removed in v3"). A
middle column never mixes two pairs' marks, and no change is visible only with the toggle.

The delegate reads everything through ``cell()`` (one CellInfo per cell, cached); the custom
roles expose the same facts to tests and to anything else that speaks Qt roles (both in
ui/cells.py). The tooltips and the version headers' facts line are written in ui/tips.py.
Imports: PySide6.QtCore/QtGui, diffviewer.core, diffviewer.export.common/scheme/pairs and
diffviewer.ui.cells/palette/tips/unified.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication

from diffviewer.core.model import (
    ChangeType,
    Comparison,
    Kind,
    OpTag,
    RowStatus,
)
from diffviewer.export.common import TYPE_LABELS
from diffviewer.export.pairs import (
    column_pairs,
    gap_note,
    highlight_chip,
    paragraph_notes,
    whole_diff_columns,
)
from diffviewer.export.scheme import MARKS
from diffviewer.ui.cells import (
    ROLE_GETTERS,
    CellInfo,
    describe_kind,
    word_spans,
)
from diffviewer.ui.palette import StatusColours, colours_for
from diffviewer.ui.tips import cell_tooltip, load_rule_set, version_facts
from diffviewer.ui.unified import unified

if TYPE_CHECKING:
    from diffviewer.core.rules import RuleSet

# The reports' words for the change types ("edited", not "changed"): one vocabulary.
_TYPE_LABELS = TYPE_LABELS


class ComparisonModel(QAbstractTableModel):
    """Rows × versions over a Comparison, with the hidden-kinds and typographic filters."""

    _CACHE_LIMIT = 4096

    paragraph_edited = Signal(int, int, str)
    """The user typed a new text for a cell: (row, column, text); see ``set_editable``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._editable = False
        self._modified: frozenset[int] = frozenset()
        self._comparison: Comparison | None = None
        self._colours: StatusColours = colours_for(QGuiApplication.palette())
        self._hidden_kinds: frozenset[Kind] = frozenset()
        self._hide_typographic = False
        self._towards_next = False
        self._column_pairs: list[tuple[int, int]] = []
        self._whole_columns: frozenset[int] = frozenset()
        self._row_changes: dict[int, list[int]] = {}
        self._cache: dict[tuple[int, int], CellInfo] = {}
        self._facts: dict[int, str] = {}
        self._rules_files: tuple[str, ...] = ()
        self._rule_set: RuleSet | None = None
        self._rules_read = False

    # ----------------------------------------------------------------- setup
    def set_comparison(
        self, comparison: Comparison | None, rules_files: Iterable[str] = ()
    ) -> None:
        """Show ``comparison``, made with the user's ``rules_files`` (their rules' descriptions
        go in the kind badges' tooltips)."""
        self.beginResetModel()
        self._comparison = comparison
        self._rules_files = tuple(rules_files)
        self._rules_read = False  # Read again when needed: the files may have changed since.
        self._cache.clear()
        self._facts.clear()
        self._index_changes()
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_colours(self, colours: StatusColours) -> None:
        self._colours = colours
        self._cache.clear()
        self._refresh()

    def colours(self) -> StatusColours:
        return self._colours

    def set_hidden_kinds(self, kinds: Iterable[Kind]) -> None:
        hidden = frozenset(kinds)
        if hidden != self._hidden_kinds:
            self._hidden_kinds = hidden
            self._cache.clear()
            self._refresh()

    def set_highlight_next(self, towards_next: bool) -> None:
        """Highlight in each column the changes to the next version (else from the previous)."""
        if towards_next != self._towards_next:
            self._towards_next = towards_next
            self._index_changes()
            self._cache.clear()
            self._refresh()
            if self.columnCount():
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def highlight_next(self) -> bool:
        return self._towards_next

    def highlight_chip(self, column: int, *, short: bool = False) -> str:
        """What the column's highlights refer to, for three or more versions ("" for two);
        ``short``: the narrow column's form ("← from v1")."""
        comparison = self._comparison
        if comparison is None or len(comparison.versions) < 3:
            return ""
        return highlight_chip(comparison, column, self._towards_next, short=short)

    def hidden_kinds(self) -> frozenset[Kind]:
        return self._hidden_kinds

    def set_hide_typographic(self, hide: bool) -> None:
        if hide != self._hide_typographic:
            self._hide_typographic = hide
            self._cache.clear()
            self._refresh()

    def is_hidden(self, change_index: int) -> bool:
        """Whether the change at ``change_index`` is filtered out (quiet, skipped by navigation)."""
        assert self._comparison is not None
        change = self._comparison.changes[change_index]
        return change.kind in self._hidden_kinds or (self._hide_typographic and change.typographic)

    def collapsed_rows(self) -> list[int]:
        """Rows that show changes and only changes of hidden kinds (the view collapses them)."""
        comparison = self._comparison
        hidden = self._hidden_kinds
        if comparison is None or not hidden:
            return []
        changes = comparison.changes
        return [
            row
            for row, numbers in self._row_changes.items()
            if all(changes[number].kind in hidden for number in numbers)
        ]

    def row_mark(self, row: int) -> str:
        """The row's non-colour cue (− + ~ ↕ ⇄) for its first shown change, "" for none."""
        comparison = self._comparison
        if comparison is None:
            return ""
        for number in self._row_changes.get(row, ()):
            if not self.is_hidden(number):
                change_type = comparison.changes[number].type
                return MARKS[RowStatus(change_type.value)]
        return ""

    def row_changes(self, row: int) -> list[int]:
        """Indexes of the changes shown in ``row``."""
        return self._row_changes.get(row, [])

    def _refresh(self) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _index_changes(self) -> None:
        """Which changes show in each row. Which change a cell shows is found when the cell
        is first built (``_change_of_cell``): most cells are never on screen, and indexing
        them all took ~30 ms at 50,000 paragraphs, before the first paint."""
        self._row_changes.clear()
        comparison = self._comparison
        if comparison is None:
            return
        # Each column shows the changes of one compared pair, the one its header names (see
        # ui/history.py): with 3+ versions a middle column never mixes two pairs' marks.
        shown = self._column_pairs = column_pairs(comparison, self._towards_next)
        self._whole_columns = whole_diff_columns(shown, self._towards_next)
        row_changes = self._row_changes
        for number, change in enumerate(comparison.changes):
            for row in change.rows:
                numbers = row_changes.get(row)
                if numbers is None:
                    row_changes[row] = [number]
                else:
                    numbers.append(number)

    def _change_of_cell(self, row: int, column: int) -> int:
        """The change a cell shows (-1 for none): the first of the row's changes, in the
        comparison's order, that holds the cell's paragraph on its side of the pair the
        column shows."""
        comparison = self._comparison
        assert comparison is not None
        cell = comparison.rows[row].cells[column]
        if cell is None:
            return -1
        shown = self._column_pairs[column]
        for number in self._row_changes.get(row, ()):
            change = comparison.changes[number]
            if (change.from_version, change.to_version) != shown:
                continue
            if (change.from_version == column and cell in change.old) or (
                change.to_version == column and cell in change.new
            ):
                return number
        return -1

    # ---------------------------------------------------------------- Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.versions)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._comparison is not None and self._comparison.first_look:
            return flags  # An edit needs the comparison, which is still being made.
        # Editable only so a double-click opens the read-only text editor for selecting words.
        return flags | Qt.ItemFlag.ItemIsEditable

    def set_editable(self, editable: bool) -> None:
        """Whether a cell's editor takes typing (the text goes out as ``paragraph_edited``)."""
        self._editable = editable

    def is_editable(self) -> bool:
        return self._editable

    def set_modified(self, columns: Iterable[int]) -> None:
        """Versions with unsaved edits: their header names get a mark."""
        modified = frozenset(columns)
        if modified != self._modified:
            self._modified = modified
            if self.columnCount():
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 0
    ) -> bool:
        """A typed text is not kept here: it goes out as ``paragraph_edited``, and the new
        comparison comes back through ``set_comparison``."""
        if not (self._editable and index.isValid() and role == Qt.ItemDataRole.EditRole):
            return False
        if str(value) == self.cell_text(index.row(), index.column()):
            return False
        self.paragraph_edited.emit(index.row(), index.column(), str(value))
        return True

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        info = self.cell(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return info.text or ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._cell_colour(info)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(self._comparison, index.row(), info)
        return self._custom_role(info, role)

    def _custom_role(self, info: CellInfo, role: int) -> Any:
        getter = ROLE_GETTERS.get(role)
        return getter(info) if getter is not None else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        comparison = self._comparison
        if comparison is None or orientation == Qt.Orientation.Vertical:
            return self._row_header(section, role) if comparison is not None else None
        if not 0 <= section < len(comparison.versions):
            return None
        version = comparison.versions[section]
        if role == Qt.ItemDataRole.DisplayRole:
            facts = self._facts.get(section)
            if facts is None:  # Version.words sums every paragraph: once per comparison
                facts = self._facts[section] = version_facts(comparison, section)
            mark = " ●" if section in self._modified else ""
            return f"{version.name}{mark}\n{facts}"
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        confidence = f"confidence {version.confidence:.0%}"
        lines = [version.path or version.name, version_facts(comparison, section)]
        lines.append(f"Encoding {version.encoding} ({confidence}); click to change")
        chip = self.highlight_chip(section)
        if chip:
            lines.append(f"Highlights: {chip} (View › Highlight Changes to the Next Version)")
        lines.extend(version.warnings)
        return "\n".join(lines)

    def _row_header(self, section: int, role: int) -> str | None:
        """The row number with the row's change mark ("− 12"), its tooltip the change types."""
        if role == Qt.ItemDataRole.DisplayRole:
            mark = self.row_mark(section)
            return f"{mark} {section + 1}" if mark else str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and self._comparison is not None:
            changes = self._comparison.changes
            words = [
                _TYPE_LABELS[changes[n].type]
                for n in self.row_changes(section)
                if not self.is_hidden(n)
            ]
            return f"Row {section + 1}: {', '.join(words)}" if words else None
        return None

    # --------------------------------------------------------------- cells
    def cell(self, row: int, column: int) -> CellInfo:
        """Everything the delegate needs to paint one cell (cached)."""
        key = (row, column)
        info = self._cache.get(key)
        if info is None:
            if len(self._cache) >= self._CACHE_LIMIT:
                self._cache.clear()
            info = self._cache[key] = self._build_cell(row, column)
        return info

    def _rule_description(self, name: str) -> str:
        if not self._rules_read:
            self._rule_set = load_rule_set(self._rules_files)
            self._rules_read = True
        if self._rule_set is None:
            return ""
        from diffviewer.core.kinds import describe_rule

        return describe_rule(self._rule_set, name)

    def _build_cell(self, row: int, column: int) -> CellInfo:
        comparison = self._comparison
        assert comparison is not None
        the_row = comparison.rows[row]
        index = the_row.cells[column]
        if index is None:
            return self._gap_cell(row, column)
        paragraph = comparison.paragraph(column, index)
        number = self._change_of_cell(row, column)
        change = comparison.changes[number] if number >= 0 else None
        status = self._cell_status(row, column)
        quiet = change is not None and self.is_hidden(number)
        typographic = change is not None and change.typographic
        spans: tuple[tuple[int, int, OpTag], ...] = ()
        move_link = None
        shown_text: str | None = None
        insertions: tuple[tuple[int, int], ...] = ()
        if change is not None:
            old_side = change.from_version == column and index in change.old
            both = (
                change.type is ChangeType.CHANGED
                and column in self._whole_columns
                and not quiet
                and len(change.old) == 1
                and len(change.new) == 1
            )
            whole = (
                unified(change.word_ops, OpTag.DELETE if old_side else OpTag.INSERT, paragraph.text)
                if both
                else None
            )
            if whole is not None:
                shown_text, spans, insertions = whole.shown, whole.spans, whole.insertions
            elif change.type is ChangeType.CHANGED:
                spans = word_spans(change, old_side, paragraph.text)
            elif change.type is ChangeType.MOVED and len(change.rows) == 2:
                left, arrived = comparison.move_rows(change)
                if old_side:
                    move_link = (f"↳ moved to row {arrived + 1}", arrived)
                else:
                    move_link = (f"↰ moved from row {left + 1}", left)
        badge = None if paragraph.kind is Kind.BODY else paragraph.kind.label.upper()
        tip = describe_kind(paragraph, self._rule_description(paragraph.rule)) if badge else ""
        return CellInfo(
            paragraph.text,
            paragraph,
            status,
            number,
            spans,
            badge,
            tip,
            move_link,
            quiet,
            typographic,
            shown_text,
            insertions,
            self._paragraph_note(row, column),
        )

    def _pair_change(self, row: int, pair: tuple[int, int]) -> int:
        """The change of ``pair`` shown in ``row``, -1 for none."""
        assert self._comparison is not None
        changes = self._comparison.changes
        for number in self._row_changes.get(row, ()):
            if (changes[number].from_version, changes[number].to_version) == pair:
                return number
        return -1

    def _gap_cell(self, row: int, column: int) -> CellInfo:
        """A version without a paragraph in ``row``. With 3+ versions, a gap where the
        column's pair removed the paragraph (or, showing changes to the next version, where it
        adds one) is the change itself: it takes the change's colour and says so."""
        comparison = self._comparison
        assert comparison is not None
        pair = self._column_pairs[column]
        note = gap_note(comparison, row, column, pair)
        number = self._pair_change(row, pair) if note else -1
        if not note or (number >= 0 and self.is_hidden(number)):
            return CellInfo(None, None, None, -1, (), None, "", None, False, False)
        status = RowStatus.REMOVED if note.startswith("removed") else RowStatus.INSERTED
        note = f"{MARKS[status]} {note}"
        return CellInfo(None, None, status, number, (), None, "", None, False, False, note=note)

    def _paragraph_note(self, row: int, column: int) -> str:
        """With 3+ versions: "− removed in v3" on a paragraph the next version drops (or
        "+ added, not in v2") when the column shows another pair, whose colour cannot say it."""
        comparison = self._comparison
        assert comparison is not None
        for pair, status, words in paragraph_notes(
            comparison, row, column, self._column_pairs[column]
        ):
            number = self._pair_change(row, pair)
            if number < 0 or not self.is_hidden(number):
                return f"{MARKS[status]} {words}"
        return ""

    def _cell_status(self, row: int, column: int) -> RowStatus:
        comparison = self._comparison
        assert comparison is not None
        links = comparison.rows[row].links
        shown = self._column_pairs[column]
        for k, pair in enumerate(comparison.pairs):
            if pair == shown:
                link = links[k] if k < len(links) else None
                return link or RowStatus.EQUAL
        return RowStatus.EQUAL

    def _cell_colour(self, info: CellInfo) -> Any:
        colours = self._colours
        if info.text is None:
            return colours.filler if info.status is None else colours.background(info.status)
        if info.quiet or info.status is None:
            return colours.base
        if info.typographic and info.status is RowStatus.CHANGED:
            return colours.typographic
        return colours.background(info.status)

    def display_status(self, info: CellInfo) -> RowStatus | None:
        """The status the cell is painted with after the filters (EQUAL when quiet)."""
        if info.text is None:
            return None
        return RowStatus.EQUAL if info.quiet else info.status

    def cell_text(self, row: int, column: int) -> str:
        """The paragraph text of a cell ("" for a gap), read from the comparison: find walks
        every cell, and building each one's ``CellInfo`` would take it seconds at 50,000 rows."""
        assert self._comparison is not None
        index = self._comparison.rows[row].cells[column]
        return "" if index is None else self._comparison.paragraph(column, index).text
