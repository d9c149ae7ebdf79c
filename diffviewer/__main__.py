"""``python -m diffviewer``: the same command as ``diffviewer``."""

import sys

from diffviewer.cli import main

sys.exit(main())
