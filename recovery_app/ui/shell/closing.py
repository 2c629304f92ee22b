"""Leaving: closing the window (or keeping it in the tray), and deleting everything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recovery_app.core.i18n import translate
from recovery_app.ui.common.confirm import Confirm

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from recovery_app.ui.checkin.page import CheckInPage
    from recovery_app.ui.shell.main_window import MainWindow


def keeps_running_in_tray(window: MainWindow) -> bool:
    """Closing hides the window when the person asked for it and a tray can bring it back."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    logging_out = isinstance(app, QGuiApplication) and app.isSavingSession()
    notifier = window.reminders.notifier
    return (
        window.settings.values.keep_in_tray
        and not window.quitting
        and not logging_out
        and notifier is not None
        and notifier.tray is not None
        and window.db is not None
    )


def _checkin_page(window: MainWindow) -> CheckInPage | None:
    from recovery_app.ui.checkin.page import CheckInPage

    page = window.built_page("checkin")
    return page if isinstance(page, CheckInPage) else None


def unsaved_checkin(window: MainWindow) -> bool:
    page = _checkin_page(window)
    return page is not None and page.has_unsaved_changes()


def keep_unsaved_work(window: MainWindow) -> None:
    """Before the data locks: what is typed in the check-in and the open forms is kept as
    an encrypted draft (the journal's forms keep theirs as they close, and open again)."""
    from recovery_app.ui.shell.reopen import keep_open_forms

    page = _checkin_page(window)
    if page is not None:
        page.keep_draft()
    keep_open_forms(window)  # the meeting, taper and other forms come back after the unlock


def close_window(window: MainWindow, event: QCloseEvent) -> bool:
    """Whether the window may really close now; hides it instead when it stays in the tray."""
    from PySide6.QtWidgets import QApplication

    if keeps_running_in_tray(window):
        QApplication.setQuitOnLastWindowClosed(False)  # a closed dialog mustn't quit it
        window.hide()  # reminders keep coming; the tray icon brings the window back
        event.ignore()
        return False
    QApplication.setQuitOnLastWindowClosed(True)  # a real close ends the app again
    if unsaved_checkin(window) and not Confirm.ask(
        window,
        translate("ui.shell.closing", "Unsaved check-in"),
        translate(
            "ui.shell.closing", "Your check-in has changes that are not saved yet. Close anyway?"
        ),
        translate("ui.shell.closing", "Close without saving"),
        translate("ui.shell.closing", "Keep editing"),
    ):
        event.ignore()
        return False
    page = _checkin_page(window)
    if page is not None and page.has_unsaved_changes():
        page.discard_draft()  # "close without saving" means what it says
    if not window.deleted:  # write nothing back after "Delete all my data"
        geometry = bytes(window.saveGeometry().toBase64().data()).decode()
        window.settings.update(window_geometry=geometry)
    window.settings.forget_listeners()
    window.session.close()
    return True


def delete_all(window: MainWindow) -> None:
    """After the person typed the word: every file goes, and nothing is written back."""
    from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog

    db, safety = window.db, window.session.safety
    if db is None or safety is None or not DeleteAllDialog.ask(window):
        return
    window.reminders.stop()
    window.hide_data()
    safety.delete_everything(db)
    window.session.close()
    window.deleted = True
    window.nav.hide()
    window.message_page.show_message(
        translate("ui.shell.closing", "Everything has been deleted"),
        translate(
            "ui.shell.closing",
            "Your data, settings and backups are gone from this computer. "
            "You can close the app now; if you open it again, it starts fresh.",
        ),
    )
    window.stack.setCurrentWidget(window.message_page)


def quit_app(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    window.quitting = True
    hidden = window.isHidden()
    QApplication.setQuitOnLastWindowClosed(True)
    window.close()
    if hidden:
        QApplication.quit()  # closing a hidden window doesn't end the app by itself
