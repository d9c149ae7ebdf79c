"""Launching: arguments, file:// URLs, file-open events, a second launch, main()."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from diffviewer import APP_ID
from diffviewer.core.options import CompareMode
from diffviewer.ui import app as app_module
from diffviewer.ui.app import FileOpenFilter, Launch, app_icon, build_parser, launch, main
from diffviewer.ui.single_instance import SingleInstance, launch_message


@pytest.fixture
def launched(qtbot) -> Iterator[list[Launch]]:  # type: ignore[no-untyped-def]
    """Collects launches and closes their windows and servers afterwards."""
    made: list[Launch] = []
    yield made
    for item in made:
        item.window.close()
        item.window.worker.wait()
        item.window.deleteLater()
        if item.single_instance is not None:
            item.single_instance.close()
        QApplication.instance().removeEventFilter(item.file_open_filter)
    qtbot.wait(1)


def _launch(launched: list[Launch], argv: list[str], **kwargs) -> Launch:  # type: ignore[no-untyped-def]
    result = launch(argv, **kwargs)
    assert result is not None
    launched.append(result)
    return result


def test_two_files_open_one_window_comparing_them(
    qtbot, launched, seed_paths, instance_name: str
) -> None:  # type: ignore[no-untyped-def]
    """`diffviewer A B` compares A and B in that order; app names and desktop file are set."""
    result = _launch(launched, [str(p) for p in seed_paths], instance_name=instance_name)
    window = result.window
    qtbot.waitUntil(lambda: window.comparison() is not None, timeout=20_000)
    assert [Path(p).name for p in window.paths] == ["article-v1.txt", "article-v2.txt"]
    assert window.isVisible()
    assert QGuiApplication.desktopFileName() == APP_ID
    assert QCoreApplication.applicationName() == "diffviewer"
    assert QCoreApplication.organizationName() == "diffviewer"


def test_no_files_opens_the_empty_window(qtbot, launched, instance_name: str) -> None:  # type: ignore[no-untyped-def]
    """`diffviewer` alone: a window with the hint."""
    window = _launch(launched, [], instance_name=instance_name).window
    assert window.stack.currentWidget() is window.hint


def test_command_line_options_apply_to_the_session(
    qtbot, launched, seed_paths, instance_name: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """--ignore-case/--mode/--rules reach the comparison without being stored."""
    rules = tmp_path / "mine.toml"
    rules.write_text("", "utf-8")
    argv = ["--ignore-case", "--mode", "first", "--rules", str(rules), *map(str, seed_paths)]
    window = _launch(launched, argv, instance_name=instance_name).window
    assert window.options.ignore_case
    assert window.options.mode is CompareMode.AGAINST_FIRST
    assert window.options.rules_files == (str(rules),)
    assert not window.settings.compare_options().ignore_case


def test_bad_arguments_exit_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown options: argparse's usage message and exit status 2, no window."""
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["--no-such-option"])
    assert exit_info.value.code == 2
    assert "usage" in capsys.readouterr().err


def _second_launch(qtbot, instance_name: str, path: str) -> None:  # type: ignore[no-untyped-def]
    """A second SingleInstance client (a thread standing in for a process) sends ``path``."""
    result: list[bool] = []
    thread = threading.Thread(
        target=lambda: result.append(SingleInstance(instance_name).send(launch_message([path]))),
        daemon=True,
    )
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    assert result == [True]


