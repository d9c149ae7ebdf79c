"""The PyInstaller spec asks for the right bundle on each platform (run with stand-ins for
PyInstaller's build classes, so no build is needed), keeps every Qt module the code imports, and
its entry script behaves like the `diffviewer` command."""

from __future__ import annotations

import plistlib
import re
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import diffviewer

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "pyinstaller" / "diffviewer.spec"
ENTRY = REPO / "packaging" / "pyinstaller" / "entry.py"


class _Recorder:
    """Stands in for one PyInstaller build class; remembers how it was called."""

    def __init__(self, kind: str, calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]) -> None:
        self.kind = kind
        self.calls = calls

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls.append((self.kind, args, kwargs))
        pure = [(name, f"{name}.py", "PYMODULE") for name in self.found_modules]
        return types.SimpleNamespace(
            kind=self.kind, pure=pure, scripts=[], binaries=list(self.binaries), datas=[]
        )

    found_modules: tuple[str, ...] = ("diffviewer", "diffviewer.cli", "diffviewer.ui.app")
    binaries: tuple[tuple[str, str, str], ...] = ()


def _run_spec(
    monkeypatch: pytest.MonkeyPatch, platform: str, found: tuple[str, ...] | None = None
) -> tuple[dict[str, Any], list[Any]]:
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}:all"]  # type: ignore[attr-defined]
    for name, module in (
        ("PyInstaller", types.ModuleType("PyInstaller")),
        ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
        ("PyInstaller.utils.hooks", hooks),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    namespace: dict[str, Any] = {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC)}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = _Recorder(kind, calls)
        if found is not None:
            namespace[kind].found_modules = found
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace, calls


def _called(calls: list[Any], kind: str) -> list[dict[str, Any]]:
    return [kwargs for called, _, kwargs in calls if called == kind]


def test_spec_bundles_resources_and_the_whole_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linux: one folder named diffviewer with one executable; resources/ goes to
    diffviewer/resources (where diffviewer.assets looks); all diffviewer submodules are listed."""
    namespace, calls = _run_spec(monkeypatch, "linux")
    (analysis_call,) = [c for c in calls if c[0] == "Analysis"]
    _, (scripts,), analysis = analysis_call
    assert [Path(s) for s in scripts] == [ENTRY]
    assert analysis["datas"] == [(str(REPO / "resources"), "diffviewer/resources")]
    assert analysis["hiddenimports"] == ["diffviewer:all"]
    (exe,) = _called(calls, "EXE")
    assert exe["name"] == "diffviewer"
    assert exe["icon"] is None  # PyInstaller ignores executable icons on Linux, with a warning
    assert _called(calls, "COLLECT")[0]["name"] == "diffviewer"
    assert _called(calls, "BUNDLE") == []
    assert namespace["VERSION"] == diffviewer.__version__


def test_spec_stops_when_the_analysis_lost_the_lazy_ui(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle whose analysis did not reach diffviewer.ui.app (imported lazily by the CLI) would
    start but never show a window: the spec refuses to go on to PYZ/EXE."""
    with pytest.raises(SystemExit, match=r"diffviewer\.ui\.app"):
        _run_spec(monkeypatch, "linux", found=("diffviewer", "diffviewer.cli"))


def test_spec_on_windows_adds_a_console_twin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows: a windowed diffviewer.exe with the .ico, and diffviewer-cli.exe with a console so
    `--summary` can print."""
    _, calls = _run_spec(monkeypatch, "win32")
    exes = {kwargs["name"]: kwargs for kwargs in _called(calls, "EXE")}
    assert set(exes) == {"diffviewer", "diffviewer-cli"}
    assert exes["diffviewer"]["console"] is False
    assert exes["diffviewer-cli"]["console"] is True
    assert exes["diffviewer"]["icon"].endswith(".ico")
    assert Path(exes["diffviewer"]["icon"]).is_file()


def test_spec_on_macos_declares_plain_text_as_an_alternate_handler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """macOS: an .app with the app id, the .icns and a document type for public.plain-text that
    adds Diff Viewer to "Open With" without claiming the default; the plist serialises."""
    _, calls = _run_spec(monkeypatch, "darwin")
    (bundle,) = _called(calls, "BUNDLE")
    assert bundle["name"] == "Diff Viewer.app"
    assert bundle["bundle_identifier"] == diffviewer.APP_ID
    assert bundle["icon"].endswith(".icns")
    assert Path(bundle["icon"]).is_file()
    plist = bundle["info_plist"]
    assert plist["CFBundleIdentifier"] == diffviewer.APP_ID
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == ["public.plain-text"]
    assert document["LSHandlerRank"] == "Alternate"
    assert plistlib.loads(plistlib.dumps(plist)) == plist
    assert _called(calls, "EXE")[0]["argv_emulation"] is False


def test_spec_excludes_no_qt_module_the_code_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every PySide6 module named anywhere in diffviewer/ stays in the bundle."""
    namespace, _ = _run_spec(monkeypatch, "linux")
    imported = set()
    for source in (REPO / "diffviewer").rglob("*.py"):
        imported |= set(re.findall(r"\bPySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported
    excluded = {name.removeprefix("PySide6.") for name in namespace["EXCLUDES"]}
    assert not imported & excluded, imported & excluded


def test_entry_script_behaves_like_the_command(tmp_path: Path) -> None:
    """The frozen app's entry script, run as a script, gives the same --summary as
    `python -m diffviewer` on the bundled example pair, with the same exit status."""
    examples = [str(REPO / "resources" / "examples" / f"article-v{n}.txt") for n in (1, 2)]

    def run(*command: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, *command, "--summary", "text", *examples],
            cwd=tmp_path,
            capture_output=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
            check=False,
        )

    frozen_like = run(str(ENTRY))
    module = run("-m", "diffviewer")
    assert b"Traceback" not in frozen_like.stderr, frozen_like.stderr.decode(errors="replace")
    assert frozen_like.stdout.strip(), "no summary printed"
    # diff(1)-style status: 1 means "the versions differ", which the seed pair does.
    assert frozen_like.returncode == module.returncode == 1
    assert frozen_like.stdout == module.stdout


def test_spec_leaves_out_what_the_app_never_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt translations, TLS backends and Qt's OpenSSL, image formats but SVG and kiosk platform
    plugins leave the bundle; what the app needs (the desktop platforms, SVG, the gtk3 theme,
    input contexts, Python's own OpenSSL) stays."""
    dropped = [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qt_fr.qm",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/libssl-3-x64.dll",
        "PySide6/Qt/lib/libcrypto.so.3",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqminimalegl.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
    ]
    kept = [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland-generic.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "libssl.so.3",
        "lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
    ]
    entries = [(name, f"/src/{name}", "BINARY") for name in dropped + kept]
    monkeypatch.setattr(_Recorder, "binaries", entries, raising=False)
    namespace, _calls = _run_spec(monkeypatch, "linux")
    assert [name for name, *_ in namespace["a"].binaries] == kept
