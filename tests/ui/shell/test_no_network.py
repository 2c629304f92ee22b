"""Privacy: a full session in the app opens no IP socket (local sockets are fine)."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.paths import AppPaths
from recovery_app.ui.checkin.page import CheckInPage
from recovery_app.ui.data.page import DataPage, SaveFileDialog
from recovery_app.ui.shell.single_instance import SingleInstance
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import page_of

IP_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_recording: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    # Audit hooks can't be removed, so this one only records while a test asks it to.
    if _recording is None or not event.startswith("socket."):
        return
    if event == "socket.__new__" and args[1] not in IP_FAMILIES:
        return
    if event in {"socket.bind", "socket.connect"} and not isinstance(args[1], tuple):
        return  # a path: a local (Unix) socket
    _recording.append(event)


sys.addaudithook(_audit)


def _ip_socket_inodes() -> set[str]:
    """Inodes of this process's sockets that the kernel lists as TCP or UDP."""
    ours = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            ours.add(target[8:-1])
    listed = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                listed.add(line.split()[9])
    return ours & listed


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc (Linux)")
def test_a_full_session_opens_no_ip_socket(
    make_window: WindowFactory,
    qtbot: QtBot,
    app_paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    global _recording
    _recording = []
    try:
        instance = SingleInstance(app_paths.instance_key, app_paths.instance_lock)
        assert instance.acquire() and instance.listen()
        window = make_window(welcome_done=False)
        qtbot.mouseClick(window.first_run.page.begin_button, Qt.MouseButton.LeftButton)
        page = page_of(window, "checkin", CheckInPage)
        qtbot.mouseClick(page.mood_group.button(4), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.used_group.buttons()[0], Qt.MouseButton.LeftButton)
        page.note.setPlainText("a private note")
        assert page.save()
        window.show_page("today")
        qtbot.keyClick(window, Qt.Key.Key_F1)
        data = window.page("data")
        assert isinstance(data, DataPage)
        window.show_page("data")
        with qtbot.waitSignal(data.back_up_now().done, timeout=10000):
            pass
        target = tmp_path / "export.json"
        monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
        qtbot.mouseClick(data.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(target.exists, timeout=10000)
        assert SingleInstance(app_paths.instance_key, app_paths.instance_lock).wake_running()
        assert _ip_socket_inodes() == set()
        window.close()
        instance.close()
        assert _recording == []
    finally:
        _recording = None


def test_the_check_itself_sees_an_ip_socket() -> None:
    """The audit hook and the /proc check do notice a real IP socket."""
    global _recording
    _recording = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.bind(("127.0.0.1", 0))
            if Path("/proc/self/fd").exists():
                assert _ip_socket_inodes() != set()
        assert "socket.__new__" in _recording and "socket.bind" in _recording
    finally:
        _recording = None
