"""With a passphrase: unlock at start, lock on demand and when idle; content hidden while locked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage import backup, crypto
from recovery_app.storage.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.encryption import change_key
from recovery_app.ui.main_window import MainWindow

PASSPHRASE = "a long walk by the sea"
SECRET = "my private note about a hard day"
FAST = crypto.KdfParams(salt="cd" * 16, time_cost=1, memory_cost=8 * 1024, parallelism=1)


@pytest.fixture
def locked_window(qtbot: QtBot, app_paths: AppPaths, clock: FixedClock) -> MainWindow:
    db = Database.open(app_paths.database)
    with db.transaction() as s:
        CheckIns(s).save(
            CheckIn(date(2026, 11, 25), 2, 6, 7, UsedToday.NO, note=SECRET), clock.now()
        )
    db.close()
    change_key(
        app_paths.database, app_paths.backups, None, crypto.derive_key(PASSPHRASE, FAST), FAST
    )
    settings.save(app_paths.settings, settings.Settings(welcome_done=True, lock_minutes=5))
    window = MainWindow(app_paths, clock)
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    return window


def shown_text(window: MainWindow) -> str:
    labels = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    edits = [w.toPlainText() for w in window.findChildren(QPlainTextEdit) if w.isVisible()]
    return "\n".join(labels + edits)


def unlock(window: MainWindow, qtbot: QtBot, passphrase: str) -> None:
    page = window.unlock_page
    assert page is not None
    page.passphrase.setText(passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)


def test_unlock_with_a_wrong_then_the_right_passphrase(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    window = locked_window
    assert window.stack.currentWidget() is window.unlock_page
    assert window.db is None and window.nav.isHidden() and window.help_button.isVisible()
    unlock(window, qtbot, "not it")
    page = window.unlock_page
    assert page is not None
    qtbot.waitUntil(lambda: "doesn't open" in page.status.text(), timeout=10000)
    assert page.unlock_button.isEnabled() and window.db is None
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        unlock(window, qtbot, PASSPHRASE)
    assert window.current_page_key() == "today"
    window.show_page("checkin")
    assert SECRET in shown_text(window)


def test_lock_on_demand_hides_everything_and_forgets_the_key(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    window = locked_window
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        unlock(window, qtbot, PASSPHRASE)
    window.show_page("checkin")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.db is None and window._key is None
    qtbot.waitUntil(lambda: SECRET not in shown_text(window))
    assert window.nav.count() == 0
    # Help stays reachable while locked.
    qtbot.keyClick(window, Qt.Key.Key_F1)
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        unlock(window, qtbot, PASSPHRASE)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Today",
        "Check-in",
        "Your data",
    ]


def test_idle_lock_follows_the_clock(
    locked_window: MainWindow, qtbot: QtBot, clock: FixedClock
) -> None:
    window = locked_window
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        unlock(window, qtbot, PASSPHRASE)
    start = clock.current
    clock.current = start + timedelta(minutes=4)
    window.idle.check()
    assert window.db is not None  # four minutes: not yet
    assert window.idle.timer.isActive()
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # activity resets the wait
    clock.current = start + timedelta(minutes=8)
    window.idle.check()
    assert window.db is not None  # only four minutes since the key press
    clock.current = start + timedelta(minutes=9, seconds=1)
    window.idle.check()
    assert window.db is None and window.stack.currentWidget() is window.unlock_page


def test_backups_of_encrypted_data_are_encrypted(
    locked_window: MainWindow, qtbot: QtBot, app_paths: AppPaths
) -> None:
    window = locked_window
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        unlock(window, qtbot, PASSPHRASE)
    assert window.safety.daily is not None
    with qtbot.waitSignal(window.safety.daily.done, timeout=10000):
        pass
    made = backup.list_backups(app_paths.backups)
    assert made and all(crypto.file_is_encrypted(b.path) for b in made)
    assert all(SECRET.encode() not in b.path.read_bytes() for b in made)
