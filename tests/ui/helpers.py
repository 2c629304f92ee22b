"""Small steps the UI tests share."""

from __future__ import annotations

from datetime import date

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.ui.data.page import DataPage
from recovery_app.ui.shell.main_window import MainWindow


def save_checkin(window: MainWindow, clock: FixedClock, day: date, note: str) -> None:
    assert window.db is not None
    with window.db.transaction() as s:
        CheckIns(s).save(CheckIn(day, 4, 2, 1, UsedToday.NO, note=note), clock.now())
    window.hub.checkinsChanged.emit()


def open_data_page(window: MainWindow) -> DataPage:
    window.show_page("data")
    page = window.page("data")
    assert isinstance(page, DataPage)
    return page
