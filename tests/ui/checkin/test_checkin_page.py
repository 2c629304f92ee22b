"""The daily check-in as a person fills it in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.core.checkin.checkin import CheckIn, UsedToday, UseQuestion
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.ops import checkin_on, save_checkin, set_start_date
from recovery_app.ui.checkin.page import CheckInPage
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.start_date import from_qdate, to_qdate
from recovery_app.ui.today.page import TodayPage
from tests.ui.helpers import save_checkin as saved_elsewhere

NOTE = "Went to my group 🌱 — שלום — e\u0301"
TODAY = date(2026, 11, 25)
Shown = Callable[[CheckInPage], CheckInPage]


@pytest.fixture
def page(ctx: AppContext, shown: Shown) -> CheckInPage:
    return shown(CheckInPage(ctx))


def fill(page: CheckInPage, qtbot: QtBot, mood: int = 4, used: str = "No") -> None:
    qtbot.mouseClick(page.mood_group.button(mood), Qt.MouseButton.LeftButton)
    page.anxiety.slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.anxiety.slider, Qt.Key.Key_Right)
    page.craving.setValue(6)
    page.sleep_hours.setValue(7.5)
    page.sleep_quality.setCurrentIndex(page.sleep_quality.findData(4))
    qtbot.mouseClick(page.halt_boxes["tired"], Qt.MouseButton.LeftButton)
    radio = next(b for b in page.used_group.buttons() if b.text() == used)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.gratitude, "My sister")
    page.note.setPlainText(NOTE)


def stored(ctx: AppContext, day: date) -> tuple[CheckIn | None, int]:
    with ctx.db.reading() as conn:
        return CheckIns(conn).get(day), CheckIns(conn).count()


def test_checkin_saves_and_shows_on_today(
    ctx: AppContext, page: CheckInPage, qtbot: QtBot, shown: Callable[[TodayPage], TodayPage]
) -> None:
    today = shown(TodayPage(ctx))
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    fill(page, qtbot)
    with qtbot.waitSignal(ctx.bus.changed):
        qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Thank you for checking in" in page.status.text()
    checkin, count = stored(ctx, TODAY)
    assert count == 1 and checkin is not None
    assert (checkin.mood, checkin.anxiety, checkin.craving) == (4, 3, 6)
    assert (checkin.sleep_hours, checkin.sleep_quality) == (7.5, 4)
    assert checkin.halt.named() == ["tired"]
    assert checkin.used is UsedToday.NO
    assert (checkin.gratitude, checkin.note) == ("My sister", NOTE)
    assert "Done. Mood: Good" in today.checkin_status.text()
    assert today.checkin_button.text() == "Edit today's check-in"


def test_checkin_survives_a_restart(
    ctx: AppContext, page: CheckInPage, qtbot: QtBot, shown: Shown
) -> None:
    fill(page, qtbot, mood=2)
    assert page.save()
    ctx.db.close()
    ctx.db.reopen()
    again = shown(CheckInPage(ctx))
    assert again.mood_group.checkedId() == 2
    assert again.note.toPlainText() == NOTE
    assert again.save_button.text() == "Update check-in"


@pytest.mark.parametrize("missing", ["mood", "used"])
def test_missing_answer_shows_error_and_saves_nothing(
    ctx: AppContext, page: CheckInPage, qtbot: QtBot, missing: str
) -> None:
    if missing == "used":
        qtbot.mouseClick(page.mood_group.button(3), Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(page.used_group.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible()
    assert ("mood" if missing == "mood" else "outside your prescription") in page.error.text()
    assert stored(ctx, TODAY) == (None, 0)
    assert page.has_unsaved_changes()  # what was entered is still there


def test_out_of_range_is_impossible_in_the_form(page: CheckInPage) -> None:
    page.anxiety.setValue(99)
    page.sleep_hours.setValue(40)
    assert page.anxiety.value() == 10 and page.sleep_hours.value() == 24.0
    page.date_edit.setDate(to_qdate(date(2030, 1, 1)))
    assert from_qdate(page.date_edit.date()) <= TODAY


def test_second_save_edits_the_same_day(ctx: AppContext, page: CheckInPage, qtbot: QtBot) -> None:
    fill(page, qtbot, mood=3)
    assert page.save()
    qtbot.mouseClick(page.mood_group.button(5), Qt.MouseButton.LeftButton)
    assert page.save()
    checkin, count = stored(ctx, TODAY)
    assert count == 1 and checkin is not None and checkin.mood == 5


def test_a_yes_is_met_with_care_and_kept(
    ctx: AppContext, page: CheckInPage, qtbot: QtBot, shown: Callable[[TodayPage], TodayPage]
) -> None:
    ctx.ops.run(lambda: set_start_date(ctx.db, date(2026, 10, 1), ctx.clock.now()))
    fill(page, qtbot, used="Yes")
    assert page.slip_note.isVisible()
    assert "doesn't erase your progress" in page.slip_note.text()
    assert "don't stop it suddenly" in page.slip_note.text()
    assert page.save()
    checkin, _ = stored(ctx, TODAY)
    assert checkin is not None and checkin.used is UsedToday.YES
    today = shown(TodayPage(ctx))
    assert "0 days" in today.run_label.text()
    assert "55" in today.total_label.text()  # Oct 1 .. Nov 24 are still counted
    assert "gentle" in today.milestone_label.text()


def test_a_past_day_can_be_filled(ctx: AppContext, page: CheckInPage, qtbot: QtBot) -> None:
    yesterday = TODAY - timedelta(days=1)
    assert page.request_day(yesterday)
    assert from_qdate(page.date_edit.date()) == yesterday
    fill(page, qtbot)
    assert page.save()
    assert stored(ctx, yesterday)[0] is not None
    assert stored(ctx, TODAY)[0] is None


def test_unsaved_changes_are_not_dropped_silently(
    page: CheckInPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(page.gratitude, "sunlight")
    asked: list[str] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: asked.append(a[1]) or False))
    page.date_edit.setDate(page.date_edit.date().addDays(-2))
    assert asked == ["Unsaved check-in"]
    assert page.gratitude.text() == "sunlight"
    assert from_qdate(page.date_edit.date()) == TODAY


def test_a_check_in_saved_elsewhere_shows_unless_editing(
    ctx: AppContext, page: CheckInPage, qtbot: QtBot
) -> None:
    saved_elsewhere(ctx, TODAY, note="from an import")
    assert page.note.toPlainText() == "from an import"
    qtbot.keyClicks(page.gratitude, "my own words")  # now the person is editing
    saved_elsewhere(ctx, TODAY, note="changed again")
    assert page.gratitude.text() == "my own words"  # never thrown away


def test_the_question_is_about_use_outside_the_prescription_or_plan(page: CheckInPage) -> None:
    assert page.use_question.text() == (
        "Did you use anything outside your prescription or plan today?"
    )
    assert page.prescribed_note.isVisible()
    assert "including a taper" in page.prescribed_note.text()
    assert "never a slip" in page.prescribed_note.text()
    page.date_edit.setDate(to_qdate(TODAY - timedelta(days=3)))
    assert page.use_question.text().endswith("outside your prescription or plan that day?")


def test_a_month_of_honest_taper_days_is_never_a_slip(
    ctx: AppContext, page: CheckInPage, qtbot: QtBot, shown: Callable[[TodayPage], TodayPage]
) -> None:
    """Someone taking their prescribed taper dose answers No, and every day counts."""
    first = date(2026, 10, 26)
    ctx.ops.run(lambda: set_start_date(ctx.db, first, ctx.clock.now()))
    for offset in range(31):
        page.request_day(first + timedelta(days=offset))
        fill(page, qtbot, used="No")
        page.note.setPlainText("Took my taper dose as my prescriber wrote it.")
        assert page.save()
        assert not page.slip_note.isVisible()
    with ctx.db.reading() as conn:
        assert CheckIns(conn).slip_days() == []
    today = shown(TodayPage(ctx))
    assert "30" in today.total_label.text() and "Days in recovery" in today.total_label.text()
    assert "30 days" in today.run_label.text()
    assert "slip" not in today.total_label.text() + today.checkin_status.text()


def test_an_old_yes_keeps_its_question_until_the_person_changes_it(
    ctx: AppContext, page: CheckInPage, qtbot: QtBot
) -> None:
    day = TODAY - timedelta(days=2)
    old = CheckIn(day, 3, 2, 1, UsedToday.YES, use_question=UseQuestion.USED_TODAY)
    ctx.ops.run(lambda: save_checkin(ctx.db, old, ctx.clock.now()))
    assert page.request_day(day)
    assert page.earlier_question.isVisible()
    assert "“Did you use today?”" in page.earlier_question.text()
    assert "prescribed medicine" in page.earlier_question.text()
    # Editing only the note keeps the answer's meaning.
    page.note.setPlainText("added later")
    assert page.save()
    assert checkin_on(ctx.db, day).use_question is UseQuestion.USED_TODAY  # type: ignore[union-attr]
    # Changing the answer answers today's question.
    no = next(b for b in page.used_group.buttons() if b.text() == "No")
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    assert page.save()
    checkin = checkin_on(ctx.db, day)
    assert checkin is not None
    assert (checkin.used, checkin.use_question) == (UsedToday.NO, UseQuestion.OUTSIDE_PLAN)
    assert not page.earlier_question.isVisible()


def test_the_taper_question_shows_with_a_plan_and_a_different_dose_is_no_slip(
    ctx: AppContext, shown: Shown, qtbot: QtBot
) -> None:
    from datetime import UTC, datetime

    from recovery_app.core.taper.plan import Dose, DoseTaken, Step, TaperPlan
    from recovery_app.storage.checkin.summary import today_summary
    from recovery_app.storage.taper.ops import dose_days, save_plan

    before = shown(CheckInPage(ctx))
    assert not before.taper.isVisibleTo(before)  # no plan: no question
    plan = TaperPlan(
        "diazepam", "tablet", "2 mg", "mg", (Step(date(2026, 11, 2), (Dose("morning", "4"),)),)
    )
    save_plan(ctx.db, plan, datetime(2026, 11, 2, tzinfo=UTC))
    page = shown(CheckInPage(ctx))
    assert page.taper.isVisibleTo(page) and "morning: 4 mg" in page.taper.planned.text()
    fill(page, qtbot)
    page.taper.buttons[DoseTaken.DIFFERENT].setChecked(True)
    assert page.taper.not_a_slip.isVisibleTo(page)
    page.taper.amount.setText("3")
    assert page.save()
    [day] = dose_days(ctx.db, TODAY, TODAY)
    assert (day.taken, day.amount) == (DoseTaken.DIFFERENT, "3")
    checkin, _count = stored(ctx, TODAY)
    assert checkin is not None and checkin.used is UsedToday.NO
    with ctx.db.reading() as conn:
        assert today_summary(conn, TODAY).slip_days == ()  # never a slip
    again = shown(CheckInPage(ctx))
    assert again.taper.buttons[DoseTaken.DIFFERENT].isChecked()
    assert again.taper.amount.text() == "3" and not again.has_unsaved_changes()


def test_the_taper_answer_is_kept_in_the_draft_and_comes_back(
    ctx: AppContext, shown: Shown, qtbot: QtBot
) -> None:
    """Found in issue 17's notes: a lock or a crash lost a half-answered taper question."""
    from datetime import UTC, datetime

    from recovery_app.core.taper.plan import Dose, DoseTaken, Step, TaperPlan
    from recovery_app.storage.taper.ops import dose_days, save_plan

    plan = TaperPlan(
        "diazepam", "tablet", "2 mg", "mg", (Step(date(2026, 11, 2), (Dose("morning", "4"),)),)
    )
    save_plan(ctx.db, plan, datetime(2026, 11, 2, tzinfo=UTC))
    page = shown(CheckInPage(ctx))
    page.taper.buttons[DoseTaken.DIFFERENT].setChecked(True)
    page.taper.amount.setText("3.5")
    assert page.has_unsaved_changes()
    page.keep_draft()  # as when the app locks
    again = shown(CheckInPage(ctx))
    assert again.taper.buttons[DoseTaken.DIFFERENT].isChecked()
    assert again.taper.amount.text() == "3.5" and again.taper.amount.isVisibleTo(again)
    assert dose_days(ctx.db, TODAY, TODAY) == []  # a draft, not yet a dose day
    fill(again, qtbot)
    assert again.save()
    [day] = dose_days(ctx.db, TODAY, TODAY)
    assert (day.taken, day.amount) == (DoseTaken.DIFFERENT, "3.5")
    again.load_day(TODAY - timedelta(days=1))  # an earlier day is asked about as that day
    assert again.taper.question.text() == "My taper that day"
    assert again.taper.planned.text() == "Planned that day: morning: 4 mg."


