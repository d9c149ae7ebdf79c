"""Exports: a ``Comparison`` as text, Markdown, HTML, JSON or CSV, and atomic writing of them.

``FORMATS`` is the one table of formats (name → renderer, file suffix, description) that the
CLI's ``--summary`` choices and the UI's export dialog read. ``render`` returns the document as
a string, ``render_pieces`` the same text in pieces (JSON, the format of large reports, comes a
few thousand paragraphs at a time, so no writer holds it whole); ``write`` writes the pieces
atomically (see ``export.atomic``). A format's module is imported
when it first renders, and ``export.atomic`` when it first writes: the command line writes
one format, often to standard output, and need not import the rest.
Imports: the standard library, ``diffviewer.core`` and the modules of this package; never Qt
(PDF export goes through Qt and lives in ``ui/``).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from diffviewer.core.model import Comparison
    from diffviewer.export.atomic import write_atomic

__all__ = [
    "FORMATS",
    "Format",
    "format_for_path",
    "render",
    "render_pieces",
    "write",
    "write_atomic",
]


@dataclass(frozen=True, slots=True)
class Format:
    """One export format."""

    name: str
    """What ``--summary`` takes: ``text``, ``md``, ``html``, ``json``, ``csv``."""
    suffix: str
    description: str
    """For a file dialog's filter: "HTML page"."""
    media_type: str
    renderer: str
    """Where the renderer lives: ``module:function`` under ``diffviewer.export``."""

    @property
    def render(self) -> Callable[[Comparison], str]:
        """The renderer (its module is imported on first use)."""
        module, function = self.renderer.split(":")
        found = getattr(importlib.import_module(f"diffviewer.export.{module}"), function)
        return cast("Callable[[Comparison], str]", found)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", ".txt", "Plain text report", "text/plain", "text:render_text"),
        Format("md", ".md", "Markdown report", "text/markdown", "markdown:render_markdown"),
        Format("html", ".html", "HTML page (side by side)", "text/html", "html:render_html"),
        Format("json", ".json", "JSON data", "application/json", "jsondoc:render_json"),
        Format("csv", ".csv", "CSV table of changes", "text/csv", "csvdoc:render_csv"),
    )
}

_SUFFIXES = {".txt": "text", ".text": "text", ".md": "md", ".markdown": "md", ".htm": "html"}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for by its suffix (``report.HTML`` → ``html``), if any."""
    from pathlib import PurePath  # Here: a report to stdout needs no pathlib (nor urllib).

    suffix = PurePath(path).suffix.lower()
    for f in FORMATS.values():
        if f.suffix == suffix:
            return f.name
    return _SUFFIXES.get(suffix)


def render(comparison: Comparison, fmt: str) -> str:
    """The document in format ``fmt`` (a key of ``FORMATS``); ``KeyError`` for another name.

    Text, Markdown and CSV have no escaping of their own and are read in terminals (``cat``,
    ``less``): their control characters are written out visibly (``core.visible``). JSON
    escapes them itself (C1 too, here); HTML keeps the exact text, which a browser shows inert.
    """
    from diffviewer.core.visible import json_safe, visible

    document = FORMATS[fmt].render(comparison)
    if fmt == "json":
        return json_safe(document)
    if fmt == "html":
        return document
    return visible(document)


def render_pieces(comparison: Comparison, fmt: str) -> Iterator[str]:
    """``render``'s document in pieces whose concatenation it is: JSON a few thousand
    paragraphs, rows or changes at a time, the other formats in one piece."""
    if fmt != "json":
        yield render(comparison, fmt)
        return
    from diffviewer.core.visible import json_safe
    from diffviewer.export.jsondoc import json_pieces

    for piece in json_pieces(comparison):
        yield json_safe(piece)  # Character by character: the same as on the whole text.


def write(comparison: Comparison, fmt: str, path: str | os.PathLike[str]) -> None:
    """Render and write atomically as UTF-8; raises ``ExportError`` naming the file."""
    from diffviewer.export.atomic import write_atomic

    write_atomic(path, render_pieces(comparison, fmt))


def __getattr__(name: str) -> object:
    """``write_atomic`` on first use: its module imports ``tempfile``, which standard output
    does not need."""
    if name == "write_atomic":
        from diffviewer.export.atomic import write_atomic

        return write_atomic
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
