"""Helpers shared by the command-line tests."""

from __future__ import annotations


def one_error_line(err: bytes) -> str:
    """The single ``diffviewer: …`` line a failed command wrote to stderr (no traceback)."""
    text = err.decode("utf-8")
    assert "Traceback" not in text
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("diffviewer: ")
    return lines[0]
