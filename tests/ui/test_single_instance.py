"""Single instance: message protocol, hand-over to a running app, stale sockets, races."""

from __future__ import annotations

import json
import os
import socket
import stat
import struct
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtNetwork import QLocalSocket

from diffviewer.ui.single_instance import (
    MAX_PATHS,
    Message,
    SingleInstance,
    decode,
    encode,
    launch_message,
    socket_name,
)


def _in_thread(target) -> tuple[threading.Thread, list[object]]:  # type: ignore[no-untyped-def]
    """Run a blocking client in a thread (the server needs this thread's event loop)."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(target()), daemon=True)
    thread.start()
    return thread, result


@pytest.fixture
def server(qtbot, instance_name: str):  # type: ignore[no-untyped-def]
    instance = SingleInstance(instance_name)
    assert instance.listen()
    yield instance
    instance.close()
    qtbot.wait(1)  # let deleteLater run before the app tears down


def test_socket_name_is_per_user_and_short() -> None:
    """Stable for a user and app id, different for another app id, fits in sun_path."""
    assert socket_name() == socket_name()
    assert socket_name("other.App") != socket_name()
    assert len(socket_name()) < 40


def test_message_round_trip_keeps_unicode_and_spaces() -> None:
    """Paths with spaces and non-ASCII characters survive encoding."""
    message = Message("/home/ed", ("/tmp/ünï côdé/a b.txt", "rel/中文.txt"), "token-1")
    data = encode(message)
    (length,) = struct.unpack(">I", data[:4])
    assert length == len(data) - 4
    assert decode(data[4:]) == message
    assert decode(data[4:]).absolute_paths()[1] == "/home/ed/rel/中文.txt"


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe not utf-8",
        b"{not json",
        b"[]",
        json.dumps({"v": 2, "cwd": "/", "paths": []}).encode(),
        json.dumps({"v": 1, "cwd": 3, "paths": []}).encode(),
        json.dumps({"v": 1, "cwd": "/", "paths": "a.txt"}).encode(),
        json.dumps({"v": 1, "cwd": "/", "paths": [1]}).encode(),
        json.dumps({"v": 1, "cwd": "/", "paths": [""]}).encode(),
        json.dumps({"v": 1, "cwd": "/", "paths": ["a"] * (MAX_PATHS + 1)}).encode(),
        json.dumps({"v": 1, "cwd": "/", "paths": [], "activation_token": 5}).encode(),
    ],
)
def test_malformed_messages_are_refused(body: bytes) -> None:
    """Anything outside the protocol raises ValueError (the server logs and drops it)."""
    with pytest.raises(ValueError):
        decode(body)


def test_launch_message_carries_absolute_paths_and_token(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Relative paths become absolute; XDG_ACTIVATION_TOKEN is forwarded."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "wayland-token")
    message = launch_message(["a b.txt"])
    assert message.paths == (str(tmp_path / "a b.txt"),)
    assert message.activation_token == "wayland-token"


def test_server_receives_a_second_launch(qtbot, server: SingleInstance) -> None:  # type: ignore[no-untyped-def]
    """A client's message arrives as a Message, and the client gets the ack."""
    message = Message("/tmp", ("/tmp/é x.txt",), None)
    with qtbot.waitSignal(server.message_received, timeout=5000) as blocker:
        thread, result = _in_thread(lambda: SingleInstance(server.name).send(message))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert blocker.args == [message]
    assert result == [True]


def test_socket_is_private_to_the_user(server: SingleInstance) -> None:
    """UserAccessOption: the socket file has no group/other permissions (POSIX)."""
    assert server._server is not None
    path = server._server.fullServerName()
    if not os.path.exists(path):
        pytest.skip("abstract or non-file socket on this platform")
    assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0


def _raw_send(name: str, data: bytes) -> bool:
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(2000):
        return False
    sock.write(QByteArray(data))
    sock.waitForBytesWritten(2000)
    sock.waitForReadyRead(300)  # no ack expected
    got = bytes(sock.readAll().data())
    sock.abort()
    return got == b""


@pytest.mark.parametrize(
    "data",
    [
        struct.pack(">I", 11) + b"not json!!!",
        struct.pack(">I", 2**31) + b"{}",
        b"\x00\x00",
    ],
    ids=["garbage", "oversized", "short"],
)
def test_malformed_input_is_ignored_and_the_server_keeps_working(
    qtbot, server: SingleInstance, data: bytes, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    """Garbage gets no ack and no signal; a good message afterwards still works."""
    received: list[object] = []
    server.message_received.connect(received.append)
    thread, result = _in_thread(lambda: _raw_send(server.name, data))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert result == [True]
    assert received == []
    good = Message("/", ("/a.txt",))
    with qtbot.waitSignal(server.message_received, timeout=5000):
        thread, result = _in_thread(lambda: SingleInstance(server.name).send(good))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert received == [good]


def test_forward_or_listen_forwards_to_a_running_instance(qtbot, server: SingleInstance) -> None:  # type: ignore[no-untyped-def]
    """With a live server, a new launch forwards (True) and does not listen."""
    second = SingleInstance(server.name)
    with qtbot.waitSignal(server.message_received, timeout=5000):
        thread, result = _in_thread(lambda: second.forward_or_listen(Message("/", ("/x.txt",))))
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert result == [True]
    assert not second.is_listening()


def test_stale_socket_after_a_crash_is_recovered(qtbot, instance_name: str) -> None:  # type: ignore[no-untyped-def]
    """A socket file nobody listens on: connect fails, removeServer, then listen works."""
    probe = SingleInstance(instance_name)
    assert probe.listen()
    assert probe._server is not None
    path = probe._server.fullServerName()
    probe.close()
    qtbot.wait(1)
    if sys.platform == "win32":
        pytest.skip("named pipes leave no stale file")
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)  # what a crashed app leaves behind: a socket file, no listener
    stale.close()
    assert os.path.exists(path)
    first = SingleInstance(instance_name)
    assert first.forward_or_listen(Message("/", ())) is False
    assert first.is_listening()
    first.close()
    qtbot.wait(1)


RACE_SCRIPT = textwrap.dedent(
    """
    import sys, json
    from PySide6.QtCore import QCoreApplication, QTimer
    from diffviewer.ui.single_instance import Message, SingleInstance
    app = QCoreApplication([])
    name, path, go = sys.argv[1], sys.argv[2], float(sys.argv[3])
    import time
    while time.time() < go:
        time.sleep(0.001)
    instance = SingleInstance(name)
    got = []
    instance.message_received.connect(lambda m: (got.extend(m.paths), app.quit()))
    if instance.forward_or_listen(Message("/", (path,))):
        print(json.dumps({"role": "forwarded"}))
    else:
        QTimer.singleShot(8000, app.quit)
        app.exec()
        print(json.dumps({"role": "server", "got": got}))
    """
)


def test_two_launches_at_the_same_moment_end_in_one_server(instance_name: str) -> None:
    """Two processes starting together: one listens and receives the other's path."""
    import time

    go = str(time.time() + 1.5)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE_SCRIPT, instance_name, f"/p{n}.txt", go],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in (1, 2)
    ]
    outputs = [json.loads(proc.communicate(timeout=30)[0]) for proc in procs]
    roles = sorted(output["role"] for output in outputs)
    assert roles == ["forwarded", "server"]
    server_output = next(output for output in outputs if output["role"] == "server")
    loser = 1 if outputs[0]["role"] == "forwarded" else 2
    assert server_output["got"] == [f"/p{loser}.txt"]
