"""The window's bars and strips: find bar, message bar, status bar, and the empty-state page.

``FindBar``: a line edit with next/previous buttons and a case toggle. Typing finds as you type
(after a short pause, so a long comparison is not searched on every key); Enter finds the next
match, Shift+Enter the previous, Esc closes. It only emits signals; the window asks the view.
``MessageBar``: a non-modal strip above the view ("article.txt changed on disk [Reload]
[Dismiss]"), the answer to file changes that must never become a storm of modal dialogs: a new
message replaces the old one.
``StatusLine``: the summary sentence, what the filters hide, and a progress bar with Cancel that
shows only when a comparison takes longer than a quarter of a second (no flicker).
``EmptyHint``: what the window shows until two versions are open: a drop zone that says what to
do, with links to open files or the bundled example.
Imports: PySide6 only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QToolButton,
    QWidget,
)


class FindBar(QFrame):
    """Find text across all columns."""

    find_requested = Signal(str, bool, bool)
    """(text, backwards, case_sensitive)"""
    find_typed = Signal(str, bool)
    """(text, case_sensitive): the text or the case toggle changed; find from the current match
    (empty text: drop the highlights)."""
    closed = Signal()

    #: Pause after the last key before finding as you type, in milliseconds.
    TYPING_PAUSE_MS = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("find_edit")
        self.edit.setPlaceholderText("Find in all versions")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.case = QCheckBox("Match &case", self)
        self.previous_button = QPushButton("&Previous", self)
        self.next_button = QPushButton("&Next", self)
        self.status = QLabel(self)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close the find bar (Esc)")
        close.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.case)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.next_button.clicked.connect(lambda: self.search(backwards=False))
        self.previous_button.clicked.connect(lambda: self.search(backwards=True))
        self.edit.returnPressed.connect(lambda: self.search(backwards=False))
        self.edit.textChanged.connect(lambda _text: self.status.clear())
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(self.TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._find_typed)
        self.edit.textEdited.connect(lambda _text: self._typing.start())
        self.case.toggled.connect(lambda _on: self._typing.start())
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self._typing.stop()
        self.hide()
        self.closed.emit()

    def search(self, *, backwards: bool) -> None:
        """Find the next (previous) match; right after typing, the first match of what was typed."""
        if self._typing.isActive():
            self._typing.stop()
            self._find_typed()
        elif self.edit.text():
            self.find_requested.emit(self.edit.text(), backwards, self.case.isChecked())

    def _find_typed(self) -> None:
        self.find_typed.emit(self.edit.text(), self.case.isChecked())

    def show_result(self, found: bool, position: tuple[int, int] = (0, 0)) -> None:
        """ "3 of 41 matches" after a find (``position``: current, total), or "Not found"."""
        current, total = position
        if not found:
            self.status.setText("Not found")
        elif total:
            self.status.setText(f"{current} of {total} match{'es' if total != 1 else ''}")
        else:
            self.status.setText("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.search(backwards=True)
                return True
        return super().eventFilter(watched, event)


class MessageBar(QFrame):
    """A dismissable message with one optional action button."""

    action_triggered = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), palette.color(palette.ColorRole.ToolTipBase))
        palette.setColor(self.foregroundRole(), palette.color(palette.ColorRole.ToolTipText))
        self.setPalette(palette)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("message_action")
        self.dismiss_button = QPushButton("Dismiss", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.dismiss_button)
        self.action_button.clicked.connect(self._act)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hide()

    def show_message(self, text: str, action: str = "") -> None:
        """Show ``text`` (replacing any message), with an action button when ``action``."""
        self.label.setText(text)
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action))
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _act(self) -> None:
        self.hide()
        self.action_triggered.emit()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class StatusLine(QStatusBar):
    """Summary on the left; on the right the filter note, then progress and Cancel."""

    cancel_requested = Signal()
    PROGRESS_DELAY_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_line")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary_label")
        self.note = QLabel(self)
        self.note.setObjectName("filter_label")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(180)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.addWidget(self.summary, 1)
        self.addPermanentWidget(self.note)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self.note.hide()
        self._show_progress(False)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(self.PROGRESS_DELAY_MS)
        self._delay.timeout.connect(lambda: self._show_progress(True))
        self.cancel_button.clicked.connect(self.cancel_requested)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def set_note(self, text: str) -> None:
        """What the filters hide ("3 changes hidden by the kind filter"); empty hides it."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        if busy:
            self.progress.setValue(0)
            self._delay.start()
        else:
            self._delay.stop()
            self._show_progress(False)

    def set_fraction(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)


class EmptyHint(QLabel):
    """The empty-state page: a dashed drop zone with the hint and two links."""

    open_requested = Signal()
    example_requested = Signal()

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_hint")
        self._hint = hint
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setStyleSheet(
            "QLabel#empty_hint { border: 2px dashed palette(mid); border-radius: 16px;"
            " margin: 48px; padding: 24px; }"
        )
        self.linkActivated.connect(self._on_link)
        self.show_hint()

    def show_hint(self, open_name: str | None = None) -> None:
        """The plain hint, or, with one file open, its name and how to add the next."""
        links = '<a href="open">Open files…</a> · <a href="example">Open the bundled example</a>'
        if open_name is None:
            head = self._hint
            body = "Versions oldest first: the raw page, then each cleaned or edited version."
        else:
            head = f"{html.escape(open_name)} is open."
            body = f"Add another version: {self._hint}."
        self.setText(
            f'<p style="font-size:x-large">{head}</p><p>{html.escape(body)}</p><p>{links}</p>'
        )

    def _on_link(self, link: str) -> None:
        if link == "open":
            self.open_requested.emit()
        elif link == "example":
            self.example_requested.emit()
