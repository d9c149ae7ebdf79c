"""export.jsondoc (schema 1 contract, loader round trip) and export.csvdoc (BOM, injection)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare_texts
from diffviewer.core.model import Comparison
from diffviewer.export.csvdoc import BOM, HEADER, neutralise, render_csv
from diffviewer.export.jsondoc import render_json, to_data
from diffviewer.export.jsonload import from_json
from tests.export.export_builders import (
    ALL_CASES,
    build,
    hostile_comparison,
    mixed_comparison,
    row,
    seed_like_comparison,
    version,
)

# --- JSON -----------------------------------------------------------------------------------


def test_json_follows_the_schema_1_contract() -> None:
    """Every key of the documented contract is there, with the documented shapes."""
    doc = json.loads(render_json(seed_like_comparison()))
    assert doc["schema"] == 1
    assert set(doc) >= {"schema", "versions", "rows", "changes", "totals", "summary"}
    for v in doc["versions"]:
        assert set(v) >= {"path", "name", "encoding", "newline", "paragraphs", "words"}
        assert isinstance(v["paragraphs"], int)
        assert isinstance(v["words"], int)
    assert doc["versions"][0]["name"] == "article-v1.txt"
    assert doc["versions"][0]["path"] == "/articles/article-v1.txt"
    assert doc["versions"][0]["newline"] == "LF"
    for r in doc["rows"]:
        assert set(r) >= {"cells", "kinds", "status"}
        assert len(r["cells"]) == len(r["kinds"]) == 2
    assert doc["rows"][0] == {
        "cells": [0, None],
        "kinds": ["headline", None],
        "status": "removed",
        "links": ["removed"],
    }
    assert len(doc["changes"]) == 5
    first = doc["changes"][0]
    assert first == {
        "type": "removed",
        "from": 0,
        "to": 1,
        "kind": "headline",
        "rule": "h1",
        "old": {"index": 0, "text": first["old"]["text"]},
        "new": {"index": None, "text": None},
        "words_added": 0,
        "words_removed": 12,
        "typographic": False,
        "similarity": 1.0,
        "rows": [0],
    }
    assert first["old"]["text"].startswith("China Demand U.S. Yield")
    assert {c["type"] for c in doc["changes"]} == {"removed"}
    assert doc["totals"] == {
        "removed": 5,
        "inserted": 0,
        "changed": 0,
        "moved": 0,
        "split": 0,
        "merged": 0,
        "typographic": 0,
        "body_changed": False,
        "by_kind": {"headline": 1, "caption": 3, "comment_prompt": 1},
    }
    assert doc["summary"].startswith("5 paragraphs removed: 1 headline, 3 captions")


def test_json_split_merge_list_every_paragraph_and_edits_carry_word_ops() -> None:
    """Split/merged sides add indexes/texts; changed and moved add their word ops."""
    changes = {(c["type"], c["old"]["index"]): c for c in to_data(mixed_comparison())["changes"]}
    split = changes[("split", 3)]
    assert split["new"] == {
        "index": 2,
        "text": "First half.",
        "indexes": [2, 3],
        "texts": ["First half.", "Second half."],
    }
    assert split["old"]["indexes"] == [3]
    merged = changes[("merged", 4)]
    assert merged["old"]["texts"] == ["Left part.", "Right part."]
    edit = changes[("changed", 1)]
    assert edit["word_ops"] == [
        {"op": "equal", "text": "The "},
        {"op": "delete", "text": "cat"},
        {"op": "insert", "text": "dog"},
        {"op": "equal", "text": " sat on the mat."},
    ]
    assert "word_ops" in changes[("moved", 2)]
    assert "word_ops" not in changes[("removed", 7)]
    assert changes[("changed", 6)]["typographic"] is True


def test_json_is_utf8_and_compact() -> None:
    """Curly quotes stay themselves (ensure_ascii=False); one compact line (C encoder)."""
    text = render_json(seed_like_comparison())
    assert "‘Russia’s Reasonable Concerns’" in text
    assert text.startswith('{"schema":1,')
    assert text.count("\n") == 1 and text.endswith("}\n")


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def _first_kept(old: list[str], name: str) -> Comparison:
    """Version ``name`` holding ``old``, against a version that keeps only its first paragraph."""
    rows = [row((i, 0 if i == 0 else None)) for i in range(len(old))]
    return build([version(name, old), version("b", old[:1])], rows, [])


@settings(max_examples=60, deadline=None)
@given(old=st.lists(_TEXT, min_size=1, max_size=4), name=_TEXT)
def test_json_never_escapes_what_utf8_can_hold(old: list[str], name: str) -> None:
    """ASCII or not, the document is what ensure_ascii=False writes (no \\u escapes of letters)."""
    comparison = _first_kept(old, name)
    expected = json.dumps(to_data(comparison), ensure_ascii=False, separators=(",", ":"))
    assert render_json(comparison) == expected + "\n"


def _dumped(comparison: Comparison) -> str:
    return json.dumps(to_data(comparison), ensure_ascii=False, separators=(",", ":")) + "\n"


@pytest.mark.parametrize("case", sorted(ALL_CASES))
def test_json_text_is_the_dumped_data(case: str) -> None:
    """The directly written document is json.dumps of the data, byte for byte."""
    comparison = ALL_CASES[case]()
    assert render_json(comparison) == _dumped(comparison)


_PARAGRAPH = st.text(
    alphabet=st.sampled_from(list('ab .,"\\’é\x00\x1f\x7f\u2028中😀')), min_size=1, max_size=12
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_PARAGRAPH, max_size=6), min_size=2, max_size=3))
def test_json_text_of_any_comparison_is_the_dumped_data(versions: list[list[str]]) -> None:
    """Whatever the engine finds in any texts (moves, splits, word ops, escapes), the written
    document equals json.dumps of its data."""
    comparison = compare_texts(["\n\n".join(paragraphs) for paragraphs in versions])
    assert render_json(comparison) == _dumped(comparison)


@pytest.mark.parametrize("case", sorted(ALL_CASES))
def test_json_round_trips_through_the_loader(case: str) -> None:
    """from_json rebuilds the same Comparison, which renders to the same document."""
    comparison = ALL_CASES[case]()
    text = render_json(comparison)
    data = json.loads(text)
    loaded = from_json(data)
    assert loaded == comparison
    assert json.loads(render_json(loaded)) == data
    assert from_json(text) == comparison


@settings(max_examples=40, deadline=None)
@given(old=st.lists(_TEXT, min_size=1, max_size=5), name=_TEXT)
def test_json_round_trip_any_text(old: list[str], name: str) -> None:
    """Arbitrary Unicode paragraph texts and names survive render → loads → from_json."""
    comparison = _first_kept(old, name)
    assert from_json(json.loads(render_json(comparison))) == comparison


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("[]", "not a diffviewer JSON document"),
        ('{"schema": 2}', "not a diffviewer JSON document of schema 1"),
        ('{"schema": 1}', "lacks the key 'versions'"),
        ("{not json", "Expecting property name"),
    ],
)
def test_loader_refuses_other_documents(document: str, message: str) -> None:
    """A document that is not schema 1 raises ValueError saying what is wrong."""
    with pytest.raises(ValueError, match=message):
        from_json(document)


# --- CSV ------------------------------------------------------------------------------------


def _rows(document: str) -> list[list[str]]:
    assert document.startswith(BOM)
    return list(csv.reader(io.StringIO(document[len(BOM) :], newline="")))


def test_csv_has_a_header_and_one_row_per_change() -> None:
    """Header as documented; 1-based versions and paragraph numbers; split sides joined by ;."""
    rows = _rows(render_csv(mixed_comparison()))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 1 + len(mixed_comparison().changes)
    edit = rows[2]
    assert edit == [
        "changed", "body", "default", "v1", "v2", "2", "2",
        "The cat sat on the mat.", "The dog sat on the mat.", "1", "1", "no",
    ]  # fmt: skip
    split = next(r for r in rows if r[0] == "split")
    assert split[5:9] == ["4", "3;4", "First half. Second half.", "First half.\n\nSecond half."]
    assert next(r for r in rows if r[0] == "changed" and r[11] == "yes")


def test_csv_starts_with_a_bom_and_ends_rows_with_crlf() -> None:
    """Excel needs the BOM to read UTF-8; rows end in CRLF (RFC 4180)."""
    document = render_csv(seed_like_comparison())
    assert document.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert document.split("\r\n")[0] == BOM + ",".join(HEADER)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tstart", "'\tstart"),
        ("\rstart", "'\rstart"),
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(cell: str, expected: str) -> None:
    """OWASP: a leading =, +, -, @, tab or CR gets an apostrophe; other cells are untouched."""
    assert neutralise(cell) == expected


def test_csv_of_hostile_text_has_no_formula_cell() -> None:
    """Article text and rule names that look like formulas arrive neutralised."""
    rows = _rows(render_csv(hostile_comparison()))
    cells = [c for r in rows for c in r]
    assert '\'=HYPERLINK("http://evil.example","click")' in cells
    assert "'+cmd|' /C calc'!A0" in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert "'=rule" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_without_changes_is_just_the_header() -> None:
    """No changes: one header row."""
    assert _rows(render_csv(ALL_CASES["identical"]())) == [list(HEADER)]


def test_a_kind_from_a_later_version_loads_as_boilerplate() -> None:
    """Kinds are an open list: a document naming a kind this version does not know loads,
    and the paragraph and change with it count as boilerplate, not as body."""
    comparison = compare_texts(["Share\n\nA line of text here.", "A line of text here."])
    data = to_data(comparison)
    data["versions"][0]["paragraph_list"][0]["kind"] = "sidebar"
    data["changes"][0]["kind"] = "sidebar"
    loaded = from_json(data)
    assert loaded.versions[0].paragraphs[0].kind.is_boilerplate
    assert loaded.changes[0].kind.is_boilerplate


def test_json_pieces_make_the_document_and_stay_small() -> None:
    """The command line writes JSON piece by piece; the pieces join to the document."""
    from diffviewer.export import render, render_pieces
    from diffviewer.export.jsondoc import _PIECE

    texts = [
        "\n\n".join(
            f"Paragraph {n} of version {v}, with a \x85 control." for n in range(3 * _PIECE)
        )
        for v in (1, 2)
    ]
    comparison = compare_texts(texts)
    pieces = list(render_pieces(comparison, "json"))
    document = render(comparison, "json")
    assert "".join(pieces) == document
    assert "\\u0085" in document
    assert max(map(len, pieces)) < len(document) / 5
    for fmt in ("text", "md", "html", "csv"):
        assert list(render_pieces(comparison, fmt)) == [render(comparison, fmt)]
