"""The first start: the welcome, an optional start date, an optional passphrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from recovery_app.core.clock import today
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate

if TYPE_CHECKING:
    from recovery_app.ui.common.context import AppContext
    from recovery_app.ui.common.start_date import StartDateChoice
    from recovery_app.ui.data.safety import DataSafety
    from recovery_app.ui.shell.main_window import MainWindow


def welcome_needed(ctx: AppContext) -> bool:
    """The welcome greets a folder with no data yet. Data brought in from the command
    line before the first start (an import, a restore) counts as welcomed: the
    welcome would only ask again what the data already says."""
    if ctx.settings.values.welcome_done:
        return False
    from recovery_app.storage.backup.ops import something_to_keep

    if something_to_keep(ctx.db.path, ctx.db.key):
        ctx.settings.update(welcome_done=True)
        return False
    return True


class FirstRun(QObject):
    def __init__(self, window: MainWindow, ctx: AppContext, safety: DataSafety) -> None:
        from recovery_app.ui.welcome.page import WelcomePage

        super().__init__(window)
        self.window, self.ctx, self.safety = window, ctx, safety
        window.nav.hide()
        self.page = WelcomePage(today(ctx.clock))
        self.page.finished.connect(self._finished)
        self.page.helpRequested.connect(window.show_help)
        window.stack.addWidget(self.page)
        window.stack.setCurrentWidget(self.page)
        self.page.begin_button.setFocus()

    def _finished(self, choice: StartDateChoice) -> None:
        from recovery_app.storage.checkin.ops import set_start_date, start_date

        ctx = self.ctx
        try:
            if start_date(ctx.db) is None:  # a date already there (imported) is never replaced
                ctx.ops.run(lambda: set_start_date(ctx.db, choice.start, ctx.clock.now()))
        except KnownError as exc:
            self.window.message_page.show_message(
                translate("ui.shell.first_run", "That date can't be used"), exc.message
            )
            return
        passphrase = self.page.passphrase()
        ctx.settings.update(welcome_done=True)
        self.window.stack.removeWidget(self.page)
        self.page.deleteLater()
        if passphrase:
            self._protect(passphrase)
        else:
            self.window.nav.show()
            self.window.show_page("today")

    def _protect(self, passphrase: str) -> None:
        """Encrypt the new database before anything is shown from it."""
        from recovery_app.ui.data.passphrase_dialog import PassphraseRequest

        w = self.window
        w.message_page.show_message(
            translate("ui.shell.first_run", "Protecting your data…"),
            translate("ui.shell.first_run", "This takes a few seconds. Please keep the app open."),
        )
        w.stack.setCurrentWidget(w.message_page)
        worker = self.safety.change_passphrase(
            self.ctx.db, PassphraseRequest("set", None, passphrase)
        )

        def ready(*_: object) -> None:
            w.nav.show()
            w.show_page("today")

        def failed(text: str) -> None:
            w.nav.show()
            w.message_page.show_message(
                translate("ui.shell.first_run", "Your data is not encrypted yet"),
                translate(
                    "ui.shell.first_run", "{text} You can set a passphrase any time in Your data."
                ).format(text=text),
            )

        worker.done.connect(ready)
        worker.failed.connect(failed)
