"""Reminders for the whole run: desktop notices (D-Bus or tray), the scheduler, the list button.

One scheduler lives as long as the window; it survives locking, when it only
says "You have a reminder". Coming back to the app (after the computer slept,
say) checks at once.
"""

from __future__ import annotations

import logging
from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from recovery_app.core.i18n import translate
from recovery_app.settings import Settings

if TYPE_CHECKING:  # the change kinds load with the first change, after the first paint
    from PySide6.QtWidgets import QDialog

    from recovery_app.core.changes import Changes
    from recovery_app.core.meetings.reminders import Fortnightly
    from recovery_app.storage.db import Database
    from recovery_app.ui.common.context import AppContext
    from recovery_app.ui.meetings.scheduler import ReminderScheduler
    from recovery_app.ui.shell.main_window import MainWindow
    from recovery_app.ui.shell.notifier import DesktopNotifier


log = logging.getLogger(__name__)


class Reminders(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.scheduler: ReminderScheduler | None = None
        self.notifier: DesktopNotifier | None = None
        self.ctx: AppContext | None = None
        window.bus.changed.connect(self._data_changed)
        window.settings.on_change(self._settings_changed)

    def start(self, ctx: AppContext) -> None:
        """The data is open (at start, or after unlocking)."""
        from recovery_app.ui.meetings.scheduler import ReminderScheduler
        from recovery_app.ui.shell.notifier import DesktopNotifier

        self.ctx = ctx
        self.window.reminders_button.show()
        if self.scheduler is None:
            self.notifier = DesktopNotifier(self.window)
            self.scheduler = ReminderScheduler(
                self.window.ops,
                self.window.clock,
                self._notify,
                self._checkin_at,
                self,
                self._questionnaires,
                lambda: self.window.settings.values.reminder_details,
            )
            self.scheduler.db = ctx.db
            QTimer.singleShot(0, self.check)  # after Today has painted
            QTimer.singleShot(0, self._refresh_autostart)
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            if isinstance(app, QApplication):
                # A bound method (not a lambda), so Qt drops it with this object. It
                # takes no argument: converting the state enum fails while nothing
                # has touched the ``Qt`` namespace yet (the launch path avoids it).
                app.applicationStateChanged.connect(self.check)
        else:
            self.scheduler.unlocked(ctx.db)

    def _checkin_at(self) -> time | None:
        from recovery_app.core.meetings.reminders import parse_hhmm

        at = self.window.settings.values.checkin_reminder
        return parse_hhmm(at) if at else None

    def _notify(self, title: str, body: str) -> None:
        """On the desktop, and said by a screen reader when the app is in front (a timed
        change nobody pressed a key for): the same words, private unless chosen."""
        assert self.notifier is not None
        self.notifier.show(title, body)
        if self.window.isActiveWindow():
            from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

            words = f"{title}. {body}" if body else title
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(self.window.reminders_button, words)
            )

    def _refresh_autostart(self) -> None:
        """The start-at-login entry names how the app starts: written again each run, so
        it follows the app when it moves (a new virtual environment, say). Removed or
        turned off in the desktop's own settings, it stays so, and so does the setting."""
        from recovery_app import autostart

        if self.window.settings.values.start_at_login and autostart.available():
            try:
                if not autostart.refresh(self.window.paths.data_dir):
                    self.window.settings.update(start_at_login=False)
            except OSError:
                log.warning("start-at-login entry not refreshed")

    def _questionnaires(self) -> Fortnightly | None:
        from datetime import date

        from recovery_app.core.meetings.reminders import Fortnightly, parse_hhmm

        values = self.window.settings.values
        at = parse_hhmm(values.questionnaire_reminder) if values.questionnaire_reminder else None
        try:
            since = date.fromisoformat(values.questionnaire_reminder_from)
        except ValueError:
            since = None
        return Fortnightly(at, since) if at is not None and since is not None else None

    def check(self) -> None:
        if self.scheduler is not None and self.ctx is not None and not self.ctx.db.closed:
            self.scheduler.check()

    def locked(self) -> None:
        self.ctx = None
        self.window.reminders_button.hide()
        if self.scheduler is not None:
            self.scheduler.locked()

    def stop(self) -> None:
        """Everything was deleted: no reminders of any kind from now on."""
        self.ctx = None
        self.window.reminders_button.hide()
        if self.scheduler is not None:
            self.scheduler.stop()

    @property
    def db(self) -> Database | None:
        return None if self.ctx is None else self.ctx.db

    def _data_changed(self, changes: Changes, initiator: object) -> None:
        from recovery_app.core.changes import Record

        if changes.touches(Record.REMINDERS):
            self._count()

    def _settings_changed(self, settings: Settings, names: frozenset[str]) -> None:
        if names & {"checkin_reminder", "questionnaire_reminder", "questionnaire_reminder_from"}:
            self.check()

    def _count(self) -> None:
        from recovery_app.storage.meetings.ops import showing_reminders

        if self.ctx is None or self.ctx.db.closed:
            return
        count = len(showing_reminders(self.ctx.db, self.window.clock.now()))
        button = self.window.reminders_button
        button.setText(
            translate("ui.shell.reminders", "Reminders ({count})").format(count=count)
            if count
            else translate("ui.shell.reminders", "Reminders")
        )
        button.setAccessibleName(
            translate("ui.shell.reminders", "Reminders: {count} waiting").format(count=count)
            if count
            else translate("ui.shell.reminders", "Reminders: none waiting")
        )

    def show_list(self) -> QDialog | None:
        from recovery_app.ui.meetings.reminders_dialog import RemindersDialog

        if self.ctx is None:
            return None
        fresh = self.window.findChild(RemindersDialog) is None
        dialog = RemindersDialog.present(self.window, self.ctx)
        if fresh:
            dialog.requested.connect(self.window.handle)
        return dialog
