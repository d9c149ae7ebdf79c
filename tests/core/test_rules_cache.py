"""The rules cache: a second start reuses a rules file's document and pattern translations,
and any cache it cannot trust or write is passed over silently."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from diffviewer.core import pattern_set, patterns, rules, rules_cache
from diffviewer.core.compare import compare_texts

USER_RULES = """
[[rule]]
name = "mysite.signoff"
kind = "promo"
description = "A sign-off line."
pattern = '^\\w+ (?:for|von) [\\w ]{2,40}$'
flags = "i"
"""


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.json")) if folder.is_dir() else []


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no(*_args: object) -> None:
        raise AssertionError("parsed or translated again")

    monkeypatch.setattr(patterns, "_translate", no)
    monkeypatch.setattr(rules, "_toml", no)


def _bundled() -> tuple[rules.Rule, ...]:
    return rules._bundled.__wrapped__()[1]


def test_a_second_load_takes_document_and_translations_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first load writes one entry; the next neither parses TOML nor translates, and its
    rules are the same (same translations, same relaxed forms)."""
    first = _bundled()
    assert len(_entries(tmp_path / "cache")) == 1
    _forbid_parsing(monkeypatch)
    second = _bundled()
    assert second == first
    for a, b in zip(first, second, strict=True):
        for x, y in ((a.pattern, b.pattern), (a.not_pattern, b.not_pattern)):
            assert (x and (x.translated, x.loose)) == (y and (y.translated, y.loose))


def test_a_pattern_set_built_from_cached_rules_scans_no_pattern_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The set forms (joined form, anchoring, plain forms) of the patterns come from the
    cache too: a set of the cached rules' patterns is built without scanning or reducing any
    of them, and holds the same forms as one built from freshly parsed rules."""
    first = [p for rule in _bundled() for p in (rule.pattern, rule.not_pattern) if p]
    fresh = [pattern_set.set_form(p) for p in first]
    _forbid_parsing(monkeypatch)
    for scanner in ("joined_form", "_starts_anchored"):
        monkeypatch.setattr(pattern_set, scanner, lambda *_: pytest.fail("scanned again"))
    monkeypatch.setattr(patterns, "plain_form", lambda *_: pytest.fail("reduced again"))
    second = [p for rule in _bundled() for p in (rule.pattern, rule.not_pattern) if p]
    pattern_set.PatternSet(second)
    assert [pattern_set.set_form(p) for p in second] == fresh


def test_a_user_rules_file_is_cached_and_still_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user's file gets its own entry; a changed file (another text) is parsed anew."""
    path = tmp_path / "mine.toml"
    path.write_text(USER_RULES, encoding="utf-8")
    text = "Thanks for reading today\n\nThe minister said so on Monday."
    before = compare_texts([text, text + " Again."])
    rules.load_rules([path])
    assert rules_cache.load(USER_RULES) is not None
    monkeypatch.setattr(patterns, "_translate", lambda *_: pytest.fail("translated again"))
    assert rules.load_rules([path]).rules[0].name == "mysite.signoff"
    monkeypatch.undo()
    monkeypatch.setenv("DIFFVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    path.write_text(USER_RULES.replace("signoff", "sign_off"), encoding="utf-8")
    assert rules.load_rules([path]).rules[0].name == "mysite.sign_off"
    assert before.versions == compare_texts([text, text + " Again."]).versions


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",  # empty
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"\xff\xfe not json",  # corrupt
        lambda data: b"[" * 100_000,  # nested too deeply
        lambda data: json.dumps({"text": 1}).encode(),  # not an entry
        lambda data: data.replace(b'"version": "', b'"version": "old-'),  # another version
        lambda data: data.replace(b'"translations": [[', b'"translations": [[1, '),
        lambda data: data.replace(b'"format": ', b'"format": 1'),  # an older format
        lambda data: data.replace(b"true], [", b'"true"], ['),  # an anchoring not a bool
    ],
)
def test_a_damaged_or_stale_entry_is_passed_over_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    """The file is parsed as without a cache, with the same rules, and a good entry written."""
    first = _bundled()
    (entry,) = _entries(tmp_path / "cache")
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert _bundled() == first
    assert rules_cache.load(entry_text()) is not None


