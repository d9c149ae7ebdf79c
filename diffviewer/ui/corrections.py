"""Corrections by hand: a kind ("This is…"), kept as a rule on request; a pair ("Pair with…").

``KindCorrections`` holds the window's corrections (paragraph key → kind) for the session and
lays them over every comparison the worker delivers (``core.corrections``), so the badges, the
change list, the summary and the exports agree. Choosing the kind the rules gave drops the
correction. "Remember for this site…" opens the rule editor on a drafted rule; once saved to
the user's rules file, that file joins the compare options' rules files and the next
comparison classifies with it. "Pair With…" on a removed or inserted paragraph lists the
paragraphs of the other side it can be paired with (``core.handpairs``); the pair shows as an
edit with a word diff until "Unpair". Both kinds of correction last for the session and are laid
over each new comparison (pairs first, then kinds), so exports carry them; each is a step on
the window's undo stack, beside the edits.
Imports: PySide6, ``core`` (corrections, model), ``ui`` (settings, dialogs.rules).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QActionGroup, QUndoCommand
from PySide6.QtWidgets import QDialog, QMenu

from diffviewer.core.corrections import apply_corrections, rule_for
from diffviewer.core.errors import DiffViewerError
from diffviewer.core.handpairs import HandPair, pair_all, pairable
from diffviewer.core.model import Change, ChangeType, Comparison, Kind, Paragraph
from diffviewer.ui.dialogs.rules import RuleDialog, UserRulesDialog, read_drafts, write_drafts

if TYPE_CHECKING:
    from diffviewer.ui.mainwindow import MainWindow


_Layers = tuple[dict[str, Kind], list[HandPair]]


class _LayersCommand(QUndoCommand):
    """A step of the corrections: kinds and pairs before and after."""

    def __init__(self, owner: KindCorrections, label: str, before: _Layers, after: _Layers) -> None:
        super().__init__(label)
        self._owner, self._before, self._after = owner, before, after

    def redo(self) -> None:
        self._owner.set_layers(*self._after)

    def undo(self) -> None:
        self._owner.set_layers(*self._before)


class KindCorrections(QObject):
    """The kinds corrected by hand in one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.corrections: dict[str, Kind] = {}
        self.pairs: list[HandPair] = []
        self._raw: Comparison | None = None
        self.rules_path = ""
        """The user's rules file (``dialogs.rules.user_rules_path`` unless a test says)."""
        window.editing.context_menu_hook = self.add_to_menu
        window.acts["edit_user_rules"].triggered.connect(self.show_rules)

    def apply(self, comparison: Comparison | None) -> Comparison | None:
        """``comparison`` as the rules made it, with the corrections laid over it."""
        self._raw = comparison
        if comparison is None:
            return None
        return apply_corrections(pair_all(comparison, self.pairs), self.corrections)

    def correct(self, paragraph: Paragraph, kind: Kind) -> None:
        """Paragraphs like ``paragraph`` are of ``kind`` from now on (this session; undoable)."""
        corrections = dict(self.corrections)
        if kind == self._ruled_kind(paragraph.key):
            corrections.pop(paragraph.key, None)
        else:
            corrections[paragraph.key] = kind
        label = f"Mark “{' '.join(paragraph.key.split()[:6])}…” as {kind.label}"
        self._push(label, corrections, list(self.pairs))

    def _push(self, label: str, corrections: dict[str, Kind], pairs: list[HandPair]) -> None:
        """One undoable step (on the window's undo stack) to these corrections."""
        if (corrections, pairs) != (self.corrections, self.pairs):
            before = (dict(self.corrections), list(self.pairs))
            self.window.editing.undo_stack.push(
                _LayersCommand(self, label, before, (corrections, pairs))
            )

    def set_layers(self, corrections: dict[str, Kind], pairs: list[HandPair]) -> None:
        self.corrections, self.pairs = dict(corrections), list(pairs)
        self._reshow()

    def _ruled_kind(self, key: str) -> Kind | None:
        if self._raw is None:
            return None
        for version in self._raw.versions:
            for paragraph in version.paragraphs:
                if paragraph.key == key:
                    return paragraph.kind
        return None

    def _reshow(self) -> None:
        if self._raw is not None:
            self.window.show_corrected(self.apply(self._raw))

    def pair(self, pair: HandPair) -> None:
        """Show the two paragraphs as one edit from now on (this session; undoable)."""
        if pair not in self.pairs:
            self._push("Pair two paragraphs", dict(self.corrections), [*self.pairs, pair])

    def unpair(self, pair: HandPair) -> None:
        if pair in self.pairs:
            pairs = [p for p in self.pairs if p != pair]
            self._push("Unpair two paragraphs", dict(self.corrections), pairs)

    def _hand_pair_of(self, comparison: Comparison, change: Change) -> HandPair | None:
        if change.type is not ChangeType.CHANGED:
            return None
        pair = HandPair(
            change.from_version,
            comparison.paragraph(change.from_version, change.old[0]).key,
            change.to_version,
            comparison.paragraph(change.to_version, change.new[0]).key,
        )
        return pair if pair in self.pairs else None

    def _add_pairing(self, menu: QMenu, comparison: Comparison, row: int, column: int) -> None:
        """ "Pair With…" (a removed or inserted paragraph) or "Unpair" (a hand-made pair)."""
        raw = self._raw
        cell = comparison.rows[row].cells[column]
        for change in comparison.changes:
            if row not in change.rows:
                continue
            made = self._hand_pair_of(comparison, change)
            if made is not None and cell in (change.old + change.new):
                action = menu.addAction("Unpair")
                action.setObjectName("unpair")
                action.triggered.connect(lambda _c=False, p=made: self.unpair(p))
                return
        if raw is None or cell is None:
            return
        submenu = QMenu("Pair With…", menu)
        submenu.setObjectName("pair_menu")
        key = comparison.paragraph(column, cell).key
        for change in comparison.changes:
            if change.type is ChangeType.REMOVED and change.from_version == column:
                mine, other = change, ChangeType.INSERTED
            elif change.type is ChangeType.INSERTED and change.to_version == column:
                mine, other = change, ChangeType.REMOVED
            else:
                continue
            if row not in mine.rows:
                continue
            for candidate in comparison.changes:
                if candidate.type is not other or (
                    candidate.from_version,
                    candidate.to_version,
                ) != (
                    mine.from_version,
                    mine.to_version,
                ):
                    continue
                if other is ChangeType.INSERTED:
                    theirs = comparison.paragraph(candidate.to_version, candidate.new[0])
                    pair = HandPair(mine.from_version, key, mine.to_version, theirs.key)
                else:
                    theirs = comparison.paragraph(candidate.from_version, candidate.old[0])
                    pair = HandPair(mine.from_version, theirs.key, mine.to_version, key)
                if not pairable(comparison, pair):
                    continue
                words = " ".join(theirs.key.split()[:8])
                action = submenu.addAction(f"Row {candidate.rows[0] + 1}: {words}…")
                action.triggered.connect(lambda _c=False, p=pair: self.pair(p))
        if submenu.actions():
            menu.addMenu(submenu)

    def add_to_menu(self, menu: QMenu, row: int, column: int) -> None:
        comparison = self.window.comparison()
        if comparison is None:
            return
        cell = comparison.rows[row].cells[column]
        menu.addSeparator()
        self._add_pairing(menu, comparison, row, column)
        if cell is None:
            return
        paragraph = comparison.paragraph(column, cell)
        kinds = menu.addMenu("This Is…")
        kinds.setObjectName("kind_menu")
        group = QActionGroup(kinds)
        for kind in Kind:
            action = kinds.addAction(kind.label.capitalize())
            action.setObjectName(f"kind_{kind.value}")
            action.setCheckable(True)
            action.setChecked(kind is paragraph.kind)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, k=kind: self.correct(paragraph, k))
        remember = menu.addAction("Remember for This Site…")
        remember.setObjectName("remember_kind")
        remember.triggered.connect(lambda: self.remember(paragraph, column))

    def _path(self) -> str:
        if not self.rules_path:
            from diffviewer.ui.dialogs.rules import user_rules_path

            self.rules_path = user_rules_path(self.window.settings.file_name())
        return self.rules_path

    def remember(self, paragraph: Paragraph, column: int) -> bool:
        """Draft a rule for ``paragraph``'s kind, let the user edit it, save it, use it."""
        comparison = self.window.comparison()
        site = ""
        if comparison is not None:
            site = os.path.splitext(comparison.versions[column].name)[0]
        dialog = RuleDialog(rule_for(paragraph.key, paragraph.kind, site), paragraph.key)
        dialog.setParent(self.window, dialog.windowFlags())
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.save_rule(dialog):
                self.corrections.pop(paragraph.key, None)  # the rule says it now
                return True
        return False

    def save_rule(self, dialog: RuleDialog) -> bool:
        """Append the dialog's rule to the user's file and compare with it; False (the
        problem shown in the dialog) if it does not load."""
        path = self._path()
        try:
            drafts = [d for d in read_drafts(path) if d.name != dialog.draft().name]
            write_drafts(path, [dialog.draft(), *drafts])
        except DiffViewerError as error:
            dialog.show_problem(str(error))
            return False
        self._use_rules_file(path)
        return True

    def _use_rules_file(self, path: str) -> None:
        """Compare with ``path`` among the rules files (first), or again if it already is."""
        window = self.window
        files = tuple(window.options.rules_files)
        if path not in files:
            from dataclasses import replace

            options = replace(window.options, rules_files=(path, *files))
            window.settings.set_compare_options(options)
            window.set_options(options)
        else:
            window.recompare()

    def show_rules(self) -> None:
        dialog = UserRulesDialog(self._path(), self.window)
        dialog.rules_changed.connect(lambda: self._use_rules_file(self._path()))
        dialog.open()
