"""The GUI entry point: ``main(argv)``, the QApplication set-up, file-open events, launching.

``main`` is what ``cli.py`` calls for the GUI path (argv without the program name). It parses
its own options (``--new-window`` and the compare options the CLI has), sets the application's
names (so QSettings has a stable place) and desktop file name, installs the exception hook and
the file-open filter, hands the files to an already running window when there is one (see
``ui.single_instance``), or opens the window.
Paths may be relative, contain spaces or any Unicode, or be ``file://`` URLs. macOS delivers
files opened from Finder (also at launch, before any window exists) as ``QFileOpenEvent``s:
``FileOpenFilter`` buffers them until the window takes them.
Imports: PySide6, ``diffviewer`` (APP_ID, version, assets, core.options) and ``ui`` modules.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from diffviewer import APP_ID, __version__
from diffviewer.assets import resource
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.ui.arrivals import ArrivalBurst
from diffviewer.ui.errors import exception_hook
from diffviewer.ui.settings import APPLICATION, ORGANIZATION, Settings

if TYPE_CHECKING:
    from diffviewer.ui.mainwindow import MainWindow
    from diffviewer.ui.single_instance import SingleInstance

log = logging.getLogger(__name__)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diffviewer",
        description="Compare versions of a news article paragraph by paragraph.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="versions, oldest first")
    parser.add_argument(
        "--new-window",
        action="store_true",
        help="open a window of its own instead of adding the files to a running one",
    )
    parser.add_argument("--ignore-case", action="store_true", help="compare ignoring case")
    parser.add_argument(
        "--ignore-punctuation", action="store_true", help="ignore punctuation and quotes"
    )
    parser.add_argument(
        "--mode",
        choices=[mode.value for mode in CompareMode],
        help="consecutive: v1→v2, v2→v3…; first: v1→v2, v1→v3…",
    )
    parser.add_argument(
        "--mute-typographic", action="store_true", help="leave typographic-only edits out"
    )
    parser.add_argument(
        "--rules", action="append", default=[], metavar="FILE", help="extra kind-rules file"
    )
    parser.add_argument("--max-size", type=int, metavar="MB", help="largest file to read, MiB")
    parser.add_argument("--version", action="version", version=f"diffviewer {__version__}")
    return parser


def options_from(args: argparse.Namespace, base: CompareOptions) -> CompareOptions:
    """The settings' options with the command line's flags on top (for this session)."""
    options = replace(
        base,
        ignore_case=base.ignore_case or args.ignore_case,
        ignore_punctuation=base.ignore_punctuation or args.ignore_punctuation,
        mute_typographic=base.mute_typographic or args.mute_typographic,
    )
    if args.mode:
        options = replace(options, mode=CompareMode(args.mode))
    if args.rules:
        options = replace(options, rules_files=(*args.rules, *options.rules_files))
    if args.max_size and args.max_size > 0:
        options = replace(options, max_file_bytes=args.max_size * 1024 * 1024)
    return options


def app_icon() -> QIcon:
    """The icon from resources/icons: the PNG renderings, else the SVG, else the theme's."""
    icon = QIcon()
    folder = resource("icons")
    for size in ICON_SIZES:
        png = folder.joinpath("hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    svg = folder.joinpath("diffviewer.svg")
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    if icon.isNull():
        icon = QIcon.fromTheme(APP_ID)
    return icon


def configure_app(app: QCoreApplication) -> None:
    """Names (QSettings' place), desktop file name (Wayland/X11 icon and grouping), icon."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setOrganizationDomain("diffviewer.github.io")
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    if isinstance(app, QGuiApplication):
        QGuiApplication.setApplicationDisplayName("diffviewer")
        QGuiApplication.setDesktopFileName(APP_ID)
        QGuiApplication.setWindowIcon(app_icon())


class FileOpenFilter(QObject):
    """Catches ``QFileOpenEvent`` on the application; buffers until someone listens."""

    opened = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: list[str] = []
        self._attached = False

    def attach(self) -> list[str]:
        """From now on emit ``opened``; returns what arrived before."""
        self._attached = True
        pending, self.pending = self.pending, []
        return pending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                if self._attached:
                    self.opened.emit([path])
                else:
                    self.pending.append(path)
            return True
        return super().eventFilter(watched, event)


@dataclass
class Launch:
    """What a launch made: keep it referenced while the event loop runs."""

    window: MainWindow
    single_instance: SingleInstance | None
    file_open_filter: FileOpenFilter
    arrivals: ArrivalBurst | None = None


def activate(window: object, activation_token: str | None) -> None:
    """Bring ``window`` to the front; on Wayland this needs the launcher's activation token."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    if activation_token:
        # Qt's Wayland plugin reads (and clears) this when the window asks to be activated.
        os.environ["XDG_ACTIVATION_TOKEN"] = activation_token
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.show()
    window.raise_()
    window.activateWindow()


def launch(
    argv: Sequence[str],
    *,
    instance_name: str | None = None,
    file_open_filter: FileOpenFilter | None = None,
) -> Launch | None:
    """Open the window for ``argv``; None when a running instance took the files."""
    from diffviewer.ui.mainwindow import MainWindow
    from diffviewer.ui.single_instance import Message, SingleInstance, launch_message
    from diffviewer.ui.versions import as_path

    args = build_parser().parse_args(list(argv))
    app = QApplication.instance()
    assert app is not None, "create the QApplication first"
    configure_app(app)
    if file_open_filter is None:
        file_open_filter = FileOpenFilter(app)
        app.installEventFilter(file_open_filter)
    paths = [as_path(path) for path in args.files]

    single = None
    if not args.new_window:
        single = SingleInstance(instance_name, app)
        if single.forward_or_listen(launch_message(paths)):
            log.info("handed %d file(s) to the running diffviewer", len(paths))
            single.deleteLater()
            return None

    settings = Settings()
    window = MainWindow(settings, options_from(args, settings.compare_options()))
    # A file manager opens several files as several launches, in a racy order: a burst of them
    # is ordered by modification time (see ui.arrivals).
    burst = ArrivalBurst(window.add_arrived, window.message_bar.show_message, window)
    if single is not None:

        def received(message: Message) -> None:
            burst.arrive(message.absolute_paths())
            activate(window, message.activation_token)

        single.message_received.connect(received)
    file_open_filter.opened.connect(burst.arrive)
    initial = [*paths, *file_open_filter.attach()]
    if len(initial) == 1:
        burst.arrive(initial)  # perhaps the first of several launches
    else:
        window.add_paths(initial)
    window.show()
    return Launch(window, single, file_open_filter, burst)


def main(argv: list[str]) -> int:
    """Run the viewer; returns the exit status (argparse exits 2 on bad arguments)."""
    logging.basicConfig(level=logging.WARNING, format="diffviewer: %(levelname)s: %(message)s")
    build_parser().parse_args(argv)  # bad arguments: usage + exit 2 before any window
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "diffviewer"])
    configure_app(app)
    hook = exception_hook()
    hook.install()
    file_open_filter = FileOpenFilter(app)  # before anything: macOS sends files at launch
    app.installEventFilter(file_open_filter)
    launched = launch(argv, file_open_filter=file_open_filter)
    if launched is None:
        hook.uninstall()
        return 0
    # Python sees Ctrl+C only between Qt events: wake it up now and then, and quit cleanly.
    signal.signal(signal.SIGINT, lambda *_args: QApplication.closeAllWindows())
    heartbeat = QTimer(app)
    heartbeat.start(500)
    heartbeat.timeout.connect(lambda: None)
    try:
        return app.exec()
    finally:
        heartbeat.stop()
        app.removeEventFilter(file_open_filter)
        if launched.single_instance is not None:
            launched.single_instance.close()
        hook.uninstall()
