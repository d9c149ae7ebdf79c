"""Where bundled resources (rules, icons, examples) are found.

In an installed wheel they are package data under ``diffviewer/resources``; in a source
checkout (editable install, tests) they are the top-level ``resources/`` folder.
Imports: the standard library only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.abc imports importlib.resources, tempfile, shutil…: ~4 ms.
    from importlib.abc import Traversable


def resources_root() -> Traversable:
    """The folder holding ``rules/``, ``icons/`` and ``examples/``.

    Plain folders are tried first (an installed wheel, a PyInstaller bundle, a checkout);
    ``importlib.resources`` (which imports zipfile and friends, ~6 ms of every start) only for a
    package imported from a zip archive.
    """
    here = Path(__file__).resolve().parent
    for folder in (here / "resources", here.parent / "resources"):
        if folder.is_dir():
            return folder
    from importlib import resources

    return resources.files("diffviewer").joinpath("resources")


def resource(*parts: str) -> Traversable:
    """A bundled resource, e.g. ``resource("rules", "kinds.toml")``."""
    node = resources_root()
    for part in parts:
        node = node.joinpath(part)
    return node


def example_paths() -> tuple[Path, Path]:
    """The bundled example pair (raw page text, cleaned body) as real file paths."""
    folder = resource("examples")
    return (
        Path(str(folder.joinpath("article-v1.txt"))),
        Path(str(folder.joinpath("article-v2.txt"))),
    )
