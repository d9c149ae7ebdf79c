"""Settings: typed reads with defaults, QSettings list quirks, corrupt files, isolation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.ui.settings import KEYS, MAX_RECENT_FILES, Key, Settings


def test_settings_live_in_the_test_folder(settings: Settings, ui_settings_dir: Path) -> None:
    """The fixture keeps tests away from the user's real settings file."""
    settings.set(KEYS.ZOOM, 130)
    settings.sync()
    assert Path(settings.file_name()).is_relative_to(ui_settings_dir)
    assert Path(settings.file_name()).is_file()


@pytest.mark.parametrize("key", KEYS.all(), ids=lambda key: key.name)
def test_every_key_reads_its_default_when_missing(settings: Settings, key: Key[object]) -> None:
    """A fresh file gives each key's default, of the declared type."""
    value = settings.get(key)
    assert value == key.default
    assert isinstance(value, key.type)


def test_values_round_trip_through_a_new_instance(settings: Settings) -> None:
    """What is set is what a later Settings reads (types preserved through the INI file)."""
    settings.set(KEYS.IGNORE_CASE, True)
    settings.set(KEYS.ZOOM, 140)
    settings.set(KEYS.FONT, "DejaVu Sans,11,-1,5,400,0,0,0,0,0,0,0,0,0,0,1")
    settings.set(KEYS.HIDDEN_KINDS, ["caption"])
    settings.set(KEYS.RULES_FILES, [])
    settings.set(KEYS.GEOMETRY, QByteArray(b"\x01\x02geometry"))
    settings.sync()
    again = Settings()
    assert again.get(KEYS.IGNORE_CASE) is True
    assert again.get(KEYS.ZOOM) == 140
    assert again.get(KEYS.FONT).startswith("DejaVu Sans,11")
    assert again.get(KEYS.HIDDEN_KINDS) == ["caption"]  # one item: QSettings may give a str
    assert again.get(KEYS.RULES_FILES) == []  # empty: QSettings may give None
    assert bytes(again.get(KEYS.GEOMETRY).data()) == b"\x01\x02geometry"


def test_list_quirks_are_normalised(settings: Settings, ui_settings_dir: Path) -> None:
    """An INI list written by hand as one value reads back as a one-item list."""
    path = Path(settings.file_name())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[recent]\nfiles=/tmp/only one.txt\n[view]\nhidden_kinds=\n", "utf-8")
    fresh = Settings()
    assert fresh.get(KEYS.RECENT_FILES) == ["/tmp/only one.txt"]
    assert fresh.get(KEYS.HIDDEN_KINDS) == []


def test_wrong_types_give_the_default(settings: Settings) -> None:
    """zoom=abc or a bool that is not a bool: the default, not an exception."""
    path = Path(settings.file_name())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[view]\nzoom=abc\nhide_typographic=maybe\n[compare]\nmode=sideways\nmax_file_mb=-3\n",
        "utf-8",
    )
    fresh = Settings()
    assert fresh.get(KEYS.ZOOM) == 100
    assert fresh.get(KEYS.HIDE_TYPOGRAPHIC) is False
    options = fresh.compare_options()
    assert options.mode is CompareMode.CONSECUTIVE  # unknown mode falls back
    assert options.max_file_bytes == CompareOptions().max_file_bytes  # nonsense limit ignored


def test_refuses_to_store_a_value_of_the_wrong_type(settings: Settings) -> None:
    """set() checks the type, so nothing unreadable is ever written."""
    with pytest.raises(ValueError):
        settings.set(KEYS.RECENT_FILES, [1, 2])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "garbage",
    [
        os.urandom(4096),
        b"\x00\x01\x02garbage\xff\xfe[[[\n=\n",
        b"[view]\nzoom=120\n[\n\x00",
        b"[view\nzoom",
    ],
    ids=["random", "nul", "truncated-section", "unterminated"],
)
def test_corrupt_file_falls_back_to_defaults(
    settings: Settings, ui_settings_dir: Path, garbage: bytes
) -> None:
    """Garbage in the settings file: defaults are read, and writing works again afterwards."""
    path = Path(settings.file_name())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(garbage)
    fresh = Settings()
    for key in KEYS.all():
        value = fresh.get(key)
        assert isinstance(value, key.type)
    assert fresh.get(KEYS.IGNORE_CASE) is False
    fresh.set(KEYS.ZOOM, 150)
    fresh.sync()
    assert Settings().get(KEYS.ZOOM) == 150
    settings_file = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "diffviewer", "diffviewer"
    )
    settings_file.sync()
    assert settings_file.status() is QSettings.Status.NoError


def test_recent_files_are_most_recent_first_unique_and_bounded(settings: Settings) -> None:
    """Re-opening a file moves it to the front; the list keeps the newest ten."""
    for n in range(12):
        settings.add_recent_files([f"/articles/{n}.txt"])
    recent = settings.add_recent_files(["/articles/5.txt", "/articles/new.txt"])
    assert recent[:2] == ["/articles/5.txt", "/articles/new.txt"]
    assert len(recent) == MAX_RECENT_FILES
    assert len(set(recent)) == len(recent)
    assert "/articles/0.txt" not in recent
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_compare_options_round_trip(settings: Settings) -> None:
    """The options the UI stores are the options it reads back."""
    options = CompareOptions(
        ignore_case=True,
        ignore_punctuation=True,
        mode=CompareMode.AGAINST_FIRST,
        rules_files=("/rules/a.toml",),
        max_file_bytes=8 * 1024 * 1024,
    )
    settings.set_compare_options(options)
    assert Settings().compare_options() == options


def test_unparseable_file_is_moved_aside_keeping_valid_values(settings: Settings) -> None:
    """A file Qt reports as FormatError is kept as .corrupt; its readable values survive."""
    path = Path(settings.file_name())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[view]\nzoom=120\nhide_typographic=maybe\n[\n")
    fresh = Settings()
    assert Path(str(path) + ".corrupt").read_bytes().startswith(b"[view]")
    assert fresh.get(KEYS.ZOOM) == 120
    assert fresh.get(KEYS.HIDE_TYPOGRAPHIC) is False
    assert b"maybe" not in path.read_bytes()
