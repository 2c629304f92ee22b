"""The main window: the sidebar, the pages, navigation, and the always-visible Get help.

It paints first and opens the data right after, so the window appears before any
heavy import. Around it: ``session`` (open, lock, unlock), ``recovery`` (damaged
data), ``first_run``, ``reminders`` (and the tray), ``dialogs``, ``closing``, and
``pages`` (which pages there are and how each is built).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app import APP_NAME
from recovery_app.core.clock import Clock
from recovery_app.core.i18n import translate
from recovery_app.paths import AppPaths
from recovery_app.settings import SettingsStore
from recovery_app.ui.common import requests as r
from recovery_app.ui.common.bus import ChangeBus
from recovery_app.ui.common.ops import Ops
from recovery_app.ui.common.style import icon
from recovery_app.ui.common.windowing import fit_on_screen
from recovery_app.ui.shell.appearance import Appearance
from recovery_app.ui.shell.craving import CRAVING_KEY, CravingFlows
from recovery_app.ui.shell.dialogs import Dialogs
from recovery_app.ui.shell.message_page import MessagePage
from recovery_app.ui.shell.notice_bar import NoticeBar
from recovery_app.ui.shell.pages import PAGES, Services
from recovery_app.ui.shell.reminders import Reminders
from recovery_app.ui.shell.session import DataSession
from recovery_app.ui.shell.sidebar import Sidebar

# Pages, dialogs and storage are imported where first used, so the window
# paints before SQLAlchemy and most widgets load. Nothing here touches the
# ``Qt`` namespace either: creating its enums costs ~45 ms before the first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from recovery_app.storage.db import Database
    from recovery_app.ui.common.context import AppContext
    from recovery_app.ui.data.safety import DataSafety
    from recovery_app.ui.journal.actions import JournalActions
    from recovery_app.ui.shell.first_run import FirstRun


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
        self.dialogs = Dialogs(self)
        self.journal: JournalActions | None = None
        self.first_run: FirstRun | None = None  # while the welcome shows
        self._built: dict[str, QWidget] = {}
        self._page_actions: list[QAction] = []
        self._painted = self.quitting = self.deleted = False
        self.setWindowTitle(APP_NAME)
        self.appearance = Appearance(self.settings, self)

        self.sidebar = sidebar = Sidebar()
        self.nav, self.help_button = sidebar.nav, sidebar.help_button
        self.reminders_button = sidebar.reminders_button
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.help_button.clicked.connect(self.show_help)
        self.reminders_button.clicked.connect(self.show_reminders)
        sidebar.appearance_button.clicked.connect(self.show_appearance)

        self.stack = QStackedWidget()
        self.message_page = MessagePage()
        self.message_page.show_message(translate("ui.shell.main_window", "Opening your data…"), "")
        self.stack.addWidget(self.message_page)
        self.notice = NoticeBar()
        # Forms open at the last lock, waiting to get back what was typed (shell/reopen.py).
        self.pending_forms: dict[str, list[Any] | dict[str, Any]] = {}
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
        self.cravings = CravingFlows(self)  # before the tray menu, which offers it
        self.reminders = Reminders(self)
        sidebar.craving_button.clicked.connect(self.cravings.open)

        self.settings.on_problem(self.notice.say)
        self._add_action(
            translate("ui.shell.main_window", "Get help"), [QKeySequence("F1")], self.show_help
        )
        self._add_action(
            translate("ui.shell.main_window", "Quit"),
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit),
            self.quit_app,
        )
        self._add_action(
            translate("ui.shell.main_window", "Lock or hide"),
            [QKeySequence("Ctrl+L")],
            self.lock_or_hide,
        )
        self._add_action(
            translate("ui.shell.main_window", "I'm having a craving"),
            [QKeySequence(CRAVING_KEY)],
            self.cravings.open,
        )
        self._add_action(
            translate("ui.shell.main_window", "Appearance"),
            [QKeySequence("Ctrl+,")],
            self.show_appearance,
        )
        self._add_action(
            translate("ui.shell.main_window", "Keyboard shortcuts"),
            [QKeySequence("Ctrl+/")],
            self.show_shortcuts,
        )
        fit_on_screen(self, 1040, 760)
        if geometry := self.settings.values.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
            # Saved on a bigger screen (or before the text grew): never larger than this one.
            fit_on_screen(self, self.width(), self.height(), grow=False)
        self.firstPainted.connect(self._show_icons)
        self.firstPainted.connect(self.appearance.watch_system)

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

        self.services = Services(ctx, safety, self.handle, self._delete_all)
        self.journal = JournalActions(ctx, self)
        keys: list[tuple[str, str, Callable[[], object]]] = []
        for number, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setToolTip(
                translate("ui.shell.main_window", "{title} (Ctrl+{number})").format(
                    title=spec.title, number=number
                )
            )
            self.nav.addItem(item)
            keys.append(
                (
                    translate("ui.shell.main_window", "Go to {title}").format(title=spec.title),
                    translate("ui.shell.main_window", "Ctrl+{number}").format(number=number),
                    partial(self.show_page, spec.key),
                )
            )
        keys.append(
            (translate("ui.shell.main_window", "Log a craving"), "Ctrl+N", self.journal.log_craving)
        )
        keys.append((translate("ui.shell.main_window", "Reminders"), "Ctrl+R", self.show_reminders))
        for text, key, slot in keys:
            self._page_actions.append(self._add_action(text, [QKeySequence(key)], slot))
        self.sidebar.fit_width()
        self.nav.show()
        from recovery_app.ui.shell.first_run import FirstRun, welcome_needed

        if welcome_needed(ctx):
            self.first_run = FirstRun(self, ctx, safety)
        else:
            self.show_page("today")
        self.dataReady.emit()
        safety.start_daily_backup()
        self.reminders.start(ctx)
        QTimer.singleShot(0, self._purge_deleted)  # after Today shows; every view skips them

    def show_shortcuts(self) -> QDialog:
        from PySide6.QtCore import Qt

        from recovery_app.ui.help.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def lock_or_hide(self) -> None:
        """Ctrl+L: with a passphrase, lock; without one, get the window out of sight at
        once (someone walked in). Nothing closes, so nothing typed is lost."""
        if self.session.keys.key is not None:
            self.session.lock()
            return
        flow = self.cravings.flow
        if flow is not None and flow.isVisible():
            flow.quick_hide()
        self.showMinimized()

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
        self.cravings.close()  # first: a flow hidden with Ctrl+H isn't closed by close()
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

        if (db := self.db) is not None:
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

    def built_page(self, key: str) -> QWidget | None:
        """The page for ``key`` if it was built already (never builds one)."""
        return self._built.get(key)

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
                self.dialogs.open_self_check()
            case r.GetHelp():
                self.dialogs.show_help()
            case r.ChangeStartDate():
                self.dialogs.change_start_date()
            case r.OpenEntry(uid) if journal is not None:
                journal.edit(uid)
            case r.LogCraving() if journal is not None:
                journal.log_craving()
            case r.RideOutCraving():
                self.cravings.open()
            case r.WriteEntry() if journal is not None:
                journal.write()
            case r.ManageChoices() if journal is not None:
                journal.manage_choices()
            case r.MakeReport(first, last):
                self.dialogs.make_report(first, last)
            case r.TakeQuestionnaire(kind):
                self.dialogs.take_questionnaire(kind)

    def open_checkin(self, day: date) -> None:
        from recovery_app.ui.checkin.page import CheckInPage

        page = self.page("checkin")
        if isinstance(page, CheckInPage) and page.request_day(day):
            self.show_page("checkin")

    def open_article(self, slug: str) -> None:
        from recovery_app.ui.learn.page import LearnPage

        self.show_page("learn")
        if isinstance(page := self.page("learn"), LearnPage):
            page.open_article(slug)

    def show_help(self) -> None:
        self.dialogs.show_help()

    def show_appearance(self) -> QDialog:
        """Colours and text size; one window, brought forward if it is already open."""
        from recovery_app.ui.common.windowing import bring_to_front
        from recovery_app.ui.shell.appearance_dialog import AppearanceDialog

        dialog = self.findChild(AppearanceDialog)
        if dialog is None:
            dialog = AppearanceDialog(self.settings, self)
            dialog.finished.connect(dialog.deleteLater)
            dialog.show()
        bring_to_front(dialog)
        return dialog

    def show_reminders(self) -> QDialog | None:
        return self.reminders.show_list()

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
    def _delete_all(self) -> None:
        from recovery_app.ui.shell import closing

        closing.delete_all(self)

    def quit_app(self) -> None:
        """Really quit, even when closing the window would keep the app in the tray."""
        from recovery_app.ui.shell import closing

        closing.quit_app(self)

    def finish_background_work(self) -> None:
        """Wait for backups, exports and key work still running (before the app exits)."""
        self.ops.pool.waitForDone()
        QThreadPool.globalInstance().waitForDone()

    def closeEvent(self, event: QCloseEvent) -> None:
        from recovery_app.ui.shell.closing import close_window

        if close_window(self, event):
            super().closeEvent(event)
