"""Fixtures for the UI tests: isolated settings, a main window, a private single-instance name.

Settings never touch the user's real ones: QStandardPaths test mode is on and QSettings'
IniFormat/UserScope folder is a per-test tmp_path. Each test gets its own socket name, so a
diffviewer running on the machine is never contacted.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from diffviewer.ui.settings import Settings


@pytest.fixture(autouse=True)
def ui_settings_dir(tmp_path: Path, qapp: QApplication) -> Path:
    """Every UI test writes its settings under tmp_path/settings."""
    QStandardPaths.setTestModeEnabled(True)
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("diffviewer")
    QCoreApplication.setApplicationName("diffviewer")
    return folder


@pytest.fixture
def settings(ui_settings_dir: Path) -> Settings:
    return Settings()


@pytest.fixture
def instance_name() -> str:
    return f"diffviewer-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def seed_copies(tmp_path: Path, seed_paths: tuple[Path, Path]) -> tuple[Path, Path]:
    """Writable copies of the seed pair (for tests that modify files on disk)."""
    folder = tmp_path / "copies"
    folder.mkdir()
    return (
        Path(shutil.copy(seed_paths[0], folder / seed_paths[0].name)),
        Path(shutil.copy(seed_paths[1], folder / seed_paths[1].name)),
    )


@pytest.fixture
def window(qtbot, settings: Settings) -> Iterator[object]:
    """A shown MainWindow, closed (worker stopped) after the test."""
    from diffviewer.ui.mainwindow import MainWindow

    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    main.worker.wait()
