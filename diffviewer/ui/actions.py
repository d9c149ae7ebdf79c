"""Every QAction of the app in ONE table (``ACTIONS``), and the menus and toolbar built from it.

Shortcuts are defined here and nowhere else (Meld's accelerators.py, git-cola's hotkeys.py): a
spec lists standard keys (``QKeySequence.StandardKey``, resolved per platform) and/or portable
strings; duplicates are dropped. ``MENUS`` and ``TOOLBAR`` say where each action shows; the main
window only connects ``actions["view_next_change"].triggered``. A test checks that no key
sequence is bound twice (Qt would then trigger neither).
Imports: PySide6 and ``core.model`` only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QStyle, QToolBar, QWidget

from diffviewer.core.model import Kind

SK = QKeySequence.StandardKey
SP = QStyle.StandardPixmap
RECENT_SLOTS = 10


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: stable id, menu text, shortcuts, theme icon (with a style fallback)."""

    id: str
    text: str
    shortcuts: tuple[SK | str, ...] = ()
    icon: str = ""
    """freedesktop icon name for QIcon.fromTheme."""
    fallback: SP | None = None
    """Style icon used when the theme has no ``icon`` (Windows, macOS, bare X11)."""
    checkable: bool = False
    tip: str = ""
    role: QAction.MenuRole = QAction.MenuRole.NoRole


def _kind_specs() -> tuple[ActionSpec, ...]:
    return tuple(
        ActionSpec(
            f"view_kind_{kind.value}",
            f"Show {kind.label} changes",
            checkable=True,
            tip=f"Show changes to {kind.label} paragraphs",
        )
        for kind in Kind
    )


def _recent_specs() -> tuple[ActionSpec, ...]:
    return tuple(ActionSpec(f"file_recent_{n}", f"Recent {n}") for n in range(1, RECENT_SLOTS + 1))


# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    # id, text, shortcuts, theme icon, style fallback, …
    ActionSpec("file_open", "&Open…", (SK.Open,), "document-open", SP.SP_DialogOpenButton,
               tip="Add one or more versions to compare"),
    *_recent_specs(),
    ActionSpec("file_recent_clear", "Clear Recent Files"),
    ActionSpec("file_reload", "&Reload", (SK.Refresh, "F5"), "view-refresh", SP.SP_BrowserReload,
               tip="Read the files again from disk"),
    ActionSpec("file_close_version", "Remove &Last Version", (SK.Close,), "window-close",
               SP.SP_DialogCloseButton),
    ActionSpec("file_save", "&Save", (SK.Save, "Ctrl+S"), "document-save", SP.SP_DialogSaveButton,
               tip="Write the edited versions back, in their own encoding and newlines"),
    ActionSpec("file_save_as", "Save &As…", (SK.SaveAs, "Ctrl+Shift+S"), "document-save-as",
               tip="Write the current column's version to another file"),
    ActionSpec("file_export", "&Export Summary…", ("Ctrl+E",), "document-save-as",
               SP.SP_DialogSaveButton,
               tip="Write the comparison as HTML, Markdown, text, JSON, CSV or PDF"),
    ActionSpec("file_print", "&Print…", (SK.Print,), "document-print"),
    ActionSpec("file_quit", "&Quit", (SK.Quit, "Ctrl+Q"), "application-exit",
               role=QAction.MenuRole.QuitRole),
    ActionSpec("edit_undo", "&Undo", (SK.Undo, "Ctrl+Z"), "edit-undo",
               tip="Undo the last edit or copy"),
    ActionSpec("edit_redo", "&Redo", (SK.Redo, "Ctrl+Shift+Z"), "edit-redo",
               tip="Redo the edit or copy just undone"),
    ActionSpec("edit_paragraph", "&Edit Paragraph", ("F2",), "document-edit",
               tip="Edit the current cell's paragraph (Enter or double-click; Ctrl+Enter keeps, "
                   "Esc cancels)"),
    ActionSpec("edit_copy_left", "Copy to &Left Version", ("Alt+Left",), "go-previous",
               tip="Put the selected paragraphs into the version on the left, at their place"),
    ActionSpec("edit_copy_right", "Copy to Ri&ght Version", ("Alt+Right",), "go-next",
               tip="Put the selected paragraphs into the version on the right, at their place"),
    ActionSpec("edit_user_rules", "&My Kind Rules…",
               tip="List, edit and remove the kind rules you saved"),
    ActionSpec("edit_copy", "&Copy", (SK.Copy,), "edit-copy"),
    ActionSpec("edit_copy_summary", "Copy &Summary", ("Ctrl+Shift+C",),
               tip="Copy the Markdown summary to the clipboard"),
    ActionSpec("edit_find", "&Find…", (SK.Find,), "edit-find"),
    # Ctrl+G spelled out: FindNext is F3 alone under X11 without a desktop's theme.
    ActionSpec("edit_find_next", "Find &Next", (SK.FindNext, "Ctrl+G"), "go-down-search"),
    ActionSpec("edit_find_previous", "Find Pre&vious", (SK.FindPrevious, "Ctrl+Shift+G"),
               "go-up-search"),
    ActionSpec("edit_preferences", "Prefere&nces…", (SK.Preferences, "Ctrl+,"),
               "preferences-system", role=QAction.MenuRole.PreferencesRole),
    ActionSpec("view_next_change", "&Next Change", ("Alt+Down", "F7"), "go-down", SP.SP_ArrowDown),
    ActionSpec("view_previous_change", "&Previous Change", ("Alt+Up", "Shift+F7"), "go-up",
               SP.SP_ArrowUp),
    ActionSpec("view_first_change", "&First Change", ("Alt+Home",), "go-top"),
    ActionSpec("view_last_change", "&Last Change", ("Alt+End",), "go-bottom"),
    ActionSpec("view_hide_boilerplate", "Hide &Boilerplate", ("Ctrl+B",), "view-filter",
               checkable=True, tip="Hide changes to comment prompts, promos, navigation…"),
    *_kind_specs(),
    ActionSpec("view_hide_typographic", "Hide &Typographic-Only Edits", ("Ctrl+Shift+T",),
               checkable=True, tip="Hide edits that only touch case, quotes, dashes, punctuation"),
    ActionSpec("view_only_changes", "Show Only Chan&ges", ("Ctrl+Shift+D",), checkable=True,
               tip="Fold unchanged paragraphs into one-line bars, a few kept beside each change"),
    ActionSpec("view_line_numbers", "File Line N&umbers", ("Ctrl+Shift+L",), checkable=True,
               tip="Show each paragraph's line number in its file"),
    ActionSpec("view_whitespace", "Show &Whitespace", ("Ctrl+Shift+W",), checkable=True,
               tip="Show no-break spaces, tabs and zero-width characters as quiet marks"),
    ActionSpec("view_highlight_next", "&Highlight Changes to the Next Version", checkable=True,
               tip="With 3+ versions, each column shows its changes to the next version "
                   "instead of those from the previous one"),
    ActionSpec("view_change_list", "&Change List", ("F9",), checkable=True),
    ActionSpec("view_raw_vs_cleaned", "&Raw vs Cleaned Report", ("Ctrl+Shift+R",), checkable=True,
               tip="What the cleaning removed, by kind, and whether body text went"),
    ActionSpec("view_zoom_in", "Zoom &In", (SK.ZoomIn, "Ctrl++", "Ctrl+="), "zoom-in"),
    ActionSpec("view_zoom_out", "Zoom &Out", (SK.ZoomOut, "Ctrl+-"), "zoom-out"),
    ActionSpec("view_zoom_reset", "&Reset Zoom", ("Ctrl+0",), "zoom-original"),
    ActionSpec("compare_ignore_case", "Ignore &Case", checkable=True),
    ActionSpec("compare_ignore_punctuation", "Ignore &Punctuation and Quotes", checkable=True),
    ActionSpec("compare_mode_first", "Compare Each Version With the &First", checkable=True,
               tip="v1→v2, v1→v3… instead of v1→v2, v2→v3…"),
    ActionSpec("file_open_example", "Open &Example", (), "document-open",
               tip="Compare the bundled raw page and cleaned article"),
    ActionSpec("help_shortcuts", "&Keyboard Shortcuts", (SK.HelpContents,), "help-contents"),
    ActionSpec("help_about", "&About diffviewer", (), "help-about",
               role=QAction.MenuRole.AboutRole),
)
# fmt: on

SPECS: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}

MenuEntry = str | tuple[str, tuple["MenuEntry", ...]]
"""An action id, ``"-"`` for a separator, or (submenu title, entries)."""

MENUS: tuple[tuple[str, tuple[MenuEntry, ...]], ...] = (
    (
        "&File",
        (
            "file_open",
            (
                "Open &Recent",
                (
                    *(f"file_recent_{n}" for n in range(1, RECENT_SLOTS + 1)),
                    "-",
                    "file_recent_clear",
                ),
            ),
            "-",
            "file_reload",
            "file_close_version",
            "-",
            "file_save",
            "file_save_as",
            "-",
            "file_export",
            "file_print",
            "-",
            "file_quit",
        ),
    ),
    (
        "&Edit",
        (
            "edit_undo",
            "edit_redo",
            "-",
            "edit_paragraph",
            "edit_copy_left",
            "edit_copy_right",
            "-",
            "edit_copy",
            "edit_copy_summary",
            "-",
            "edit_find",
            "edit_find_next",
            "edit_find_previous",
            "-",
            "edit_user_rules",
            "edit_preferences",
        ),
    ),
    (
        "&View",
        (
            "view_next_change",
            "view_previous_change",
            "view_first_change",
            "view_last_change",
            "-",
            (
                "&Filter Kinds",
                ("view_hide_boilerplate", "-", *(f"view_kind_{kind.value}" for kind in Kind)),
            ),
            "view_hide_typographic",
            "view_only_changes",
            "view_line_numbers",
            "view_whitespace",
            "view_highlight_next",
            "-",
            "view_change_list",
            "view_raw_vs_cleaned",
            "-",
            "view_zoom_in",
            "view_zoom_out",
            "view_zoom_reset",
        ),
    ),
    ("&Compare", ("compare_ignore_case", "compare_ignore_punctuation", "compare_mode_first")),
    ("&Help", ("file_open_example", "help_shortcuts", "-", "help_about")),
)

