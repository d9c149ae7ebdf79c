"""Editing one paragraph of a version: the rest of the text, byte for byte, stays as it was."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.compare import compare_texts
from diffviewer.core.editing import (
    EditableText,
    UnencodableError,
    apply_splices,
    compare_edited,
    copy_across,
    encode_text,
    read_source,
    with_text,
)
from diffviewer.core.paragraphs import split_paragraphs

# Texts made of the pieces that matter: words, spaces, tabs, every newline style, blank lines.
_pieces = st.sampled_from(
    ["word", "Zoë", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n", "x.", "\u00a0"]
)
texts = st.lists(_pieces, max_size=30).map("".join)
# A paragraph a user types: words on one or more lines, no blank line.
_line = st.lists(st.sampled_from(["new", "text", "é", "—", "1"]), min_size=1, max_size=4).map(
    " ".join
)
typed = st.lists(_line, min_size=1, max_size=3).map("\n".join)


def shown(text: str) -> list[str]:
    """The paragraphs as the viewer shows them (lines joined with \\n)."""
    return [raw.text for raw in split_paragraphs(text)]


@given(texts)
def test_parsing_and_rebuilding_gives_the_text_back(text: str) -> None:
    """Editing nothing rebuilds the original exactly, and the pieces are the viewer's paragraphs."""
    editable = EditableText.parse(text)
    assert editable.text() == text
    assert [p.replace("\r\n", "\n").replace("\r", "\n") for p in editable.paragraphs] == shown(text)


@given(texts, st.data())
def test_replacing_a_paragraph_touches_only_that_paragraph(text: str, data: st.DataObject) -> None:
    """After a replace, every other paragraph and every separator is byte-identical."""
    editable = EditableText.parse(text)
    if not len(editable):
        return
    index = data.draw(st.integers(0, len(editable) - 1))
    new_text = data.draw(typed)
    edited = editable.replaced(index, new_text)
    assert edited.head == editable.head and edited.tail == editable.tail
    assert edited.separators == editable.separators
    others = [p for n, p in enumerate(edited.paragraphs) if n != index]
    assert others == [p for n, p in enumerate(editable.paragraphs) if n != index]
    assert edited.paragraphs[index] == new_text.replace("\n", editable.newline) or (
        editable._line_mode() and "\n" in new_text
    )
    # What the viewer sees after re-reading the text: the same paragraphs, one replaced.
    expected = shown(text)
    if editable._line_mode():
        expected[index : index + 1] = new_text.split("\n")
    else:
        expected[index] = new_text
    assert shown(edited.text()) == expected


@given(texts, st.data())
def test_inserting_and_removing_a_paragraph(text: str, data: st.DataObject) -> None:
    """An inserted paragraph appears where asked; removing it gives the original text back."""
    editable = EditableText.parse(text)
    position = data.draw(st.integers(0, len(editable)))
    new_line = data.draw(_line)
    edited = editable.inserted(position, new_line)
    expected = shown(text)
    expected.insert(position, new_line)
    assert shown(edited.text()) == expected
    assert edited.paragraphs[:position] == editable.paragraphs[:position]
    assert edited.paragraphs[position + 1 :] == editable.paragraphs[position:]
    again = EditableText.parse(edited.text()).removed(position)
    assert shown(again.text()) == shown(text)
    if len(editable):
        assert again.text() == text or position == len(editable)


@given(texts, st.data())
def test_removing_a_paragraph_keeps_the_others(text: str, data: st.DataObject) -> None:
    editable = EditableText.parse(text)
    if not len(editable):
        return
    index = data.draw(st.integers(0, len(editable) - 1))
    edited = editable.removed(index)
    expected = shown(text)
    del expected[index]
    assert shown(edited.text()) == expected


def test_new_text_takes_the_files_newline_style() -> None:
    """A two-line paragraph typed with \\n goes into a CRLF file with CRLF."""
    text = "Title\r\n\r\nFirst para\r\nwrapped.\r\n\r\nLast.\r\n"
    edited = EditableText.parse(text).replaced(1, "First para\nnow edited.")
    assert edited.text() == "Title\r\n\r\nFirst para\r\nnow edited.\r\n\r\nLast.\r\n"
    inserted = EditableText.parse(text).inserted(3, "After last.")
    assert (
        inserted.text() == "Title\r\n\r\nFirst para\r\nwrapped.\r\n\r\nLast.\r\n\r\nAfter last.\r\n"
    )


def test_a_file_with_a_paragraph_per_line_gets_a_line_per_paragraph() -> None:
    text = "one\ntwo\nthree\n"
    assert EditableText.parse(text).inserted(1, "new").text() == "one\nnew\ntwo\nthree\n"
    assert EditableText.parse(text).removed(2).text() == "one\ntwo\n"
    assert EditableText.parse(text).removed(0).text() == "two\nthree\n"


