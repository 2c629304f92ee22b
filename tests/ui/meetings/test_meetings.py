"""Meetings as a new person uses them: add NA on Tuesdays and Thursdays, get reminded, say how
it went, and take the schedule to a calendar file and back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.core.meetings.schedule import Repeat
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.purge import purge
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import OpenFileDialog, SaveFileDialog
from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
from recovery_app.ui.meetings.page import MeetingsPage
from tests.ui.helpers import accept_import_preview

NY = ZoneInfo("America/New_York")


@pytest.fixture
def page(ctx: AppContext, shown: Callable[[MeetingsPage], MeetingsPage]) -> MeetingsPage:
    return shown(MeetingsPage(ctx))


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


def test_export_and_import_calendar_gives_the_same_dates(
    ctx: AppContext,
    page: MeetingsPage,
    qtbot: QtBot,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = MeetingDialog(None, clock)
    fill_na(dialog)
    dialog.save()
    assert dialog.result_meeting is not None
    page.save(dialog.result_meeting)
    target = tmp_path / "na.ics"
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    page.export_button.click()
    qtbot.waitUntil(lambda: "Exported 1 meeting" in page.status.text())
    # Delete it, then bring it back from the file: the same dates return.
    with ctx.db.reading() as conn:
        schedule = Meetings(conn).all()[0].schedule
    before = schedule.starts_between(clock.now(), clock.now() + timedelta(days=60))
    page.delete_current()
    ctx.ops.run(lambda: purge(ctx.db))  # as at the next start
    assert page.list.count() == 0
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: target))
    accept_import_preview(monkeypatch)
    page.import_button.click()
    qtbot.waitUntil(lambda: "Added 1 meeting." in page.status.text())
    assert page.list.count() == 1  # shown without anyone asking
    with ctx.db.reading() as conn:
        schedule = Meetings(conn).all()[0].schedule
    after = schedule.starts_between(clock.now(), clock.now() + timedelta(days=60))
    assert after == before and len(after) == 17


def test_pause_delete_and_undo(page: MeetingsPage, clock: FixedClock) -> None:
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


def test_a_series_can_end_on_a_chosen_day(clock: FixedClock, qtbot: QtBot) -> None:
    from datetime import date

    dialog = MeetingDialog(None, clock)
    qtbot.addWidget(dialog)
    fill_na(dialog)
    assert dialog.meeting().schedule.last_day is None  # it goes on, unless asked
    dialog.ends.setChecked(True)
    dialog.last_day.setDate(QDate(2027, 3, 30))
    schedule = dialog.meeting().schedule
    assert schedule.last_day == date(2027, 3, 30)
    assert schedule.describe() == "Tuesdays and Thursdays at 19:00, until 30 March 2027"
    dialog.repeat.setCurrentIndex(dialog.repeat.findData(Repeat.ONCE.value))
    assert dialog.end_widget.isHidden() and dialog.meeting().schedule.last_day is None


def test_the_form_speaks_plainly(clock: FixedClock, qtbot: QtBot) -> None:
    """Issue 18's small ones: the preview nagged about the name after the schedule was right,
    "1 weeks", and reminders without their unit."""
    from PySide6.QtWidgets import QLabel

    dialog = MeetingDialog(None, clock)
    qtbot.addWidget(dialog)
    fill_na(dialog)
    dialog.name.clear()
    assert "Next:" in dialog.preview.text() and "name" not in dialog.preview.text()
    dialog.every.setValue(1)
    assert dialog.every.suffix() == " week"
    dialog.every.setValue(2)
    assert dialog.every.suffix() == " weeks"
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "Re&minders (minutes before)" in labels
    dialog.save()
    assert "Please give the meeting a name" in dialog.status.text()  # said at Save, by Save


def test_a_tall_meeting_form_has_no_blank_bands_between_its_rows(
    clock: FixedClock, shown: Callable[[MeetingDialog], MeetingDialog], qtbot: QtBot
) -> None:
    """Room to spare goes below the form: each row is as tall as its lines need."""
    dialog = shown(MeetingDialog(None, clock))
    dialog.resize(600, 1000)
    qtbot.waitUntil(lambda: dialog.end_widget.height() > 0)
    for row in (dialog.day_widget, dialog.end_widget):
        need = row.layout().heightForWidth(row.width())
        assert row.height() <= need + 2, (row.height(), need)
