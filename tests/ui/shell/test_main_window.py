"""The window as a person meets it: welcome, pages, shortcuts, Get help."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.paths import AppPaths
from recovery_app.storage.checkin.profile import Profile
from recovery_app.ui.help.dialog import HelpDialog
from recovery_app.ui.shell.main_window import MainWindow
from recovery_app.ui.today.page import TodayPage
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import page_of


def visible_text(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_first_run_shows_welcome_then_today(
    make_window: WindowFactory, qtbot: QtBot, app_paths: AppPaths
) -> None:
    window = make_window(welcome_done=False)
    assert window.stack.currentWidget() is window.first_run.page
    assert window.nav.isHidden()
    text = visible_text(window)
    assert "stays on this computer" in text and "not medical advice" in text and "911" in text
    window.first_run.page.picker.no_count.setChecked(True)
    qtbot.mouseClick(window.first_run.page.begin_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "today"
    assert window.nav.isVisible()
    assert settings.load(app_paths.settings).welcome_done
    assert window.db is not None
    with window.db.reading() as s:
        assert Profile(s).start_date() is None
    assert "chose not to count days" in visible_text(window)


def test_welcome_start_date_is_used_on_today(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window(welcome_done=False)
    window.first_run.page.picker.date_edit.setDate(date(2025, 11, 21))
    qtbot.mouseClick(window.first_run.page.begin_button, Qt.MouseButton.LeftButton)
    assert "1 year, 4 days" in page_of(window, "today", TodayPage).time_label.text()


def test_data_brought_in_before_the_first_start_is_never_overwritten_by_the_welcome(
    make_window: WindowFactory, app_paths: AppPaths, tmp_path: Path
) -> None:
    """A year of recovery imported from the command line onto a new computer."""
    from recovery_app.cli import main

    export = tmp_path / "export.json"
    export.write_text(
        json.dumps({"format": "recovery-companion-export", "version": 4,
                    "profile": {"recovery_start_date": "2025-11-20"}}),
        encoding="utf-8",
    )  # fmt: skip
    assert main(["--data-dir", str(app_paths.data_dir), "import", str(export)]) == 0
    window = make_window(welcome_done=False)
    assert window.first_run is None  # no welcome: it would ask for a start date again
    assert window.current_page_key() == "today"
    assert (
        "since Thursday 20 November 2025" in page_of(window, "today", TodayPage).time_label.text()
    )
    assert settings.load(app_paths.settings).welcome_done
    with window.db.reading() as s:  # type: ignore[union-attr]
        assert Profile(s).start_date() == date(2025, 11, 20)


def test_sidebar_lists_only_built_pages(make_window: WindowFactory) -> None:
    window = make_window()
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names == [
        "Today", "Check-in", "Journal", "Meetings", "Learn", "Toolkit", "Insights",
        "Taper diary", "Your data"
    ]  # fmt: skip


def test_keyboard_shortcuts_switch_pages(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    assert window.current_page_key() == "today"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "checkin"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "today"


def _help_dialog(window: MainWindow) -> HelpDialog | None:
    dialog = window.findChild(HelpDialog)
    return dialog if dialog is not None and dialog.isVisible() else None


def test_get_help_by_f1_shows_crisis_lines(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = _help_dialog(window)
    assert dialog is not None
    text = visible_text(dialog)
    for number in ("911", "988", "1-800-662-4357"):
        assert number in text
    assert "differ by country" in text


def test_get_help_reachable_with_tab_and_space(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.activateWindow()
    window.nav.setFocus()
    for _ in range(60):
        if window.help_button.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    assert window.help_button.hasFocus()
    qtbot.keyClick(window.help_button, Qt.Key.Key_Space)
    assert _help_dialog(window) is not None


@pytest.mark.parametrize("welcome_done", [False, True])
def test_get_help_on_every_screen(make_window: WindowFactory, welcome_done: bool) -> None:
    window = make_window(welcome_done=welcome_done)
    for row in range(max(1, window.nav.count())):
        if window.nav.count():
            window.nav.setCurrentRow(row)
        assert window.help_button.isVisible()


def test_every_control_has_an_accessible_name(make_window: WindowFactory) -> None:
    window = make_window()
    kinds = (
        QAbstractButton,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QListWidget,
    )
    for key in ("today", "checkin", "data"):
        window.show_page(key)
        for widget in window.findChildren(QWidget):
            if isinstance(widget, QScrollBar):
                continue  # scroll bars belong to their scroll area, which Qt names
            if isinstance(widget, kinds) and widget.isVisible():
                # Spin box line edits are named through their spin box.
                if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox):
                    continue
                assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()}"


def test_window_size_is_remembered(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.resize(700, 520)  # inside the offscreen screen, which is 800 x 600
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (700, 520)


def test_settings_that_cannot_be_saved_are_said_calmly(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    window = make_window()
    assert not window.notice.isVisible()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    window.settings.update(reader_zoom=1)
    assert window.notice.isVisible()
    assert "could not be saved" in window.notice.label.text()
    assert "apply until you close the app" in window.notice.label.text()


def test_f1_opens_get_help_inside_every_form(make_window: WindowFactory, qtbot: QtBot) -> None:
    """Issue 19: F1 did nothing in the meeting, contact, passphrase and start-date forms."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    from recovery_app.core.clock import FixedClock
    from recovery_app.ui.common.start_date import StartDateDialog
    from recovery_app.ui.data.passphrase_dialog import PassphraseDialog
    from recovery_app.ui.help.contact_dialog import ContactDialog
    from recovery_app.ui.help.dialog import HelpDialog
    from recovery_app.ui.meetings.meeting_dialog import MeetingDialog

    window = make_window()
    clock = FixedClock(window.clock.now())
    forms: list[QDialog] = [
        MeetingDialog(None, clock, window),
        ContactDialog(None, window),
        PassphraseDialog("set", window),
        StartDateDialog(None, clock.now().date(), window),
    ]
    for form in forms:
        form.open()  # window-modal, as the app shows them: the window's F1 is blocked
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        focused = QApplication.focusWidget() or form
        qtbot.keyClick(focused, Qt.Key.Key_F1)
        helper = form.findChild(HelpDialog)
        assert helper is not None and helper.isVisible(), type(form).__name__
        helper.close()
        form.reject()


