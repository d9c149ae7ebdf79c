"""The wheel carries every file of resources/ as package data at diffviewer/resources/, and an
installed copy of the package (not the source tree) finds them through diffviewer.assets."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import diffviewer

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
IGNORED_PARTS = {"__pycache__", ".DS_Store"}


def _resource_files() -> set[str]:
    return {
        path.relative_to(RESOURCES).as_posix()
        for path in RESOURCES.rglob("*")
        if path.is_file() and not IGNORED_PARTS & set(path.parts)
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout: by hatchling's own command when it is importable (no
    network), else by `pip wheel`, which fetches the build backend the way users' pip does."""
    out = tmp_path_factory.mktemp("wheel")
    if importlib.util.find_spec("hatchling") is not None:
        command = [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)]
    else:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), "."]
    result = subprocess.run(
        command,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("diffviewer-*.whl")
    return built


def test_wheel_holds_every_resource_under_the_package(wheel: Path) -> None:
    """Each file under resources/ is in the wheel at diffviewer/resources/<same path>, and the
    repository-only folders (tests, packaging) are not."""
    names = set(zipfile.ZipFile(wheel).namelist())
    packaged = {
        name.removeprefix("diffviewer/resources/")
        for name in names
        if name.startswith("diffviewer/resources/")
    }
    missing = _resource_files() - packaged
    assert not missing, f"not in the wheel: {sorted(missing)}"
    assert "diffviewer/resources/icons/diffviewer.svg" in names
    assert not any(name.startswith(("tests/", "packaging/", "resources/")) for name in names)


def test_wheel_declares_the_gui_command(wheel: Path) -> None:
    """The wheel installs `diffviewer` as a GUI script pointing at cli.main, at this version."""
    archive = zipfile.ZipFile(wheel)
    info = f"diffviewer-{diffviewer.__version__}.dist-info"
    entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert "[gui_scripts]" in entry_points
    assert "diffviewer = diffviewer.cli:run" in entry_points


def test_unpacked_wheel_finds_its_own_resources(wheel: Path, tmp_path: Path) -> None:
    """Imported from the unpacked wheel (cwd elsewhere, the source tree not importable first),
    diffviewer.assets resolves resources inside the wheel and reads the example pair."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "import json, diffviewer, diffviewer.assets as a\n"
        "root = a.resources_root()\n"
        "v1, v2 = a.example_paths()\n"
        "print(json.dumps({'package': diffviewer.__file__, 'root': str(root),\n"
        "  'svg': a.resource('icons', 'diffviewer.svg').is_file(),\n"
        "  'v1': v1.read_text(encoding='utf-8')[:200], 'v2': v2.is_file()}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["root"]) == site / "diffviewer" / "resources"
    assert found["svg"] is True
    assert found["v2"] is True
    example = (RESOURCES / "examples" / "article-v1.txt").read_text(encoding="utf-8")
    assert found["v1"] == example[:200]
