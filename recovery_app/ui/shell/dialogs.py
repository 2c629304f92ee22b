"""The dialogs the shell opens for any page: Get help, the self-check, the start date.

Each is reachable from every screen, so they belong to the window, not to a page.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from recovery_app.core.clock import today
from recovery_app.core.errors import KnownError
from recovery_app.ui.common.windowing import one_tab_stop, scroll_into_view
from recovery_app.ui.shell.craving import CRAVING_KEY

if TYPE_CHECKING:
    from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog
    from recovery_app.ui.shell.main_window import MainWindow


class Dialogs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # Every form gets F1 the first time it takes focus, whichever feature opened it (a
        # modal form blocks the window's own shortcut). A signal, not an event filter: it
        # costs nothing between focus changes.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            scroll_into_view(new)
            one_tab_stop(new)
        window = new.window() if new is not None else None
        if isinstance(window, QDialog) and not window.property("helpKey"):
            window.setProperty("helpKey", True)  # one F1 each: two would be ambiguous
            from recovery_app.ui.shell.reopen import put_back

            put_back(self.window, window)
            if not window.property("ownHelpKeys"):  # the craving flow has its own
                QShortcut(QKeySequence("F1"), window, self.show_help)
                QShortcut(QKeySequence(CRAVING_KEY), window, self.window.cravings.open)
            # Someone walked in: lock (with a passphrase) or hide, from any form too.
            QShortcut(QKeySequence("Ctrl+L"), window, self.window.lock_or_hide)

    def show_help(self) -> None:
        from recovery_app.ui.help.dialog import HelpDialog

        # Over an open form (window-modal), help opens on top of it, not behind.
        modal = QApplication.activeModalWidget()
        services = self.window.services
        HelpDialog.present(modal or self.window, services.ctx if services else None)

    def open_self_check(self) -> SelfCheckDialog | None:
        from PySide6.QtCore import Qt

        from recovery_app.storage.learn.library import library
        from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog

        services = self.window.services
        if services is None:
            return None
        dialog = SelfCheckDialog(services.ctx, library(), self.window)
        dialog.requested.connect(self.window.handle)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def make_report(self, first: date, last: date) -> None:
        from recovery_app.ui.report.dialog import ReportDialog

        services = self.window.services
        if services is not None:
            ReportDialog.present(services.ctx, first, last, self.window)

    def take_questionnaire(self, kind: str) -> QDialog | None:
        from recovery_app.core.questionnaires.forms import Kind
        from recovery_app.ui.questionnaires.dialog import QuestionnaireDialog

        services = self.window.services
        if services is None:
            return None
        dialog = QuestionnaireDialog.present(services.ctx, Kind(kind), self.window)
        dialog.requested.connect(self.window.handle)
        return dialog

    def change_start_date(self) -> None:
        from recovery_app.storage.checkin.ops import set_start_date, start_date
        from recovery_app.ui.common.start_date import StartDateDialog

        w = self.window
        db = w.db
        if db is None:
            return
        choice = StartDateDialog.ask(w, start_date(db), today(w.clock))
        if choice is None:
            return
        try:
            w.ops.run(lambda: set_start_date(db, choice.start, w.clock.now()))
        except KnownError as exc:
            w.notice.say(exc.message)
