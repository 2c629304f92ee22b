"""Logs say what the app did, never what the person wrote."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app import log
from recovery_app.paths import AppPaths
from recovery_app.ui.checkin.page import CheckInPage
from recovery_app.ui.data.page import DataPage, SaveFileDialog
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import page_of

SECRET = "SECRET-JOURNAL-WORDS-4711"


def test_no_user_text_reaches_the_log(
    make_window: WindowFactory,
    qtbot: QtBot,
    app_paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log.setup(app_paths.log)
    try:
        window = make_window()
        page = page_of(window, "checkin", CheckInPage)
        page.note.setPlainText(SECRET)
        page.gratitude.setText(SECRET)
        assert not page.save()  # refused (no mood yet): a logged event with text nearby
        qtbot.mouseClick(page.mood_group.button(2), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.used_group.buttons()[1], Qt.MouseButton.LeftButton)
        page.note.setPlainText(SECRET + "\x00")  # a character that can't be stored
        assert not page.save()
        page.note.setPlainText(SECRET)
        assert page.save()
        data = window.page("data")
        assert isinstance(data, DataPage)
        window.show_page("data")
        target = tmp_path / f"{SECRET}.json"
        monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
        qtbot.mouseClick(data.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(target.exists, timeout=10000)
        window.close()
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = app_paths.log.read_text(encoding="utf-8")
        assert "check-in saved" in text  # the log is really written
        assert SECRET not in text
    finally:
        log.close_file_logs(app_paths.data_dir)
