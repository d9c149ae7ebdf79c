"""PyInstaller's entry script for the frozen Diff Viewer: the same as the ``diffviewer`` command.

It lives outside the package because PyInstaller runs its script as ``__main__``; everything it
does is ``diffviewer.cli.run``. Imports: diffviewer.cli only.
"""

from diffviewer.cli import run

if __name__ == "__main__":
    run()
