"""The daily check-in as a person fills it in."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.core.checkin.checkin import UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.ui.checkin.page import CheckInPage
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.start_date import from_qdate, to_qdate
from recovery_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

NOTE = "Went to my group 🌱 — שלום — e\u0301"


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


def stored(window: MainWindow, day: date):
    assert window.db is not None
    with window.db.reading() as s:
        return CheckIns(s).get(day), CheckIns(s).count()


def test_checkin_saves_and_shows_on_today(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window()
    qtbot.mouseClick(window.today_page.checkin_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "checkin"
    page = window.checkin_page
    fill(page, qtbot)
    with qtbot.waitSignal(window.hub.checkinsChanged):
        qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Thank you for checking in" in page.status.text()
    checkin, count = stored(window, clock.now().date())
    assert count == 1 and checkin is not None
    assert (checkin.mood, checkin.anxiety, checkin.craving) == (4, 3, 6)
    assert (checkin.sleep_hours, checkin.sleep_quality) == (7.5, 4)
    assert checkin.halt.named() == ["tired"]
    assert checkin.used is UsedToday.NO
    assert (checkin.gratitude, checkin.note) == ("My sister", NOTE)
    window.show_page("today")
    assert "Done. Mood: Good" in window.today_page.checkin_status.text()
    assert window.today_page.checkin_button.text() == "Edit today's check-in"


def test_checkin_survives_a_restart(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window()
    window.show_page("checkin")
    fill(window.checkin_page, qtbot, mood=2)
    assert window.checkin_page.save()
    window.close()
    again = make_window()
    again.show_page("checkin")
    page = again.checkin_page
    assert page.mood_group.checkedId() == 2
    assert page.note.toPlainText() == NOTE
    assert page.save_button.text() == "Update check-in"


@pytest.mark.parametrize("missing", ["mood", "used"])
def test_missing_answer_shows_error_and_saves_nothing(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock, missing: str
) -> None:
    window = make_window()
    window.show_page("checkin")
    page = window.checkin_page
    if missing == "used":
        qtbot.mouseClick(page.mood_group.button(3), Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(page.used_group.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible()
    assert ("mood" if missing == "mood" else "outside your prescription") in page.error.text()
    assert stored(window, clock.now().date()) == (None, 0)
    assert page.has_unsaved_changes()  # what was entered is still there


def test_out_of_range_is_impossible_in_the_form(make_window: WindowFactory) -> None:
    window = make_window()
    page = window.checkin_page
    page.anxiety.setValue(99)
    page.sleep_hours.setValue(40)
    assert page.anxiety.value() == 10 and page.sleep_hours.value() == 24.0
    page.date_edit.setDate(to_qdate(date(2030, 1, 1)))
    assert from_qdate(page.date_edit.date()) <= date(2026, 11, 25)


def test_second_save_edits_the_same_day(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window()
    window.show_page("checkin")
    page = window.checkin_page
    fill(page, qtbot, mood=3)
    assert page.save()
    qtbot.mouseClick(page.mood_group.button(5), Qt.MouseButton.LeftButton)
    assert page.save()
    checkin, count = stored(window, clock.now().date())
    assert count == 1 and checkin is not None and checkin.mood == 5


def test_a_yes_is_met_with_care_and_kept(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window(start=date(2026, 10, 1))
    window.show_page("checkin")
    page = window.checkin_page
    fill(page, qtbot, used="Yes")
    assert page.slip_note.isVisible()
    assert "doesn't erase your progress" in page.slip_note.text()
    assert page.save()
    checkin, _ = stored(window, clock.now().date())
    assert checkin is not None and checkin.used is UsedToday.YES
    window.show_page("today")
    today = window.today_page
    assert "0 days" in today.run_label.text()
    assert "55" in today.total_label.text()  # Oct 1 .. Nov 24 are still counted
    assert "gentle" in today.milestone_label.text()


def test_past_day_can_be_filled_from_today(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window()
    yesterday_tile = window.today_page.day_buttons[5]
    qtbot.mouseClick(yesterday_tile, Qt.MouseButton.LeftButton)
    page = window.checkin_page
    yesterday = clock.now().date() - timedelta(days=1)
    assert from_qdate(page.date_edit.date()) == yesterday
    fill(page, qtbot)
    assert page.save()
    assert stored(window, yesterday)[0] is not None
    assert stored(window, clock.now().date())[0] is None


def test_unsaved_changes_are_not_dropped_silently(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.show_page("checkin")
    page = window.checkin_page
    qtbot.keyClicks(page.gratitude, "sunlight")
    asked: list[str] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: asked.append(a[1]) or False))
    page.date_edit.setDate(page.date_edit.date().addDays(-2))
    assert asked == ["Unsaved check-in"]
    assert page.gratitude.text() == "sunlight"
    assert from_qdate(page.date_edit.date()) == date(2026, 11, 25)


def test_the_question_is_about_use_outside_the_prescription_or_plan(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window(start=date(2026, 10, 1))
    window.show_page("checkin")
    page = window.checkin_page
    assert page.use_question.text() == (
        "Did you use anything outside your prescription or plan today?"
    )
    assert page.prescribed_note.isVisible()
    assert "including a taper" in page.prescribed_note.text()
    assert "never a slip" in page.prescribed_note.text()
    page.date_edit.setDate(to_qdate(clock.now().date() - timedelta(days=3)))
    assert page.use_question.text().endswith("outside your prescription or plan that day?")


def test_a_month_of_honest_taper_days_is_never_a_slip(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    """Someone taking their prescribed taper dose answers No, and every day counts."""
    window = make_window(start=date(2026, 10, 26))
    window.show_page("checkin")
    page = window.checkin_page
    first = date(2026, 10, 26)
    for offset in range(31):
        page.request_day(first + timedelta(days=offset))
        fill(page, qtbot, used="No")
        page.note.setPlainText("Took my taper dose as my prescriber wrote it.")
        assert page.save()
        assert not page.slip_note.isVisible()
    assert window.db is not None
    with window.db.reading() as s:
        assert CheckIns(s).slip_days() == []
    window.show_page("today")
    today = window.today_page
    assert "30" in today.total_label.text() and "Days in recovery" in today.total_label.text()
    assert "30 days" in today.run_label.text()
    assert "slip" not in today.total_label.text() + today.checkin_status.text()


def test_an_old_yes_keeps_its_question_until_the_person_changes_it(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    from recovery_app.core.checkin.checkin import CheckIn, UseQuestion

    window = make_window(start=date(2026, 10, 1))
    day = clock.now().date() - timedelta(days=2)
    assert window.db is not None
    with window.db.transaction() as s:
        CheckIns(s).save(
            CheckIn(day, 3, 2, 1, UsedToday.YES, use_question=UseQuestion.USED_TODAY), clock.now()
        )
    window.open_checkin(day)
    page = window.checkin_page
    assert page.earlier_question.isVisible()
    assert "“Did you use today?”" in page.earlier_question.text()
    assert "prescribed medicine" in page.earlier_question.text()
    # Editing only the note keeps the answer's meaning.
    page.note.setPlainText("added later")
    assert page.save()
    assert stored(window, day)[0].use_question is UseQuestion.USED_TODAY  # type: ignore[union-attr]
    # Changing the answer answers today's question.
    no = next(b for b in page.used_group.buttons() if b.text() == "No")
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    assert page.save()
    checkin = stored(window, day)[0]
    assert checkin is not None
    assert (checkin.used, checkin.use_question) == (UsedToday.NO, UseQuestion.OUTSIDE_PLAN)
    assert not page.earlier_question.isVisible()
