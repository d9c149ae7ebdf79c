"""Saving edited versions: File › Save and Save As, and the question before edits are dropped.

``SaveCommands`` is a mixin of ``EditController`` (ui/editing.py), which it relies on for
``window``, ``comparison``, ``document``, ``modified_paths``, ``is_modified``, ``forget``,
``_open``, ``_refuse``, ``_current_column``, ``_docs``, ``_show_marks`` and
``modified_changed``. Saving writes the version's own encoding, newline style and BOM (the bytes
and the questions are ``ui.saving``'s) through ``export.atomic`` (atomically: the old file is
intact on failure), refuses a file whose bytes changed on disk since they were read (offering
Reload or Save As), and saves the bundled example only as a copy the user names.
Imports: PySide6.QtWidgets, ``assets``, ``core`` (editing, errors), ``export.atomic`` and
``ui`` (errors, saving; ``editing`` inside ``save_as`` only, for ``EditRefused``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable

from PySide6.QtWidgets import QFileDialog

from diffviewer.assets import example_paths
from diffviewer.core.editing import SourceFile
from diffviewer.core.errors import ExportError
from diffviewer.export.atomic import write_atomic
from diffviewer.ui import saving
from diffviewer.ui.errors import show_error
from diffviewer.ui.saving import Button, encoded_for_saving


class SaveCommands:
    """Save, Save As, and Save / Discard / Cancel before edits would be lost."""

    def save(self) -> bool:
        """Save every version with unsaved edits; False if one was not saved."""
        paths = self.modified_paths()
        if not paths:
            self.window.statusBar().showMessage("No unsaved edits.", 3000)
            return True
        return all([self.save_path(path) for path in paths])

    def save_as(self) -> bool:
        """Save the current column's version (edited or not) under a new name."""
        comparison = self.comparison()
        column = self._current_column()
        if comparison is None:
            return False
        if column < 0:
            modified = self.modified_paths()
            paths = [v.path for v in comparison.versions]
            column = paths.index(modified[0]) if modified else len(paths) - 1
        from diffviewer.ui.editing import EditRefused  # here: editing.py imports this module

        try:
            doc, _ = self._open(column)
        except EditRefused as error:
            self._refuse(error)
            return False
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, "Save version as", doc.source.path, "Text files (*.txt);;All files (*)"
        )
        if not chosen:
            return False
        return self.save_path(doc.source.path, chosen)

    def save_path(self, path: str, destination: str | None = None) -> bool:
        """Write the edited text of ``path`` to ``destination`` (default: ``path`` itself)."""
        doc = self.document(path)
        if doc is None:
            return False
        source = doc.source
        if destination is None and _is_bundled_example(source.path):
            # The example belongs to the installation: Save writes a copy the user names.
            destination, _filter = QFileDialog.getSaveFileName(
                self.window,
                "Save a copy of the example",
                os.path.join(os.path.expanduser("~"), os.path.basename(source.path)),
                "Text files (*.txt);;All files (*)",
            )
            if not destination:
                return False
        dest = os.path.abspath(destination or source.path)
        if dest == source.path and source.changed_on_disk():
            return self._changed_on_disk(source.path)
        encoded = encoded_for_saving(self.window, doc)
        if encoded is None:
            return False
        data, encoding, bom = encoded
        try:
            write_atomic(dest, data)
        except ExportError as error:
            name = os.path.basename(dest)
            show_error(self.window, "Cannot save", f"{error}\n\n{name} on disk was not changed.")
            return False
        loaded = dataclasses.replace(
            source.loaded,
            text=doc.text,
            path=dest,
            name=os.path.basename(dest),
            encoding="utf-8-sig" if bom and encoding == "utf-8" else encoding,
        )
        digest = hashlib.sha256(data).hexdigest()
        doc.source = SourceFile(dest, loaded, digest, bom, True)
        doc.saved = doc.text
        self.window.watcher.acknowledge([dest])
        self.window.statusBar().showMessage(f"Saved {os.path.basename(dest)}.", 4000)
        if dest != source.path:
            self._docs[dest] = self._docs.pop(source.path)
            for column, open_path in enumerate(self.window.paths):
                if os.path.abspath(open_path) == source.path:
                    self.window.versions.rename(column, dest)
        elif encoding != source.encoding:
            self.window.recompare()  # The header shows the encoding written.
        self.modified_changed.emit()
        self._show_marks()
        return True

    def _changed_on_disk(self, path: str) -> bool:
        """The file changed since it was read: offer Reload or Save As; True if saved."""
        choice = saving.ask(
            self.window,
            "File changed on disk",
            f"{os.path.basename(path)} changed on disk since it was read; saving would "
            "overwrite those changes.\n\nReload it (your edits to it are lost), or save your "
            "version under another name?",
            (Button.Reset, Button.Save, Button.Cancel),
            Button.Cancel,
            {Button.Reset: "&Reload", Button.Save: "Save &As…"},
        )
        if choice == Button.Reset:
            self.forget([path])
            self.window.reload()
        elif choice == Button.Save:
            return self.save_as_path(path)
        return False

    def save_as_path(self, path: str) -> bool:
        doc = self.document(path)
        if doc is None:
            return False
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, "Save version as", path, "Text files (*.txt);;All files (*)"
        )
        return bool(chosen) and self.save_path(path, chosen)

    def confirm_discard(self, paths: Iterable[str] | None = None, doing: str = "closing") -> bool:
        """Before ``doing`` something that drops edits: Save / Discard / Cancel. True: go on."""
        chosen = (
            self.modified_paths() if paths is None else [p for p in paths if self.is_modified(p)]
        )
        if not chosen:
            return True
        names = ", ".join(os.path.basename(path) for path in chosen)
        choice = saving.ask(
            self.window,
            "Unsaved edits",
            f"{names} {'has' if len(chosen) == 1 else 'have'} unsaved edits. Save them before "
            f"{doing}?",
            (Button.Save, Button.Discard, Button.Cancel),
            Button.Save,
        )
        if choice == Button.Save:
            return all([self.save_path(path) for path in chosen])
        return choice == Button.Discard


def _is_bundled_example(path: str) -> bool:
    """Whether ``path`` is one of the example files shipped with the app."""
    real = os.path.realpath(path)
    return any(os.path.realpath(example) == real for example in example_paths())
