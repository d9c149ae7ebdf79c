"""JSON export (schema 1) and its loader.

The document, UTF-8 with non-ASCII characters as they are (not ``\\u`` escapes), compact (no
indentation: only then does Python use its C encoder, about 5× faster on large comparisons;
``python -m json.tool`` pretty-prints)::

    {"schema": 1,
     "generator": "diffviewer X.Y.Z",
     "summary": "5 paragraphs removed: …",          # the sentence an editor reads
     "one_line": "5 removed: …",                    # the status-bar form
     "pairs": [[0, 1], …],                          # compared version pairs, 0-based
     "options": {"ignore case": "on", …},           # non-default options only
     "muted_typographic": n,                        # typographic-only edits left out of changes
     "versions": [{"path", "name", "encoding", "newline", "paragraphs", "words",
                   "confidence", "size", "warnings": [str],
                   "paragraph_list": [{"text", "kind", "rule", "first_line", "last_line",
                                       "words"}]}],
     "rows": [{"cells": [paragraph index or null, one per version],
               "kinds": [kind or null, one per version],
               "status": "equal|changed|inserted|removed|moved|split|merged",
               "links": [status or null, one per pair]}],
     "changes": [{"type": "removed|inserted|changed|moved|split|merged",
                  "from": i, "to": j,                        # 0-based version indexes
                  "kind": "headline|…|navigation|body", "rule": "rule name",
                  "old": {"index": int|null, "text": str|null},
                  "new": {"index": int|null, "text": str|null},
                  "words_added": n, "words_removed": n,
                  "typographic": bool, "similarity": float, "rows": [row numbers, 0-based],
                  "word_ops": [{"op": "equal|delete|insert", "text": str}]}],
     "totals": {"removed", "inserted", "changed", "moved", "split", "merged", "typographic",
                "body_changed": bool, "by_kind": {"caption": n, …}}}

Paragraph and row indexes are 0-based. For split and merged changes, ``old``/``new`` hold the
first paragraph in ``index``/``text`` and every paragraph in ``indexes``/``texts``.
``word_ops`` is present when the change has a word diff (changed, and moved with edits).
``paragraph_list`` makes the document complete: ``jsonload.from_json`` rebuilds the
``Comparison``.

``to_data`` gives the document as plain data; ``render_json`` writes the same document as
``json.dumps(to_data(…), ensure_ascii=False, separators=(",", ":"))`` would, byte for byte (a
test holds it to that), but straight to text: paragraphs, rows and changes are formatted
directly around the C string escapers of ``json.encoder``; small parts go through
``json.dumps``. ``json_pieces`` gives it in pieces of a few thousand paragraphs, rows or
changes, which the command line writes as they come (peak memory at 50,000 paragraphs: bench/).
This restates ``to_data``'s fields, and stays because it pays: 2.5-3× faster than building and
encoding tens of thousands of small dicts (bench: 0.03 s against 0.08 s at 5,000 paragraphs,
0.36 s against 0.86 s at 50,000: a tenth of the whole command's time).
Imports: the standard library, ``diffviewer`` (version) and ``diffviewer.core`` (no Qt).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from diffviewer import __version__
from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Version,
)
from diffviewer.core.summary import Summary, summarise
from diffviewer.core.visible import encodable

SCHEMA = 1

# ``member._value_`` below: the same string as ``member.value``, read as a plain attribute
# (``value`` is a Python-level property: tens of thousands of reads cost milliseconds).


def _side(version: Version, indexes: tuple[int, ...], multi: bool) -> dict[str, Any]:
    texts = [version.paragraphs[i].text for i in indexes]
    side: dict[str, Any] = {
        "index": indexes[0] if indexes else None,
        "text": texts[0] if texts else None,
    }
    if multi:
        side["indexes"] = list(indexes)
        side["texts"] = texts
    return side


def _change(comparison: Comparison, change: Change) -> dict[str, Any]:
    multi = change.type in (ChangeType.SPLIT, ChangeType.MERGED)
    out: dict[str, Any] = {
        "type": change.type.value,
        "from": change.from_version,
        "to": change.to_version,
        "kind": change.kind.value,
        "rule": change.rule,
        "old": _side(comparison.versions[change.from_version], change.old, multi),
        "new": _side(comparison.versions[change.to_version], change.new, multi),
        "words_added": change.words_added,
        "words_removed": change.words_removed,
        "typographic": change.typographic,
        "similarity": change.similarity,
        "rows": list(change.rows),
    }
    if change.word_ops:
        out["word_ops"] = [{"op": op.tag._value_, "text": op.text} for op in change.word_ops]
    return out


def _version(version: Version, *, with_paragraphs: bool = True) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "path": None if version.path is None else encodable(version.path),
        "name": encodable(version.name),
        "encoding": version.encoding,
        "newline": version.newline.value,
        "paragraphs": len(version.paragraphs),
        "words": version.words,
        "confidence": version.confidence,
        "size": version.size,
        "warnings": list(version.warnings),
    }
    if with_paragraphs:
        facts["paragraph_list"] = [
            {
                "text": p.text,
                "kind": p.kind._value_,
                "rule": p.rule,
                "first_line": p.first_line,
                "last_line": p.last_line,
                "words": p.words,
            }
            for p in version.paragraphs
        ]
    return facts


def _rows(comparison: Comparison) -> list[dict[str, Any]]:
    kinds = [[p.kind._value_ for p in version.paragraphs] for version in comparison.versions]
    return [
        {
            "cells": list(row.cells),
            "kinds": [
                None if index is None else kinds[version][index]
                for version, index in enumerate(row.cells)
            ],
            "status": row.status._value_,
            "links": [None if link is None else link._value_ for link in row.links],
        }
        for row in comparison.rows
    ]


def to_data(comparison: Comparison, summary: Summary | None = None) -> dict[str, Any]:
    """The document as plain dicts and lists (what ``json.loads(render_json(…))`` returns)."""
    summary = summary or summarise(comparison)
    return {
        **to_data_head(comparison, summary),
        "versions": [_version(v) for v in comparison.versions],
        "rows": _rows(comparison),
        "changes": [_change(comparison, c) for c in comparison.changes],
        "totals": _totals(summary),
    }


def to_data_head(comparison: Comparison, summary: Summary) -> dict[str, Any]:
    """The document's first keys, before the versions."""
    return {
        "schema": SCHEMA,
        "generator": f"diffviewer {__version__}",
        "summary": summary.sentence,
        "one_line": summary.line,
        "pairs": [list(pair) for pair in comparison.pairs],
        "options": dict(comparison.options_summary),
        "muted_typographic": comparison.muted_typographic,
    }