TOOLBAR: tuple[str, ...] = (
    "file_open", "file_reload", "-", "view_previous_change", "view_next_change", "-",
    "file_export", "view_hide_boilerplate",
)  # fmt: skip


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's shortcuts for this platform, standard keys expanded, duplicates dropped."""
    out: list[QKeySequence] = []
    for entry in spec.shortcuts:
        found = (
            [QKeySequence(entry)]
            if isinstance(entry, str)
            else list(QKeySequence.keyBindings(entry))
        )
        for sequence in found:
            if not sequence.isEmpty() and sequence not in out:
                out.append(sequence)
    return out


def _icon(spec: ActionSpec) -> QIcon:
    fallback = QIcon()
    style = QApplication.style() if QApplication.instance() is not None else None
    if spec.fallback is not None and style is not None:
        fallback = style.standardIcon(spec.fallback)
    if spec.icon:
        return QIcon.fromTheme(spec.icon, fallback)
    return fallback


class Actions:
    """The QActions of one window, by id: ``actions["file_open"]``."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = QAction(spec.text, parent)
            action.setObjectName(spec.id)
            action.setShortcuts(key_sequences(spec))
            action.setIcon(_icon(spec))
            action.setCheckable(spec.checkable)
            action.setMenuRole(spec.role)
            tip = spec.tip or spec.text.replace("&", "").rstrip("…")
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
            parent.addAction(action)  # shortcuts work even when menus are hidden
            self._actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._actions.values())

    def items(self) -> list[tuple[str, QAction]]:
        return list(self._actions.items())


def _fill(menu: QMenu, entries: tuple[MenuEntry, ...], actions: Actions) -> None:
    for entry in entries:
        if entry == "-":
            menu.addSeparator()
        elif isinstance(entry, tuple):
            title, sub = entry
            submenu = menu.addMenu(title)
            submenu.setObjectName("menu_" + title.replace("&", "").lower().replace(" ", "_"))
            _fill(submenu, sub, actions)
        else:
            menu.addAction(actions[entry])


def build_menus(menubar: QMenuBar, actions: Actions) -> dict[str, QMenu]:
    """Fill ``menubar`` from ``MENUS``; returns the top menus by their plain title."""
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS:
        menu = menubar.addMenu(title)
        plain = title.replace("&", "").lower()
        menu.setObjectName(f"menu_{plain}")
        _fill(menu, entries, actions)
        menus[plain] = menu
    return menus


def build_toolbar(toolbar: QToolBar, actions: Actions) -> None:
    for entry in TOOLBAR:
        if entry == "-":
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[entry])


def show_recent(actions: Actions, recent: list[str]) -> None:
    """Fill File › Open Recent's slots with ``recent`` (most recent first), hide the rest."""
    for n in range(1, RECENT_SLOTS + 1):
        action = actions[f"file_recent_{n}"]
        if n <= len(recent):
            path = recent[n - 1]
            action.setText(f"&{n % 10} {os.path.basename(path)}")
            action.setData(path)
            action.setStatusTip(path)
            action.setVisible(True)
        else:
            action.setVisible(False)
    actions["file_recent_clear"].setEnabled(bool(recent))


#: Keys every keyboard has, beyond the printable ones: the Shortcuts list shows only sequences
#: made of these ("Copy", "Help", "F16" are keys of special keyboards, which the standard keys
#: also bind; listed, they read like the action's own name).
_COMMON_KEYS = frozenset(
    {
        Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Backspace,
        Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert, Qt.Key.Key_Delete,
        Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right,
        Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
        *(Qt.Key(Qt.Key.Key_F1.value + n) for n in range(12)),
    }
)  # fmt: skip


def _on_every_keyboard(sequence: QKeySequence) -> bool:
    for n in range(sequence.count()):
        key = sequence[n].key()
        if key.value >= 0x01000000 and key not in _COMMON_KEYS:
            return False
    return True


def shortcut_text(sequence: QKeySequence) -> str:
    """A sequence as this platform writes it ("Ctrl+Plus" for the ambiguous "Ctrl++")."""
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return text[:-1] + "Plus" if text.endswith("++") else text


def shortcut_table() -> list[tuple[str, str]]:
    """(action text, shortcuts) for every action that has one: the Help › Shortcuts list, one
    line per action, keys of special keyboards left out."""
    rows: list[tuple[str, str]] = []
    for spec in ACTIONS:
        sequences = [s for s in key_sequences(spec) if _on_every_keyboard(s)]
        if sequences:
            keys = ", ".join(shortcut_text(sequence) for sequence in sequences)
            rows.append((spec.text.replace("&", "").rstrip("…"), keys))
    return rows