def test_ctrl_l_without_a_passphrase_hides_the_window_and_keeps_what_was_typed(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Someone walks in: without a passphrase there is nothing to lock, so Ctrl+L gets
    the window out of sight at once, the check-in as it was."""
    from recovery_app.ui.checkin.page import CheckInPage

    window = make_window()
    window.show_page("checkin")
    page = window.page("checkin")
    assert isinstance(page, CheckInPage)
    page.note.setPlainText("a hard morning")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.isMinimized)
    assert window.db is not None  # still open: nothing was locked or closed
    assert page.note.toPlainText() == "a hard morning"


def test_ctrl_l_works_from_inside_a_form_too(make_window: WindowFactory, qtbot: QtBot) -> None:
    """Found by keyboard: Ctrl+L did nothing in the meeting, contact and other forms."""
    from PySide6.QtWidgets import QApplication

    from recovery_app.ui.meetings.meeting_dialog import MeetingDialog

    window = make_window()
    form = MeetingDialog(None, window.clock, window)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and form.isActiveWindow())
    form.name.setText("Thursday group")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.isMinimized)
    assert form.name.text() == "Thursday group"  # nothing closed, nothing lost
    form.reject()


def test_ctrl_slash_lists_the_shortcuts_and_get_help_links_to_them(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    from recovery_app.ui.help.dialog import HelpDialog
    from recovery_app.ui.help.shortcuts_dialog import ShortcutsDialog

    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    keys = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert keys[:3] == ["F1", "Ctrl+Shift+H", "Ctrl+L"]  # help, craving and hiding first
    dialog.close()
    help_dialog = HelpDialog.present(window, None)
    [button] = [b for b in help_dialog.findChildren(QPushButton) if "Keyboard" in b.text()]
    button.click()
    assert help_dialog.findChild(ShortcutsDialog) is not None
    help_dialog.close()


def test_a_reminder_that_comes_is_said_by_a_screen_reader_in_private_words(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A timed change nobody pressed a key for is announced, not only drawn."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    said: list[str] = []

    def heard(event: object) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", heard)
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    notifier = window.reminders.notifier
    assert notifier is not None
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(notifier, "show", lambda t, b: shown.append((t, b)) or "")
    window.reminders._notify("Recovery Companion", "You have a reminder.")
    assert shown == [("Recovery Companion", "You have a reminder.")]
    assert said == ["Recovery Companion. You have a reminder."]
