"""Dialogs of the main window: export, preferences, about/shortcuts. Imports: PySide6, core, ui."""
