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
``paragraph_list`` makes the document complete: ``from_json`` rebuilds the ``Comparison``.
Imports: the standard library, ``diffviewer`` (version) and ``diffviewer.core`` (no Qt).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from diffviewer import __version__
from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Kind,
    Newline,
    OpTag,
    Paragraph,
    Row,
    RowStatus,
    Version,
    WordOp,
)
from diffviewer.core.paragraphs import normalise
from diffviewer.core.summary import Summary, summarise

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


def _version(version: Version) -> dict[str, Any]:
    return {
        "path": version.path,
        "name": version.name,
        "encoding": version.encoding,
        "newline": version.newline.value,
        "paragraphs": len(version.paragraphs),
        "words": version.words,
        "confidence": version.confidence,
        "size": version.size,
        "warnings": list(version.warnings),
        "paragraph_list": [
            {
                "text": p.text,
                "kind": p.kind._value_,
                "rule": p.rule,
                "first_line": p.first_line,
                "last_line": p.last_line,
                "words": p.words,
            }
            for p in version.paragraphs
        ],
    }


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
    counts = summary.counts
    return {
        "schema": SCHEMA,
        "generator": f"diffviewer {__version__}",
        "summary": summary.sentence,
        "one_line": summary.line,
        "pairs": [list(pair) for pair in comparison.pairs],
        "options": dict(comparison.options_summary),
        "muted_typographic": comparison.muted_typographic,
        "versions": [_version(v) for v in comparison.versions],
        "rows": _rows(comparison),
        "changes": [_change(comparison, c) for c in comparison.changes],
        "totals": {
            "removed": counts.removed,
            "inserted": counts.inserted,
            "changed": counts.changed,
            "moved": counts.moved,
            "split": counts.split,
            "merged": counts.merged,
            "typographic": counts.typographic,
            "body_changed": counts.body_changed,
            "by_kind": {kind.value: n for kind, n in counts.kind_counts},
        },
    }


def render_json(comparison: Comparison, summary: Summary | None = None) -> str:
    """The document as text, ending in a newline."""
    summary = summary or summarise(comparison)
    # For an all-ASCII document both settings write the same bytes; the escaping one is faster.
    plain = _all_ascii(comparison, summary)
    data = to_data(comparison, summary)
    return json.dumps(data, ensure_ascii=plain, separators=(",", ":")) + "\n"


def _all_ascii(comparison: Comparison, summary: Summary) -> bool:
    """Whether every string of the document is ASCII without DEL (which only the escaping
    setting escapes). ``isascii`` is O(1) on Python strings; the DEL test a fast scan.

    Change texts and word ops come from paragraph texts (keys: NFC, which keeps ASCII ASCII);
    kinds, rule names and generator are ASCII by construction.
    """
    strings = [summary.sentence, summary.line, *(s for o in comparison.options_summary for s in o)]
    for version in comparison.versions:
        strings += [version.name, version.path or "", version.encoding, *version.warnings]
        strings += [p.text for p in version.paragraphs]
    return all(s.isascii() and "\x7f" not in s for s in strings)


def _indexes(side: Mapping[str, Any]) -> tuple[int, ...]:
    if "indexes" in side:
        return tuple(int(i) for i in side["indexes"])
    return () if side["index"] is None else (int(side["index"]),)


def _load_version(data: Mapping[str, Any]) -> Version:
    paragraphs = tuple(
        Paragraph(
            index=index,
            text=str(p["text"]),
            key=normalise(str(p["text"])),
            first_line=int(p["first_line"]),
            last_line=int(p["last_line"]),
            words=int(p["words"]),
            kind=Kind(p["kind"]),
            rule=str(p["rule"]),
        )
        for index, p in enumerate(data["paragraph_list"])
    )
    return Version(
        name=str(data["name"]),
        path=None if data["path"] is None else str(data["path"]),
        encoding=str(data["encoding"]),
        confidence=float(data["confidence"]),
        newline=Newline(data["newline"]),
        paragraphs=paragraphs,
        warnings=tuple(str(w) for w in data["warnings"]),
        size=int(data["size"]),
    )


def _load_change(data: Mapping[str, Any]) -> Change:
    ops: Sequence[Mapping[str, Any]] = data.get("word_ops", ())
    return Change(
        type=ChangeType(data["type"]),
        from_version=int(data["from"]),
        to_version=int(data["to"]),
        old=_indexes(data["old"]),
        new=_indexes(data["new"]),
        kind=Kind(data["kind"]),
        rule=str(data["rule"]),
        word_ops=tuple(WordOp(OpTag(op["op"]), str(op["text"])) for op in ops),
        words_added=int(data["words_added"]),
        words_removed=int(data["words_removed"]),
        typographic=bool(data["typographic"]),
        similarity=float(data["similarity"]),
        rows=tuple(int(r) for r in data["rows"]),
    )


def _load_row(data: Mapping[str, Any]) -> Row:
    return Row(
        cells=tuple(None if c is None else int(c) for c in data["cells"]),
        links=tuple(None if s is None else RowStatus(s) for s in data["links"]),
        status=RowStatus(data["status"]),
    )


def from_json(data: Mapping[str, Any] | str) -> Comparison:
    """Rebuild the ``Comparison`` from a schema-1 document (its text or its parsed data).

    Raises ``ValueError`` naming what is missing or wrong when the document is not one.
    """
    try:
        doc: Any = json.loads(data) if isinstance(data, str) else data
        if not isinstance(doc, Mapping) or doc.get("schema") != SCHEMA:
            raise ValueError(f"not a diffviewer JSON document of schema {SCHEMA}")
        return Comparison(
            versions=tuple(_load_version(v) for v in doc["versions"]),
            rows=tuple(_load_row(r) for r in doc["rows"]),
            changes=tuple(_load_change(c) for c in doc["changes"]),
            pairs=tuple((int(a), int(b)) for a, b in doc["pairs"]),
            muted_typographic=int(doc["muted_typographic"]),
            options_summary=tuple((str(k), str(v)) for k, v in doc["options"].items()),
        )
    except KeyError as error:
        raise ValueError(f"diffviewer JSON document lacks the key {error}") from error
    except (TypeError, AttributeError) as error:
        raise ValueError(f"malformed diffviewer JSON document: {error}") from error
