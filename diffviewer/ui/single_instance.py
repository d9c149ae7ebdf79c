"""One window per user: a second launch hands its files to the running app and exits.

The running app listens on a per-user ``QLocalServer`` (name from a hash of the user name and
the app id; ``UserAccessOption`` so other users cannot connect). A new launch:

1. takes a ``QLockFile`` next to the socket, so two launches at the same moment are serialised
   (without it, both could find no server, and the second ``removeServer`` would delete the
   first one's live socket);
2. tries to *connect* first and, when it can, sends its message, waits for the one-byte ack
   and exits (never *listen* first: a second listen on a live name silently takes it over);
3. else (no server, or a stale socket left by a crash) calls ``QLocalServer.removeServer``
   and listens; if that fails it tries to connect once more (someone else just won).

Protocol: a 4-byte big-endian length, then UTF-8 JSON
``{"v": 1, "cwd": str, "paths": [str, …], "activation_token": str | null}``; at most 1 MiB and
1,000 paths. Anything else is logged and dropped, never raised. The server acks with ``b"\\x06"``.
``XDG_ACTIVATION_TOKEN`` is forwarded so that on Wayland the running window may raise itself.
Imports: PySide6.QtCore/QtNetwork and the standard library.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import struct
import time
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from diffviewer import APP_ID

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 1024 * 1024
MAX_PATHS = 1000
ACK = b"\x06"
_HEADER = struct.Struct(">I")
_CONNECT_MS = 1000
_ACK_MS = 3000
_LOCK_MS = 5000
_POLL_MS = 20


def socket_name(app_id: str = APP_ID) -> str:
    """The per-user server name: stable, short (sun_path is ~108 bytes), not guessable-by-name."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry / no USER: still per-uid on POSIX
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{app_id}".encode()).hexdigest()[:16]
    return f"diffviewer-{digest}"


@dataclass(frozen=True, slots=True)
class Message:
    """What a second launch sends: its working folder, its paths, its activation token."""

    cwd: str
    paths: tuple[str, ...]
    activation_token: str | None = None

    def absolute_paths(self) -> list[str]:
        """Paths resolved against the sender's working folder (they may be relative)."""
        return [os.path.normpath(os.path.join(self.cwd, path)) for path in self.paths]


def encode(message: Message) -> bytes:
    body = json.dumps(
        {
            "v": PROTOCOL_VERSION,
            "cwd": message.cwd,
            "paths": list(message.paths),
            "activation_token": message.activation_token,
        }
    ).encode("utf-8")
    if len(body) > MAX_MESSAGE_BYTES:
        raise ValueError("message too large")
    return _HEADER.pack(len(body)) + body


def decode(body: bytes) -> Message:
    """Parse a message body; ValueError (with the reason) for anything not in the protocol."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or data.get("v") != PROTOCOL_VERSION:
        raise ValueError("not a version 1 message")
    cwd, paths, token = data.get("cwd"), data.get("paths"), data.get("activation_token")
    if not isinstance(cwd, str) or not isinstance(paths, list):
        raise ValueError("cwd or paths missing")
    if len(paths) > MAX_PATHS or not all(isinstance(p, str) and p for p in paths):
        raise ValueError("paths must be at most 1000 non-empty strings")
    if token is not None and not isinstance(token, str):
        raise ValueError("activation_token must be a string")
    return Message(cwd, tuple(paths), token or None)


class _Connection(QObject):
    """One incoming client: buffers bytes until a whole message is there, then acks."""

    received = Signal(object)

    def __init__(self, socket: QLocalSocket, parent: QObject) -> None:
        super().__init__(parent)
        self._socket = socket
        self._buffer = bytearray()
        self._closed = False
        socket.setParent(self)
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self._close)

    @Slot()
    def _on_ready_read(self) -> None:
        if self._closed:
            return
        self._buffer += bytes(self._socket.readAll().data())
        if len(self._buffer) < _HEADER.size:
            return
        (length,) = _HEADER.unpack_from(self._buffer)
        if length > MAX_MESSAGE_BYTES or len(self._buffer) > _HEADER.size + MAX_MESSAGE_BYTES:
            log.warning("single instance: dropping an oversized message (%d bytes)", length)
            self._close()
            return
        if len(self._buffer) < _HEADER.size + length:
            return
        body = bytes(self._buffer[_HEADER.size : _HEADER.size + length])
        try:
            message = decode(body)
        except ValueError as error:
            log.warning("single instance: ignoring a malformed message: %s", error)
            self._close()
            return
        self._socket.write(QByteArray(ACK))
        self._socket.flush()
        self.received.emit(message)
        self._socket.disconnectFromServer()

    @Slot()
    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._socket.abort()
        self.deleteLater()


class SingleInstance(QObject):
    """Client and server of the per-user socket. Use :meth:`forward_or_listen` once at launch."""

    message_received = Signal(object)
    """A :class:`Message` from another launch (on the GUI thread)."""

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or socket_name()
        self._server: QLocalServer | None = None

    def lock_path(self) -> str:
        return os.path.join(QDir.tempPath(), self.name + ".lock")

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def forward_or_listen(self, message: Message) -> bool:
        """True when a running instance took ``message`` (the caller exits); else listen."""
        lock = QLockFile(self.lock_path())
        lock.setStaleLockTime(10_000)
        locked = lock.tryLock(_LOCK_MS)
        if not locked:
            log.warning("single instance: lock %s busy; going on without it", self.lock_path())
        try:
            if self.send(message):
                return True
            if self.listen(remove_stale=locked):
                return False
            # Another launch won the race between our connect and our listen.
            return self.send(message)
        finally:
            if locked:
                lock.unlock()

    def send(self, message: Message, timeout_ms: int = _CONNECT_MS) -> bool:
        """Hand ``message`` to a running instance; True once it acknowledged it."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        try:
            socket.write(QByteArray(encode(message)))
            if not socket.waitForBytesWritten(timeout_ms):
                return False
            # Short waits in a loop: PySide holds the GIL inside waitForReadyRead, and a
            # server in this same process (tests) needs it to answer.
            deadline = time.monotonic() + _ACK_MS / 1000
            while socket.bytesAvailable() < 1 and time.monotonic() < deadline:
                socket.waitForReadyRead(_POLL_MS)
            if socket.bytesAvailable() < 1:
                log.warning("single instance: the running app did not answer")
                return False
            return bytes(socket.read(1).data()) == ACK
        finally:
            socket.abort()

    def listen(self, *, remove_stale: bool = True) -> bool:
        """Start serving. ``remove_stale`` clears a socket file left behind by a crash."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if remove_stale:
            QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning("single instance: cannot listen on %s: %s", self.name, server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    @Slot()
    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            connection = _Connection(socket, self)
            connection.received.connect(self.message_received)

    def close(self) -> None:
        """Stop serving (tests: then let deleteLater run before the app goes)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None


def launch_message(paths: list[str]) -> Message:
    """This launch's message: absolute paths, its cwd, and the Wayland activation token."""
    try:
        cwd = os.getcwd()
    except OSError:  # the folder the launch started in was deleted
        cwd = os.path.expanduser("~")
    return Message(
        cwd,
        tuple(os.path.abspath(path) for path in paths),
        os.environ.get("XDG_ACTIVATION_TOKEN") or None,
    )
