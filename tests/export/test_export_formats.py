"""export: the format table, render/write, and what every format must hold (all changes)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.model import ChangeType, Comparison, OpTag, WordOp
from diffviewer.export import FORMATS, format_for_path, render, write
from diffviewer.export.common import marked, sides
from tests.export.export_builders import ALL_CASES, mixed_comparison, seed_like_comparison

CASES = sorted(ALL_CASES)


def test_the_five_formats_are_listed_with_suffixes() -> None:
    """The CLI's --summary choices and the export dialog read this one table."""
    assert list(FORMATS) == ["text", "md", "html", "json", "csv"]
    assert [f.suffix for f in FORMATS.values()] == [".txt", ".md", ".html", ".json", ".csv"]
    assert all(f.description and f.media_type for f in FORMATS.values())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.html", "html"),
        ("REPORT.HTM", "html"),
        ("a/b/changes.CSV", "csv"),
        ("notes.markdown", "md"),
        ("x.txt", "text"),
        ("x.json", "json"),
        ("x.pdf", None),
        ("noext", None),
    ],
)
def test_format_for_path_reads_the_suffix(name: str, expected: str | None) -> None:
    """A file name's suffix picks the format, case-insensitively; unknown suffixes pick none."""
    assert format_for_path(name) == expected


def test_unknown_format_is_a_key_error() -> None:
    """render refuses a format name outside the table."""
    with pytest.raises(KeyError):
        render(seed_like_comparison(), "pdf")


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("case", CASES)
def test_rendering_is_deterministic_and_ends_with_a_newline(fmt: str, case: str) -> None:
    """The same comparison renders to the same text twice (exports can be diffed)."""
    comparison = ALL_CASES[case]()
    first = render(comparison, fmt)
    assert first == render(ALL_CASES[case](), fmt)
    assert first.endswith("\n")


def _visible_text(fmt: str, document: str) -> str:
    """The document with its own escaping undone, to look for article text in it."""
    if fmt == "html":
        return html.unescape(re.sub(r"<[^>]+>", "", document))
    if fmt == "md":
        plain = re.sub(r"</?(?:del|ins)>", "", document)
        plain = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", plain)
        return re.sub(r"\n>\s?", "\n", plain)
    if fmt == "json":
        return json.dumps(json.loads(document), ensure_ascii=False)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(document.lstrip("\ufeff"))))
        return "\n".join(cell.removeprefix("'") for row in rows for cell in row)
    return re.sub(r"\[-|-\]|\{\+|\+\}", "", document)


def _texts_of_changes(comparison: Comparison) -> list[str]:
    out = []
    for change in comparison.changes:
        both = sides(comparison, change)
        out.extend(p.text for p in both.old + both.new)
    return out


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("case", ["seed_like", "mixed", "three_versions"])
def test_every_changed_paragraph_appears_in_every_format(fmt: str, case: str) -> None:
    """No change is dropped: each paragraph a change touches can be read in the export."""
    comparison = ALL_CASES[case]()
    visible = _visible_text(fmt, render(comparison, fmt))
    if fmt == "json":
        visible = visible.replace("\\n", "\n")
    for original in _texts_of_changes(comparison):
        text = original
        if fmt == "md":
            text = "\n".join(line.lstrip() for line in text.split("\n"))
        if fmt in ("text", "md", "html") and len(text.split("\n")) > 1:
            # Hard-wrapped lines are indented or quoted line by line; look for each line.
            assert all(line.strip() in visible for line in text.split("\n")), text
        else:
            assert _word_marked_or_plain(text, visible), (fmt, text)


def _word_marked_or_plain(text: str, visible: str) -> bool:
    """An edited paragraph shows as one marked text whose parts are all visible."""
    if text in visible:
        return True
    words = re.findall(r"\w+", text)
    return all(word in visible for word in words)


