"""The main window's dialogs and clipboard: export, print, copy summary, preferences.

``DialogCommands`` is a mixin of ``MainWindow`` (ui/mainwindow.py), which it relies on for
``_comparison``, ``status_line``, ``statusBar``, ``options``, ``toggles``, ``settings``,
``base_font``, ``view`` and ``set_options``. The dialogs are imported when first opened, not
at start-up.
Imports: PySide6, ``export``, and (lazily) ``ui.dialogs``, ``ui.exported``, ``ui.pdf``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication

from diffviewer.export import render
from diffviewer.ui.settings import KEYS


class DialogCommands:
    """Export, print, copy the summary, and the preferences dialog."""

    def export_dialog(self) -> None:
        from diffviewer.ui.dialogs.export import ExportDialog

        if self._comparison is not None:
            dialog = ExportDialog(self._comparison, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.exported.connect(self._exported)
            dialog.open()

    def _exported(self, path: str) -> None:
        from diffviewer.ui.exported import ExportNotice

        notice = self.status_line.findChild(ExportNotice)
        if notice is None:
            notice = ExportNotice(self.status_line)
            self.status_line.addPermanentWidget(notice)
        notice.show_path(path)

    def print_comparison(self) -> None:
        from diffviewer.ui.pdf import print_comparison

        if self._comparison is not None:
            print_comparison(self._comparison, self)

    def copy_summary(self) -> None:
        if self._comparison is not None:
            QGuiApplication.clipboard().setText(render(self._comparison, "md"))
            self.statusBar().showMessage("Summary copied as Markdown.", 3000)

    def preferences_dialog(self) -> None:
        from diffviewer.ui.dialogs.preferences import Preferences, PreferencesDialog

        current = Preferences(
            self.options,
            self.toggles.hide_typographic(),
            QFont(self.base_font),
            self.view.zoom(),
            context_rows=self.settings.get(KEYS.CONTEXT_ROWS),
        )
        dialog = PreferencesDialog(current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.preferences()))
        dialog.open()

    def apply_preferences(self, preferences: object) -> None:
        from diffviewer.ui.dialogs.preferences import Preferences

        assert isinstance(preferences, Preferences)
        self.settings.set_compare_options(preferences.options)
        self.settings.set(KEYS.FONT, preferences.font.toString())
        self.settings.set(KEYS.ZOOM, preferences.zoom)
        self.settings.set(KEYS.CONTEXT_ROWS, preferences.context_rows)
        self.view.set_context_rows(preferences.context_rows)
        self.base_font = QFont(preferences.font)
        self.view.set_base_font(preferences.font)
        self.view.set_zoom(preferences.zoom)
        self.toggles.set_hide_typographic(preferences.hide_typographic)
        if preferences.options != self.options:
            self.set_options(preferences.options)
