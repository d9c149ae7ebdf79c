"""Saving a version: the document being edited, the questions asked, the bytes written.

``Document`` is a version being edited: the file as read or last saved (``core.editing
.SourceFile``), its text now and the text on disk. ``encoded_for_saving`` gives the bytes to
write in the version's own encoding, newline style and BOM, after asking what to do with text
the encoding cannot hold (UTF-8 instead?) or with bytes that were unreadable. ``ask`` is the one
modal question box of editing and saving (the tests answer in its place).
Imports: PySide6.QtWidgets and ``core.editing``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from diffviewer.core.editing import SourceFile, UnencodableError, encode_text

Button = QMessageBox.StandardButton


def ask(
    parent: QWidget,
    title: str,
    text: str,
    buttons: Iterable[Button],
    default: Button,
    labels: dict[Button, str] | None = None,
) -> Button:
    """A modal question; returns the button chosen (``labels`` rename buttons). The tests
    replace this function to answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.NoButton, parent)
    box.setObjectName("question_box")
    box.setTextFormat(Qt.TextFormat.PlainText)
    for button in buttons:
        added = box.addButton(button)
        if labels and button in labels:
            added.setText(labels[button])
    box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else Button.Cancel


@dataclass(slots=True)
class Document:
    """A version being edited: the file as read (or last saved), its text now and on disk."""

    source: SourceFile
    text: str
    saved: str

    @property
    def modified(self) -> bool:
        return self.text != self.saved


def encoded_for_saving(parent: QWidget, doc: Document) -> tuple[bytes, str, bytes] | None:
    """(bytes, encoding, BOM) to write, after asking what the encoding cannot hold; None
    when the user cancels."""
    source = doc.source
    name = os.path.basename(source.path)
    if not source.round_trips and doc.saved == source.loaded.text:
        choice = ask(
            parent,
            "Bytes that could not be read",
            f"Some bytes of {name} were invalid in {source.encoding} and show as “�”. "
            "Saving writes “�” in their place.\n\nSave anyway?",
            (Button.Save, Button.Cancel),
            Button.Cancel,
        )
        if choice != Button.Save:
            return None
    try:
        return source.encode(doc.text), source.encoding, source.bom
    except UnencodableError as error:
        choice = ask(
            parent,
            "Save as UTF-8?",
            f"{name} is in {error.encoding}, which cannot hold {error.character!r} "
            f"(U+{ord(error.character):04X}, line {error.line}).\n\nSave it as UTF-8 "
            "instead (its newlines stay as they are)?",
            (Button.Save, Button.Cancel),
            Button.Cancel,
        )
    if choice != Button.Save:
        return None
    return encode_text(doc.text, "utf-8"), "utf-8", b""
