"""Typed QSettings wrapper: every key, its type and its default in ONE table (``KEYS``).

The rest of the UI reads and writes settings only through :class:`Settings`, never through
``QSettings`` directly, so a key is spelled once and a value read back always has the type the
table promises: a missing key, a wrong type (``zoom=abc``) or a corrupt file gives the default.
QSettings quirks handled here: an INI list of one item reads back as a ``str`` and an empty one
as ``None`` (normalised to lists); a file Qt cannot parse (status ``FormatError``) is moved aside
as ``<file>.corrupt`` and a fresh one written, so the app never keeps failing on it.
Imports: PySide6.QtCore and ``core.options`` only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from diffviewer.core.options import DEFAULT_MAX_FILE_BYTES, CompareMode, CompareOptions

log = logging.getLogger(__name__)

ORGANIZATION = "diffviewer"
APPLICATION = "diffviewer"
MAX_RECENT_FILES = 10

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    """One settings key: its path in the file, the Python type of its value, its default."""

    name: str
    type: type[T]
    default: T
    doc: str = ""


class KEYS:
    """The settings table. Nothing else in the UI names a settings key."""

    IGNORE_CASE = Key("compare/ignore_case", bool, False, "Compare ignoring letter case")
    IGNORE_PUNCTUATION = Key(
        "compare/ignore_punctuation", bool, False, "Ignore punctuation and typographic quotes"
    )
    COMPARE_MODE = Key("compare/mode", str, CompareMode.CONSECUTIVE.value, "consecutive | first")
    RULES_FILES: Key[list[str]] = Key(
        "compare/rules_files", list, cast(list[str], []), "Extra kind-rule files"
    )
    MAX_FILE_MB = Key(
        "compare/max_file_mb", int, DEFAULT_MAX_FILE_BYTES // (1024 * 1024), "Size limit, MiB"
    )
    HIDE_TYPOGRAPHIC = Key("view/hide_typographic", bool, False, "Hide typographic-only edits")
    HIDDEN_KINDS: Key[list[str]] = Key(
        "view/hidden_kinds", list, cast(list[str], []), "Kinds whose changes hide"
    )
    ONLY_CHANGES = Key("view/only_changes", bool, False, "Fold unchanged runs into bars")
    CONTEXT_ROWS = Key("view/context_rows", int, 2, "Unchanged rows kept beside each change")
    LINE_NUMBERS = Key("view/line_numbers", bool, False, "File line numbers in each cell")
    SHOW_WHITESPACE = Key("view/show_whitespace", bool, False, "Mark NBSP, tabs, zero-width")
    FONT = Key("view/font", str, "", "QFont.toString() of the text font; empty: system font")
    ZOOM = Key("view/zoom", int, 100, "Zoom in percent")
    GEOMETRY = Key("window/geometry", QByteArray, QByteArray(), "QWidget.saveGeometry()")
    STATE = Key("window/state", QByteArray, QByteArray(), "saveState(): docks, their splitters")
    RECENT_FILES: Key[list[str]] = Key(
        "recent/files", list, cast(list[str], []), "Most recent first"
    )

    @classmethod
    def all(cls) -> tuple[Key[Any], ...]:
        return tuple(v for v in vars(cls).values() if isinstance(v, Key))


_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}


def _to_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return raw.strip().lower() in _TRUE
    raise ValueError(f"{raw!r} is not a bool")


def _to_int(raw: object) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        return int(raw.strip())
    raise ValueError(f"{raw!r} is not an int")


def _to_str(raw: object) -> str:
    if isinstance(raw, str):
        return raw
    raise ValueError(f"{raw!r} is not a str")


def _to_list(raw: object) -> list[str]:
    if raw is None:  # QSettings' empty list
        return []
    if isinstance(raw, str):  # QSettings' one-item list (or a hand-written empty value)
        return [raw] if raw else []
    if isinstance(raw, list | tuple) and all(isinstance(item, str) for item in raw):
        return list(raw)
    raise ValueError(f"{raw!r} is not a list of str")


def _to_bytes(raw: object) -> QByteArray:
    if isinstance(raw, QByteArray):
        return raw
    if isinstance(raw, bytes):
        return QByteArray(raw)
    raise ValueError(f"{raw!r} is not a QByteArray")


_CONVERTERS: dict[type, Callable[[object], object]] = {
    bool: _to_bool,
    int: _to_int,
    str: _to_str,
    list: _to_list,
    QByteArray: _to_bytes,
}


def _coerce(key: Key[T], raw: object) -> T:
    """``raw`` as the key's type, or raise ValueError: never guess beyond plain conversions."""
    return cast(T, _CONVERTERS[key.type](raw))


