"""Edit › Preferences…: compare options, display, extra rules files, file size limit.

The dialog edits a :class:`Preferences` value and hands it back; the main window stores it
(``ui.settings``) and recompares. Extra rules files are checked with ``core.kinds.load_rules``
before the dialog closes: a broken file shows the engine's message (it names the file and the
rule) and the dialog stays open, so the rules in use stay the old ones.
Imports: PySide6, ``core`` (options, errors, kinds), ``ui.errors``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from diffviewer.core.errors import RulesError
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.ui.errors import show_error
from diffviewer.ui.folding import DEFAULT_CONTEXT, MAX_CONTEXT

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


@dataclass(frozen=True, slots=True)
class Preferences:
    options: CompareOptions
    hide_typographic: bool
    font: QFont
    zoom: int
    context_rows: int = DEFAULT_CONTEXT
    """Unchanged rows kept beside each change under View › Show Only Changes."""


def _buddy_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _context_box(value: int, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, MAX_CONTEXT)
    box.setSuffix(" rows")
    box.setValue(value)
    box.setToolTip(
        "Show Only Changes keeps this many unchanged paragraphs above and below each change"
    )
    return box


def check_rules(files: tuple[str, ...]) -> None:
    """Raise RulesError when a rules file is unreadable or broken."""
    from diffviewer.core.kinds import load_rules

    load_rules(files)


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle("Preferences")
        self._initial = preferences
        options = preferences.options

        self.ignore_case = QCheckBox("Ignore &case", self)
        self.ignore_case.setChecked(options.ignore_case)
        self.ignore_punctuation = QCheckBox("Ignore &punctuation and typographic quotes", self)
        self.ignore_punctuation.setChecked(options.ignore_punctuation)
        self.mode = QComboBox(self)
        self.mode.addItem(
            "Each version with the one before (v1→v2, v2→v3)", CompareMode.CONSECUTIVE
        )
        self.mode.addItem("Each version with the first (v1→v2, v1→v3)", CompareMode.AGAINST_FIRST)
        self.mode.setCurrentIndex(self.mode.findData(options.mode))
        self.hide_typographic = QCheckBox("Hide &typographic-only edits", self)
        self.hide_typographic.setChecked(preferences.hide_typographic)

        self.font_family = QFontComboBox(self)
        self.font_family.setCurrentFont(preferences.font)
        self.font_size = QSpinBox(self)
        self.font_size.setRange(6, 48)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(max(6, round(preferences.font.pointSizeF())))
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_family, 1)
        font_row.addWidget(self.font_size)
        self.zoom = QSpinBox(self)
        self.zoom.setRange(ZOOM_MIN, ZOOM_MAX)
        self.zoom.setSingleStep(ZOOM_STEP)
        self.zoom.setSuffix(" %")
        self.zoom.setValue(preferences.zoom)

        self.context_rows = _context_box(preferences.context_rows, self)
        rules_row = self._build_rules(options.rules_files)

        self.max_size = QSpinBox(self)
        self.max_size.setRange(1, 4096)
        self.max_size.setSuffix(" MiB")
        self.max_size.setValue(max(1, options.max_file_bytes // (1024 * 1024)))

        form = QFormLayout(self)
        form.addRow("Compare:", self.ignore_case)
        form.addRow("", self.ignore_punctuation)
        form.addRow("&Mode:", self.mode)
        form.addRow("Display:", self.hide_typographic)
        # Rows given a layout get no buddy from addRow: without one a label shows its "&" and
        # its Alt key does nothing.
        form.addRow(_buddy_label("&Font:", self.font_family, self), font_row)
        form.addRow("&Zoom:", self.zoom)
        form.addRow("Con&text around changes:", self.context_rows)
        form.addRow(_buddy_label("Extra &rules files:", self.rules, self), rules_row)
        form.addRow("Largest &file:", self.max_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _build_rules(self, files: tuple[str, ...]) -> QHBoxLayout:
        """The rules-file list with its Add/Remove buttons."""
        self.rules = QListWidget(self)
        self.rules.setObjectName("rules_list")
        self.rules.addItems(list(files))
        add_rules = QPushButton("&Add…", self)
        remove_rules = QPushButton("&Remove", self)
        add_rules.clicked.connect(self._add_rules)
        remove_rules.clicked.connect(self._remove_rules)
        rules_buttons = QVBoxLayout()
        rules_buttons.addWidget(add_rules)
        rules_buttons.addWidget(remove_rules)
        mine = QPushButton("&My Rules…", self)
        mine.setObjectName("my_rules_button")
        mine.setToolTip("The rules you saved with “Remember for this site”: list, edit, remove")
        mine.clicked.connect(self._show_my_rules)
        rules_buttons.addWidget(mine)
        rules_buttons.addStretch(1)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rules, 1)
        rules_row.addLayout(rules_buttons)
        return rules_row

    def _show_my_rules(self) -> None:
        """The window's Edit › My Kind Rules… (it also compares again after a change)."""
        acts = getattr(self.parent(), "acts", None)
        if acts is not None:
            acts["edit_user_rules"].trigger()

    def rules_files(self) -> tuple[str, ...]:
        return tuple(self.rules.item(i).text() for i in range(self.rules.count()))

    def _add_rules(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Add rules files", "", "Rules files (*.toml);;All files (*)"
        )
        known = set(self.rules_files())
        self.rules.addItems([path for path in paths if path not in known])

    def _remove_rules(self) -> None:
        for item in self.rules.selectedItems():
            self.rules.takeItem(self.rules.row(item))

    def preferences(self) -> Preferences:
        """What the dialog shows now."""
        font = QFont(self.font_family.currentFont())
        font.setPointSize(self.font_size.value())
        options = replace(
            self._initial.options,
            ignore_case=self.ignore_case.isChecked(),
            ignore_punctuation=self.ignore_punctuation.isChecked(),
            mode=CompareMode(self.mode.currentData()),
            rules_files=self.rules_files(),
            max_file_bytes=self.max_size.value() * 1024 * 1024,
        )
        return Preferences(
            options,
            self.hide_typographic.isChecked(),
            font,
            self.zoom.value(),
            self.context_rows.value(),
        )

    def accept(self) -> None:
        files = self.rules_files()
        if files != self._initial.options.rules_files:
            try:
                check_rules(files)
            except RulesError as error:
                show_error(
                    self,
                    "Rules file not used",
                    f"{error}\n\nFix the file or remove it from the list; "
                    "the rules in use stay as they were.",
                )
                return
        super().accept()
