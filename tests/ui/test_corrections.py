"""Correcting a kind from a cell's menu, remembering it as a rule, and the rules view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMenu

from diffviewer.core.model import Kind
from diffviewer.ui.dialogs.rules import RuleDialog, UserRulesDialog, read_drafts
from diffviewer.ui.mainwindow import MainWindow
from tests.ui.shell_helpers import compared

TEASER = "Ten things to know about the talks (and 3 more) in Geneva this week."


@pytest.fixture
def teaser_pair(tmp_path: Path) -> list[Path]:
    raw, clean = tmp_path / "example-raw.txt", tmp_path / "example-clean.txt"
    raw.write_text(f"Ministers meet in Geneva\n\nThe talks began.\n\n{TEASER}\n\nThey end.\n")
    clean.write_text("Ministers meet in Geneva\n\nThe talks began.\n\nThey end.\n")
    return [raw, clean]


def kind_menu(window: MainWindow, row: int, column: int) -> QMenu:
    menu = window.editing.cell_menu(row, column)
    assert menu is not None
    found = menu.findChild(QMenu, "kind_menu")
    assert found is not None
    return found


def test_this_is_corrects_the_kind_everywhere(qtbot, window: MainWindow, teaser_pair) -> None:  # type: ignore[no-untyped-def]
    """“This is… promo” on the removed teaser: its badge, the change, the summary and the
    change list say promo at once; choosing body again drops the correction."""
    compared(qtbot, window, teaser_pair)
    (change,) = window.comparison().changes  # type: ignore[union-attr]
    assert change.kind is Kind.BODY
    row = change.rows[0]
    menu = kind_menu(window, row, 0)
    labels = [action.text() for action in menu.actions()]
    assert labels == [kind.label.capitalize() for kind in Kind]
    assert menu.findChild(object, "kind_body").isChecked()
    menu.findChild(object, "kind_promo").trigger()
    (fixed,) = window.comparison().changes  # type: ignore[union-attr]
    assert fixed.kind is Kind.PROMO and fixed.rule == "user.correction"
    assert "promo" in window.summary_label.text()
    assert window.view.table().model().cell(row, 0).badge == "PROMO"
    listed = window.change_list.list_view().model()
    assert "promo" in listed.data(listed.index(0, 0)).lower()
    kind_menu(window, row, 0).findChild(object, "kind_body").trigger()
    assert window.comparison().changes[0].kind is Kind.BODY  # type: ignore[union-attr]
    assert not window.corrections.corrections
    window.acts["edit_undo"].trigger()  # back to promo, then to body
    assert window.comparison().changes[0].kind is Kind.PROMO  # type: ignore[union-attr]
    window.acts["edit_undo"].trigger()
    assert window.comparison().changes[0].rule != "user.correction"  # type: ignore[union-attr]
    window.acts["edit_redo"].trigger()
    assert window.comparison().changes[0].kind is Kind.PROMO  # type: ignore[union-attr]


def test_remember_writes_a_rule_the_next_comparison_uses(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, teaser_pair, tmp_path: Path, monkeypatch
) -> None:
    compared(qtbot, window, teaser_pair)
    window.corrections.rules_path = str(tmp_path / "config" / "kind-rules.toml")
    row = window.comparison().changes[0].rows[0]  # type: ignore[union-attr]
    kind_menu(window, row, 0).findChild(object, "kind_promo").trigger()
    seen: list[str] = []

    def accept(dialog: RuleDialog) -> QDialog.DialogCode:
        seen.append(dialog.pattern.text())
        seen.append(dialog.check.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RuleDialog, "exec", accept)
    menu = window.editing.cell_menu(row, 0)
    remember = menu.findChild(object, "remember_kind")  # type: ignore[union-attr]
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        remember.trigger()
    assert seen == [r"^Ten things to know about the talks \(and 3 more\) in Geneva this week\.$",
                    "Matches this paragraph."]  # fmt: skip
    (change,) = window.comparison().changes  # type: ignore[union-attr]
    assert change.kind is Kind.PROMO
    assert change.rule == "user.example-raw.promo.ten-things-to-know"
    assert window.options.rules_files[0] == window.corrections.rules_path
    assert not window.corrections.corrections

    dialog = UserRulesDialog(window.corrections.rules_path, window)
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(0) == change.rule
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    dialog.remove_current()
    assert read_drafts(window.corrections.rules_path) == []
    assert dialog.tree.topLevelItemCount() == 0


def test_a_broken_pattern_is_refused_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, teaser_pair, tmp_path: Path, monkeypatch
) -> None:
    compared(qtbot, window, teaser_pair)
    window.corrections.rules_path = str(tmp_path / "kind-rules.toml")
    problems: list[str] = []

    def broken(dialog: RuleDialog) -> QDialog.DialogCode:
        """Type a broken pattern and save; the second time, read what the dialog says."""
        if dialog.pattern.text() == "(unclosed":
            problems.append(dialog.check.text())
            return QDialog.DialogCode.Rejected
        dialog.pattern.setText("(unclosed")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RuleDialog, "exec", broken)
    paragraph = window.comparison().paragraph(0, 2)  # type: ignore[union-attr]
    assert not window.corrections.remember(paragraph, 0)
    assert len(problems) == 1 and "the rule" in problems[0], problems
    assert not Path(window.corrections.rules_path).exists()


def test_pair_by_hand_and_unpair(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A rewritten paragraph shows as removed + inserted; “Pair With…” makes it one edit with a
    word diff (the summary and exports say so); “Unpair” splits it back."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Title here\n\nThe minister resigned on Monday after a long row.\n\nEnd.\n")
    new.write_text("Title here\n\nOn Monday, facing a storm, she quit her post at last.\n\nEnd.\n")
    compared(qtbot, window, [old, new])
    removed = next(c for c in window.comparison().changes if c.type.value == "removed")  # type: ignore[union-attr]
    menu = window.editing.cell_menu(removed.rows[0], 0)
    pair_menu = menu.findChild(QMenu, "pair_menu")  # type: ignore[union-attr]
    assert pair_menu is not None
    (choice,) = pair_menu.actions()
    assert choice.text().startswith("Row 3: On Monday, facing a storm")
    choice.trigger()
    (edit,) = window.comparison().changes  # type: ignore[union-attr]
    assert edit.type.value == "changed" and edit.words_added and edit.words_removed
    assert window.view.table().model().rowCount() == 3
    assert "1 edited" in window.summary_label.text()
    from diffviewer.export import render

    assert '"type":"changed"' in render(window.comparison(), "json")  # type: ignore[arg-type]
    unpair = window.editing.cell_menu(edit.rows[0], 1).findChild(object, "unpair")  # type: ignore[union-attr]
    unpair.trigger()
    assert sorted(c.type.value for c in window.comparison().changes) == ["inserted", "removed"]  # type: ignore[union-attr]
    window.acts["edit_undo"].trigger()
    assert [c.type.value for c in window.comparison().changes] == ["changed"]  # type: ignore[union-attr]


def test_my_rules_lists_and_edits_the_saved_rules(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ui_settings_dir: Path, monkeypatch
) -> None:
    """Edit › My Kind Rules… (and Preferences › My Rules…) shows the file beside the settings;
    an edit is checked, written, and used by the next comparison."""
    from diffviewer.core.corrections import rule_for
    from diffviewer.ui.dialogs.preferences import Preferences, PreferencesDialog
    from diffviewer.ui.dialogs.rules import write_drafts

    path = Path(window.settings.file_name()).parent / "kind-rules.toml"
    write_drafts(str(path), [rule_for("Share this on Facebook", Kind.SOCIAL_PROMPT, "site")])
    preferences = PreferencesDialog(
        Preferences(window.options, False, window.base_font, 100), window
    )
    preferences.findChild(object, "my_rules_button").click()
    dialog = window.findChild(UserRulesDialog)
    assert dialog is not None and dialog.isVisible() and dialog.path == str(path)
    assert dialog.tree.topLevelItem(0).text(2) == "^Share this on Facebook$"

    def edited(rule_dialog: RuleDialog) -> QDialog.DialogCode:
        rule_dialog.pattern.setText("^Share this on (Facebook|X)$")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RuleDialog, "exec", edited)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    dialog.edit_current()
    assert read_drafts(str(path))[0].pattern == "^Share this on (Facebook|X)$"
    assert dialog.tree.topLevelItem(0).text(2) == "^Share this on (Facebook|X)$"
    assert str(path) in window.options.rules_files
    dialog.close()
    preferences.close()


def test_the_live_check_uses_the_rules_engine(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The dialog's live check runs the pattern as a comparison will (RE2, linear time): a
    backtracking pattern answers at once, and lookahead (refused on saving) is said at once."""
    import time

    from diffviewer.core.corrections import RuleDraft

    sample = "a" * 5000
    dialog = RuleDialog(RuleDraft("user.x", Kind.PROMO, "d", "b"), sample)
    qtbot.addWidget(dialog)
    start = time.perf_counter()
    dialog.pattern.setText("a*a*a*a*a*a*a*b")  # minutes for a backtracking engine
    assert time.perf_counter() - start < 1.0
    assert dialog.check.text() == "Does not match this paragraph."
    dialog.pattern.setText("a(?=a)")
    assert dialog.check.text().startswith("Not a valid pattern: lookahead")
    dialog.pattern.setText(r"^\w+$")
    assert dialog.check.text() == "Matches this paragraph."
