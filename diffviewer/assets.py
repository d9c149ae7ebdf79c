"""Where bundled resources (rules, icons, examples) are found.

In an installed wheel they are package data under ``diffviewer/resources``; in a source
checkout (editable install, tests) they are the top-level ``resources/`` folder.
Imports: the standard library only.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def resources_root() -> Traversable:
    """The folder holding ``rules/``, ``icons/`` and ``examples/``."""
    packaged = resources.files("diffviewer").joinpath("resources")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


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
