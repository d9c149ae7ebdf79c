"""The Inno Setup script (which cannot be compiled here) names files that exist, installs the
bundle the spec produces, and registers "Open with" for .txt while changing the .txt default
only under the opt-in task."""

from __future__ import annotations

import re
from pathlib import Path

import diffviewer

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "packaging" / "windows" / "diffviewer.iss"


def _sections() -> dict[str, list[str]]:
    """Section name → its non-comment lines, with the #define values substituted."""
    text = ISS.read_text(encoding="utf-8")
    defines = dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', text, flags=re.M))
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        line = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], line)
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections()["Setup"])


def _entries(section: str) -> list[dict[str, str]]:
    """Parameter lines (`Name: "x"; Flags: y`) as dicts; quoted values unquoted."""
    entries = []
    for line in _sections()[section]:
        fields = {}
        for match in re.finditer(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
            value = match.group(2).strip()
            if value.startswith('"'):
                value = value[1:-1].replace('""', '"')
            fields[match.group(1)] = value
        entries.append(fields)
    return entries


def test_setup_uses_the_app_id_version_and_shipped_icon() -> None:
    """[Setup] carries the app id and version, and its icon file exists beside the script."""
    setup = _setup()
    assert setup["AppId"] == diffviewer.APP_ID
    assert setup["ChangesAssociations"] == "yes"
    assert (ISS.parent / setup["SetupIconFile"]).is_file()
    version = re.search(r'#define AppVersion "([^"]+)"', ISS.read_text(encoding="utf-8"))
    assert version is not None
    assert version.group(1) == diffviewer.__version__


def test_installs_the_pyinstaller_folder_with_menu_and_optional_desktop_icon() -> None:
    """All of dist/diffviewer (the spec's COLLECT name) is copied; Start menu always, desktop
    icon only with its (unchecked) task."""
    (files,) = _entries("Files")
    assert files["Source"].replace("\\", "/").endswith("dist/diffviewer/*")
    assert "recursesubdirs" in files["Flags"]
    icons = {entry["Name"]: entry for entry in _entries("Icons")}
    assert set(icons) == {"{autoprograms}\\Diff Viewer", "{autodesktop}\\Diff Viewer"}
    assert icons["{autodesktop}\\Diff Viewer"]["Tasks"] == "desktopicon"
    tasks = {task["Name"]: task for task in _entries("Tasks")}
    assert all(task["Flags"] == "unchecked" for task in tasks.values())


def test_txt_is_offered_under_open_with_and_defaulted_only_by_the_task() -> None:
    """The ProgId opens "%1" with diffviewer.exe, .txt lists it in OpenWithProgids, the
    application declares .txt, and only the defaulttxt task writes .txt's default value."""
    registry = _entries("Registry")
    by_key = {(entry["Subkey"], entry["ValueName"]): entry for entry in registry}
    command = by_key[("Software\\Classes\\DiffViewer.txt\\shell\\open\\command", "")]
    assert command["ValueData"] == '"{app}\\diffviewer.exe" "%1"'
    assert ("Software\\Classes\\DiffViewer.txt\\DefaultIcon", "") in by_key
    assert ("Software\\Classes\\.txt\\OpenWithProgids", "DiffViewer.txt") in by_key
    supported = ("Software\\Classes\\Applications\\diffviewer.exe\\SupportedTypes", ".txt")
    assert supported in by_key
    assert all(entry["Root"] == "HKA" for entry in registry)
    default = by_key[("Software\\Classes\\.txt", "")]
    assert default["ValueData"] == "DiffViewer.txt"
    assert default["Tasks"] == "defaulttxt"
    untasked = [entry for entry in registry if "Tasks" not in entry]
    assert all(entry["Subkey"] != "Software\\Classes\\.txt" for entry in untasked)
