"""Where bundled resources (rules, icons, examples) are found.

In an installed wheel they are package data under ``diffviewer/resources``; in a source
checkout (editable install, tests) they are the top-level ``resources/`` folder.
Imports: the standard library only (pathlib and importlib.resources when asked for paths:
the rules need neither).
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.abc imports importlib.resources, tempfile, shutil…: ~4 ms.
    from importlib.abc import Traversable
    from pathlib import Path


@functools.cache
def _plain_folder() -> str | None:
    """The resources as a plain folder (an installed wheel, a PyInstaller bundle, a checkout)."""
    here = os.path.dirname(os.path.realpath(__file__))
    for folder in (
        os.path.join(here, "resources"),
        os.path.join(os.path.dirname(here), "resources"),
    ):
        if os.path.isdir(folder):
            return folder
    return None


def resources_root() -> Traversable:
    """The folder holding ``rules/``, ``icons/`` and ``examples/``.

    Plain folders are tried first; ``importlib.resources`` (which imports zipfile and friends,
    ~6 ms of every start) only for a package imported from a zip archive.
    """
    from pathlib import Path

    folder = _plain_folder()
    if folder is not None:
        return Path(folder)
    from importlib import resources

    return resources.files("diffviewer").joinpath("resources")


def resource(*parts: str) -> Traversable:
    """A bundled resource, e.g. ``resource("rules", "kinds.toml")``."""
    node = resources_root()
    for part in parts:
        node = node.joinpath(part)
    return node


def resource_text(*parts: str) -> tuple[str, str]:
    """(where it is, its text) of a bundled UTF-8 text resource. Raises OSError,
    UnicodeDecodeError."""
    folder = _plain_folder()
    if folder is None:
        node = resource(*parts)
        return str(node), node.read_text(encoding="utf-8")
    path = os.path.join(folder, *parts)
    with open(path, encoding="utf-8") as handle:
        return path, handle.read()


def example_paths() -> tuple[Path, Path]:
    """The bundled example pair (raw page text, cleaned body) as real file paths."""
    from pathlib import Path

    folder = resource("examples")
    return (
        Path(str(folder.joinpath("article-v1.txt"))),
        Path(str(folder.joinpath("article-v2.txt"))),
    )
