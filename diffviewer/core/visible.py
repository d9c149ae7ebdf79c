"""Text that may reach a terminal, shown so that it cannot act on it.

Article text and file names can hold control characters: ``ESC ] 0;title BEL`` sets a
terminal's title, ``ESC [2J`` clears it, a lone C1 ``CSI`` (U+009B) does the same on some
terminals. ``visible`` writes each C0 control (but tab, newline and CR before a newline,
unless ``one_line``), DEL and each C1 control as ``\\xNN``, so a reader sees it and no terminal
obeys it.

A file name the operating system gave as bytes that are not UTF-8 reaches Python with each bad
byte as a lone surrogate (U+DC80–U+DCFF, "surrogateescape"): ``visible`` writes it as the byte
it stands for, ``\\xe9`` (any other lone surrogate as ``\\udXXX``), since such a string cannot be
encoded to UTF-8 at all.

Imports: the standard library only.
"""

from __future__ import annotations

import re

__all__ = ["encodable", "json_safe", "visible"]

# A CR is kept before LF (CSV ends its records so) and shown alone (it rewrites a line).
_UNSAFE_LINES = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f]")
# A C1 control in UTF-8: nothing else encodes to these two bytes. A search for a literal first
# byte is a fast scan, where a class is tested character by character.
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0xD800:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with control characters and undecodable bytes written out (see above); tab and
    newline are kept unless ``one_line`` (a file name, a message) asks for ``\\t`` and ``\\n``."""
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE_LINES
    if pattern.search(text) is None:  # the usual case: one scan, no copy
        return text
    return pattern.sub(_shown, text)


def encodable(text: str) -> str:
    """``text`` with its lone surrogates written out as ``visible`` does, and nothing else
    changed: for formats that escape control characters themselves (JSON)."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_shown, text)


def json_safe(document: str) -> str:
    """A JSON document (as ``json.dumps`` writes it, C0 controls already escaped) with DEL and
    the C1 controls escaped as well (``\\u009b``): still valid JSON, the same strings.

    ASCII text (what ``json.dumps`` writes by default; ``isascii`` is known without a scan)
    can hold only DEL, looked for as a character, not a class: 9 ms less for each 1.7 MB.
    Other text is searched for C1 controls in UTF-8 (encoding it and the search: a third of
    the class search's time on the JSON of the 5,000-paragraph bench pair (b), 4.6 MB)."""
    if "\x7f" not in document and (
        document.isascii() or _C1_UTF8.search(document.encode("utf-8", "surrogatepass")) is None
    ):
        return document
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
