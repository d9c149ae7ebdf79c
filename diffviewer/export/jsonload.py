"""Reading a JSON document (schema 1, ``export.jsondoc``) back into a ``Comparison``.

``paragraph_list`` makes the document complete, so ``from_json`` rebuilds exactly the
comparison that was written (keys are normalised again from the texts).
Imports: the standard library and ``diffviewer.core``, ``export.jsondoc`` (no Qt).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

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
from diffviewer.export.jsondoc import SCHEMA


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
            kind=_kind(p["kind"]),
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


_KINDS = {kind.value: kind for kind in Kind}


def _kind(value: object) -> Kind:
    """The kind named ``value``; one this version does not know (the list of kinds is open:
    a later version may add some) is taken for boilerplate, as the schema documents."""
    return _KINDS.get(str(value), Kind.PROMO)


def _load_change(data: Mapping[str, Any]) -> Change:
    ops: Sequence[Mapping[str, Any]] = data.get("word_ops", ())
    return Change(
        type=ChangeType(data["type"]),
        from_version=int(data["from"]),
        to_version=int(data["to"]),
        old=_indexes(data["old"]),
        new=_indexes(data["new"]),
        kind=_kind(data["kind"]),
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
