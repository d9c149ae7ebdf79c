"""``python -m diffviewer``: the same command as ``diffviewer``."""

from diffviewer.cli import run

run()
