"""Acting on a comparison: edit a paragraph in place, copy changes across, undo, save.

``EditController`` belongs to one main window. The first edit of a version reads its file for
editing (``core.editing.read_source``: bytes, codec, BOM); from then on the window compares that
version's edited text instead of the file (``amend`` puts it into the worker's request), until
it is saved, or the edits are discarded. Every edit or copy is one command on the window's
``QUndoStack`` holding whole texts before and after, so undo and redo are exact; each step asks
the worker for a new comparison (on screen 27 ms after the key press for the seed pair, 0.6 s
for 5,000 paragraphs: ``bench/edit_step.py``), and no edit is taken while the comparison of an
earlier one is on its way (its row numbers would be stale).

Saving is the ``SaveCommands`` mixin (``ui.save_commands``; questions and bytes in
``ui.saving``): it writes the version's own encoding, newline style and BOM atomically, refuses
a file whose bytes changed on disk since they were read (offering Reload or Save As), and asks
before writing UTF-8 when the encoding cannot hold the text. Files are never written but by
File › Save or Save As.
Imports: PySide6, ``core`` (editing, errors, model, paragraphs) and ``ui`` (save_commands,
saving).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu

from diffviewer.core.editing import (
    EditableText,
    apply_splices,
    copy_across,
    read_source,
    with_text,
)
from diffviewer.core.errors import DiffViewerError
from diffviewer.core.model import Comparison
from diffviewer.core.paragraphs import split_paragraphs
from diffviewer.ui.save_commands import SaveCommands
from diffviewer.ui.saving import Document

if TYPE_CHECKING:
    from diffviewer.ui.mainwindow import MainWindow
    from diffviewer.ui.worker import Request


class EditRefused(DiffViewerError):
    """An edit cannot be made now; the message says why and what to do."""


class _TextsCommand(QUndoCommand):
    """One user step: the whole texts of the versions it touched, before and after."""

    def __init__(
        self,
        controller: EditController,
        label: str,
        texts: list[tuple[Document, str, str]],
    ) -> None:
        super().__init__(label)
        self._controller = controller
        self._texts = texts

    def redo(self) -> None:
        self._controller.set_texts([(doc, after) for doc, _before, after in self._texts])

    def undo(self) -> None:
        self._controller.set_texts([(doc, before) for doc, before, _after in self._texts])


class EditController(SaveCommands, QObject):
    """Edits, copies, undo and saving for one main window."""

    modified_changed = Signal()
    """The set of versions with unsaved edits changed (title and headers follow)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = QUndoStack(self)
        self._docs: dict[str, Document] = {}
        self._waiting = False
        self._last_edit: tuple[int, int, str] | None = None
        acts = window.acts
        triggered: dict[str, Callable[[], object]] = {
            "file_save": self.save,
            "file_save_as": self.save_as,
            "edit_undo": self.undo_stack.undo,
            "edit_redo": self.undo_stack.redo,
            "edit_paragraph": self.edit_current,
            "edit_copy_left": lambda: self.copy_selection_by(-1),
            "edit_copy_right": lambda: self.copy_selection_by(+1),
        }
        for action_id, slot in triggered.items():
            acts[action_id].triggered.connect(slot)
        self.undo_stack.canUndoChanged.connect(acts["edit_undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(acts["edit_redo"].setEnabled)
        # Methods, not lambdas: Qt drops them with this object, before the stack (its child)
        # is cleared as the window goes, when the actions may already be gone.
        self.undo_stack.undoTextChanged.connect(self._undo_text)
        self.undo_stack.redoTextChanged.connect(self._redo_text)
        acts["edit_undo"].setEnabled(False)
        acts["edit_redo"].setEnabled(False)
        table = window.view.table()
        self.model = window.view.table().model()
        self.model.set_editable(True)  # type: ignore[attr-defined]
        self.model.paragraph_edited.connect(self.edit_cell)  # type: ignore[attr-defined]
        table.installEventFilter(self)  # Enter edits (``activated`` would fire on a single
        # click too where the style activates items that way, as KDE's may).
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        window.worker.finished.connect(self._on_compared)
        window.worker.failed.connect(self._on_failed)
        window.worker.cancelled.connect(self._on_failed)
        self.context_menu_hook: Callable[[QMenu, int, int], None] | None = None
        """Adds entries to a cell's context menu (row, column): the kind corrections."""

    def _undo_text(self, text: str) -> None:
        _tip(self.window.acts["edit_undo"], "Undo", text)

    def _redo_text(self, text: str) -> None:
        _tip(self.window.acts["edit_redo"], "Redo", text)

    # ------------------------------------------------------------------ state
    def comparison(self) -> Comparison | None:
        return self.window.comparison()

    def document(self, path: str) -> Document | None:
        return self._docs.get(os.path.abspath(path))

    def is_modified(self, path: str) -> bool:
        doc = self.document(path)
        return doc is not None and doc.modified

    def modified_paths(self) -> list[str]:
        return [path for path in self.window.paths if self.is_modified(path)]

    def waiting(self) -> bool:
        """An edit's comparison is on its way: no further edit until it is shown."""
        return self._waiting

    def amend(self, request: Request) -> Request:
        """The worker's request with the edited texts in place of their files."""
        texts = tuple(
            with_text(doc.source, doc.text) if doc is not None else None
            for doc in map(self._docs.get, request.paths)
        )
        if not any(texts):
            return request
        return dataclasses.replace(request, texts=texts)

    def forget(self, paths: Iterable[str] | None = None) -> None:
        """Drop the edits of ``paths`` (all: None), e.g. before reading the files again."""
        chosen = list(self._docs) if paths is None else [os.path.abspath(p) for p in paths]
        dropped = [self._docs.pop(path) for path in chosen if path in self._docs]
        if dropped:
            self.undo_stack.clear()  # Its steps would act on texts no longer shown.
            self.modified_changed.emit()
        self._show_marks()

    def set_texts(self, texts: list[tuple[Document, str]]) -> None:
        """Give documents new texts (an undo step does) and compare again."""
        for doc, text in texts:
            doc.text = text
        self._waiting = True
        self.modified_changed.emit()
        self.window.recompare()

    def _on_compared(self, _comparison: Comparison) -> None:
        self._waiting = False
        self._show_marks()

    def _on_failed(self, *_args: object) -> None:
        self._waiting = False

    def _show_marks(self) -> None:
        comparison = self.comparison()
        columns = []
        if comparison is not None:
            columns = [
                n for n, v in enumerate(comparison.versions) if v.path and self.is_modified(v.path)
            ]
        self.model.set_modified(columns)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ documents
    def _open(self, column: int) -> tuple[Document, EditableText]:
        """The document of the comparison's ``column``, read for editing on first use."""
        if self._waiting:
            raise EditRefused("The comparison of the last edit is not shown yet; try again.")
        comparison = self.comparison()
        if comparison is None or not 0 <= column < len(comparison.versions):
            raise EditRefused("Open two versions first.")
        version = comparison.versions[column]
        if version.path is None:
            raise EditRefused(f"{version.name} is not a file and cannot be edited.")
        path = os.path.abspath(version.path)
        doc = self._docs.get(path)
        if doc is None:
            try:
                source = read_source(
                    path, self.window.versions.encoding(column), known=version.encoding
                )
            except DiffViewerError as error:
                raise EditRefused(str(error)) from None
            shown = [p.text for p in version.paragraphs]
            if [raw.text for raw in split_paragraphs(source.loaded.text)] != shown:
                raise EditRefused(
                    f"{version.name} changed on disk since it was compared. "
                    "Reload it (F5) before editing."
                )
            doc = self._docs[path] = Document(source, source.loaded.text, source.loaded.text)
        return doc, EditableText.parse(doc.text)

    def _push(self, label: str, texts: list[tuple[Document, str, str]]) -> bool:
        texts = [(doc, before, after) for doc, before, after in texts if before != after]
        if not texts:
            return False
        self.undo_stack.push(_TextsCommand(self, label, texts))
        return True

    def _refuse(self, error: EditRefused) -> None:
        self.window.statusBar().showMessage(str(error), 6000)

    # ------------------------------------------------------------------ edit in place
    def edit_current(self) -> None:
        """Open the editor on the current cell (F2; Enter and double-click do the same)."""
        self._edit_index(self.window.view.table().currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = self.window.view.table()
        if (
            watched is table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and table.state() != table.State.EditingState
            and table.currentIndex().row() not in table.fold_bars()  # Enter unfolds a bar
        ):
            self._edit_index(table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _edit_index(self, index: QModelIndex) -> None:
        table = self.window.view.table()
        if index.isValid() and table.state() != table.State.EditingState:
            table.edit(index)

    def edit_cell(self, row: int, column: int, text: str) -> bool:
        """The user typed ``text`` in a cell: it replaces the paragraph (empty: removes it), or
        goes in as a new paragraph when the cell was a gap."""
        comparison = self.comparison()
        if comparison is None or not 0 <= row < len(comparison.rows):
            return False
        if self._waiting and (row, column, text) == self._last_edit:
            return False  # The same text committed twice (Ctrl+Enter, then focus out).
        self._last_edit = (row, column, text)
        try:
            doc, editable = self._open(column)
        except EditRefused as error:
            self._refuse(error)
            return False
        cell = comparison.rows[row].cells[column]
        name = comparison.versions[column].name
        if cell is None:
            place = _place_below(comparison, row, column)
            edited = editable.inserted(place, text)
            label = f"Add a paragraph to {name}"
        else:
            edited = editable.replaced(cell, text)
            label = f"Edit paragraph {cell + 1} of {name}"
        return self._push(label, [(doc, doc.text, edited.text())])

    # ------------------------------------------------------------------ copy across
    def copy_selection_by(self, step: int) -> bool:
        """Copy the selected rows of the current column to the version ``step`` columns away."""
        column = self._current_column()
        comparison = self.comparison()
        if column < 0 or comparison is None:
            return False
        target = column + step
        if not 0 <= target < len(comparison.versions):
            return False
        return self.copy_rows(self._selected_rows(), column, target)

    def copy_rows(self, rows: list[int], source: int, target: int) -> bool:
        """Put the ``source`` column's paragraphs of ``rows`` into version ``target``."""
        comparison = self.comparison()
        if comparison is None or not rows or source == target:
            return False
        try:
            doc, editable = self._open(target)
        except EditRefused as error:
            self._refuse(error)
            return False
        splices = copy_across(comparison, rows, source, target)
        edited = apply_splices(editable, splices)
        names = comparison.versions[source].name, comparison.versions[target].name
        count = sum(1 for row in rows if comparison.rows[row].cells[source] is not None)
        label = f"Copy {count} paragraph{'s' if count != 1 else ''} from {names[0]} to {names[1]}"
        return self._push(label, [(doc, doc.text, edited.text())])

    def _current_column(self) -> int:
        index = self.window.view.table().currentIndex()
        return index.column() if index.isValid() else -1

    def _selected_rows(self) -> list[int]:
        table = self.window.view.table()
        rows = sorted({index.row() for index in table.selectionModel().selectedIndexes()})
        if not rows and table.currentIndex().isValid():
            rows = [table.currentIndex().row()]
        return rows

    def _context_menu(self, pos: QPoint) -> None:
        table = self.window.view.table()
        index = table.indexAt(pos)
        menu = self.cell_menu(index.row(), index.column()) if index.isValid() else None
        if menu is not None:
            menu.exec(table.viewport().mapToGlobal(pos))

    def cell_menu(self, row: int, column: int) -> QMenu | None:
        """The context menu of a cell: edit, copy to each other version, and the hook's."""
        comparison = self.comparison()
        if comparison is None:
            return None
        table = self.window.view.table()
        if row not in self._selected_rows():
            table.setCurrentIndex(table.model().index(row, column))
        else:  # Keep the selection; the clicked column is the source.
            selection = table.selectionModel()
            selection.setCurrentIndex(
                table.model().index(row, column), selection.SelectionFlag.NoUpdate
            )
        menu = QMenu(table)
        menu.setObjectName("cell_menu")
        edit = menu.addAction("Edit Paragraph")
        edit.triggered.connect(lambda: table.edit(table.model().index(row, column)))
        rows = self._selected_rows()
        has_text = any(comparison.rows[r].cells[column] is not None for r in rows)
        for target, version in enumerate(comparison.versions):
            if target == column:
                continue
            action = menu.addAction(f"Copy to v{target + 1} ({version.name})")
            action.setObjectName(f"copy_to_{target}")
            action.setEnabled(has_text)
            action.triggered.connect(
                lambda _c=False, t=target: self.copy_rows(self._selected_rows(), column, t)
            )
        if self.context_menu_hook is not None:
            self.context_menu_hook(menu, row, column)
        return menu


def _place_below(comparison: Comparison, row: int, column: int) -> int:
    """The index a paragraph typed into a gap at ``row`` takes in version ``column``."""
    for later in comparison.rows[row + 1 :]:
        if later.cells[column] is not None:
            return later.cells[column]  # type: ignore[return-value]
    return len(comparison.versions[column].paragraphs)


def _tip(action: QAction, verb: str, text: str) -> None:
    action.setText(f"&{verb} {text}" if text else f"&{verb}")
