"""The main window: sidebar, pages, the always-visible Get help button.

It paints first and opens the database right after, so the window appears
before any heavy import. All signal wiring between pages lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app import APP_NAME, settings
from recovery_app.core.clock import Clock, today
from recovery_app.core.errors import KnownError
from recovery_app.paths import AppPaths
from recovery_app.ui.common.bus import DataHub
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.style import icon
from recovery_app.ui.common.windowing import bring_to_front
from recovery_app.ui.shell.message_page import MessagePage

# Pages, dialogs and storage are imported where first used, so the window
# paints before SQLAlchemy and most widgets load. Nothing here touches the
# ``Qt`` namespace either: creating its enums costs ~45 ms before the first paint.
if TYPE_CHECKING:
    from datetime import time

    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from recovery_app.storage.db import Database
    from recovery_app.ui.checkin.page import CheckInPage
    from recovery_app.ui.common.start_date import StartDateChoice
    from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog
    from recovery_app.ui.meetings.scheduler import ReminderScheduler
    from recovery_app.ui.shell.idle_lock import IdleLock
    from recovery_app.ui.shell.notifier import DesktopNotifier
    from recovery_app.ui.shell.unlock_page import UnlockPage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str
    icon: str
    build: Callable[[], QWidget]  # pages are built the first time they are shown


class MainWindow(QMainWindow):
    firstPainted = Signal()  # emitted once, just after the window first appears
    dataReady = Signal()

    def __init__(self, paths: AppPaths, clock: Clock) -> None:
        super().__init__()
        self.paths, self.clock = paths, clock
        self.settings = settings.load(paths.settings)
        self.db: Database | None = None
        self._painted = False
        self._key: bytes | None = None
        self.unlock_page: UnlockPage | None = None
        self._page_actions: list[QAction] = []
        self._idle: IdleLock | None = None
        self._deleted = False
        self._quitting = False
        self.scheduler: ReminderScheduler | None = None
        self.notifier: DesktopNotifier | None = None
        self.hub = DataHub(self)
        self.pages: list[PageEntry] = []
        self._built: dict[str, QWidget] = {}
        self.setWindowTitle(APP_NAME)

        self.nav = QListWidget()
        self.nav.setObjectName("sidebar")
        self.nav.setAccessibleName("Pages")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.help_button = QPushButton("&Get help")
        self.help_button.setObjectName("getHelp")
        self.help_button.setAccessibleName("Get help now")
        self.help_button.setToolTip("Crisis lines and support (F1)")
        self.help_button.clicked.connect(self.show_help)
        self.reminders_button = QPushButton("Reminders")
        self.reminders_button.setAccessibleName("Reminders")
        self.reminders_button.setToolTip("Your reminders (Ctrl+R)")
        self.reminders_button.clicked.connect(self.show_reminders)
        self.reminders_button.hide()
        sidebar = QFrame()
        sidebar.setFixedWidth(214)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(12, 16, 8, 16)
        side.addWidget(self.nav, 1)
        side.addStretch(0)  # holds Get help at the bottom while the sidebar is hidden
        side.addWidget(self.reminders_button)
        side.addWidget(self.help_button)

        self.stack = QStackedWidget()
        self.message_page = MessagePage()
        self.message_page.show_message("Opening your data…", "")
        self.stack.addWidget(self.message_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._add_action("Get help", [QKeySequence("F1")], self.show_help)
        self._add_action(
            "Quit", QKeySequence.keyBindings(QKeySequence.StandardKey.Quit), self.quit_app
        )
        self._add_action("Lock", [QKeySequence("Ctrl+L")], self.lock)
        self._restore_geometry()
        self.firstPainted.connect(self._show_icons)

    # -- start-up --------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Queued, so the first frame reaches the screen before heavy work starts.
            QTimer.singleShot(0, self.firstPainted.emit)

    def _show_icons(self) -> None:
        # SVG icons load Qt's SVG module and plugin (~50 ms): after the first paint.
        self.setWindowIcon(icon("app"))
        self.help_button.setIcon(icon("help"))

    def open_data(self) -> None:
        """Open the database and build the pages; on a refusal, say why calmly."""
        # Imported here, after the first paint: SQLAlchemy takes a good part of a second.
        from recovery_app.storage.security.keys import needs_passphrase

        if needs_passphrase(self.paths.database) and self._key is None:
            self._show_unlock()
            return
        self._open_with_key(self._key)

    def _open_with_key(self, key: bytes | None) -> None:
        from recovery_app.storage.db import Database
        from recovery_app.ui.data.safety import DataSafety
        from recovery_app.ui.journal.actions import JournalActions
        from recovery_app.ui.today.page import TodayPage

        self.safety = DataSafety(self.paths, self.clock, self.hub, self.settings.backups_keep)
        self.safety.key = key
        self.safety.keyChanged.connect(self._key_changed)
        try:
            self.db = Database.open(self.paths.database, key)
        except KnownError as exc:
            self._cannot_open(exc)
            return
        self.nav.show()
        self.today_page = TodayPage(self.db, self.hub, self.clock)
        self.journal = JournalActions(self.db, self.hub, self.clock, self)
        self._add_page("today", "Today", "today", lambda: self.today_page)
        self._add_page("checkin", "Check-in", "checkin", self._build_checkin_page)
        self._add_page("journal", "Journal", "journal", self._build_journal_page)
        self._add_page("meetings", "Meetings", "meetings", self._build_meetings_page)
        self._add_page("learn", "Learn", "learn", self._build_learn_page)
        self._add_page("data", "Your data", "data", self._build_data_page)
        self._page_actions.append(
            self._add_action("Log a craving", [QKeySequence("Ctrl+N")], self.journal.log_craving)
        )
        self._page_actions.append(
            self._add_action("Reminders", [QKeySequence("Ctrl+R")], self.show_reminders)
        )
        self.today_page.checkinRequested.connect(self.open_checkin)
        self.today_page.startDateRequested.connect(self.change_start_date)
        self.today_page.cravingRequested.connect(self.journal.log_craving)
        self.today_page.entryRequested.connect(self.journal.edit)
        if key is not None:
            self.idle.start(self.settings.lock_minutes)
        if self.settings.welcome_done:
            self.show_page("today")
        else:
            self._show_welcome()
        self.dataReady.emit()
        self.safety.start_daily_backup()
        self._start_reminders()
        QTimer.singleShot(0, self._purge_deleted)  # after Today shows; every view skips them

    # -- locking -----------------------------------------------------------
    @property
    def idle(self) -> IdleLock:
        """Watches for idle time; made on first use, only ever needed with a passphrase."""
        if self._idle is None:
            from recovery_app.ui.shell.idle_lock import IdleLock

            self._idle = IdleLock(self.clock, self)
            self._idle.idle.connect(self.lock)
        return self._idle

    def _show_unlock(self) -> None:
        from recovery_app.ui.shell.unlock_page import UnlockPage

        if self.unlock_page is None:
            self.unlock_page = UnlockPage()
            self.unlock_page.unlockRequested.connect(self._unlock)
            self.stack.addWidget(self.unlock_page)
        self.nav.hide()
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.setFocus()

    def _unlock(self, passphrase: str) -> None:
        """Derive the key off the UI thread (it takes about half a second on purpose)."""
        from recovery_app.storage import migrate
        from recovery_app.storage.backup import backups as backup
        from recovery_app.storage.security import keys as crypto
        from recovery_app.ui.common.worker import ProgressFn, Worker

        path, folder = self.paths.database, self.paths.backups

        def work(progress: ProgressFn) -> bytes:
            key = crypto.derive_key(passphrase, crypto.load_params(path))
            try:
                migrate.check_revision(path, key)  # a wrong passphrase is refused here
            except crypto.WrongPassphrase:
                # SQLCipher can't tell a wrong key from a damaged file. If the key
                # opens a backup, the passphrase is right and the file is damaged:
                # go on, so the damage is explained and a restore offered.
                if backup.newest_good_backup(folder, key) is None:
                    raise
            return key

        self._unlocking = Worker(work, self)
        self._unlocking.done.connect(self._unlocked)
        assert self.unlock_page is not None
        self._unlocking.failed.connect(self.unlock_page.failed)
        self._unlocking.start()

    def _unlocked(self, key: object) -> None:
        assert isinstance(key, bytes)
        self._key = key
        log.info("unlocked")
        self._open_with_key(key)

    def lock(self) -> None:
        """Hide everything, close the database and forget the key (Ctrl+L, or when idle)."""
        if self._key is None or self.db is None:
            return
        self.idle.stop()
        for widget in list(self._built.values()):
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._built.clear()
        self.pages.clear()
        self.nav.clear()
        for action in self._page_actions:
            self.removeAction(action)
        self._page_actions.clear()
        for dialog in self.findChildren(QDialog):
            dialog.close()
        if getattr(self, "journal", None) is not None:
            self.journal.deleteLater()  # its dialogs held the closing database
            self.journal = None  # type: ignore[assignment]
        if self.scheduler is not None:
            self.scheduler.locked()
        self.reminders_button.hide()
        self.db.close()
        self.db = None
        self._key = None
        self.safety.key = None
        log.info("locked")
        self._show_unlock()

    def _cannot_open(self, exc: KnownError) -> None:
        """Say calmly why the data can't be opened; offer the newest good backup if damaged."""
        from recovery_app.core.errors import CorruptDatabaseError
        from recovery_app.storage.backup.backups import newest_good_backup
        from recovery_app.storage.security.keys import WrongPassphrase

        log.warning("database not opened: %s", type(exc).__name__)
        self.stack.setCurrentWidget(self.message_page)
        good = newest_good_backup(self.paths.backups, self._key)
        # With the right key (it opened a backup), a refusal means damage.
        damaged = isinstance(exc, CorruptDatabaseError) or (
            isinstance(exc, WrongPassphrase) and self._key is not None
        )
        if damaged and good is not None:
            reason = (
                exc.message
                if isinstance(exc, CorruptDatabaseError)
                else "Your passphrase opens your backups but not your data file, so the "
                "file looks damaged. It has not been changed."
            )
            self.message_page.show_message(
                "Your data could not be opened",
                f"{reason} A good backup from {good.made_on:%d %B %Y} is available. "
                "Restoring it keeps the damaged file aside, untouched.",
                "Restore the newest good backup",
            )
            self.message_page.action.clicked.connect(self._recover_from_backup)
        else:
            self.message_page.show_message("Your data could not be opened", exc.message)

    def _recover_from_backup(self) -> None:
        self.message_page.action.clicked.disconnect(self._recover_from_backup)
        if self.safety.recover_damaged():
            self.open_data()
        else:
            self.message_page.show_message(
                "The backup could not be restored",
                "Nothing was changed. Your files are still in " + str(self.paths.data_dir) + ".",
            )

    def _build_data_page(self) -> QWidget:
        from recovery_app.ui.data.page import DataPage

        page = DataPage(self.paths, self.clock, self.safety)
        page.restoreRequested.connect(self._restore_backup)
        page.exportRequested.connect(lambda target: self.safety.export(self._db(), target))
        page.importRequested.connect(lambda source: self.safety.import_from(self._db(), source))
        page.deleteAllRequested.connect(self._delete_all)
        page.passphraseRequested.connect(self._change_passphrase)
        page.lockMinutesChanged.connect(self._set_lock_minutes)
        self.safety.message.connect(page.status.setText)
        page.show_encryption(self._key is not None, self.settings.lock_minutes)
        return page

    def _set_lock_minutes(self, minutes: int) -> None:
        self.settings = replace(self.settings, lock_minutes=minutes)
        settings.save(self.paths.settings, self.settings)
        if self._key is not None:
            self.idle.stop()
            self.idle.start(minutes)

    def _change_passphrase(self, request: object) -> None:
        page = self.page("data")
        worker = self.safety.change_passphrase(self._db(), request)  # type: ignore[arg-type]
        page.track_passphrase_work(worker)  # type: ignore[attr-defined]
        worker.failed.connect(page.lock_status.setText)  # type: ignore[attr-defined]

    def _key_changed(self, key: object) -> None:
        self._key = key if isinstance(key, bytes) else None
        if self._key is None:
            self.idle.stop()
        else:
            self.idle.start(self.settings.lock_minutes)
        page = self._built.get("data")
        if page is not None:
            page.show_encryption(self._key is not None)  # type: ignore[attr-defined]

    def _db(self) -> Database:
        assert self.db is not None
        return self.db

    def _restore_backup(self, backup_file: object) -> None:
        from pathlib import Path

        assert isinstance(backup_file, Path)
        self.safety.restore(self._db(), backup_file)
        page = self.page("data")
        page.refresh()  # type: ignore[attr-defined]

    def _delete_all(self) -> None:
        from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog

        if not DeleteAllDialog.ask(self):
            return
        if self.scheduler is not None:
            self.scheduler.locked()
            self.scheduler.timer.stop()
        self.safety.delete_everything(self._db())
        self.db = None
        self.reminders_button.hide()
        self._deleted = True
        self.nav.hide()
        self.message_page.show_message(
            "Everything has been deleted",
            "Your data, settings and backups are gone from this computer. "
            "You can close the app now; if you open it again, it starts fresh.",
        )
        self.stack.setCurrentWidget(self.message_page)

    def _build_journal_page(self) -> QWidget:
        from recovery_app.ui.journal.page import JournalPage

        page = JournalPage(self._db(), self.hub, self.clock)
        page.cravingRequested.connect(self.journal.log_craving)
        page.journalRequested.connect(self.journal.write)
        page.entryRequested.connect(self.journal.edit)
        page.choicesRequested.connect(self.journal.manage_choices)
        return page

    def _purge_deleted(self) -> None:
        """Entries and meetings deleted last time go for good: their undo has ended."""
        from recovery_app.storage.purge import purge_deleted

        if self.db is not None and not self.db.closed:
            with self.db.transaction() as conn:
                purge_deleted(conn)

    # -- meetings and reminders ---------------------------------------------------------
    def _start_reminders(self) -> None:
        """One scheduler for the whole run; it survives locking (with neutral text)."""
        from recovery_app.ui.meetings.scheduler import ReminderScheduler
        from recovery_app.ui.shell.notifier import DesktopNotifier

        self.reminders_button.show()
        if self.scheduler is None:
            self.notifier = DesktopNotifier(self)
            self.scheduler = ReminderScheduler(
                self.db, self.clock, self.notifier.show, self._checkin_reminder_time, self
            )
            self.scheduler.listChanged.connect(self.hub.remindersChanged)
            self.hub.remindersChanged.connect(self._count_reminders)
            self.hub.remindersChanged.connect(self.scheduler.rearm)  # e.g. after a snooze
            self.hub.meetingsChanged.connect(self._recheck_reminders)
            self.hub.checkinsChanged.connect(self._recheck_reminders)
            QTimer.singleShot(0, self._recheck_reminders)  # after Today has painted
            from PySide6.QtWidgets import QApplication

            # Coming back to the app (e.g. after the computer slept) checks at once.
            app = QApplication.instance()
            if isinstance(app, QApplication):
                # A bound method (not a lambda), so Qt drops it with this window. It
                # takes no argument: converting the state enum fails while nothing
                # has touched the ``Qt`` namespace yet (the launch path avoids it).
                app.applicationStateChanged.connect(self._app_state_changed)
        else:
            assert self.db is not None
            self.scheduler.unlocked(self.db)

    def _app_state_changed(self) -> None:
        self._recheck_reminders()

    def _recheck_reminders(self) -> None:
        if self.scheduler is not None and self.db is not None:
            self.scheduler.check()

    def _checkin_reminder_time(self) -> time | None:
        from recovery_app.ui.meetings.page import parse_hhmm

        return (
            parse_hhmm(self.settings.checkin_reminder) if self.settings.checkin_reminder else None
        )

    def _count_reminders(self) -> None:
        from recovery_app.storage.meetings.reminders import ReminderList

        if self.db is None:
            return
        with self.db.reading() as conn:
            count = len(ReminderList(conn).showing(self.clock.now()))
        self.reminders_button.setText(f"Reminders ({count})" if count else "Reminders")
        self.reminders_button.setAccessibleName(
            f"Reminders: {count} waiting" if count else "Reminders: none waiting"
        )

    def show_reminders(self) -> QDialog | None:
        from recovery_app.ui.meetings.reminders_dialog import RemindersDialog

        if self.db is None:
            return None
        fresh = self.findChild(RemindersDialog) is None
        dialog = RemindersDialog.present(self, self.db, self.hub, self.clock)
        if fresh:
            dialog.checkinRequested.connect(lambda: self.open_checkin(today(self.clock)))
        return dialog

    def _build_meetings_page(self) -> QWidget:
        from recovery_app.ui.meetings.page import MeetingsPage

        tray = self.notifier is not None and self.notifier.tray is not None
        page = MeetingsPage(
            self._db(), self.hub, self.clock, self.settings.checkin_reminder,
            self.settings.keep_in_tray if tray else None,
        )  # fmt: skip
        page.exportRequested.connect(self._export_meetings)
        page.importRequested.connect(self._import_meetings)
        page.checkinReminderChanged.connect(self._set_checkin_reminder)
        page.keepInTrayChanged.connect(self._set_keep_in_tray)
        return page

    def _set_checkin_reminder(self, at: str) -> None:
        self.settings = replace(self.settings, checkin_reminder=at)
        settings.save(self.paths.settings, self.settings)
        self._recheck_reminders()

    def _set_keep_in_tray(self, keep: bool) -> None:
        self.settings = replace(self.settings, keep_in_tray=keep)
        settings.save(self.paths.settings, self.settings)

    def _export_meetings(self) -> None:
        from pathlib import Path

        from recovery_app.storage.exchange.calendar import export_ics
        from recovery_app.ui.common.file_dialogs import SaveFileDialog

        page = self.page("meetings")
        target = SaveFileDialog.ask(
            self, "Export meetings", Path.home() / "meetings.ics", "Calendar files (*.ics)"
        )
        if target is None:
            return
        try:
            count = export_ics(self._db(), target, self.clock.now())
        except KnownError as exc:
            page.status.setText(exc.message)  # type: ignore[attr-defined]
            return
        page.status.setText(  # type: ignore[attr-defined]
            f"Exported {count} meeting{'' if count == 1 else 's'} to {target}. "
            "This file is not encrypted: keep it somewhere private."
        )

    def _import_meetings(self) -> None:
        from recovery_app.core.clock import zone_name
        from recovery_app.storage.exchange.calendar import import_ics
        from recovery_app.ui.common.file_dialogs import OpenFileDialog

        page = self.page("meetings")
        source = OpenFileDialog.ask(self, "Import meetings", "Calendar files (*.ics)")
        if source is None:
            return
        try:
            report = import_ics(self._db(), source, self.clock.now(), zone_name(self.clock))
        except KnownError as exc:
            page.status.setText(exc.message)  # type: ignore[attr-defined]
            return
        page.status.setText(report.summary())  # type: ignore[attr-defined]
        self.hub.meetingsChanged.emit()

    def quit_app(self) -> None:
        """Really quit, even when closing the window would keep the app in the tray."""
        from PySide6.QtWidgets import QApplication

        self._quitting = True
        hidden = self.isHidden()
        QApplication.setQuitOnLastWindowClosed(True)
        self.close()
        if hidden:
            QApplication.quit()  # closing a hidden window doesn't end the app by itself

    def _build_learn_page(self) -> QWidget:
        from recovery_app.storage.learn.library import library
        from recovery_app.ui.learn.page import LearnPage

        page = LearnPage(self._db(), self.clock, library(), self.settings.reader_zoom)
        page.selfCheckRequested.connect(self.open_self_check)
        page.helpRequested.connect(self.show_help)
        page.zoomChanged.connect(self._set_reader_zoom)
        return page

    def open_self_check(self) -> SelfCheckDialog:
        from PySide6.QtCore import Qt

        from recovery_app.storage.learn.library import library
        from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog

        dialog = SelfCheckDialog(self._db(), self.clock, library(), self)
        dialog.articleRequested.connect(self.open_article)
        dialog.helpRequested.connect(self.show_help)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.help_key_for(dialog)
        dialog.open()
        return dialog

    def help_key_for(self, dialog: QDialog) -> None:
        """F1 works inside forms too (the window's own shortcut is blocked by them)."""
        from PySide6.QtGui import QShortcut

        QShortcut(QKeySequence("F1"), dialog, self.show_help)

    def open_article(self, slug: str) -> None:
        from recovery_app.ui.learn.page import LearnPage

        self.show_page("learn")
        page = self.page("learn")
        assert isinstance(page, LearnPage)
        page.open_article(slug)

    def _set_reader_zoom(self, zoom: int) -> None:
        self.settings = replace(self.settings, reader_zoom=zoom)
        settings.save(self.paths.settings, self.settings)

    def _build_checkin_page(self) -> CheckInPage:
        from recovery_app.ui.checkin.page import CheckInPage

        assert self.db is not None
        return CheckInPage(self.db, self.hub, self.clock)

    def _add_page(self, key: str, title: str, icon_name: str, build: Callable[[], QWidget]) -> None:
        self.pages.append(PageEntry(key, title, icon_name, build))
        item = QListWidgetItem(icon(icon_name), title)
        number = len(self.pages)
        item.setToolTip(f"{title} (Ctrl+{number})")
        self.nav.addItem(item)
        action = self._add_action(
            f"Go to {title}", [QKeySequence(f"Ctrl+{number}")], partial(self.show_page, key)
        )
        self._page_actions.append(action)

    def _add_action(
        self, text: str, keys: list[QKeySequence], slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        # setShortcuts, not setShortcut: the latter makes PySide build the whole
        # Qt enum namespace (~30 ms) before the first paint.
        action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _show_welcome(self) -> None:
        from recovery_app.ui.welcome.page import WelcomePage

        self.nav.hide()
        self.welcome = WelcomePage(today(self.clock))
        self.welcome.finished.connect(self._welcome_finished)
        self.welcome.helpRequested.connect(self.show_help)
        self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.begin_button.setFocus()

    def _welcome_finished(self, choice: StartDateChoice) -> None:
        if not self._save_start_date(choice):
            return
        passphrase = self.welcome.passphrase()
        self.settings = replace(self.settings, welcome_done=True)
        settings.save(self.paths.settings, self.settings)
        self.stack.removeWidget(self.welcome)
        self.welcome.deleteLater()
        if passphrase:
            self._protect_at_first_run(passphrase)
        else:
            self.nav.show()
            self.show_page("today")

    def _protect_at_first_run(self, passphrase: str) -> None:
        """Encrypt the new database before anything is shown from it."""
        from recovery_app.ui.data.passphrase_dialog import PassphraseRequest

        self.message_page.show_message(
            "Protecting your data…", "This takes a few seconds. Please keep the app open."
        )
        self.stack.setCurrentWidget(self.message_page)
        worker = self.safety.change_passphrase(
            self._db(), PassphraseRequest("set", None, passphrase)
        )

        def ready(*_: object) -> None:
            self.nav.show()
            self.show_page("today")

        def failed(text: str) -> None:
            self.nav.show()
            self.message_page.show_message(
                "Your data is not encrypted yet",
                f"{text} You can set a passphrase any time in Your data.",
            )

        worker.done.connect(ready)
        worker.failed.connect(failed)

    # -- navigation ------------------------------------------------------
    def show_page(self, key: str) -> None:
        for row, entry in enumerate(self.pages):
            if entry.key == key:
                if self.nav.isHidden():
                    return  # the welcome comes first
                if self.nav.currentRow() == row:
                    self._nav_changed(row)  # already selected: refresh it anyway
                else:
                    self.nav.setCurrentRow(row)
                return

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built now if this is its first use."""
        if key not in self._built:
            entry = next(p for p in self.pages if p.key == key)
            widget = entry.build()
            self._built[key] = widget
            self.stack.addWidget(widget)
        return self._built[key]

    @property
    def checkin_page(self) -> CheckInPage:
        from recovery_app.ui.checkin.page import CheckInPage

        page = self.page("checkin")
        assert isinstance(page, CheckInPage)
        return page

    def current_page_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return next((k for k, w in self._built.items() if w is widget), None)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            page = self.page(self.pages[row].key)
            if page is self.today_page:
                self.today_page.refresh()
            self.stack.setCurrentWidget(page)

    def open_checkin(self, day: object) -> None:
        from datetime import date

        assert isinstance(day, date)
        if self.checkin_page.request_day(day):
            self.show_page("checkin")

    def change_start_date(self) -> None:
        from recovery_app.storage.checkin.profile import Profile
        from recovery_app.ui.common.start_date import StartDateDialog

        assert self.db is not None
        with self.db.reading() as session:
            current = Profile(session).start_date()
        choice = StartDateDialog.ask(self, current, today(self.clock))
        if choice is not None:
            self._save_start_date(choice)

    def _save_start_date(self, choice: StartDateChoice) -> bool:
        from recovery_app.storage.checkin.profile import Profile

        assert self.db is not None
        try:
            with self.db.transaction() as session:
                Profile(session).set_start_date(choice.start, self.clock.now())
        except KnownError as exc:
            self.message_page.show_message("That date can't be used", exc.message)
            return False
        self.hub.profileChanged.emit()
        return True

    def show_help(self) -> None:
        from PySide6.QtWidgets import QApplication

        from recovery_app.ui.help.dialog import HelpDialog

        # Over an open form (window-modal), help opens on top of it, not behind.
        modal = QApplication.activeModalWidget()
        HelpDialog.present(modal or self, self.db, self.clock)

    def bring_forward(self) -> None:
        """Another launch asked for this window."""
        bring_to_front(self)

    # -- window state ----------------------------------------------------
    def _restore_geometry(self) -> None:
        self.resize(1040, 760)
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))

    def finish_background_work(self) -> None:
        """Wait for backups, exports and key work still running (before the app exits)."""
        safety = getattr(self, "safety", None)
        if safety is not None:
            safety.pool.waitForDone()
        QThreadPool.globalInstance().waitForDone()

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance()
        logging_out = isinstance(app, QGuiApplication) and app.isSavingSession()
        if (
            self.settings.keep_in_tray
            and not self._quitting
            and not logging_out
            and self.notifier is not None
            and self.notifier.tray is not None
            and self.db is not None
        ):
            from PySide6.QtWidgets import QApplication

            QApplication.setQuitOnLastWindowClosed(False)  # a closed dialog mustn't quit it
            self.hide()  # reminders keep coming; the tray icon brings the window back
            event.ignore()
            return
        if isinstance(app, QGuiApplication):
            app.setQuitOnLastWindowClosed(True)  # a real close ends the app again
        if (
            "checkin" in self._built
            and self.checkin_page.has_unsaved_changes()
            and not Confirm.ask(
                self,
                "Unsaved check-in",
                "Your check-in has changes that are not saved yet. Close anyway?",
                "Close without saving",
                "Keep editing",
            )
        ):
            event.ignore()
            return
        if self._deleted:  # write nothing back after "Delete all my data"
            super().closeEvent(event)
            return
        geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings = replace(
            settings.load(self.paths.settings),
            window_geometry=geometry,
            welcome_done=self.settings.welcome_done,
        )
        try:
            settings.save(self.paths.settings, self.settings)
        except KnownError:
            log.warning("window position not saved")
        if self.db is not None:
            self.db.close()
            self.db = None
        super().closeEvent(event)
