"""Meetings as a new person uses them: add NA on Tuesdays and Thursdays, get reminded, say how
it went, and take the schedule to a calendar file and back."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.core.meetings.schedule import Attended, Meeting, Repeat
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.ui.common.file_dialogs import OpenFileDialog, SaveFileDialog
from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
from recovery_app.ui.meetings.page import MeetingsPage
from recovery_app.ui.meetings.reminders_dialog import RemindersDialog
from recovery_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

NY = ZoneInfo("America/New_York")


def meetings_page(window: MainWindow) -> MeetingsPage:
    window.show_page("meetings")
    page = window.page("meetings")
    assert isinstance(page, MeetingsPage)
    return page


def fill_na(dialog: MeetingDialog) -> None:
    dialog.name.setText("NA Tuesday and Thursday")
    dialog.location.setText("Community centre, room 4")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData(Repeat.WEEKLY.value))
    dialog.first_day.setDate(QDate(2026, 11, 24))
    dialog.start.setTime(QTime(19, 0))
    dialog.zone.setCurrentText("America/New_York")
    for index, button in enumerate(dialog.days):
        button.setChecked(index in (1, 3))
    dialog.reminders.setText("15")


def test_add_see_dates_get_reminded_mark_attendance(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    page = meetings_page(window)
    assert page.empty.isVisible()

    def add(cls: type, parent: object, clk: FixedClock, meeting: Meeting | None = None) -> Meeting:
        dialog = MeetingDialog(meeting, clk)
        fill_na(dialog)
        assert "Next: Thu 26 Nov 19:00, Tue 01 Dec 19:00" in dialog.preview.text()
        dialog.save()
        assert dialog.result_meeting is not None
        return dialog.result_meeting

    monkeypatch.setattr(MeetingDialog, "ask", classmethod(add))
    page.add_button.click()
    assert "NA Tuesday and Thursday — Tuesdays and Thursdays at 19:00" in page.list.item(0).text()
    assert "next: Thu 26 Nov, 19:00" in page.list.item(0).text()
    assert page.agenda.item(0).text().startswith("Thu 26 Nov, 19:00  NA Tuesday")
    # Today lists this week's meetings.
    window.show_page("today")
    qtbot.waitUntil(lambda: "Thu 26 Nov, 19:00" in window.today_page.meetings_label.text())

    # The reminder, with a fake clock. One single-shot timer is armed for the next
    # reminder (18:45 Thursday), waking every 5 minutes at most on the way there
    # (Qt timers stop while a computer sleeps).
    scheduler = window.scheduler
    assert scheduler is not None
    qtbot.waitUntil(lambda: scheduler.next_wait_ms is not None)
    wakeups = 0
    while window.reminders_button.text() == "Reminders":
        wait = scheduler.next_wait_ms
        # Never longer than 5 minutes; shorter only for the last step to the due time.
        assert wait is not None and wait <= 301_000
        clock.current += timedelta(milliseconds=wait)
        scheduler.timer.timeout.emit()
        wakeups += 1
    assert wakeups <= 33 * 12 + 3  # about one every 5 minutes for 33 hours, no more
    assert (
        datetime(2026, 11, 26, 18, 45, tzinfo=NY)
        <= clock.now()
        < datetime(2026, 11, 26, 18, 46, tzinfo=NY)
    )
    assert window.reminders_button.text() == "Reminders (1)"
    # After the meeting: "Did you go?"
    clock.current = datetime(2026, 11, 26, 20, 1, tzinfo=NY)
    scheduler.check()
    dialog = window.show_reminders()
    assert isinstance(dialog, RemindersDialog)
    titles = [dialog.items.itemAt(i).widget().accessibleName() for i in range(dialog.items.count())]
    assert titles[0] == "Did you go to NA Tuesday and Thursday?"
    went = next(
        b
        for b in dialog.findChildren(type(page.add_button))
        if b.accessibleName() == "I went: Did you go to NA Tuesday and Thursday?"
    )
    went.click()
    assert window.db is not None
    with window.db.reading() as conn:
        [record] = Meetings(conn).history()
    assert record.status is Attended.WENT
    assert record.starts_at == datetime(2026, 11, 26, 19, 0, tzinfo=NY)
    qtbot.waitUntil(lambda: "I went" in page.history.item(0).text())


def test_export_and_import_calendar_gives_the_same_dates(
    make_window: WindowFactory, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    page = meetings_page(window)
    dialog = MeetingDialog(None, clock)
    fill_na(dialog)
    dialog.save()
    assert dialog.result_meeting is not None
    page.save(dialog.result_meeting)
    target = tmp_path / "na.ics"
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    page.export_button.click()
    assert "Exported 1 meeting" in page.status.text()
    # Delete it, then bring it back from the file: the same dates return.
    assert window.db is not None
    with window.db.reading() as conn:
        schedule = Meetings(conn).all()[0].schedule
    before = schedule.starts_between(clock.now(), clock.now() + timedelta(days=60))
    page.delete_current()
    window.close()
    second = make_window()  # purged at this start
    page = meetings_page(second)
    assert page.list.count() == 0
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: target))
    page.import_button.click()
    assert "Added 1 meeting." in page.status.text()
    with second.db.reading() as conn:  # type: ignore[union-attr]
        schedule = Meetings(conn).all()[0].schedule
    after = schedule.starts_between(clock.now(), clock.now() + timedelta(days=60))
    assert after == before and len(after) == 17


def test_pause_delete_and_undo(make_window: WindowFactory, clock: FixedClock) -> None:
    window = make_window()
    page = meetings_page(window)
    dialog = MeetingDialog(None, clock)
    fill_na(dialog)
    dialog.save()
    page.save(dialog.result_meeting)  # type: ignore[arg-type]
    page.toggle_pause()
    assert "paused" in page.list.item(0).text() and page.agenda.item(0).text() == (
        "Nothing in this period."
    )
    page.delete_current()
    assert page.list.count() == 0 and page.undo_bar.isVisible()
    page.undo()
    assert page.list.count() == 1


def test_a_schedule_without_future_dates_is_flagged(clock: FixedClock, qtbot: QtBot) -> None:
    dialog = MeetingDialog(None, clock)
    qtbot.addWidget(dialog)
    fill_na(dialog)
    dialog.repeat.setCurrentIndex(dialog.repeat.findData(Repeat.ONCE.value))
    dialog.first_day.setDate(QDate(2026, 1, 5))
    assert "no future dates" in dialog.preview.text()
    dialog.name.setText("")
    dialog.save()
    assert "name" in dialog.status.text() and dialog.result_meeting is None
    dialog.name.setText("Old")
    dialog.reminders.setText("an hour")
    dialog.save()
    assert "minutes" in dialog.status.text()


def test_closing_keeps_running_in_the_tray_when_asked(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    window = make_window()
    assert window.notifier is not None
    monkeypatch.setattr(window.notifier, "tray", object())  # as on a desktop with a tray
    window.settings = replace(window.settings, keep_in_tray=True)
    window.close()
    assert window.isHidden() and window.db is not None  # still running, data open
    window.settings = replace(window.settings, keep_in_tray=False)
    window.close()
    assert window.db is None
    from PySide6.QtWidgets import QApplication

    assert QApplication.quitOnLastWindowClosed()  # closing for real ends the app again
