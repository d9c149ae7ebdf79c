"""export.text and export.markdown: layout, word marks, and Markdown escaping of article text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.export.markdown import cell, escape, render_markdown
from diffviewer.export.text import render_text
from tests.export.export_builders import (
    HOSTILE_TEXTS,
    hostile_comparison,
    identical_comparison,
    mixed_comparison,
    seed_like_comparison,
)

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(markdown: str) -> str:
    """Undo CommonMark backslash escapes (what a renderer shows for escaped text)."""
    return _ESCAPE.sub(r"\1", markdown)


# --- text -----------------------------------------------------------------------------------


def test_text_report_lists_sentence_facts_and_each_change() -> None:
    """Sentence first, one facts line per version, then numbered changes with kind and rule."""
    report = render_text(seed_like_comparison())
    lines = report.splitlines()
    assert lines[2] == (
        "5 paragraphs removed: 1 headline, 3 captions, 1 comment prompt. Body text unchanged."
    )
    assert "  v1  article-v1.txt (/articles/article-v1.txt): utf-8, LF newlines, 9 paragraphs" in (
        report
    )
    assert "Changes (5)" in lines
    assert "  1. removed · headline (rule: h1) · v1→v2 · −12 words" in lines
    assert "     v1 ¶1 (line 1) → v2" in lines
    assert "     - Please let us know if you're having issues with commenting." in lines


def test_text_report_marks_word_changes_like_git_word_diff() -> None:
    """Edits show one text with [-old-]{+new+}; the whitespace of a replaced word is not doubled."""
    report = render_text(mixed_comparison())
    assert "     ~ The [-cat-]{+dog+} sat on the mat." in report
    assert "     ~ [-Old-]{+New+} headline here" in report
    assert '     ~ He said [-“yes”-]{+"yes"+}.' in report
    assert "typographic-only" in report


def test_text_report_shows_both_sides_of_split_and_merge() -> None:
    """A split lists the old paragraph with - and each new one with +."""
    report = render_text(mixed_comparison())
    block = report[report.index("split · body") :]
    assert "     - First half. Second half.\n     + First half.\n     + Second half." in block


def test_text_report_keeps_hard_wraps_aligned() -> None:
    """Continuation lines of a hard-wrapped paragraph are indented under its first line."""
    report = render_text(hostile_comparison())
    assert "     - # Not a heading\n       - not a list\n" in report


def test_text_report_without_changes() -> None:
    """No differences: the sentence says so and no change list follows."""
    report = render_text(identical_comparison())
    assert "No differences." in report
    assert "No changes." in report


# --- markdown -------------------------------------------------------------------------------


def test_markdown_has_headings_facts_table_and_changes_table() -> None:
    """The report is sectioned, and each change has a table row and a section."""
    doc = render_markdown(seed_like_comparison())
    assert doc.startswith("# Comparison: article-v1.txt → article-v2.txt\n")
    assert "## Versions" in doc
    assert "| v1 | article-v1.txt | utf-8 | LF | 9 | 78 |" in doc
    assert "## Changes (5)" in doc
    assert "| 5 | removed | comment prompt | cp | v1 ¶9 (line 17) → v2 | −11 words |" in doc
    assert doc.count("\n### ") == 5


def test_markdown_marks_word_changes_with_del_and_ins() -> None:
    """An edit is one quoted line with <del>/<ins> hugging the changed words."""
    doc = render_markdown(mixed_comparison())
    assert "> The <del>cat</del><ins>dog</ins> sat on the mat." in doc


def test_markdown_hostile_text_and_names_stay_text() -> None:
    """No article text or file name reaches the document as a tag, emphasis, code or link."""
    doc = render_markdown(hostile_comparison())
    # The only raw tags are the ones the exporter wrote.
    assert set(re.findall(r"(?<!\\)<(/?\w+)", doc)) <= {"del", "/del", "ins", "/ins"}
    article_part = re.sub(r"(?m)^\*\*(Before|After)\*\*$", "", doc)  # the exporter's own labels
    for special in "*_`[]|~":
        for match in re.finditer(re.escape(special), article_part):
            before = article_part[: match.start()]
            line_start = before.rfind("\n") + 1
            in_table_border = special == "|" and article_part[line_start] == "|"
            assert before.endswith("\\") or in_table_border, (special, before[line_start:])
    assert "\\# Not a heading" in doc
    assert "\n> \\- not a list" in doc
    assert "\n> 1\\. not a list either" in doc
    assert "\n> not code" in doc  # leading spaces dropped: no indented code block
    assert "http\\://evil.example" in doc  # no bare-URL autolink
    for text in HOSTILE_TEXTS[:3]:
        assert unescape(escape(text)) == text


def test_markdown_table_rows_keep_their_column_count() -> None:
    """Pipes in file names and rules are escaped, so no table row gains columns."""
    doc = render_markdown(hostile_comparison())
    for line in doc.splitlines():
        if line.startswith("|"):
            unescaped_pipes = len(re.findall(r"(?<!\\)\|", line))
            assert unescaped_pipes in (7, 8), line  # facts: 6 columns; changes: 7 columns


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_markdown_escape_renders_as_the_text_itself(text: str) -> None:
    """Unescaping gives the text back (minus leading blanks); no syntax character is left bare."""
    escaped = escape(text)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    assert unescape(escaped) == "\n".join(line.lstrip() for line in normalised.split("\n"))
    bare = _ESCAPE.sub("", escaped.replace("\\\\", ""))
    assert not re.search(r"[*_`\[\]<>|~]", bare)
    assert not re.search(r"&#?[0-9A-Za-z]+;", bare)
    for line in escaped.split("\n"):
        assert not re.match(r"[#+\-=]|\d+[.)]|[ \t]", line), line


def test_markdown_cell_is_one_line() -> None:
    """Table cells lose newlines (they would end the table)."""
    assert cell("a\nb |c") == "a b \\|c"
