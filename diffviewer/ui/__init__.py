"""The desktop viewer (PySide6). Nothing here is imported on the headless path.

Shell: app.py (entry point, single instance, file-open events), mainwindow.py, actions.py (one
action table), settings.py (one settings table), worker.py, bars.py, watcher.py, cleaning.py,
errors.py, pdf.py, dialogs/. View: view.py and its table, model, delegate, headers, overview,
palette, changelist.py. Modules here may import PySide6, ``diffviewer.core`` and
``diffviewer.export``; the core and the exports never import this package.
"""
