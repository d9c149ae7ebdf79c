"""Preferences: values round-trip, broken rules files refused, applying recompares."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog

from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.ui.dialogs.preferences import Preferences, PreferencesDialog
from diffviewer.ui.mainwindow import MainWindow
from diffviewer.ui.settings import KEYS
from tests.ui.shell_helpers import compared, message_boxes

BROKEN_RULE = """
[[rule]]
name = "caption.mine"
kind = "caption"
description = "My captions."
pattern = "(unclosed"
"""


def _initial() -> Preferences:
    font = QFont("DejaVu Sans")
    font.setPointSize(11)
    return Preferences(CompareOptions(), False, font, 100)


def test_dialog_returns_what_it_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Toggling fields changes the Preferences value the dialog hands back."""
    dialog = PreferencesDialog(_initial())
    qtbot.addWidget(dialog)
    dialog.ignore_case.setChecked(True)
    dialog.mode.setCurrentIndex(dialog.mode.findData(CompareMode.AGAINST_FIRST))
    dialog.hide_typographic.setChecked(True)
    dialog.zoom.setValue(130)
    dialog.max_size.setValue(8)
    dialog.font_size.setValue(14)
    result = dialog.preferences()
    assert result.options.ignore_case and not result.options.ignore_punctuation
    assert result.options.mode is CompareMode.AGAINST_FIRST
    assert result.options.max_file_bytes == 8 * 1024 * 1024
    assert result.hide_typographic
    assert result.zoom == 130
    assert result.font.pointSize() == 14


def test_broken_rules_file_is_refused_naming_file_and_rule(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A rules file with a bad pattern: a message with the file and rule; dialog stays open."""
    bad = tmp_path / "my rules.toml"
    bad.write_text(BROKEN_RULE, "utf-8")
    dialog = PreferencesDialog(_initial())
    qtbot.addWidget(dialog)
    dialog.rules.addItem(str(bad))
    dialog.open()
    dialog.accept()
    boxes = message_boxes(dialog)
    assert boxes
    assert "my rules.toml" in boxes[0].text() and "caption.mine" in boxes[0].text()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_applying_preferences_stores_and_recompares(qtbot, window: MainWindow, seed_paths) -> None:  # type: ignore[no-untyped-def]
    """The window stores the new options and compares again with them."""
    compared(qtbot, window, seed_paths)
    font = QFont("DejaVu Sans")
    font.setPointSize(12)
    preferences = Preferences(CompareOptions(ignore_punctuation=True), True, font, 120)
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        window.apply_preferences(preferences)
    assert window.settings.get(KEYS.IGNORE_PUNCTUATION) is True
    assert window.settings.get(KEYS.ZOOM) == 120
    assert window.view.zoom() == 120
    assert window.acts["view_hide_typographic"].isChecked()
    comparison = window.comparison()
    assert comparison is not None
    assert ("ignore punctuation", "on") in comparison.options_summary


def test_every_mnemonic_label_has_a_buddy(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    """A label with "&" shows it literally and its Alt key does nothing unless it has a buddy
    ("&Font:", "Extra &rules files:", "&Save to:" were given layouts, not widgets)."""
    from PySide6.QtWidgets import QLabel

    from diffviewer.assets import example_paths
    from diffviewer.core.compare import compare_files
    from diffviewer.ui.dialogs.export import ExportDialog

    preferences = PreferencesDialog(Preferences(settings.compare_options(), False, QFont(), 100))
    export = ExportDialog(compare_files(example_paths()))
    for dialog in (preferences, export):
        qtbot.addWidget(dialog)
        labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
        assert labels
        for label in labels:
            assert label.buddy() is not None, label.text()
