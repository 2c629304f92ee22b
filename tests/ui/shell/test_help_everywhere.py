"""F1 opens Get help from every dialog, the moment it opens, before anything in it has
been clicked; and each form starts with the keyboard in its first field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.ui.common.start_date import StartDateDialog
from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog
from recovery_app.ui.data.passphrase_dialog import PassphraseDialog
from recovery_app.ui.help.contact_dialog import ContactDialog
from recovery_app.ui.help.dialog import HelpDialog
from recovery_app.ui.journal.choices_dialog import ChoicesDialog
from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
from recovery_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

DIALOGS: dict[str, Callable[[MainWindow, FixedClock], QDialog | None]] = {
    "meeting": lambda w, clock: MeetingDialog(None, clock, w),
    "contact": lambda w, clock: ContactDialog(None, w),
    "passphrase": lambda w, clock: PassphraseDialog("set", w),
    "start date": lambda w, clock: StartDateDialog(date(2026, 1, 5), date(2026, 11, 25), w),
    "triggers": lambda w, clock: ChoicesDialog(w.services.ctx, w) if w.services else None,
    "delete all": lambda w, clock: DeleteAllDialog(w),
    "reminders": lambda w, clock: w.show_reminders(),
    "appearance": lambda w, clock: w.show_appearance(),
}


def _help_shown() -> HelpDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog)]
    return next((w for w in shown if w.isVisible()), None)


@pytest.mark.parametrize("name", list(DIALOGS))
def test_f1_opens_get_help_from_a_dialog_just_opened(
    name: str, make_window: WindowFactory, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make_window()
    dialog = DIALOGS[name](window, clock)
    assert dialog is not None
    if not dialog.isVisible():
        dialog.open()  # window-modal, as the app opens it: the window's own F1 is blocked
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_F1)
    helper = _help_shown()
    assert helper is not None, f"F1 did nothing in the {name} dialog"
    assert helper.isActiveWindow() or helper.isVisible()
    helper.close()
    dialog.close()


@pytest.mark.parametrize("name", ["meeting", "contact", "start date", "passphrase", "delete all"])
def test_a_form_opens_with_the_keyboard_in_its_first_field(
    name: str, make_window: WindowFactory, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make_window()
    dialog = DIALOGS[name](window, clock)
    assert dialog is not None
    dialog.open()
    qtbot.waitUntil(dialog.isActiveWindow)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.window() is dialog, f"focus is nowhere in {name}"
    if name != "start date":
        assert isinstance(focus, QLineEdit)  # the name comes first
    dialog.close()
