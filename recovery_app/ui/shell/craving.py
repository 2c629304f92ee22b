"""The craving flow over whatever is open: one at a time, kept while hidden.

The shell opens it (Ctrl+Shift+H in every window and dialog, the sidebar, Today,
the tray), gives it the person's people while the data is open, and turns its end
into a craving entry to check and save.

Opened over a form, it is that form's child (a modal form blocks every other
window); when the form closes, the window adopts it, so the ride goes on. While it
shows, the idle lock waits; hidden (Ctrl+H), the idle lock counts again. When the
data closes (a lock, or delete-all) it closes too, hidden or not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from recovery_app.ui.common.windowing import bring_to_front

CRAVING_KEY = "Ctrl+Shift+H"  # in every window and dialog of the app

if TYPE_CHECKING:
    from datetime import datetime

    from recovery_app.core.toolkit.urge import Ride
    from recovery_app.ui.shell.main_window import MainWindow
    from recovery_app.ui.toolkit.craving_flow import CravingFlow


class CravingFlows(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.flow: CravingFlow | None = None
        window.dataReady.connect(self._unlocked)

    def _unlocked(self) -> None:
        """A ride begun while locked can be logged once the data is open."""
        flow = self.flow
        if flow is not None and shiboken6.isValid(flow) and flow.locked:
            flow.allow_logging()

    def open(self) -> CravingFlow:
        """Show the flow; the one already running (perhaps hidden) if there is one."""
        flow = self.flow
        if flow is not None and shiboken6.isValid(flow):  # back after a quick hide, as it was
            if self.window.isMinimized():
                bring_to_front(self.window)
            self.window.session.hold_idle(True)
            bring_to_front(flow)
            return flow
        from recovery_app.storage.help.ops import contacts
        from recovery_app.storage.toolkit.ops import favourite_skills, reasons
        from recovery_app.ui.toolkit.craving_flow import CravingFlow

        services = self.window.services
        db = services.ctx.db if services is not None else None
        people = contacts(db) if db is not None else None  # None: locked, nothing personal
        mine = reasons(db) if db is not None else None
        favourites = favourite_skills(db) if db is not None else None
        # Over an open form (a modal one blocks the window), the flow opens on top of it.
        modal = QApplication.activeModalWidget()
        settings = self.window.settings
        flow = CravingFlow(
            self.window.clock,
            people,
            modal or self.window,
            mine,
            favourites,
            settings.values.breathing_motion,
        )
        flow.motionChanged.connect(lambda on: settings.update(breathing_motion=on))
        if isinstance(modal, QDialog):
            modal.finished.connect(lambda _result, f=flow: self._adopt(f))
        flow.helpRequested.connect(self.window.show_help)
        flow.hideRequested.connect(self._hidden)
        flow.logRequested.connect(self._log)
        flow.finished.connect(lambda _result, f=flow: self._closed(f))
        flow.destroyed.connect(lambda _obj=None, f=flow: self._closed(f))
        self.flow = flow
        self.window.session.hold_idle(True)  # riding out an urge is not being away
        flow.show()
        bring_to_front(flow)
        return flow

    def _adopt(self, flow: CravingFlow) -> None:
        """The form the flow opened over closed: the next form still open under it
        keeps the flow (it would block the window), else the window does."""
        if self.flow is not flow or not shiboken6.isValid(flow):
            return
        closed = flow.parentWidget()
        keeper: QWidget = self.window
        under = closed.parentWidget() if closed is not None else None
        while under is not None:
            holder = under.window()
            if isinstance(holder, QDialog) and holder.isVisible() and holder.isModal():
                keeper = holder
                break
            under = holder.parentWidget()
        showing = flow.isVisible()
        flow.setParent(keeper, flow.windowFlags())  # reparenting hides a window
        if isinstance(keeper, QDialog):
            keeper.finished.connect(lambda _result, f=flow: self._adopt(f))
        if showing:
            flow.show()

    def _hidden(self) -> None:
        self.window.session.hold_idle(False)  # someone walked in: away counts again
        self.window.showMinimized()

    def _closed(self, flow: CravingFlow) -> None:
        if self.flow is not flow:
            return
        self.flow = None
        self.window.session.hold_idle(False)
        if shiboken6.isValid(flow):
            flow.deleteLater()

    def close(self) -> None:
        """The data is closing: the flow goes too, even hidden (it may show the
        person's people and reasons)."""
        flow = self.flow
        if flow is None:
            return
        if shiboken6.isValid(flow):
            flow.done(QDialog.DialogCode.Rejected)  # emits finished (so _closed), hidden or not
        self._closed(flow)  # for a flow already deleted; a no-op after finished ran it

    def _log(self, ended: tuple[Ride, int | None, list[str], datetime]) -> None:
        from recovery_app.core.journal.choices import ChoiceList
        from recovery_app.core.toolkit.urge import craving_entry
        from recovery_app.storage.journal.ops import load_choices

        journal, services = self.window.journal, self.window.services
        if journal is None or services is None:
            return
        ride, strength_now, coping, ended_at = ended
        known = {c.uid for c in load_choices(services.ctx.db, ChoiceList.COPING)}
        journal.open_new(craving_entry(ride, ended_at, strength_now, coping, known))
