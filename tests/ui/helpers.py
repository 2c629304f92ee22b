"""Small steps the UI tests share."""

from __future__ import annotations

from datetime import date

from recovery_app.core.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.storage.checkins import CheckIns
from recovery_app.ui.main_window import MainWindow
from recovery_app.ui.pages.data_page import DataPage


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
