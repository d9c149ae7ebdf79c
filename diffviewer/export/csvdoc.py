"""CSV export: one row per change, for a spreadsheet.

Columns: type, kind, rule, from, to, old index, new index, old text, new text, words_added,
words_removed, typographic. Versions are "v1", "v2"… and paragraph indexes are 1-based, as an
editor counts (JSON keeps 0-based indexes for programs); split/merged sides list their
paragraphs joined by ``;`` and their texts separated by a blank line.

Encoding: the document starts with a byte-order mark (U+FEFF, written as UTF-8 ``EF BB BF``).
Excel decodes a CSV without one in the machine's ANSI code page, which turns every curly
quote and accented letter of an article into mojibake; with it Excel reads UTF-8. LibreOffice,
Google Sheets and Python's ``csv`` with ``encoding="utf-8-sig"`` read the mark and drop it.
Rows end in CRLF, as RFC 4180 and the ``csv`` module's default dialect have it.

Formula injection (OWASP "CSV Injection"): a text cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return would be run as a formula by spreadsheets, so it gets a leading
apostrophe, which spreadsheets show as text and hide.
Imports: the standard library, ``diffviewer.core`` and ``export.common`` (no Qt).
"""

from __future__ import annotations

import csv
import io

from diffviewer.core.model import Comparison
from diffviewer.export import common

BOM = "\ufeff"
HEADER = (
    "type",
    "kind",
    "rule",
    "from",
    "to",
    "old index",
    "new index",
    "old text",
    "new text",
    "words_added",
    "words_removed",
    "typographic",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would read as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _numbers(indexes: tuple[int, ...]) -> str:
    return ";".join(str(i + 1) for i in indexes)


def render_csv(comparison: Comparison) -> str:
    """The whole table, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for change in comparison.changes:
        both = common.sides(comparison, change)
        writer.writerow(
            (
                change.type.value,
                change.kind.value,
                neutralise(change.rule),
                common.version_label(change.from_version),
                common.version_label(change.to_version),
                _numbers(change.old),
                _numbers(change.new),
                neutralise(both.old_text or ""),
                neutralise(both.new_text or ""),
                change.words_added,
                change.words_removed,
                "yes" if change.typographic else "no",
            )
        )
    return BOM + buffer.getvalue()
