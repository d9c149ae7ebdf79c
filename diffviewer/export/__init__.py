"""Exports: a ``Comparison`` as text, Markdown, HTML, JSON or CSV, and atomic writing of them.

``FORMATS`` is the one table of formats (name → renderer, file suffix, description) that the
CLI's ``--summary`` choices and the UI's export dialog read. ``render`` returns the document as
a string; ``write`` writes it atomically (see ``export.atomic``).
Imports: the standard library, ``diffviewer.core`` and the modules of this package; never Qt
(PDF export goes through Qt and lives in ``ui/``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from diffviewer.core.model import Comparison
from diffviewer.export.atomic import write_atomic
from diffviewer.export.csvdoc import render_csv
from diffviewer.export.html import render_html
from diffviewer.export.jsondoc import render_json
from diffviewer.export.markdown import render_markdown
from diffviewer.export.text import render_text

__all__ = ["FORMATS", "Format", "format_for_path", "render", "write", "write_atomic"]


@dataclass(frozen=True, slots=True)
class Format:
    """One export format."""

    name: str
    """What ``--summary`` takes: ``text``, ``md``, ``html``, ``json``, ``csv``."""
    suffix: str
    description: str
    """For a file dialog's filter: "HTML page"."""
    media_type: str
    render: Callable[[Comparison], str]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", ".txt", "Plain text report", "text/plain", render_text),
        Format("md", ".md", "Markdown report", "text/markdown", render_markdown),
        Format("html", ".html", "HTML page (side by side)", "text/html", render_html),
        Format("json", ".json", "JSON data", "application/json", render_json),
        Format("csv", ".csv", "CSV table of changes", "text/csv", render_csv),
    )
}

_SUFFIXES = {".txt": "text", ".text": "text", ".md": "md", ".markdown": "md", ".htm": "html"}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for by its suffix (``report.HTML`` → ``html``), if any."""
    suffix = PurePath(path).suffix.lower()
    for f in FORMATS.values():
        if f.suffix == suffix:
            return f.name
    return _SUFFIXES.get(suffix)


def render(comparison: Comparison, fmt: str) -> str:
    """The document in format ``fmt`` (a key of ``FORMATS``); ``KeyError`` for another name."""
    return FORMATS[fmt].render(comparison)


def write(comparison: Comparison, fmt: str, path: str | os.PathLike[str]) -> None:
    """Render and write atomically as UTF-8; raises ``ExportError`` naming the file."""
    write_atomic(path, render(comparison, fmt))