def test_saving_the_checkin_keeps_a_newer_answer_from_the_taper_page(
    ctx: AppContext, shown: Shown, qtbot: QtBot
) -> None:
    """Found in review: the check-in held the answer it was opened with and wrote it back
    over one kept on the taper page since (its note too)."""
    from datetime import UTC, datetime

    from recovery_app.core.taper.plan import Dose, DoseDay, DoseTaken, Step, TaperPlan
    from recovery_app.storage.taper.ops import dose_days, record_dose_day, save_plan
    from recovery_app.ui.taper.page import TaperPage

    plan = TaperPlan(
        "diazepam", "tablet", "2 mg", "mg", (Step(date(2026, 11, 2), (Dose("morning", "4"),)),)
    )
    save_plan(ctx.db, plan, datetime(2026, 11, 2, tzinfo=UTC))
    record_dose_day(ctx.db, DoseDay(TODAY, DoseTaken.AS_PLANNED), ctx.clock.now())
    checkin = shown(CheckInPage(ctx))
    taper = shown(TaperPage(ctx))
    assert isinstance(taper, TaperPage)
    taper.today.buttons[DoseTaken.DIFFERENT].setChecked(True)
    taper.today.amount.setText("3")
    assert taper.today.note is not None
    taper.today.note.setText("felt shaky")
    taper.save_today()
    assert checkin.taper.buttons[DoseTaken.DIFFERENT].isChecked()  # shown here at once
    fill(checkin, qtbot)
    assert checkin.save()
    [day] = dose_days(ctx.db, TODAY, TODAY)
    assert (day.taken, day.amount, day.note) == (DoseTaken.DIFFERENT, "3", "felt shaky")
    checkin.taper.buttons[DoseTaken.MISSED].setChecked(True)  # and the other way round
    assert checkin.save()
    qtbot.waitUntil(lambda: taper.today.chosen() is DoseTaken.MISSED)
    assert taper.today.fields()["note"] == "felt shaky"
