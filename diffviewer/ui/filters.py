"""MenuToggles: the checkable menu actions that filter the view or set the compare options.

View › Filter Kinds (one action per kind, and Hide Boilerplate that checks the boilerplate kinds
at once), View › Hide Typographic-Only Edits, and the Compare menu. It keeps those actions, the
settings and the state in step, and tells the window what changed through signals; the window
passes it on to the view, the change list and the worker.
Imports: PySide6.QtCore, ``core`` (model, options), ``ui.actions`` and ``ui.settings``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from diffviewer.core.model import Comparison, Kind
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.ui.actions import Actions
from diffviewer.ui.settings import KEYS, Settings

BOILERPLATE = frozenset(kind for kind in Kind if kind.is_boilerplate)
_COMPARE_ACTIONS = ("compare_ignore_case", "compare_ignore_punctuation", "compare_mode_first")


class MenuToggles(QObject):
    """The filter and compare toggles of one window's menus."""

    hidden_kinds_changed = Signal(object)
    """The kinds whose changes are hidden now."""
    hide_typographic_changed = Signal(bool)
    options_changed = Signal(object)
    """The CompareOptions the Compare menu now says (already saved in the settings)."""

    def __init__(self, actions: Actions, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._acts = actions
        self._settings = settings
        for kind in Kind:
            actions[f"view_kind_{kind.value}"].toggled.connect(self._kinds_toggled)
        actions["view_hide_boilerplate"].triggered.connect(self._boilerplate_triggered)
        actions["view_hide_typographic"].toggled.connect(self._typographic_toggled)
        for action_id in _COMPARE_ACTIONS:
            actions[action_id].triggered.connect(self._compare_triggered)
        self._options = CompareOptions()

    def restore(self, options: CompareOptions) -> None:
        """Check the actions as the settings (and ``options``) say, and announce the state."""
        saved = set(self._settings.get(KEYS.HIDDEN_KINDS))
        self.set_hidden_kinds(kind for kind in Kind if kind.value in saved)
        self.set_hide_typographic(self._settings.get(KEYS.HIDE_TYPOGRAPHIC))
        self.show_options(options)

    # ----------------------------------------------------------------- kinds
    def hidden_kinds(self) -> frozenset[Kind]:
        return frozenset(k for k in Kind if not self._acts[f"view_kind_{k.value}"].isChecked())

    def set_hidden_kinds(self, kinds: Iterable[Kind]) -> None:
        hidden = set(kinds)
        for kind in Kind:
            action = self._acts[f"view_kind_{kind.value}"]
            action.blockSignals(True)
            action.setChecked(kind not in hidden)
            action.blockSignals(False)
        self._kinds_toggled()

    def _kinds_toggled(self) -> None:
        hidden = self.hidden_kinds()
        self._acts["view_hide_boilerplate"].setChecked(hidden >= BOILERPLATE)
        self._settings.set(KEYS.HIDDEN_KINDS, sorted(kind.value for kind in hidden))
        self.hidden_kinds_changed.emit(hidden)

    def _boilerplate_triggered(self, hide: bool) -> None:
        hidden = self.hidden_kinds()
        self.set_hidden_kinds(hidden | BOILERPLATE if hide else hidden - BOILERPLATE)

    # ----------------------------------------------------------- typographic
    def hide_typographic(self) -> bool:
        return self._acts["view_hide_typographic"].isChecked()

    def set_hide_typographic(self, hide: bool) -> None:
        action = self._acts["view_hide_typographic"]
        if action.isChecked() != hide:
            action.setChecked(hide)  # toggled: saves and announces
        else:
            self.hide_typographic_changed.emit(hide)

    def _typographic_toggled(self, hide: bool) -> None:
        self._settings.set(KEYS.HIDE_TYPOGRAPHIC, hide)
        self.hide_typographic_changed.emit(hide)

    # --------------------------------------------------------------- compare
    def show_options(self, options: CompareOptions) -> None:
        """Check the Compare menu as ``options`` say (no signal)."""
        self._options = options
        self._acts["compare_ignore_case"].setChecked(options.ignore_case)
        self._acts["compare_ignore_punctuation"].setChecked(options.ignore_punctuation)
        self._acts["compare_mode_first"].setChecked(options.mode is CompareMode.AGAINST_FIRST)

    def _compare_triggered(self) -> None:
        first = self._acts["compare_mode_first"].isChecked()
        options = replace(
            self._options,
            ignore_case=self._acts["compare_ignore_case"].isChecked(),
            ignore_punctuation=self._acts["compare_ignore_punctuation"].isChecked(),
            mode=CompareMode.AGAINST_FIRST if first else CompareMode.CONSECUTIVE,
        )
        self._options = options
        self._settings.set_compare_options(options)
        self.options_changed.emit(options)


def filter_note(comparison: Comparison | None, hidden: Iterable[Kind], typographic: bool) -> str:
    """What the filters hide, for the status bar: "3 changes hidden by the kind filter"."""
    if comparison is None:
        return ""
    kinds = frozenset(hidden)
    by_kind = sum(1 for change in comparison.changes if change.kind in kinds)
    by_type = 0
    if typographic:
        by_type = sum(1 for c in comparison.changes if c.typographic and c.kind not in kinds)
    parts = []
    if by_kind:
        parts.append(f"{by_kind} change{'s' if by_kind != 1 else ''} hidden by the kind filter")
    if by_type:
        parts.append(f"{by_type} typographic edit{'s' if by_type != 1 else ''} dimmed")
    return "; ".join(parts)
