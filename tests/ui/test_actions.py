"""The action table: complete, unambiguous shortcuts, menus built from it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenuBar

from diffviewer.core.model import Kind
from diffviewer.ui.actions import (
    ACTIONS,
    MENUS,
    SPECS,
    TOOLBAR,
    Actions,
    build_menus,
    key_sequences,
    shortcut_table,
)

REQUIRED = {
    "file_open", "file_open_example", "file_reload", "file_export", "file_print",
    "file_close_version", "file_quit", "edit_copy", "edit_copy_summary", "edit_find",
    "edit_find_next", "edit_find_previous", "edit_preferences", "view_next_change",
    "view_previous_change", "view_first_change", "view_last_change", "view_zoom_in",
    "view_zoom_out", "view_zoom_reset", "view_hide_boilerplate", "view_hide_typographic",
    "view_change_list", "view_raw_vs_cleaned", "compare_ignore_case",
    "compare_ignore_punctuation", "compare_mode_first", "help_about", "help_shortcuts",
}  # fmt: skip


def _flatten(entries) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for entry in entries:
        if isinstance(entry, tuple):
            out += _flatten(entry[1])
        elif entry != "-":
            out.append(entry)
    return out


def test_table_has_every_required_action_once() -> None:
    """Ids are unique and the brief's actions are all there, plus one per kind and recent."""
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED
    assert {f"view_kind_{kind.value}" for kind in Kind} <= set(ids)
    assert "file_recent_1" in ids and "file_recent_10" in ids


def test_no_key_sequence_is_bound_twice(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt triggers neither action of an ambiguous shortcut, so each sequence has one owner."""
    owners: dict[str, str] = {}
    for spec in ACTIONS:
        for sequence in key_sequences(spec):
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in owners, f"{text} bound to {owners.get(text)} and {spec.id}"
            owners[text] = spec.id


def test_the_shortcuts_the_issue_asks_for(qapp) -> None:  # type: ignore[no-untyped-def]
    """Alt+Down/F7, Alt+Up/Shift+F7, Ctrl++/Ctrl+=, Ctrl+0, F5, Ctrl+F."""

    def keys(action_id: str) -> set[str]:
        return {
            s.toString(QKeySequence.SequenceFormat.PortableText)
            for s in key_sequences(SPECS[action_id])
        }

    assert {"Alt+Down", "F7"} <= keys("view_next_change")
    assert {"Alt+Up", "Shift+F7"} <= keys("view_previous_change")
    assert {"Ctrl++", "Ctrl+="} <= keys("view_zoom_in")
    assert "Ctrl+0" in keys("view_zoom_reset")
    assert "F5" in keys("file_reload")
    assert "Ctrl+F" in keys("edit_find")
    listed = dict(shortcut_table())  # Help › Keyboard Shortcuts shows the same table
    assert "F7" in listed["Next Change"]


def test_menus_and_toolbar_name_only_known_actions() -> None:
    """Every menu/toolbar entry exists in the table; every action shows somewhere."""
    placed = set(_flatten(entry for _title, entries in MENUS for entry in entries))
    assert placed <= set(SPECS)
    assert {entry for entry in TOOLBAR if entry != "-"} <= set(SPECS)
    assert set(SPECS) == placed


def test_built_actions_are_checkable_as_declared(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Actions carry the table's text, shortcut and checkability; menus hold them."""
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = Actions(window)
    menus = build_menus(window.menuBar(), actions)
    assert isinstance(window.menuBar(), QMenuBar)
    assert set(menus) == {"file", "edit", "view", "compare", "help"}
    assert actions["view_hide_boilerplate"].isCheckable()
    assert not actions["file_open"].isCheckable()
    assert actions["view_next_change"].shortcuts()[0] == QKeySequence("Alt+Down")
    assert actions["file_open"] in menus["file"].actions()


def test_ctrl_g_finds_again_where_the_platform_binds_only_f3(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """X11 without a desktop theme binds FindNext to F3 alone; Ctrl+G / Ctrl+Shift+G (the
    README's keys) still reach Find Next / Find Previous."""
    from PySide6.QtWidgets import QWidget

    from diffviewer.ui.actions import Actions

    real = QKeySequence.keyBindings
    only_f3 = {
        QKeySequence.StandardKey.FindNext: [QKeySequence("F3")],
        QKeySequence.StandardKey.FindPrevious: [QKeySequence("Shift+F3")],
    }
    monkeypatch.setattr(QKeySequence, "keyBindings", lambda key: only_f3.get(key) or real(key))
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = Actions(parent)
    assert QKeySequence("Ctrl+G") in actions["edit_find_next"].shortcuts()
    assert QKeySequence("Ctrl+Shift+G") in actions["edit_find_previous"].shortcuts()


def test_shortcut_list_shows_one_readable_line_per_action(qapp) -> None:  # type: ignore[no-untyped-def]
    """No special-keyboard keys that read like the action's name ("Copy", "Help", "F16"), no
    ambiguous "Ctrl++"; one row per action."""
    rows = dict(shortcut_table())
    assert rows["Copy"].split(", ")[0] == QKeySequence("Ctrl+C").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    for action, keys in rows.items():
        parts = keys.split(", ")
        assert action not in parts, (action, keys)
        assert "F16" not in parts and "Help" not in parts and "Copy" not in parts
        assert "++" not in keys
    assert len(rows) == len(shortcut_table())
    assert "Plus" in rows["Zoom In"]
