"""UI fixtures: a page is built with its context (data, clock, bus, settings); the shell's
tests build the whole window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.settings import SettingsStore
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.ui.common.bus import ChangeBus
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.ops import Ops
from recovery_app.ui.common.theme import LIGHT
from recovery_app.ui.shell.appearance import apply
from recovery_app.ui.shell.main_window import MainWindow
from tests.conftest import open_fresh

WindowFactory = Callable[..., MainWindow]
W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def app_look(qapp: QApplication) -> Iterator[None]:
    """Every UI test sees the app's own light look at 100 %, as a new person would, and a
    test that changes the look doesn't change it for the next one."""
    apply(qapp, LIGHT, 100)
    yield
    apply(qapp, LIGHT, 100)


@pytest.fixture
def ctx(
    qtbot: QtBot, app_paths: AppPaths, clock: FixedClock, empty_database: Path
) -> Iterator[AppContext]:
    """What the shell gives every page of an unlocked session, on a real database file."""
    db = open_fresh(app_paths, empty_database)
    bus = ChangeBus()
    ops = Ops(bus)
    context = AppContext(db, clock, bus, ops, SettingsStore(app_paths.settings), app_paths)
    yield context
    ops.pool.waitForDone()
    db.close()


@pytest.fixture
def shown(qtbot: QtBot) -> Iterator[Callable[[W], W]]:
    """Show a page or dialog as the person would see it.

    The fixture holds each shown widget until the test ends and then deletes it, at a quiet
    moment. Left to Python's cycle collector, a window that was part of a reference cycle could
    be deleted from inside its own paint event, whenever a collection happened to run there,
    which crashed the process (a table painting a model that had just been freed)."""
    kept: list[QWidget] = []

    def show(widget: W) -> W:
        qtbot.addWidget(widget)
        kept.append(widget)
        widget.resize(1000, 760)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    yield show
    for widget in reversed(kept):
        if shiboken6.isValid(widget):
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    kept.clear()


@pytest.fixture
def make_window(qtbot: QtBot, app_paths: AppPaths, clock: FixedClock) -> WindowFactory:
    def make(welcome_done: bool = True, start: date | None = None) -> MainWindow:
        if welcome_done:
            current = settings.load(app_paths.settings)
            from dataclasses import replace

            settings.save(app_paths.settings, replace(current, welcome_done=True))
        if start is not None:
            db = Database.open(app_paths.database)
            with db.transaction() as conn:
                Profile(conn).set_start_date(start, clock.now())
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


class Asked(list[str]):
    """The titles of the questions asked; ``texts`` holds what each one said."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> Asked:
    """A modal question would block a test forever: answer "yes" and record it."""
    from recovery_app.ui.common.confirm import Confirm

    asked = Asked()

    def answer(cls: type, parent: object, title: str, text: str, *rest: object) -> bool:
        asked.append(title)
        asked.texts.append(text)
        return True

    monkeypatch.setattr(Confirm, "ask", classmethod(answer))
    return asked


@pytest.fixture(autouse=True)
def _windows_end_with_their_test(qapp: QApplication) -> Iterator[None]:
    """Dialogs and windows a test made without a parent are deleted when it ends, on the
    main thread. Left to Python's cycle collector, one could be freed during a later test on a
    worker thread, where Qt can't stop its timers ("Timers cannot be stopped from another
    thread"), or inside a paint event."""
    yield
    from PySide6.QtWidgets import QDialog, QMainWindow

    for widget in QApplication.topLevelWidgets():
        ours = type(widget).__module__.startswith(("recovery_app", "tests"))
        if shiboken6.isValid(widget) and (ours or isinstance(widget, QDialog | QMainWindow)):
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
