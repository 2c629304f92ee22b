"""Every core flow by keyboard alone, in one window, each key sent where the focus is:
a check-in, logging a craving, finding an article, adding a meeting, getting help and
hiding the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.journal.entries import JournalFilter
from recovery_app.storage.checkin.ops import checkin_on
from recovery_app.storage.journal.ops import find_entries
from recovery_app.storage.meetings.ops import all_meetings
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.help.dialog import HelpDialog
from recovery_app.ui.learn.page import LearnPage
from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
from tests.ui.conftest import WindowFactory

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the focus is nowhere"
    return widget


def key(
    qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focus(), k, mods)


def test_the_core_flows_by_keyboard_alone(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A question left open by a failing step would wait for an answer for ever.
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda *a, **k: True))
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None)
    db, today = window.db, window.clock.now().date()
    assert db is not None

    # A check-in: mood 4, then Tab to "No" for the use question, Space, Ctrl+Enter.
    key(qtbot, Qt.Key.Key_2, CTRL)
    key(qtbot, Qt.Key.Key_4)
    for _ in range(60):
        if isinstance(focus(), QRadioButton) and focus().text() == "No":
            break
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    saved = checkin_on(db, today)
    assert saved is not None and saved.mood == 4

    # Log a craving from anywhere: Ctrl+N, its strength, Tab to the words, Enter.
    key(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: focus().window() is not window)
    key(qtbot, Qt.Key.Key_7)
    for _ in range(20):
        if isinstance(focus(), QLineEdit) and focus().accessibleName() == "What's happening":
            break
        key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focus(), "payday, walking past the pharmacy")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(find_entries(db, JournalFilter(words="pharmacy"), None, None)))

    # Find an article: Learn, Ctrl+F, words, Enter opens the first.
    window.activateWindow()
    qtbot.waitUntil(lambda: focus().window() is window)
    key(qtbot, Qt.Key.Key_5, CTRL)
    key(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(focus(), "sleep")
    key(qtbot, Qt.Key.Key_Return)
    learn = window.page("learn")
    assert isinstance(learn, LearnPage) and learn.reader.article is not None

    # Add a meeting: Meetings, Alt+A, type its name, Enter saves (the form is modal).
    key(qtbot, Qt.Key.Key_4, CTRL)

    def fill_in() -> None:
        qtbot.keyClicks(focus(), "Thursday group")
        key(qtbot, Qt.Key.Key_Return)

    def opened(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and isinstance(new.window(), MeetingDialog):
            app.focusChanged.disconnect(opened)
            QTimer.singleShot(0, fill_in)  # inside the form's own loop: it is modal

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(opened)
    key(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: bool(all_meetings(db)))
    assert [m.name for m in all_meetings(db)] == ["Thursday group"]

    # Get help: F1 from where the focus is; Escape closes it.
    window.activateWindow()  # a window manager gives it back when the form closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key(qtbot, Qt.Key.Key_F1)
    help_dialog = window.findChild(HelpDialog)
    assert help_dialog is not None
    qtbot.waitUntil(help_dialog.isVisible)
    help_dialog.activateWindow()
    qtbot.waitUntil(lambda: focus().window() is help_dialog)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not help_dialog.isVisible())

    # Someone walks in: Ctrl+L hides the window at once (no passphrase to lock with).
    window.activateWindow()
    qtbot.waitUntil(lambda: focus().window() is window)
    key(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(window.isMinimized)


def test_page_down_from_a_button_shows_the_text_below_it(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Scroll areas take no focus, so the text between two buttons is seen by Page Down
    from whatever button has the focus: the key goes up to the page's scroll area."""
    from PySide6.QtWidgets import QAbstractButton, QScrollArea

    window = make_window()
    window.resize(800, 600)
    window.show_page("today")
    page = window.page("today")
    area = next(a for a in page.findChildren(QScrollArea) if a.isVisible())
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    button = next(
        b for b in area.widget().findChildren(QAbstractButton) if b.isVisible() and b.y() < 200
    )
    button.setFocus()
    assert bar.value() == 0
    qtbot.keyClick(button, Qt.Key.Key_PageDown)
    assert bar.value() > 0 and button.hasFocus()
    qtbot.keyClick(button, Qt.Key.Key_PageUp)
    assert bar.value() == 0


def test_a_date_field_is_one_tab_stop(make_window: WindowFactory, qtbot: QtBot) -> None:
    """The issue: the check-in's Day field took four presses of Tab (its day, month and
    year first). Now one press goes on, and Shift+Tab comes back in one."""
    window = make_window()
    window.show_page("checkin")
    day = window.page("checkin").date_edit  # type: ignore[attr-defined]
    day.setFocus()
    qtbot.waitUntil(day.hasFocus)
    qtbot.keyClick(day, Qt.Key.Key_Tab)
    assert focus().accessibleName() == "Mood: Very low"
    qtbot.keyClick(focus(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focus() is day
    qtbot.keyClick(day, Qt.Key.Key_Right)  # the arrows still move between its parts
    assert focus() is day
