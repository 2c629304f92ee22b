"""A bug leaves its code path in app.log (never the person's words) and one calm dialog."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from recovery_app import log
from recovery_app.paths import AppPaths
from recovery_app.ui.common.worker import ProgressFn, Worker
from recovery_app.ui.shell.crash import CrashDialog, handle_bug

SECRET = "my-private-words-about-tonight"


class Sender(QObject):
    poked = Signal()


def read_log(app_paths: AppPaths) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return app_paths.log.read_text(encoding="utf-8")


@pytest.fixture
def app_log(app_paths: AppPaths):
    log.setup(app_paths.log)
    yield app_paths
    log.close_file_logs(app_paths.data_dir)


def save_the_note(note: str) -> None:
    raise ValueError(f"could not save {note!r}")


def test_a_bug_in_background_work_logs_its_frames_not_its_message(
    app_log: AppPaths, qtbot: QtBot
) -> None:
    def work(progress: ProgressFn) -> None:
        save_the_note(SECRET)

    worker = Worker(work)
    with qtbot.waitSignal(worker.failed) as failed:
        worker.start()
    assert "Your data has not been changed" in failed.args[0]
    text = read_log(app_log)
    assert "background work failed" in text
    assert "builtins.ValueError" in text
    assert "in save_the_note" in text and Path(__file__).name in text
    assert SECRET not in text


def test_a_bug_in_a_slot_logs_its_frames_and_shows_one_dialog(
    app_log: AppPaths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    sender = Sender()
    shown: list[str] = []

    def tell(cls: type, text: str) -> None:
        shown.append("dialog")
        sender.poked.emit()  # the same bug again while the dialog is up

    monkeypatch.setattr(CrashDialog, "tell", classmethod(tell))
    monkeypatch.setattr(sys, "excepthook", handle_bug)
    calls: list[int] = []

    def slot() -> None:
        calls.append(1)
        save_the_note(SECRET)

    sender.poked.connect(slot)
    sender.poked.emit()
    assert len(calls) == 2  # the slot ran twice: once, and once under the dialog
    assert shown == ["dialog"]  # but only one dialog
    text = read_log(app_log)
    assert text.count("unexpected builtins.ValueError") == 2
    assert "in slot" in text and "in save_the_note" in text
    assert SECRET not in text
    assert not CrashDialog.showing
