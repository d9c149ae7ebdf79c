"""The user's own kind rules: the file the app writes them to, a rule editor, and a list view.

"Remember for this site" drafts a rule (``core.corrections.rule_for``) and ``RuleDialog`` shows
it to the editor, who can change its name, kind, description and pattern (RE2 syntax: no
lookaround, no backreference) before it is appended to ``user_rules_path()``. A rule is
checked before anything is written: the file with the rule must load (``core.kinds.load_rules``),
so a broken pattern is said at once, in the dialog. ``UserRulesDialog`` lists that file's
rules, and edits or removes them (the file is then written again, whole, atomically; the
app's own file carries no comments to lose).
Imports: PySide6, ``core`` (corrections, errors, kinds, model, patterns), ``export.atomic``.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from diffviewer.core.corrections import RuleDraft, rule_toml
from diffviewer.core.errors import DiffViewerError, ExportError
from diffviewer.core.model import Kind
from diffviewer.core.patterns import PatternError, compile_pattern
from diffviewer.export.atomic import write_atomic

HEADER = (
    "# diffviewer: kind rules you saved with “Remember for this site”.\n"
    "# Same format as the bundled kinds.toml; tried before the bundled rules.\n"
    "# Edit them in Edit › My Kind Rules… (this file is rewritten there).\n\n"
)


def user_rules_path(settings_file: str) -> str:
    """Where the app keeps the rules the user saved: beside its settings file (not created
    until a rule is saved)."""
    return os.path.join(os.path.dirname(os.path.abspath(settings_file)), "kind-rules.toml")


def read_drafts(path: str) -> list[RuleDraft]:
    """The rules of ``path`` (the app's file) as drafts; none if it does not exist."""
    try:
        with open(path, "rb") as handle:
            tables = tomllib.load(handle).get("rule", [])
    except FileNotFoundError:
        return []
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ExportError(f"{path}: {error}") from None
    drafts = []
    for table in tables:
        try:
            kind = Kind(str(table.get("kind", "body")))
        except ValueError:
            kind = Kind.BODY
        drafts.append(
            RuleDraft(
                str(table.get("name", "")),
                kind,
                str(table.get("description", "")),
                str(table.get("pattern", "")),
            )
        )
    return drafts


def check_drafts(drafts: list[RuleDraft]) -> None:
    """Raise ``DiffViewerError`` (naming the rule and the problem) if the rules do not load."""
    from diffviewer.core.kinds import load_rules

    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / "kind-rules.toml"
        trial.write_text(HEADER + "\n".join(map(rule_toml, drafts)), encoding="utf-8")
        try:
            load_rules([trial])
        except DiffViewerError as error:
            raise DiffViewerError(str(error).replace(str(trial), "the rule")) from None


def write_drafts(path: str, drafts: list[RuleDraft]) -> None:
    """Check the rules, then write them as the whole of ``path`` (atomically)."""
    check_drafts(drafts)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    write_atomic(path, HEADER + "\n".join(map(rule_toml, drafts)))


class RuleDialog(QDialog):
    """Name, kind, description and pattern of one rule, with a live check against a sample."""

    def __init__(self, draft: RuleDraft, sample: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rule_dialog")
        self.setWindowTitle("Kind rule")
        self._sample = sample
        self.name = QLineEdit(draft.name, self)
        self.kind = QComboBox(self)
        for kind in Kind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(list(Kind).index(draft.kind))
        self.description = QLineEdit(draft.description, self)
        self.pattern = QLineEdit(draft.pattern, self)
        self.pattern.setObjectName("rule_pattern")
        self.check = QLabel(self)
        self.check.setObjectName("rule_check")
        self.check.setWordWrap(True)
        self.check.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Description:", self.description)
        form.addRow("&Pattern:", self.pattern)
        form.addRow("", self.check)
        note = QLabel("RE2 syntax: no lookaround, no backreferences. Matched against the "
                      "paragraph with its spaces collapsed.", self)  # fmt: skip
        note.setWordWrap(True)
        form.addRow("", note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.pattern.textChanged.connect(self._update_check)
        self._update_check()
        self.resize(640, self.sizeHint().height())

    def draft(self) -> RuleDraft:
        return RuleDraft(
            self.name.text().strip(),
            Kind(self.kind.currentData()),
            self.description.text().strip(),
            self.pattern.text(),
        )

    def _update_check(self) -> None:
        if not self._sample:
            self.check.setText("")
            return
        try:  # as a comparison will run it: RE2, linear-time (core.patterns)
            found = compile_pattern(self.pattern.text()).search(self._sample)
        except PatternError as error:
            self.check.setText(f"Not a valid pattern: {error}")
            return
        self.check.setText("Matches this paragraph." if found else "Does not match this paragraph.")

    def show_problem(self, text: str) -> None:
        self.check.setText(text)


class UserRulesDialog(QDialog):
    """The rules the user saved: list, edit, remove."""

    rules_changed = Signal()

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_rules_dialog")
        self.setWindowTitle("My kind rules")
        self.path = path
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("user_rules")
        self.tree.setHeaderLabels(["Name", "Kind", "Pattern", "Description"])
        self.tree.setRootIsDecorated(False)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_current())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        edit = QPushButton("&Edit…", self)
        remove = QPushButton("&Remove", self)
        edit.clicked.connect(self.edit_current)
        remove.clicked.connect(self.remove_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(edit)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Saved in {self.path}", self))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(820, 360)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        try:
            self.drafts = read_drafts(self.path)
        except ExportError as error:
            self.drafts = []
            self.message.setText(str(error))
            return
        for draft in self.drafts:
            item = QTreeWidgetItem([draft.name, draft.kind.label, draft.pattern, draft.description])
            self.tree.addTopLevelItem(item)
        if not self.drafts:
            self.message.setText(
                "No rules yet: right-click a kind badge, choose a kind, then “Remember for "
                "this site…”."
            )
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def _current(self) -> int:
        item = self.tree.currentItem()
        return self.tree.indexOfTopLevelItem(item) if item is not None else -1

    def edit_current(self) -> None:
        number = self._current()
        if number < 0:
            return
        dialog = RuleDialog(self.drafts[number], parent=self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            drafts = list(self.drafts)
            drafts[number] = dialog.draft()
            if self._write(drafts, dialog):
                break

    def remove_current(self) -> None:
        number = self._current()
        if number >= 0:
            self._write(self.drafts[:number] + self.drafts[number + 1 :])

    def _write(self, drafts: list[RuleDraft], dialog: RuleDialog | None = None) -> bool:
        try:
            write_drafts(self.path, drafts)
        except DiffViewerError as error:
            (dialog.show_problem if dialog else self.message.setText)(str(error))
            return False
        self.reload()
        self.rules_changed.emit()
        return True
