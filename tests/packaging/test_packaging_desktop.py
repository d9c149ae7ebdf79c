"""Linux desktop integration: the .desktop entry and AppStream metainfo validate, name the same
program, icon and application id as the package, and install.sh / uninstall.sh put them in place
and take them away again (for the current user, idempotently)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import diffviewer

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{diffviewer.APP_ID}.desktop"
METAINFO = LINUX / f"{diffviewer.APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _gui_scripts() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return dict(project["gui-scripts"])


def _require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (Debian: see .ci/run for the package)")
    return found


def test_desktop_file_passes_desktop_file_validate() -> None:
    """desktop-file-validate accepts the entry without errors or warnings."""
    result = subprocess.run(
        [_require("desktop-file-validate"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()
    assert "warning" not in result.stdout.lower()


def test_metainfo_passes_appstream_validation() -> None:
    """appstreamcli's offline validation accepts the metainfo (infos allowed, no warnings)."""
    result = subprocess.run(
        [_require("appstreamcli"), "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not any(line.startswith(("E:", "W:")) for line in output.splitlines()), output


def test_desktop_entry_runs_the_installed_command_on_files() -> None:
    """Exec starts the program pip installs (the gui-script name) with the chosen files; plain
    text is offered through MimeType; the id, icon and window class agree with the package."""
    entry = _desktop_entry(DESKTOP)
    command, *arguments = entry["Exec"].split()
    assert command in _gui_scripts()
    assert _gui_scripts()[command] == "diffviewer.cli:run"
    assert arguments == ["%F"]
    assert entry["TryExec"] == command
    assert "text/plain" in entry["MimeType"].split(";")
    assert entry["Icon"] == diffviewer.APP_ID
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == command


def test_icon_name_matches_the_shipped_icon_files() -> None:
    """The Icon key names files that exist in every hicolor size, plus the scalable SVG."""
    icon = _desktop_entry(DESKTOP)["Icon"]
    sizes = sorted(
        int(folder.name.split("x")[0])
        for folder in (ICONS / "hicolor").iterdir()
        if folder.is_dir()
    )
    assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]
    for size in sizes:
        assert (ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{icon}.png").is_file()
    assert (ICONS / "diffviewer.svg").is_file()


def test_metainfo_names_the_same_app_binary_and_version() -> None:
    """The metainfo id, launchable, provided binary and newest release match the package."""
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == diffviewer.APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") in _gui_scripts()
    assert root.findtext("provides/mediatype") == "text/plain"
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == diffviewer.__version__
    assert root.findtext("name") == _desktop_entry(DESKTOP)["Name"]


@pytest.fixture
def user_dirs(tmp_path: Path) -> dict[str, str]:
    """An environment whose home and XDG folders are empty folders under tmp_path."""
    env = dict(os.environ)
    for name, folder in (
        ("HOME", "home"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
    ):
        (tmp_path / folder).mkdir()
        env[name] = str(tmp_path / folder)
    # The diffviewer install.sh is "run with": an active virtual environment's.
    binary = tmp_path / "venv" / "bin" / "diffviewer"
    binary.parent.mkdir(parents=True)
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    env["VIRTUAL_ENV"] = str(tmp_path / "venv")
    # A system data folder with a text editor that is the text/plain handler already.
    system = tmp_path / "system" / "applications"
    system.mkdir(parents=True)
    (system / "editor.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Editor\nExec=true %F\nMimeType=text/plain;\n"
    )
    if shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", str(system)], check=False)
    env["XDG_DATA_DIRS"] = str(tmp_path / "system")
    # Keep xdg-utils from asking a running desktop session anything.
    for name in (
        "XDG_CURRENT_DESKTOP",
        "DESKTOP_SESSION",
        "KDE_FULL_SESSION",
        "GNOME_DESKTOP_SESSION_ID",
    ):
        env.pop(name, None)
    return env


def _run(script: str, env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["bash", str(LINUX / script), *arguments],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _installed_files(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_install_then_uninstall_for_the_current_user(user_dirs: dict[str, str]) -> None:
    """install.sh puts the entry, every icon and the metainfo under XDG_DATA_HOME, lists the app
    for text/plain without making it the default, survives a second run unchanged, and
    uninstall.sh (twice) leaves none of those files behind."""
    _require("xdg-desktop-menu")
    data = Path(user_dirs["XDG_DATA_HOME"])
    _run("install.sh", user_dirs)
    first = _installed_files(data)
    _run("install.sh", user_dirs)
    assert _installed_files(data) == first
    app = diffviewer.APP_ID
    expected = {
        f"applications/{app}.desktop",
        f"metainfo/{app}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{app}.svg",
        *(f"icons/hicolor/{s}x{s}/apps/{app}.png" for s in (16, 24, 32, 48, 64, 128, 256, 512)),
    }
    assert expected <= first
    installed = _desktop_entry(data / "applications" / f"{app}.desktop")
    assert installed["Exec"] == f"{user_dirs['VIRTUAL_ENV']}/bin/diffviewer %F"
    mimeapps = Path(user_dirs["XDG_CONFIG_HOME"]) / "mimeapps.list"
    assert not mimeapps.exists() or app not in mimeapps.read_text()

    _run("uninstall.sh", user_dirs)
    _run("uninstall.sh", user_dirs)
    assert not expected & _installed_files(data)


def test_install_without_default_keeps_the_text_default_and_lists_the_app(
    user_dirs: dict[str, str],
) -> None:
    """The editor that handled text/plain still does (xdg-mime named diffviewer, from the user's
    MIME cache, which comes first); the MIME cache lists diffviewer for "Open with"."""
    _require("xdg-mime")
    _require("update-desktop-database")

    def default() -> str:
        return subprocess.run(
            ["xdg-mime", "query", "default", "text/plain"],
            env=user_dirs,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    assert default() == "editor.desktop"
    _run("install.sh", user_dirs)
    assert default() == "editor.desktop"
    cache = Path(user_dirs["XDG_DATA_HOME"]) / "applications" / "mimeinfo.cache"
    assert f"{diffviewer.APP_ID}.desktop" in cache.read_text()
    _run("install.sh", user_dirs, "--default")
    assert default() == f"{diffviewer.APP_ID}.desktop"


def test_install_runs_the_diffviewer_it_was_run_with(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    """No --exec: the entry runs the active venv's diffviewer by its absolute path (a desktop
    session does not have the terminal's PATH); with none to be found it says what to do."""
    _require("xdg-desktop-menu")
    entry = Path(user_dirs["XDG_DATA_HOME"]) / "applications" / f"{diffviewer.APP_ID}.desktop"
    _run("install.sh", user_dirs)
    assert _desktop_entry(entry)["TryExec"] == f"{user_dirs['VIRTUAL_ENV']}/bin/diffviewer"
    if (LINUX.parent.parent / ".venv" / "bin" / "diffviewer").exists():
        return  # this clone has the README's venv: the script would rightly find it
    bare = dict(user_dirs, PATH="/usr/bin:/bin")
    bare.pop("VIRTUAL_ENV")
    if shutil.which("diffviewer", path=bare["PATH"]):
        return
    missing = subprocess.run(
        ["bash", str(LINUX / "install.sh")], env=bare, capture_output=True, text=True, check=False
    )
    assert missing.returncode == 1
    assert "--exec" in missing.stderr and "no diffviewer found" in missing.stderr


def test_default_option_sets_and_uninstall_clears_the_text_default(
    user_dirs: dict[str, str],
) -> None:
    """--default makes the app the text/plain default; uninstall.sh removes exactly that line."""
    _require("xdg-mime")
    mimeapps = Path(user_dirs["XDG_CONFIG_HOME"]) / "mimeapps.list"
    mimeapps.write_text("[Default Applications]\ntext/html=firefox.desktop\n")
    _run("install.sh", user_dirs, "--default")
    assert f"text/plain={diffviewer.APP_ID}.desktop" in mimeapps.read_text()
    _run("uninstall.sh", user_dirs)
    remaining = mimeapps.read_text()
    assert diffviewer.APP_ID not in remaining
    assert "text/html=firefox.desktop" in remaining


def test_exec_option_points_the_entry_at_a_bundle(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    """--exec with a path containing a space (a PyInstaller bundle) yields a quoted Exec line
    that still validates; characters the Exec quoting cannot carry are refused."""
    _require("xdg-desktop-menu")
    binary = tmp_path / "Diff Viewer" / "diffviewer"
    binary.parent.mkdir()
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    _run("install.sh", user_dirs, "--exec", str(binary))
    installed = Path(user_dirs["XDG_DATA_HOME"]) / "applications" / f"{diffviewer.APP_ID}.desktop"
    entry = _desktop_entry(installed)
    assert entry["Exec"] == f'"{binary}" %F'
    assert entry["TryExec"] == str(binary)
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(installed)], capture_output=True, check=False
        )
        assert check.returncode == 0, check.stdout

    refused = subprocess.run(
        ["bash", str(LINUX / "install.sh"), "--exec", "/opt/$HOME/diffviewer"],
        env=user_dirs,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2
    assert "must not" in refused.stderr


def test_scripts_explain_themselves() -> None:
    """Both scripts answer --help with a usage text and refuse unknown options with status 2."""
    for script in ("install.sh", "uninstall.sh"):
        helped = subprocess.run(
            ["bash", str(LINUX / script), "--help"], capture_output=True, text=True, check=False
        )
        assert helped.returncode == 0
        assert helped.stdout.startswith("Usage: bash packaging/linux/")
        wrong = subprocess.run(
            ["bash", str(LINUX / script), "--bogus"], capture_output=True, text=True, check=False
        )
        assert wrong.returncode == 2
