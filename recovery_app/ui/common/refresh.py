"""A view reloads itself when data it shows has changed; a hidden view waits until shown.

So nothing is reloaded that nobody looks at, and nothing shown is ever stale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from recovery_app.core.changes import Changes, Record
from recovery_app.ui.common.bus import ChangeBus


class RefreshOnChange(QObject):
    def __init__(
        self,
        view: QWidget,
        bus: ChangeBus,
        records: Iterable[Record],
        reload: Callable[[], None],
        skip_own: bool = False,
        every_show: bool = False,
        day: Callable[[], date] | None = None,
    ) -> None:
        """``skip_own``: changes the view made itself are already on screen.

        ``every_show``: reload each time the view is shown, changed or not (Today:
        the day itself may have changed).

        ``day``: reload when shown the first time, and again only once this (today's
        date) differs from when it last loaded ("the last 30 days" move with the day).
        """
        super().__init__(view)
        self.view, self.records, self.reload, self.skip_own = view, tuple(records), reload, skip_own
        self.every_show = every_show
        self.day = day
        self.loaded_on: date | None = None
        self.stale = False
        bus.changed.connect(self._changed)
        view.installEventFilter(self)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if not changes.touches(*self.records):
            return
        if self.skip_own and initiator is self.view:
            return
        if self.view.isVisible():
            self._load()
        else:
            self.stale = True

    def _load(self) -> None:
        self.stale = False
        if self.day is not None:
            self.loaded_on = self.day()
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.Show
            and (
                self.stale
                or self.every_show
                or (self.day is not None and self.day() != self.loaded_on)
            )
        ):
            self._load()
        return False