def entry_text() -> str:
    from diffviewer.assets import resource_text

    return resource_text("rules", "kinds.toml")[1]


def test_an_entry_for_another_text_is_not_used(tmp_path: Path) -> None:
    """An entry whose stored text differs (a checksum collision, an edited copy) is ignored."""
    _bundled()
    (entry,) = _entries(tmp_path / "cache")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["text"] += "\n# edited"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert rules_cache.load(entry_text()) is None


def test_no_cache_is_written_where_its_folder_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder under a regular file: loading works and writes nothing anywhere."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DIFFVIEWER_CACHE_DIR", str(blocker / "cache"))
    assert _bundled()
    assert sorted(os.listdir(tmp_path)) == ["file"]


@pytest.mark.parametrize("failing", ["mkstemp", "replace"])
def test_an_unwritable_cache_is_passed_over_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """A folder that refuses new files, or an entry that cannot be put in place (a full
    disk, a read-only mount): the rules load as without a cache, no partial entry stays."""
    import tempfile

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile if failing == "mkstemp" else os, failing, refuse)
    first = _bundled()
    monkeypatch.undo()
    monkeypatch.setenv("DIFFVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    assert _bundled() == first
    folder = tmp_path / "cache"
    assert [p.name for p in folder.iterdir()] == [p.name for p in _entries(folder)]


def test_entries_are_written_whole_and_only_the_newest_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No temporary file is left beside the entries, and at most ``KEEP`` of them stay."""
    monkeypatch.setattr(rules_cache, "KEEP", 3)
    translations: rules_cache.Translations = {("a", ""): ("a", "a", "a", False, *[None] * 6)}
    for n in range(5):
        rules_cache.store(f"text {n}", {"rule": []}, translations)
        entry = rules_cache._entry_path(
            str(tmp_path / "cache"), f"text {n}".encode(), rules_cache._fingerprint()
        )
        os.utime(entry, (n, n))
    folder = tmp_path / "cache"
    assert sorted(os.listdir(folder)) == sorted(p.name for p in _entries(folder))
    assert len(_entries(folder)) == 3
    assert rules_cache.load("text 0") is None
    assert rules_cache.load("text 4") == ({"rule": []}, translations)


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/x/cache"}, "/x/cache/diffviewer"),
        ("linux", {"HOME": "/home/u"}, "/home/u/.cache/diffviewer"),
        ("linux", {"HOME": "/home/u", "XDG_CACHE_HOME": "relative"}, "/home/u/.cache/diffviewer"),
        ("darwin", {"HOME": "/Users/u"}, "/Users/u/Library/Caches/diffviewer"),
        ("linux", {"DIFFVIEWER_CACHE_DIR": "/mine", "XDG_CACHE_HOME": "/x"}, "/mine"),
    ],
)
def test_the_cache_folder_is_the_platforms_user_cache(
    monkeypatch: pytest.MonkeyPatch, platform: str, environ: dict[str, str], expected: str | None
) -> None:
    """DIFFVIEWER_CACHE_DIR, else the user cache folder of the platform."""
    for name in ("DIFFVIEWER_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(rules_cache.sys, "platform", platform)
    assert rules_cache.cache_dir() == expected


def test_two_copies_of_the_program_keep_their_own_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another translator (a second copy of diffviewer) beside this one: each has its own
    entry, and a start of this one reads its entry without parsing and without rewriting it."""
    _bundled()
    folder = tmp_path / "cache"
    (ours,) = _entries(folder)
    written = ours.stat().st_mtime_ns
    with monkeypatch.context() as other:
        other.setattr(rules_cache, "_fingerprint", lambda: "another copy")
        _bundled()
    assert len(_entries(folder)) == 2
    _forbid_parsing(monkeypatch)
    _bundled()
    assert ours.stat().st_mtime_ns == written
