"""The main window: the sidebar, the pages, and the always-visible Get help button.

It paints first and opens the data right after, so the window appears before
any heavy import. What happens around it lives beside it: opening, locking and
unlocking (``session``), damaged data (``recovery``), the first start
(``first_run``), reminders and the tray (``reminders``), and which pages there
are and how each is built (``pages``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
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

from recovery_app import APP_NAME
from recovery_app.core.clock import Clock, today
from recovery_app.paths import AppPaths
from recovery_app.settings import SettingsStore
from recovery_app.ui.common import requests as r
from recovery_app.ui.common.bus import ChangeBus
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.ops import Ops
from recovery_app.ui.common.style import icon
from recovery_app.ui.common.windowing import bring_to_front
from recovery_app.ui.shell.message_page import MessagePage
from recovery_app.ui.shell.notice_bar import NoticeBar
from recovery_app.ui.shell.pages import PAGES, Services
from recovery_app.ui.shell.reminders import Reminders
from recovery_app.ui.shell.session import DataSession

# Pages, dialogs and storage are imported where first used, so the window
# paints before SQLAlchemy and most widgets load. Nothing here touches the
# ``Qt`` namespace either: creating its enums costs ~45 ms before the first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from recovery_app.storage.db import Database
    from recovery_app.ui.common.context import AppContext
    from recovery_app.ui.data.safety import DataSafety
    from recovery_app.ui.journal.actions import JournalActions
    from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    firstPainted = Signal()  # emitted once, just after the window first appears
    dataReady = Signal()

    def __init__(self, paths: AppPaths, clock: Clock) -> None:
        super().__init__()
        self.paths, self.clock = paths, clock
        self.settings = SettingsStore(paths.settings)
        self.bus = ChangeBus(self)
        self.ops = Ops(self.bus, self)
        self.services: Services | None = None
        self.journal: JournalActions | None = None
        self._built: dict[str, QWidget] = {}
        self._page_actions: list[QAction] = []
        self._painted = self._quitting = self._deleted = False
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
        self.notice = NoticeBar()
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.notice)
        main.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addLayout(main, 1)
        self.setCentralWidget(central)

        self.session = DataSession(self)
        self.reminders = Reminders(self)
        self.settings.on_problem(self.notice.say)
        self._add_action("Get help", [QKeySequence("F1")], self.show_help)
        self._add_action(
            "Quit", QKeySequence.keyBindings(QKeySequence.StandardKey.Quit), self.quit_app
        )
        self._add_action("Lock", [QKeySequence("Ctrl+L")], self.session.lock)
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
        self.session.open()

    @property
    def db(self) -> Database | None:
        return self.session.db

    def show_data(self, ctx: AppContext, safety: DataSafety) -> None:
        """The data is open: build the sidebar and show Today (or the welcome)."""
        from recovery_app.ui.journal.actions import JournalActions

        self.services = Services(ctx, safety, self.handle, self.delete_all)
        self.journal = JournalActions(ctx, self)
        self.journal.dialogOpened.connect(self.add_window_keys)
        keys: list[tuple[str, str, Callable[[], object]]] = []
        for number, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setToolTip(f"{spec.title} (Ctrl+{number})")
            self.nav.addItem(item)
            keys.append(
                (f"Go to {spec.title}", f"Ctrl+{number}", partial(self.show_page, spec.key))
            )
        keys.append(("Log a craving", "Ctrl+N", self.journal.log_craving))
        keys.append(("Reminders", "Ctrl+R", self.show_reminders))
        for text, key, slot in keys:
            self._page_actions.append(self._add_action(text, [QKeySequence(key)], slot))
        self.nav.show()
        if self.settings.values.welcome_done:
            self.show_page("today")
        else:
            from recovery_app.ui.shell.first_run import FirstRun

            self.first_run = FirstRun(self, ctx, safety)
        self.dataReady.emit()
        safety.start_daily_backup()
        self.reminders.start(ctx)
        QTimer.singleShot(0, self._purge_deleted)  # after Today shows; every view skips them

    def hide_data(self) -> None:
        """The data is closing (locked, or deleted): nothing of it may stay on screen."""
        for widget in list(self._built.values()):
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._built.clear()
        self.nav.clear()
        for action in self._page_actions:
            self.removeAction(action)
        self._page_actions.clear()
        for dialog in self.findChildren(QDialog):
            dialog.close()
        if self.journal is not None:
            self.journal.close_dialog()
            self.journal.deleteLater()  # its dialogs held the closing database
            self.journal = None
        self.services = None
        self.reminders.locked()

    def _purge_deleted(self) -> None:
        """Entries and meetings deleted last time go for good: their undo has ended."""
        from recovery_app.storage.purge import purge

        db = self.db
        if db is not None:
            self.ops.run(lambda: purge(db))

    # -- navigation ------------------------------------------------------
    def show_page(self, key: str) -> None:
        row = next((i for i, spec in enumerate(PAGES) if spec.key == key), None)
        if row is None or self.services is None or self.nav.isHidden():
            return  # locked, or the welcome comes first
        if self.nav.currentRow() == row:
            self._nav_changed(row)  # already selected: show it anyway
        else:
            self.nav.setCurrentRow(row)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built now if this is its first use."""
        if key not in self._built:
            assert self.services is not None
            spec = next(p for p in PAGES if p.key == key)
            self._built[key] = spec.build(self.services)
            self.stack.addWidget(self._built[key])
        return self._built[key]

    def current_page_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return next((k for k, w in self._built.items() if w is widget), None)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES) and self.services is not None:
            self.stack.setCurrentWidget(self.page(PAGES[row].key))

    def handle(self, request: r.Request) -> None:
        """What a page or dialog asked for: another page, a form or a dialog."""
        journal = self.journal
        match request:
            case r.OpenCheckIn(day):
                self.open_checkin(day)
            case r.OpenArticle(slug):
                self.open_article(slug)
            case r.OpenSelfCheck():
                self.open_self_check()
            case r.GetHelp():
                self.show_help()
            case r.ChangeStartDate():
                self.change_start_date()
            case r.OpenEntry(uid) if journal is not None:
                journal.edit(uid)
            case r.LogCraving() if journal is not None:
                journal.log_craving()
            case r.WriteEntry() if journal is not None:
                journal.write()
            case r.ManageChoices() if journal is not None:
                journal.manage_choices()

    def open_checkin(self, day: date) -> None:
        from recovery_app.ui.checkin.page import CheckInPage

        page = self.page("checkin")
        assert isinstance(page, CheckInPage)
        if page.request_day(day):
            self.show_page("checkin")

    def open_article(self, slug: str) -> None:
        from recovery_app.ui.learn.page import LearnPage

        self.show_page("learn")
        page = self.page("learn")
        assert isinstance(page, LearnPage)
        page.open_article(slug)

    def open_self_check(self) -> SelfCheckDialog | None:
        from PySide6.QtCore import Qt

        from recovery_app.storage.learn.library import library
        from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog

        if self.services is None:
            return None
        dialog = SelfCheckDialog(self.services.ctx, library(), self)
        dialog.requested.connect(self.handle)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.add_window_keys(dialog)
        dialog.open()
        return dialog

    def change_start_date(self) -> None:
        from recovery_app.core.errors import KnownError
        from recovery_app.storage.checkin.ops import set_start_date, start_date
        from recovery_app.ui.common.start_date import StartDateDialog

        db = self.db
        if db is None:
            return
        choice = StartDateDialog.ask(self, start_date(db), today(self.clock))
        if choice is None:
            return
        try:
            self.ops.run(lambda: set_start_date(db, choice.start, self.clock.now()))
        except KnownError as exc:
            self.notice.say(exc.message)

    def show_help(self) -> None:
        from PySide6.QtWidgets import QApplication

        from recovery_app.ui.help.dialog import HelpDialog

        # Over an open form (window-modal), help opens on top of it, not behind.
        modal = QApplication.activeModalWidget()
        HelpDialog.present(modal or self, self.services.ctx if self.services else None)

    def show_reminders(self) -> QDialog | None:
        return self.reminders.show_list()

    def add_window_keys(self, dialog: QDialog) -> None:
        """F1 works inside forms too (the window's own shortcut is blocked by them)."""
        from PySide6.QtGui import QShortcut

        QShortcut(QKeySequence("F1"), dialog, self.show_help)

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

    # -- leaving ---------------------------------------------------------
    def delete_all(self) -> None:
        from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog

        db, safety = self.db, self.session.safety
        if db is None or safety is None or not DeleteAllDialog.ask(self):
            return
        self.reminders.stop()
        self.hide_data()
        safety.delete_everything(db)
        self.session.close()
        self._deleted = True
        self.nav.hide()
        self.message_page.show_message(
            "Everything has been deleted",
            "Your data, settings and backups are gone from this computer. "
            "You can close the app now; if you open it again, it starts fresh.",
        )
        self.stack.setCurrentWidget(self.message_page)

    def bring_forward(self) -> None:
        """Another launch asked for this window."""
        bring_to_front(self)

    def quit_app(self) -> None:
        """Really quit, even when closing the window would keep the app in the tray."""
        from PySide6.QtWidgets import QApplication

        self._quitting = True
        hidden = self.isHidden()
        QApplication.setQuitOnLastWindowClosed(True)
        self.close()
        if hidden:
            QApplication.quit()  # closing a hidden window doesn't end the app by itself

    def _restore_geometry(self) -> None:
        self.resize(1040, 760)
        if self.settings.values.window_geometry:
            self.restoreGeometry(
                QByteArray.fromBase64(self.settings.values.window_geometry.encode())
            )

    def finish_background_work(self) -> None:
        """Wait for backups, exports and key work still running (before the app exits)."""
        self.ops.pool.waitForDone()
        QThreadPool.globalInstance().waitForDone()

    def _keeps_running_in_tray(self) -> bool:
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance()
        logging_out = isinstance(app, QGuiApplication) and app.isSavingSession()
        notifier = self.reminders.notifier
        return (
            self.settings.values.keep_in_tray
            and not self._quitting
            and not logging_out
            and notifier is not None
            and notifier.tray is not None
            and self.db is not None
        )

    def _unsaved_checkin(self) -> bool:
        from recovery_app.ui.checkin.page import CheckInPage

        page = self._built.get("checkin")
        return isinstance(page, CheckInPage) and page.has_unsaved_changes()

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QApplication

        if self._keeps_running_in_tray():
            QApplication.setQuitOnLastWindowClosed(False)  # a closed dialog mustn't quit it
            self.hide()  # reminders keep coming; the tray icon brings the window back
            event.ignore()
            return
        QApplication.setQuitOnLastWindowClosed(True)  # a real close ends the app again
        if self._unsaved_checkin() and not Confirm.ask(
            self,
            "Unsaved check-in",
            "Your check-in has changes that are not saved yet. Close anyway?",
            "Close without saving",
            "Keep editing",
        ):
            event.ignore()
            return
        if not self._deleted:  # write nothing back after "Delete all my data"
            geometry = bytes(self.saveGeometry().toBase64().data()).decode()
            self.settings.update(window_geometry=geometry)
        self.settings.forget_listeners()
        self.session.close()
        super().closeEvent(event)
