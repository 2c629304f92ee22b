"""Today shows the right numbers, kindly, says what to do first, and asks for the rest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.core.checkin.checkin import UsedToday
from recovery_app.storage.checkin.ops import set_start_date
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import ChangeStartDate, LogCraving, OpenCheckIn
from recovery_app.ui.today.page import TodayPage
from tests.ui.helpers import requests_of, save_checkin

TODAY = date(2026, 11, 25)
Shown = Callable[[TodayPage], TodayPage]


def today_page(ctx: AppContext, shown: Shown, start: date | None = None) -> TodayPage:
    if start is not None:
        ctx.ops.run(lambda: set_start_date(ctx.db, start, ctx.clock.now()))
    return shown(TodayPage(ctx))


def test_first_run_empty_state_says_what_to_do(ctx: AppContext, shown: Shown) -> None:
    page = today_page(ctx, shown)
    assert page.greeting.text() == "Good morning"  # the test clock says 10:00
    assert page.date_label.text() == "Wednesday 25 November 2026"
    assert "chose not to count days" in page.time_label.text()
    assert "Not done yet" in page.checkin_status.text()
    assert page.checkin_button.text() == "Do today's check-in"
    assert "after your first check-in" in page.week_hint.text()


def test_numbers_with_a_slip(ctx: AppContext, shown: Shown) -> None:
    page = today_page(ctx, shown, start=date(2025, 11, 21))
    save_checkin(ctx, date(2026, 11, 10), used=UsedToday.YES)
    save_checkin(ctx, TODAY - timedelta(days=1))
    save_checkin(ctx, TODAY)
    assert "1 year, 4 days" in page.time_label.text()
    assert "14 days" in page.run_label.text()  # Nov 11 .. Nov 24
    assert "368" in page.total_label.text()  # 369 finished days, one a slip
    assert "never erases" in page.total_label.text()
    assert page.checkin_button.text() == "Edit today's check-in"
    assert "Done. Mood: Good" in page.checkin_status.text()
    assert "2 of the last 7 days" in page.week_hint.text()
    assert page.day_buttons[6].text() == "Today\n25 Nov\nGood"
    assert page.day_buttons[4].text() == "Mon\n23 Nov\nNo check-in"


def test_first_day_shows_a_welcome_not_zeros(ctx: AppContext, shown: Shown) -> None:
    page = today_page(ctx, shown, start=TODAY)
    assert "starts today" in page.time_label.text()
    assert not page.run_label.isVisible() and not page.total_label.isVisible()
    assert "1 day, tomorrow" in page.milestone_label.text()


def test_milestone_message(ctx: AppContext, shown: Shown) -> None:
    page = today_page(ctx, shown, start=TODAY - timedelta(days=7))
    assert "Today marks 1 week" in page.milestone_label.text()
    ctx.ops.run(lambda: set_start_date(ctx.db, TODAY - timedelta(days=10), ctx.clock.now()))
    assert "Next milestone: 2 weeks, in 4 days" in page.milestone_label.text()


def test_buttons_ask_the_shell(ctx: AppContext, shown: Shown, qtbot: QtBot) -> None:
    page = today_page(ctx, shown)
    asked = requests_of(page)
    for button in (page.start_button, page.checkin_button, page.craving_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.day_buttons[5], Qt.MouseButton.LeftButton)  # yesterday's tile
    assert asked == [
        ChangeStartDate(),
        OpenCheckIn(TODAY),
        LogCraving(),
        OpenCheckIn(TODAY - timedelta(days=1)),
    ]


def test_a_hidden_today_catches_up_when_shown(ctx: AppContext, shown: Shown) -> None:
    page = today_page(ctx, shown)
    page.hide()
    save_checkin(ctx, TODAY)
    assert "Not done yet" in page.checkin_status.text()  # nothing read while hidden
    page.show()
    assert "Done. Mood: Good" in page.checkin_status.text()


def test_the_longest_run_and_every_earlier_run_are_kept(ctx: AppContext, shown: Shown) -> None:
    page = today_page(ctx, shown, start=date(2026, 9, 1))
    for slip in (date(2026, 10, 1), date(2026, 10, 3), date(2026, 11, 20)):
        save_checkin(ctx, slip, used=UsedToday.YES)
    assert "Current run: <b>4 days</b>" in page.run_label.text()  # 21..24 Nov (finished days)
    assert "Longest run: <b>47 days</b>" in page.longest_label.text()  # 4 Oct .. 19 Nov
    runs = page.runs_label.text()
    # Newest first; the run of one day between two slips is there too.
    assert runs.startswith("Earlier runs: 47 days (4 Oct 2026 to 19 Nov 2026)")
    assert "1 day (2 Oct 2026 to 2 Oct 2026)" in runs
    assert "30 days (1 Sep 2026 to 30 Sep 2026)" in runs


def old_yes(ctx: AppContext, day: date, note: str = "") -> None:
    from recovery_app.core.checkin.checkin import CheckIn, UseQuestion
    from recovery_app.storage.checkin.checkins import CheckIns

    with ctx.db.transaction() as conn:
        CheckIns(conn).save(
            CheckIn(day, 3, 2, 2, UsedToday.YES, note=note, use_question=UseQuestion.USED_TODAY),
            ctx.clock.now(),
        )


def test_earlier_days_are_offered_for_review_once(
    ctx: AppContext, shown: Shown, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.ui.today.review_days import ReviewDaysDialog

    old_yes(ctx, date(2026, 11, 1), note="my evening dose")
    old_yes(ctx, date(2026, 11, 2))
    page = today_page(ctx, shown, start=date(2026, 10, 1))
    assert page.review_card.isVisible()
    assert "Longest run" in page.longest_label.text()

    def tick_first(cls: type, days: list, parent: object) -> list[date]:
        dialog = ReviewDaysDialog(days, None)
        assert [d.day for d in days] == [date(2026, 11, 1), date(2026, 11, 2)]
        first = next(iter(dialog.boxes.values()))
        assert "my evening dose" in first.text()
        first.setChecked(True)
        return dialog.ticked()

    monkeypatch.setattr(ReviewDaysDialog, "ask", classmethod(tick_first))
    with qtbot.waitSignal(ctx.bus.changed):
        qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    assert not page.review_card.isVisible()  # offered once: it doesn't come back
    # Only the ticked day became No; the other keeps its answer and its question.
    from recovery_app.storage.checkin.checkins import CheckIns

    with ctx.db.reading() as conn:
        first, second = CheckIns(conn).get(date(2026, 11, 1)), CheckIns(conn).get(date(2026, 11, 2))
        assert first is not None and first.used is UsedToday.NO
        assert CheckIns(conn).revision_count(date(2026, 11, 1)) == 1  # the old answer is kept
        assert second is not None and second.used is UsedToday.YES
    assert "Current run: <b>22 days</b>" in page.run_label.text()  # 3 .. 24 Nov
    again = shown(TodayPage(ctx))
    assert not again.review_card.isVisible()


def test_no_thanks_puts_the_offer_away(ctx: AppContext, shown: Shown, qtbot: QtBot) -> None:
    old_yes(ctx, date(2026, 11, 1))
    page = today_page(ctx, shown)
    assert page.review_card.isVisible()
    qtbot.mouseClick(page.review_later, Qt.MouseButton.LeftButton)
    assert not page.review_card.isVisible()
    assert not shown(TodayPage(ctx)).review_card.isVisible()


def test_enter_in_the_review_changes_nothing(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog

    from recovery_app.core.checkin.checkin import CheckIn, UseQuestion
    from recovery_app.ui.today.review_days import ReviewDaysDialog

    day = CheckIn(date(2026, 11, 1), 3, 2, 2, UsedToday.YES, use_question=UseQuestion.USED_TODAY)
    dialog = ReviewDaysDialog([day], None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.boxes[day.day]
    box.setChecked(True)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected  # the safe answer: nothing changed