class Settings:
    """The application's settings, typed. ``Settings()`` uses the user's INI file.

    Tests point the file elsewhere with ``QSettings.setPath(IniFormat, UserScope, folder)``
    before constructing (see tests/ui/conftest.py).
    """

    def __init__(self) -> None:
        self._q = self._open()
        self._q.sync()  # parse now, so a broken file shows in status() before any read
        if self._q.status() is QSettings.Status.FormatError:
            self._recover()

    @staticmethod
    def _open() -> QSettings:
        return QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    def file_name(self) -> str:
        return self._q.fileName()

    def _recover(self) -> None:
        """Move an unparseable file aside and start again with its still-valid values."""
        keep = {key.name: self.get(key) for key in KEYS.all() if self._q.contains(key.name)}
        path = self._q.fileName()
        log.warning("settings file %s is corrupt; moved aside to %s.corrupt", path, path)
        del self._q
        try:
            os.replace(path, path + ".corrupt")
        except OSError as error:
            log.warning("could not move %s aside: %s", path, error)
        self._q = self._open()
        for name, value in keep.items():
            self._q.setValue(name, value)
        self._q.sync()

    def get(self, key: Key[T]) -> T:
        """The stored value as the key's type; the default when missing or malformed."""
        if not self._q.contains(key.name):
            return self._default(key)
        raw = self._q.value(key.name)
        try:
            return _coerce(key, raw)
        except (ValueError, TypeError):
            log.warning("settings: ignoring malformed %s=%r", key.name, raw)
            return self._default(key)

    @staticmethod
    def _default(key: Key[T]) -> T:
        default = key.default
        if isinstance(default, list):
            return cast(T, list(default))  # never hand out the table's own list
        if isinstance(default, QByteArray):
            return cast(T, QByteArray(default))
        return default

    def set(self, key: Key[T], value: T) -> None:
        _coerce(key, value)  # refuse to store what we could not read back
        self._q.setValue(key.name, value)

    def reset(self, key: Key[Any]) -> None:
        self._q.remove(key.name)

    def sync(self) -> None:
        self._q.sync()
        if self._q.status() is QSettings.Status.FormatError:
            self._recover()

    # -- composite values -------------------------------------------------------------

    def compare_options(self) -> CompareOptions:
        """The CompareOptions the settings describe (unknown mode → consecutive)."""
        try:
            mode = CompareMode(self.get(KEYS.COMPARE_MODE))
        except ValueError:
            mode = CompareMode.CONSECUTIVE
        max_mb = self.get(KEYS.MAX_FILE_MB)
        max_bytes = max_mb * 1024 * 1024 if max_mb > 0 else DEFAULT_MAX_FILE_BYTES
        rules: list[str] = self.get(KEYS.RULES_FILES)
        return CompareOptions(
            ignore_case=self.get(KEYS.IGNORE_CASE),
            ignore_punctuation=self.get(KEYS.IGNORE_PUNCTUATION),
            mode=mode,
            rules_files=tuple(rules),
            max_file_bytes=max_bytes,
        )

    def set_compare_options(self, options: CompareOptions) -> None:
        self.set(KEYS.IGNORE_CASE, options.ignore_case)
        self.set(KEYS.IGNORE_PUNCTUATION, options.ignore_punctuation)
        self.set(KEYS.COMPARE_MODE, options.mode.value)
        self.set(KEYS.RULES_FILES, list(options.rules_files))
        self.set(KEYS.MAX_FILE_MB, max(1, options.max_file_bytes // (1024 * 1024)))

    def recent_files(self) -> list[str]:
        return self.get(KEYS.RECENT_FILES)[:MAX_RECENT_FILES]

    def add_recent_files(self, paths: Sequence[str]) -> list[str]:
        """Put ``paths`` first, in their order; drop duplicates; keep the newest 10."""
        recent = self.recent_files()
        for path in reversed(paths):
            if path in recent:
                recent.remove(path)
            recent.insert(0, path)
        recent = recent[:MAX_RECENT_FILES]
        self.set(KEYS.RECENT_FILES, recent)
        return recent

    def clear_recent_files(self) -> None:
        self.set(KEYS.RECENT_FILES, [])