def _totals(summary: Summary) -> dict[str, Any]:
    counts = summary.counts
    return {
        "removed": counts.removed,
        "inserted": counts.inserted,
        "changed": counts.changed,
        "moved": counts.moved,
        "split": counts.split,
        "merged": counts.merged,
        "typographic": counts.typographic,
        "body_changed": counts.body_changed,
        "by_kind": {kind.value: n for kind, n in counts.kind_counts},
    }


def render_json(comparison: Comparison, summary: Summary | None = None) -> str:
    """The document as text (see the module doc), ending in a newline."""
    return "".join(json_pieces(comparison, summary))


_PIECE = 2_000
"""Paragraphs, rows or changes per piece of ``json_pieces`` (a few hundred KB of text)."""


def json_pieces(comparison: Comparison, summary: Summary | None = None) -> Iterator[str]:
    """The document of ``render_json`` in pieces whose concatenation it is, so that a writer
    need not hold a large report whole (at 50,000 paragraphs the text is ~60 MB)."""
    summary = summary or summarise(comparison)
    data = to_data_head(comparison, summary)
    yield _dump(data)[:-1]  # Without its closing brace: the bulk follows.
    yield ',"versions":['
    for number, version in enumerate(comparison.versions):
        if number:
            yield ","
        yield from _version_pieces(version)
    yield '],"rows":['
    yield from _rows_pieces(comparison)
    yield '],"changes":['
    changes = comparison.changes
    for start in range(0, len(changes), _PIECE):
        text = ",".join(_change_text(comparison, c) for c in changes[start : start + _PIECE])
        yield f",{text}" if start else text
    yield '],"totals":'
    yield _dump(_totals(summary))
    yield "}\n"


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_escape_ascii = json.encoder.encode_basestring_ascii
_escape = json.encoder.encode_basestring


