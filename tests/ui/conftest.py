from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.ui.shell.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, app_paths: AppPaths, clock: FixedClock) -> WindowFactory:
    def make(welcome_done: bool = True, start: date | None = None) -> MainWindow:
        if welcome_done:
            current = settings.load(app_paths.settings)
            settings.save(app_paths.settings, replace(current, welcome_done=True))
        if start is not None:
            db = Database.open(app_paths.database)
            with db.transaction() as s:
                Profile(s).set_start_date(start, clock.now())
            db.close()
        window = MainWindow(app_paths, clock)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        with qtbot.waitSignal(window.dataReady):
            window.open_data()
        return window

    return make


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal question would block a test forever: answer "yes" and record the title."""
    from recovery_app.ui.common.confirm import Confirm

    asked: list[str] = []

    def answer(cls: type, parent: object, title: str, *rest: object) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(Confirm, "ask", classmethod(answer))
    return asked