def test_a_second_launch_adds_its_file_to_the_running_window(
    qtbot, launched, seed_paths, instance_name: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A second launch with a file not open yet: the first window adds it as a version."""
    window = _launch(launched, [str(p) for p in seed_paths], instance_name=instance_name).window
    qtbot.waitUntil(lambda: window.comparison() is not None, timeout=20_000)
    third = tmp_path / "article-v3.txt"
    third.write_bytes(seed_paths[1].read_bytes() + b"\n\nA paragraph added in revision 3.\n")
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        _second_launch(qtbot, instance_name, str(third))
    comparison = window.comparison()
    assert comparison is not None and len(comparison.versions) == 3
    assert window.paths[-1] == str(third)


def test_a_second_launch_with_an_open_file_does_not_add_it_again(
    qtbot, launched, seed_paths, instance_name: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Double-clicking a file that is already open (here through a symlink to it) leaves the
    versions as they were and says the file is already open."""
    window = _launch(launched, [str(p) for p in seed_paths], instance_name=instance_name).window
    qtbot.waitUntil(lambda: window.comparison() is not None, timeout=20_000)
    link = tmp_path / "link-to-v1.txt"
    link.symlink_to(seed_paths[0])
    _second_launch(qtbot, instance_name, str(link))
    qtbot.waitUntil(window.message_bar.isVisible, timeout=10_000)
    assert window.message_bar.text().startswith("link-to-v1.txt is already open.")
    assert window.paths == [str(p) for p in seed_paths]


def test_second_launch_through_launch_returns_none(
    qtbot, launched, seed_paths, instance_name: str
) -> None:  # type: ignore[no-untyped-def]
    """launch() in a second 'process' (thread) hands over and makes no window."""
    window = _launch(launched, [], instance_name=instance_name).window
    outcome: list[object] = []

    def second() -> None:
        outcome.append(
            SingleInstance(instance_name).forward_or_listen(launch_message([str(seed_paths[0])]))
        )

    thread = threading.Thread(target=second, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    assert outcome == [True]
    qtbot.waitUntil(lambda: len(window.paths) == 1, timeout=5000)


def test_file_open_events_at_launch_and_later(
    qtbot, launched, seed_paths, instance_name: str
) -> None:  # type: ignore[no-untyped-def]
    """macOS: a QFileOpenEvent before the window exists is kept; later ones add versions."""
    app = QApplication.instance()
    file_filter = FileOpenFilter(app)
    app.installEventFilter(file_filter)
    QApplication.sendEvent(app, QFileOpenEvent(str(seed_paths[0])))
    assert file_filter.pending == [str(seed_paths[0])]
    window = _launch(launched, [], instance_name=instance_name, file_open_filter=file_filter).window
    qtbot.waitUntil(lambda: window.paths == [str(seed_paths[0])], timeout=5000)
    with qtbot.waitSignal(window.worker.finished, timeout=20_000):
        QApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(seed_paths[1]))))
    assert [Path(p).name for p in window.paths] == ["article-v1.txt", "article-v2.txt"]


def test_app_icon_comes_from_the_bundled_icons(qapp) -> None:  # type: ignore[no-untyped-def]
    """The icon has the packaged sizes (and is not null)."""
    icon = app_icon()
    assert not icon.isNull()
    assert any(size.width() >= 256 for size in icon.availableSizes())


def test_main_runs_the_event_loop_and_returns_its_status(
    qtbot, monkeypatch: pytest.MonkeyPatch, seed_paths
) -> None:  # type: ignore[no-untyped-def]
    """main(argv) builds the window, runs exec() and returns its status; hooks removed."""
    import sys

    seen: list[object] = []

    def fake_exec() -> int:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "main_window" and w.isVisible()
        ]
        seen.extend(windows)
        for window in windows:
            qtbot.waitUntil(lambda w=window: w.comparison() is not None, timeout=20_000)
            window.close()
            window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec, raising=False)
    monkeypatch.setattr(app_module.signal, "signal", lambda *_args: None)
    hook_before = sys.excepthook
    assert main(["--new-window", *map(str, seed_paths)]) == 0
    assert len(seen) >= 1
    assert sys.excepthook is hook_before


def test_files_from_several_launches_in_a_burst_are_ordered_oldest_first(
    qtbot, launched, tmp_path: Path, seed_paths, instance_name: str
) -> None:  # type: ignore[no-untyped-def]
    """`gio open v1 v2` starts two launches whose files race: the newer one reaching the window
    first still ends up second (oldest modification time first), and the window says so."""
    import os

    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_bytes(seed_paths[0].read_bytes())
    new.write_bytes(seed_paths[1].read_bytes())
    os.utime(old, (1_600_000_000, 1_600_000_000))
    os.utime(new, (1_700_000_000, 1_700_000_000))
    launch_result = _launch(launched, [str(new)], instance_name=instance_name)
    window = launch_result.window
    burst = launch_result.arrivals
    assert burst is not None and burst.pending()
    burst._timer.setInterval(60_000)  # a busy test machine must not end the burst early
    burst._timer.start()
    result: list[bool] = []
    thread = threading.Thread(
        target=lambda: result.append(
            SingleInstance(instance_name).send(launch_message([str(old)]))
        ),
        daemon=True,
    )
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    assert result == [True]
    qtbot.waitUntil(lambda: len(burst._batches) == 2, timeout=5000)
    burst.flush()
    qtbot.waitUntil(lambda: window.comparison() is not None, timeout=20_000)
    assert [Path(p).name for p in window.paths] == ["v1.txt", "v2.txt"]
    assert "oldest first" in window.message_bar.text()


def test_one_launch_keeps_its_own_order(
    qtbot, launched, tmp_path: Path, seed_paths, instance_name: str
) -> None:  # type: ignore[no-untyped-def]
    """`diffviewer new old` on a command line is an explicit order: kept."""
    import os

    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_bytes(seed_paths[0].read_bytes())
    new.write_bytes(seed_paths[1].read_bytes())
    os.utime(old, (1_600_000_000, 1_600_000_000))
    window = _launch(launched, [str(new), str(old)], instance_name=instance_name).window
    qtbot.waitUntil(lambda: window.comparison() is not None, timeout=20_000)
    assert [Path(p).name for p in window.paths] == ["v2.txt", "v1.txt"]
