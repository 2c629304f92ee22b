"""Today shows the right numbers, kindly, and says what to do first."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.ui.common.start_date import StartDateChoice, StartDateDialog
from recovery_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

TODAY = date(2026, 11, 25)


def add_checkins(window: MainWindow, clock: FixedClock, days: dict[date, UsedToday]) -> None:
    assert window.db is not None
    with window.db.transaction() as s:
        for day, used in days.items():
            CheckIns(s).save(CheckIn(day=day, mood=4, anxiety=2, craving=1, used=used), clock.now())
    window.hub.checkinsChanged.emit()


def test_first_run_empty_state_says_what_to_do(make_window: WindowFactory) -> None:
    page = make_window().today_page
    assert page.greeting.text() == "Good morning"  # the test clock says 10:00
    assert page.date_label.text() == "Wednesday 25 November 2026"
    assert "chose not to count days" in page.time_label.text()
    assert "Not done yet" in page.checkin_status.text()
    assert page.checkin_button.text() == "Do today's check-in"
    assert "after your first check-in" in page.week_hint.text()


def test_numbers_with_a_slip(make_window: WindowFactory, clock: FixedClock) -> None:
    window = make_window(start=date(2025, 11, 21))
    add_checkins(
        window,
        clock,
        {
            date(2026, 11, 10): UsedToday.YES,
            TODAY - timedelta(days=1): UsedToday.NO,
            TODAY: UsedToday.NO,
        },
    )
    page = window.today_page
    assert "1 year, 4 days" in page.time_label.text()
    assert "14 days" in page.run_label.text()  # Nov 11 .. Nov 24
    assert "368" in page.total_label.text()  # 369 finished days, one a slip
    assert "never erases" in page.total_label.text()
    assert page.checkin_button.text() == "Edit today's check-in"
    assert "Done. Mood: Good" in page.checkin_status.text()
    assert "2 of the last 7 days" in page.week_hint.text()
    assert page.day_buttons[6].text() == "Today\n25 Nov\nGood"
    assert page.day_buttons[4].text() == "Mon\n23 Nov\nNo check-in"


def test_first_day_shows_a_welcome_not_zeros(make_window: WindowFactory) -> None:
    page = make_window(start=TODAY).today_page
    assert "starts today" in page.time_label.text()
    assert not page.run_label.isVisible() and not page.total_label.isVisible()
    assert "1 day, tomorrow" in page.milestone_label.text()


def test_milestone_message(make_window: WindowFactory) -> None:
    page = make_window(start=TODAY - timedelta(days=7)).today_page
    assert "Today marks 1 week" in page.milestone_label.text()
    page = make_window(start=TODAY - timedelta(days=10)).today_page
    assert "Next milestone: 2 weeks, in 4 days" in page.milestone_label.text()


def test_start_date_can_be_set_later(make_window: WindowFactory, qtbot: QtBot, monkeypatch) -> None:
    window = make_window()
    monkeypatch.setattr(
        StartDateDialog, "ask", classmethod(lambda cls, *a: StartDateChoice(date(2026, 11, 18)))
    )
    qtbot.mouseClick(window.today_page.start_button, Qt.MouseButton.LeftButton)
    assert "7 days" in window.today_page.time_label.text()
    assert "Today marks 1 week" in window.today_page.milestone_label.text()


def test_start_date_cancel_changes_nothing(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch
) -> None:
    window = make_window(start=date(2026, 1, 1))
    monkeypatch.setattr(StartDateDialog, "ask", classmethod(lambda cls, *a: None))
    qtbot.mouseClick(window.today_page.start_button, Qt.MouseButton.LeftButton)
    assert "since Thursday 1 January 2026" in window.today_page.time_label.text()
