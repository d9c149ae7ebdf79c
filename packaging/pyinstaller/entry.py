"""PyInstaller's entry script for the frozen Diff Viewer: the same as the ``diffviewer`` command.

It lives outside the package because PyInstaller runs its script as ``__main__``; everything it
does is ``diffviewer.cli.main``. Imports: diffviewer.cli only.
"""

import sys

from diffviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
