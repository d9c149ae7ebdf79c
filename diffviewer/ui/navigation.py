"""Where the user is among the changes ("Change 3 of 17"), and what happens past either end.

``ChangeNavigator`` runs Next/Previous Change for the window: past the last change (or before
the first) it says so in the status bar and offers to wrap; the same key again within
``WRAP_OFFER_MS`` goes round to the first (or last) change. It keeps two labels current: one
beside the toolbar's navigation arrows, one in the status bar.
Imports: PySide6 and ``ui.view``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from diffviewer.ui.view import ComparisonView

WRAP_OFFER_MS = 5000


class ChangeNavigator(QObject):
    """Next/previous change with an offer to wrap, and the "Change n of N" labels."""

    def __init__(self, view: ComparisonView, status_bar: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._view = view
        self._status_bar = status_bar
        self.toolbar_label = QLabel(parent)
        self.toolbar_label.setObjectName("change_position_toolbar")
        self.toolbar_label.setContentsMargins(6, 0, 6, 0)
        self.status_label = QLabel(parent)
        self.status_label.setObjectName("change_position")
        self._offer: int = 0
        """+1 while a wrap to the first change is on offer, -1 to the last, 0 for none."""
        self._offer_timer = QTimer(self)
        self._offer_timer.setSingleShot(True)
        self._offer_timer.setInterval(WRAP_OFFER_MS)
        self._offer_timer.timeout.connect(self._withdraw_offer)
        view.current_change_changed.connect(self.refresh)
        view.visible_changes_changed.connect(self.refresh)
        self.refresh()

    def next(self) -> bool:
        return self._step(+1)

    def previous(self) -> bool:
        return self._step(-1)

    def _step(self, direction: int) -> bool:
        view = self._view
        if view.next_change() if direction > 0 else view.previous_change():
            self._withdraw_offer()
            return True
        if not view.visible_changes():
            self._status_bar.showMessage("No changes to go to.", WRAP_OFFER_MS)
            return False
        if self._offer == direction:
            self._withdraw_offer()
            (view.first_change() if direction > 0 else view.last_change())
            where = "first" if direction > 0 else "last"
            self._status_bar.showMessage(f"Wrapped around to the {where} change.", WRAP_OFFER_MS)
            return True
        self._offer = direction
        self._offer_timer.start()
        if direction > 0:
            text = "Last change reached. Next Change again (F7) goes to the first."
        else:
            text = "First change reached. Previous Change again (Shift+F7) goes to the last."
        self._status_bar.showMessage(text, WRAP_OFFER_MS)
        return False

    def _withdraw_offer(self) -> None:
        self._offer = 0
        self._offer_timer.stop()

    def position(self) -> tuple[int, int]:
        """(number of the current change among the shown ones, 1-based, or 0; how many)."""
        visible = self._view.visible_changes()
        current = self._view.current_change()
        return (visible.index(current) + 1 if current in visible else 0), len(visible)

    def refresh(self, *_args: object) -> None:
        number, total = self.position()
        comparison = self._view.comparison()
        if comparison is None or comparison.first_look:  # (A first look has no changes yet.)
            short = long = ""
        elif not total:
            short = long = "No changes"
        elif number:
            short, long = f"{number} of {total}", f"Change {number} of {total}"
        else:
            short = long = f"{total} change{'s' if total != 1 else ''}"
        self.toolbar_label.setText(short)
        self.status_label.setText(long)
        self.status_label.setVisible(bool(long))
