"""The craving flow over whatever is open: one at a time, kept while hidden.

The shell opens it (Ctrl+Shift+H in every window and dialog, the sidebar, Today,
the tray), gives it the person's people while the data is open, and turns its end
into a craving entry to check and save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from recovery_app.ui.common.windowing import bring_to_front

CRAVING_KEY = "Ctrl+Shift+H"  # in every window and dialog of the app

if TYPE_CHECKING:
    from recovery_app.core.toolkit.urge import Ride
    from recovery_app.ui.shell.main_window import MainWindow
    from recovery_app.ui.toolkit.craving_flow import CravingFlow


class CravingFlows(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.flow: CravingFlow | None = None

    def open(self) -> CravingFlow:
        """Show the flow; the one already running (perhaps hidden) if there is one."""
        if self.flow is not None:  # back after a quick hide, as it was
            if self.window.isMinimized():
                bring_to_front(self.window)
            bring_to_front(self.flow)
            return self.flow
        from recovery_app.storage.help.ops import contacts
        from recovery_app.storage.toolkit.ops import favourite_skills, reasons
        from recovery_app.ui.toolkit.craving_flow import CravingFlow

        services = self.window.services
        db = services.ctx.db if services is not None else None
        people = contacts(db) if db is not None else None  # None: locked, nothing personal
        mine = reasons(db) if db is not None else None
        favourites = favourite_skills(db) if db is not None else None
        # Over an open form (a modal one blocks the window), the flow opens on top of it.
        parent = QApplication.activeModalWidget() or self.window
        flow = CravingFlow(self.window.clock, people, parent, mine, favourites)
        flow.helpRequested.connect(self.window.show_help)
        flow.hideRequested.connect(self.window.showMinimized)
        flow.logRequested.connect(self._log)
        flow.finished.connect(lambda _result: self._closed(flow))
        self.flow = flow
        self.window.session.hold_idle(True)  # riding out an urge is not being away
        flow.show()
        bring_to_front(flow)
        return flow

    def _closed(self, flow: CravingFlow) -> None:
        if self.flow is flow:
            self.flow = None
            self.window.session.hold_idle(False)
        flow.deleteLater()

    def _log(self, ended: tuple[Ride, int | None, list[str]]) -> None:
        from recovery_app.core.journal.choices import ChoiceList
        from recovery_app.core.toolkit.urge import craving_entry
        from recovery_app.storage.journal.ops import load_choices

        journal, services = self.window.journal, self.window.services
        if journal is None or services is None:
            return
        ride, strength_now, coping = ended
        known = {c.uid for c in load_choices(services.ctx.db, ChoiceList.COPING)}
        now = self.window.clock.now()
        journal.open_new(craving_entry(ride, now, strength_now, coping, known))