def test_summary_sentence_heads_every_human_format() -> None:
    """Text, Markdown and HTML all lead with the editor's sentence; JSON carries it."""
    comparison = seed_like_comparison()
    sentence = "5 paragraphs removed: 1 headline, 3 captions, 1 comment prompt."
    for fmt in ("text", "html", "json"):
        assert sentence in render(comparison, fmt), fmt
    assert sentence in _visible_text("md", render(comparison, "md"))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_write_puts_the_rendered_document_on_disk(fmt: str, tmp_path: Path) -> None:
    """write() stores exactly render()'s text, as UTF-8."""
    comparison = mixed_comparison()
    path = tmp_path / f"out{FORMATS[fmt].suffix}"
    write(comparison, fmt, path)
    assert path.read_bytes() == render(comparison, fmt).encode("utf-8")


def test_exports_import_no_qt() -> None:
    """Rendering every format in a fresh interpreter never imports PySide6 (convention 1)."""
    script = (
        "import sys\n"
        "from diffviewer.core.model import Comparison\n"
        "from diffviewer.export import FORMATS, render\n"
        "c = Comparison((), (), (), ())\n"
        "for fmt in FORMATS: render(c, fmt)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


_ENGINE_CASES = {
    "edits_moves_split": [
        "Headline here\n\nThe cat sat on the mat.\n\nFirst half. Second half of it all.\n\n"
        "Moved para is here and long enough.\n\nKeep this one.\n\nGone paragraph now.\n\nPhoto: AP",
        "Headline there\n\nThe dog sat on the mat.\n\nFirst half.\n\nSecond half of it all.\n\n"
        "Keep this one.\n\nMoved para is here and long enough!\n\nBrand new text.",
        "Headline there\n\nThe bird sat on the mat.\n\nFirst half.\n\nSecond half of it all.",
    ],
    "hard_wrapped": ["One line\nwrapped here.\n\nTwo.", "One line\nwrapped there.\n\nTwo."],
}


@pytest.mark.parametrize("case", sorted(_ENGINE_CASES))
def test_engine_output_renders_and_round_trips(case: str) -> None:
    """What the engine produces renders in every format, and JSON reloads to the same report."""
    from diffviewer.core.compare import compare_texts
    from diffviewer.export.jsonload import from_json

    comparison = compare_texts(_ENGINE_CASES[case])
    assert comparison.has_differences
    reloaded = from_json(json.loads(render(comparison, "json")))
    for fmt in FORMATS:
        assert render(reloaded, fmt) == render(comparison, fmt), fmt


_OPS = st.lists(
    st.builds(
        WordOp,
        st.sampled_from(list(OpTag)),
        st.text(alphabet=st.sampled_from("ab \n’<*"), min_size=1, max_size=6),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(ops=_OPS)
def test_word_marks_keep_both_sides_readable(ops: list[WordOp]) -> None:
    """Dropping the deleted runs from the marked text reads exactly the new text, dropping
    the inserted runs exactly the old one."""
    ops_t = tuple(ops)

    def same(s: str) -> str:
        return s

    def drop(s: str) -> str:
        return ""

    new = "".join(op.text for op in ops if op.tag is not OpTag.DELETE)
    old = "".join(op.text for op in ops if op.tag is not OpTag.INSERT)
    assert marked(ops_t, same, drop, same) == new
    assert marked(ops_t, same, same, drop) == old


def test_html_move_notes_point_at_the_other_place(moved_comparison: Comparison) -> None:
    """A paragraph moved up or down: its old place links to the new row and the other way."""
    comparison = moved_comparison
    (change,) = [c for c in comparison.changes if c.type is ChangeType.MOVED]
    left, arrived = comparison.move_rows(change)
    assert comparison.rows[left].cells[0] == change.old[0]
    assert comparison.rows[arrived].cells[1] == change.new[0]
    page = render(comparison, "html")
    assert f'<a href="#r{arrived + 1}">moved to row {arrived + 1}</a>' in page
    assert f'<a href="#r{left + 1}">moved from row {left + 1}</a>' in page