def _string(text: str) -> str:
    """``text`` as a JSON string literal, non-ASCII characters as they are."""
    # Printable-or-control ASCII (not DEL) comes out the same from the ASCII escaper, which is
    # about 2.5× faster; ``isascii`` is O(1).
    if text.isascii() and "\x7f" not in text:
        return _escape_ascii(text)
    return _escape(text)


def _version_pieces(version: Version) -> Iterator[str]:
    string = _string
    rules = {rule: string(rule) for rule in {p.rule for p in version.paragraphs}}
    facts = _dump(_version(version, with_paragraphs=False))
    yield f'{facts[:-1]},"paragraph_list":['
    paragraphs = version.paragraphs
    for start in range(0, len(paragraphs), _PIECE):
        text = ",".join(
            f'{{"text":{string(p.text)},"kind":"{p.kind._value_}","rule":{rules[p.rule]},'
            f'"first_line":{p.first_line},"last_line":{p.last_line},"words":{p.words}}}'
            for p in paragraphs[start : start + _PIECE]
        )
        yield f",{text}" if start else text
    yield "]}"


def _rows_pieces(comparison: Comparison) -> Iterator[str]:
    kinds = [[f'"{p.kind._value_}"' for p in v.paragraphs] for v in comparison.versions]
    rows = comparison.rows
    for start in range(0, len(rows), _PIECE):
        out = []
        for row in rows[start : start + _PIECE]:
            cells = ",".join("null" if i is None else str(i) for i in row.cells)
            row_kinds = ",".join(
                "null" if i is None else kinds[v][i] for v, i in enumerate(row.cells)
            )
            links = ",".join("null" if s is None else f'"{s._value_}"' for s in row.links)
            out.append(
                f'{{"cells":[{cells}],"kinds":[{row_kinds}],'
                f'"status":"{row.status._value_}","links":[{links}]}}'
            )
        text = ",".join(out)
        yield f",{text}" if start else text


def _side_text(version: Version, indexes: tuple[int, ...], multi: bool) -> str:
    texts = [_string(version.paragraphs[i].text) for i in indexes]
    first = f'{{"index":{indexes[0]},"text":{texts[0]}' if indexes else '{"index":null,"text":null'
    if not multi:
        return first + "}"
    numbers = ",".join(map(str, indexes))
    return f'{first},"indexes":[{numbers}],"texts":[{",".join(texts)}]}}'


def _change_text(comparison: Comparison, change: Change) -> str:
    multi = change.type in (ChangeType.SPLIT, ChangeType.MERGED)
    old = _side_text(comparison.versions[change.from_version], change.old, multi)
    new = _side_text(comparison.versions[change.to_version], change.new, multi)
    text = (
        f'{{"type":"{change.type._value_}","from":{change.from_version},'
        f'"to":{change.to_version},"kind":"{change.kind._value_}","rule":{_string(change.rule)},'
        f'"old":{old},"new":{new},"words_added":{change.words_added},'
        f'"words_removed":{change.words_removed},'
        f'"typographic":{"true" if change.typographic else "false"},'
        f'"similarity":{float.__repr__(change.similarity)},'
        f'"rows":[{",".join(map(str, change.rows))}]'
    )
    if change.word_ops:
        ops = ",".join(
            f'{{"op":"{op.tag._value_}","text":{_string(op.text)}}}' for op in change.word_ops
        )
        text += f',"word_ops":[{ops}]'
    return text + "}"
