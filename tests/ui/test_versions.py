"""The list of open versions (ui.versions) and the menu toggles (ui.filters), without a window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Kind
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.ui.actions import Actions
from diffviewer.ui.filters import MenuToggles, filter_note
from diffviewer.ui.settings import KEYS, Settings
from diffviewer.ui.versions import VersionList, as_path, local_paths
from tests.ui.view_samples import sample


def test_edits_emit_changed_and_keep_encodings_in_step(qtbot: QtBot) -> None:
    """add/replace/move/remove/set_encoding each emit changed once; encodings follow paths."""
    versions = VersionList()
    with qtbot.waitSignal(versions.changed):
        assert versions.add(["a.txt", "b.txt"]) == [os.path.abspath("a.txt"), as_path("b.txt")]
    with qtbot.waitSignal(versions.changed):
        assert versions.set_encoding(1, "latin-1")
    with qtbot.waitSignal(versions.changed):
        assert versions.move(1, 0)
    assert [Path(p).name for p in versions.paths] == ["b.txt", "a.txt"]
    assert versions.encodings == ["latin-1", None]
    with qtbot.waitSignal(versions.changed):
        assert versions.replace(0, ["c.txt", "d.txt"])
    assert [Path(p).name for p in versions.paths] == ["c.txt", "d.txt", "a.txt"]
    assert versions.encodings == [None, None, None]
    with qtbot.waitSignal(versions.changed):
        assert versions.remove(2)
    with qtbot.assertNotEmitted(versions.changed):
        assert not versions.remove(5)
        assert not versions.move(0, 0)
        assert not versions.replace(9, ["x.txt"])
        assert not versions.set_encoding(-1, None)
        assert versions.add([]) == []


def test_request_needs_two_versions() -> None:
    """One version makes no request; two make one with their forced encodings."""
    versions = VersionList()
    versions.add(["a.txt"])
    assert versions.request(CompareOptions()) is None
    versions.add(["b.txt"])
    versions.set_encoding(0, "cp1252")
    request = versions.request(CompareOptions())
    assert request is not None
    assert request.encodings == ("cp1252", None)
    assert len(request.paths) == 2


def test_recover_drops_a_new_unreadable_file() -> None:
    """A file added after the last good comparison that fails is dropped; compare the rest."""
    versions = VersionList()
    versions.add(["a.txt", "b.txt"])
    versions.mark_good()
    versions.add(["bad.bin"])
    assert not versions.recover(as_path("bad.bin"))  # what is left is what last compared
    assert [Path(p).name for p in versions.paths] == ["a.txt", "b.txt"]
    fresh = VersionList()
    fresh.add(["a.txt", "gone.txt"])
    assert fresh.recover(as_path("gone.txt"))  # never compared: compare (show) what is left
    assert [Path(p).name for p in fresh.paths] == ["a.txt"]


def test_recover_returns_to_what_last_worked() -> None:
    """A forced encoding that cannot decode: back to the encodings that compared."""
    versions = VersionList()
    versions.add(["a.txt", "b.txt"])
    versions.mark_good()
    versions.set_encoding(1, "cp1252")
    assert not versions.recover(as_path("b.txt"))
    assert versions.encodings == [None, None]


def test_path_helpers() -> None:
    """file:// URLs become paths; only local files of a drop count."""
    assert as_path(QUrl.fromLocalFile("/tmp/x y.txt").toString()) == "/tmp/x y.txt"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/a.txt"), QUrl("https://example.com/b.txt")])
    assert local_paths(mime) == ["/tmp/a.txt"]
    assert local_paths(None) == []


def test_toggles_keep_actions_settings_and_signals_in_step(
    qtbot: QtBot, settings: Settings
) -> None:
    """Hide Boilerplate hides every boilerplate kind, is saved, and is announced."""
    owner = QWidget()
    qtbot.addWidget(owner)
    actions = Actions(owner)
    toggles = MenuToggles(actions, settings, owner)
    toggles.restore(CompareOptions())
    with qtbot.waitSignal(toggles.hidden_kinds_changed) as signal:
        actions["view_hide_boilerplate"].trigger()
    assert Kind.COMMENT_PROMPT in signal.args[0] and Kind.BODY not in signal.args[0]
    assert "comment_prompt" in settings.get(KEYS.HIDDEN_KINDS)
    with qtbot.waitSignal(toggles.hidden_kinds_changed):
        actions["view_kind_comment_prompt"].setChecked(True)
    assert not actions["view_hide_boilerplate"].isChecked()
    with qtbot.waitSignal(toggles.options_changed) as options:
        actions["compare_mode_first"].trigger()
    assert options.args[0].mode is CompareMode.AGAINST_FIRST
    assert settings.get(KEYS.COMPARE_MODE) == CompareMode.AGAINST_FIRST.value


def test_filter_note_counts_what_the_filters_hide() -> None:
    """The status bar note names the number of changes the kind filter hides."""
    comparison = sample()
    assert filter_note(comparison, set(), False) == ""
    assert filter_note(comparison, {Kind.CAPTION}, False) == ("1 change hidden by the kind filter")
    assert filter_note(comparison, {Kind.CAPTION, Kind.HEADLINE}, False) == (
        "2 changes hidden by the kind filter"
    )
    assert filter_note(None, {Kind.CAPTION}, True) == ""
