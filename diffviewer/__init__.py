"""diffviewer: compare versions of a news article paragraph by paragraph.

The package version lives here and only here. Importing the package imports nothing else.
"""

__version__ = "0.1.0"
APP_ID = "io.github.diffviewer.DiffViewer"