def test_encoding_names_what_the_codec_cannot_hold() -> None:
    with pytest.raises(UnencodableError) as caught:
        encode_text("Café\nprice: 5 €\nok ✓", "latin-1")
    assert caught.value.line == 2 and caught.value.character == "€"
    assert "latin-1 cannot hold U+20AC" in str(caught.value)
    assert encode_text("é", "utf-8", codecs.BOM_UTF8) == b"\xef\xbb\xbf\xc3\xa9"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        ("Café\r\n\r\n“Quote”\r\n".encode("cp1252"), "cp1252", b""),
        (codecs.BOM_UTF8 + "Zoë\n\nx\n".encode(), "utf-8", codecs.BOM_UTF8),
        (codecs.BOM_UTF16_LE + "Zoë\r\rx".encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
    ],
)
def test_a_source_file_writes_back_the_bytes_it_read(
    tmp_path: Path, data: bytes, encoding: str, bom: bytes
) -> None:
    """Encoding, newline style and BOM survive: unedited text gives the same bytes."""
    path = tmp_path / "v.txt"
    path.write_bytes(data)
    source = read_source(path)
    assert source.encoding == encoding and source.bom == bom and source.round_trips
    assert source.encode(source.loaded.text) == data
    assert not source.changed_on_disk()
    path.write_bytes(data + b"x")
    assert source.changed_on_disk()


def test_compare_edited_compares_the_edited_text_in_place_of_the_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("One.\n\nTwo.\n")
    second.write_text("One.\n\nTwo.\n")
    source = read_source(second)
    edited = EditableText.parse(source.loaded.text).inserted(2, "Three.")
    comparison = compare_edited([str(first), str(second)], [None, with_text(source, edited.text())])
    expected = compare_texts(["One.\n\nTwo.\n", "One.\n\nTwo.\n\nThree.\n"])
    assert comparison.changes == expected.changes
    assert comparison.versions[1].path == str(second)


def copied(old: str, new: str, rows: list[int] | None = None, source: int = 0) -> str:
    """``new`` after copying ``rows`` (all: None) of the ``source`` column into the other."""
    comparison = compare_texts([old, new])
    target = 1 - source
    chosen = range(len(comparison.rows)) if rows is None else rows
    splices = copy_across(comparison, list(chosen), source, target)
    return apply_splices(EditableText.parse([old, new][target]), splices).text()


def test_a_removed_paragraph_goes_back_at_its_place() -> None:
    old = "Title\n\nBody one.\n\nTeaser list here.\n\nBody two.\n"
    new = "Title\n\nBody one.\n\nBody two.\n"
    comparison = compare_texts([old, new])
    (row,) = comparison.changes[0].rows
    assert copied(old, new, [row]) == old


def test_an_edited_paragraph_is_replaced_and_a_move_undone() -> None:
    old = "A first one.\n\nB the second.\n\nC third.\n\nD fourth one here."
    new = "A first one.\n\nC third.\n\nB the second, edited.\n\nD fourth one here."
    assert copied(old, new) == old
    assert copied(new, old, source=0) == new


def test_a_split_paragraph_is_joined_again() -> None:
    old = "Intro line.\n\nOne long paragraph that says this and then says that as well.\n\nEnd."
    new = "Intro line.\n\nOne long paragraph that says this\n\nand then says that as well.\n\nEnd."
    comparison = compare_texts([old, new])
    assert [c.type.value for c in comparison.changes] == ["split"]
    assert copied(old, new) == old


_story = st.lists(
    st.sampled_from(["Alpha beta.", "Gamma delta said.", "Epsilon.", "Zeta eta theta iota."]),
    max_size=6,
)


@given(_story, _story)
def test_copying_every_row_puts_all_of_v1_into_v2(old: list[str], new: list[str]) -> None:
    """After copying every row of v1 into v2, v2 holds v1's paragraphs in order (with its own
    insertions between them)."""
    result = shown(copied("\n\n".join(old), "\n\n".join(new)))
    remaining = iter(result)
    assert all(paragraph in remaining for paragraph in old)  # a subsequence
    assert len(result) <= len(old) + len(new)


@given(
    texts,
    st.sampled_from(
        [
            ("utf-8", b""),
            ("cp1252", b""),
            ("utf-8", codecs.BOM_UTF8),
            ("utf-16-le", codecs.BOM_UTF16_LE),
        ]
    ),
)
def test_editing_nothing_writes_back_the_bytes_read(text: str, codec: tuple[str, bytes]) -> None:
    """Read a file, rebuild its text from its paragraphs, encode it: the same bytes."""
    import tempfile

    encoding, bom = codec
    data = bom + text.encode(encoding)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v.txt"
        path.write_bytes(data)
        source = read_source(path, None if bom else encoding)
        assert source.encode(EditableText.parse(source.loaded.text).text()) == data


def test_a_source_is_read_with_the_codec_the_comparison_found(tmp_path: Path) -> None:
    """``known`` (what the comparison decoded the file as) wins over a fresh guess, and a
    codec that cannot read the bytes falls back to detection."""
    path = tmp_path / "v.txt"
    data = "Café – déjà vu\r\n".encode("cp1252")
    path.write_bytes(data)
    assert read_source(path, known="latin-1").encoding == "latin-1"
    as_latin1 = read_source(path, known="latin-1")
    assert as_latin1.round_trips and as_latin1.encode(as_latin1.loaded.text) == data
    assert read_source(path, known="utf-8").encoding == "cp1252"
    assert read_source(path, "cp1252", known="latin-1").encoding == "cp1252"
