"""Skipping and moving one date, in the app: the agenda, Undo, reminders and calendar files.

The story of issue 13's "Done when": import a Google-style file with a moved and a
cancelled date, see the agenda, skip one more date in the app, and the reminder for
the moved date arrives at its new time under the fake clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QListWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.core.meetings.schedule import DateChange, Occurrence
from recovery_app.storage.exchange.document import build_document
from recovery_app.storage.exchange.meetings import read_meetings
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import OpenFileDialog
from recovery_app.ui.meetings.move_dialog import MoveDateDialog
from recovery_app.ui.meetings.page import MeetingsPage
from tests.core.meetings.test_date_changes import GOOGLE_STYLE
from tests.ui.helpers import accept_import_preview
from tests.ui.meetings.test_reminders import done_with, fire, scheduler

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=NY)


def at(day: int, hour: int = 19) -> datetime:
    return datetime(2026, 12, day, hour, 0, tzinfo=NY)


Shown = Callable[[MeetingsPage], MeetingsPage]


def imported(
    ctx: AppContext, clock: FixedClock, shown: Shown, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, now: datetime,
) -> MeetingsPage:  # fmt: skip
    """The Meetings page after importing the Google-style file at ``now``."""
    clock.current = now
    source = tmp_path / "google.ics"
    source.write_text(GOOGLE_STYLE.replace("\n", "\r\n"), encoding="utf-8")
    p = shown(MeetingsPage(ctx))
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: source))
    accept_import_preview(monkeypatch)
    p.span.setCurrentIndex(p.span.findData(30))
    p.import_button.click()
    qtbot.waitUntil(lambda: "Added 2 meetings" in p.status.text())
    assert "Left out 1 event that is already over." in p.status.text()
    return p


@pytest.fixture
def page(ctx: AppContext, clock: FixedClock, shown: Shown, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> MeetingsPage:  # fmt: skip
    return imported(ctx, clock, shown, tmp_path, monkeypatch, qtbot, NOW)


def agenda_lines(page: MeetingsPage) -> list[str]:
    return [page.agenda.item(i).text() for i in range(page.agenda.count())]


def choose(page: MeetingsPage, start: str) -> None:
    row = next(i for i, line in enumerate(agenda_lines(page)) if line.startswith(start))
    page.agenda.setCurrentRow(row)


def test_the_story_import_skip_and_the_moved_reminder(
    ctx: AppContext, clock: FixedClock, shown: Shown, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:  # fmt: skip
    page = imported(ctx, clock, shown, tmp_path, monkeypatch, qtbot,
                    datetime(2026, 11, 16, 9, 0, tzinfo=NY))  # fmt: skip
    lines = agenda_lines(page)
    assert lines[0] == "Thu 19 Nov, 19:00  SMART Recovery"
    assert lines[1] == (
        "Thu 03 Dec, 18:00  SMART Recovery\nCommunity centre · moved from Thu 03 Dec, 19:00"
    )
    assert len(lines) == 2  # the 17th (skipped in the file) is after these 30 days
    # One more date skipped, in the app: the group doesn't meet on the 19th.
    choose(page, "Thu 19 Nov")
    page.skip_button.click()
    assert agenda_lines(page)[0] == "Thu 19 Nov, 19:00  SMART Recovery\nSkipped"
    with ctx.db.reading() as conn:
        smart = next(m for m in Meetings(conn).all() if m.name == "SMART Recovery")
    assert DateChange(datetime(2026, 11, 19, 19, 0, tzinfo=NY)) in smart.changes
    # The reminder for the moved date arrives at its new time. The file had no alarms:
    # give it one, 30 minutes before.
    with ctx.db.transaction() as conn:
        Meetings(conn).save(replace(smart, reminders=(30,)), clock.now())
    clock.current = at(3, 16)
    shown_now: list[tuple[str, str]] = []
    s = scheduler(ctx.db, clock, shown_now)
    s.check()
    fire(s, clock)
    assert abs(clock.now() - (at(3, 18) - timedelta(minutes=30))) < timedelta(seconds=2)
    done_with(s)
    title, body = shown_now[-1]
    assert title == "SMART Recovery in 30 minutes"
    assert "Community centre" in body and "moved from Thursday 19:00" in body


def test_skip_move_and_put_back_with_undo(
    ctx: AppContext, page: MeetingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(page, "Thu 17 Dec, 19:00  SMART Recovery\nSkipped")
    assert not page.skip_button.isEnabled() and page.unchange_button.isEnabled()
    page.unchange_button.click()  # the group meets that day after all
    choose(page, "Thu 17 Dec, 19:00  SMART Recovery")
    assert agenda_lines(page)[page.agenda.currentRow()] == "Thu 17 Dec, 19:00  SMART Recovery"

    def later(cls: type, occurrence: Occurrence, here: str, parent: object) -> DateChange:
        assert occurrence.start == at(17)
        return DateChange(occurrence.original, at(17, 20), "Clinic, 2nd floor", "one week only")

    monkeypatch.setattr(MoveDateDialog, "ask", classmethod(later))
    page.move_button.click()
    assert (
        "Thu 17 Dec, 20:00  SMART Recovery\nClinic, 2nd floor · moved from Thu 17 Dec, 19:00"
        " · one week only" in agenda_lines(page)
    )
    assert "moved to Thu 17 Dec, 20:00" in page.undo_label.text()
    page.undo()  # back to as scheduled
    assert "Thu 17 Dec, 19:00  SMART Recovery" in agenda_lines(page)
    page.undo()  # and skipped, as the file had it
    assert "Thu 17 Dec, 19:00  SMART Recovery\nSkipped" in agenda_lines(page)
    assert not page.undo_bar.isVisible()


def test_changes_survive_export_import_and_a_schedule_edit(
    ctx: AppContext, page: MeetingsPage, clock: FixedClock
) -> None:
    document = build_document(ctx.db, clock.now())
    [smart] = [m for m in document["meetings"] if m["name"] == "SMART Recovery"]
    assert {(c["start"] is None) for c in smart["changes"]} == {True, False}
    back = read_meetings(document)
    assert {c.original for m in back.meetings for c in m.changes} == {at(3), at(17), at(31)}
    # A new schedule (Fridays instead) has none of those dates: their changes go with it.
    with ctx.db.transaction() as conn:
        repo = Meetings(conn)
        current = next(m for m in repo.all() if m.name == "SMART Recovery")
        fridays = replace(current.schedule, weekdays=(4,))
        saved = repo.save(replace(current, schedule=fridays, changes=()), clock.now())
    assert saved.changes == ()


def test_the_preview_shows_everything_and_imports_only_what_is_ticked(
    ctx: AppContext, clock: FixedClock, shown: Shown, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:  # fmt: skip
    from tests.ui.helpers import accept_import_preview

    clock.current = NOW
    source = tmp_path / "google.ics"
    source.write_text(GOOGLE_STYLE.replace("\n", "\r\n"), encoding="utf-8")
    page = shown(MeetingsPage(ctx))
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: source))
    previews = accept_import_preview(monkeypatch, untick=("Intake appointment",))
    page.import_button.click()
    qtbot.waitUntil(lambda: "Added 1 meeting." in page.status.text())
    [preview] = previews
    texts = [box.text() for box, _uid in preview.boxes]
    assert texts[0].startswith("SMART Recovery — Every 2 weeks on Thursday at 19:00")
    assert "3 dates skipped or moved" in texts[0]
    left_out = preview.findChildren(QListWidget)[0]
    reasons = [left_out.item(i).text() for i in range(left_out.count())]
    assert reasons[0] == "1 event that is already over"
    assert any("Old lunch group: it is marked as cancelled" in r for r in reasons)
    with ctx.db.reading() as conn:
        assert [m.name for m in Meetings(conn).all()] == ["SMART Recovery"]
    # The same file again: what is here is shown as such and can't be added twice.
    previews = accept_import_preview(monkeypatch)  # this time everything ticked stays ticked
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(previews))
    smart_box = previews[0].boxes[0][0]
    assert "(already here)" in smart_box.text() and not smart_box.isEnabled()
    qtbot.waitUntil(lambda: "Added 1 meeting." in page.status.text())  # the intake, this time


def test_cancelling_the_preview_imports_nothing(
    ctx: AppContext, clock: FixedClock, shown: Shown, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:  # fmt: skip
    from recovery_app.ui.meetings.import_preview import ImportPreviewDialog

    clock.current = NOW
    source = tmp_path / "google.ics"
    source.write_text(GOOGLE_STYLE, encoding="utf-8")
    page = shown(MeetingsPage(ctx))
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: source))
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(lambda cls, *a: None))
    page.import_button.click()
    qtbot.waitUntil(lambda: page.status.text() == "Nothing was imported.")
    with ctx.db.reading() as conn:
        assert Meetings(conn).all() == []


def test_a_newer_version_of_the_calendar_updates_its_meetings(
    ctx: AppContext, clock: FixedClock, shown: Shown, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:  # fmt: skip
    page = imported(ctx, clock, shown, tmp_path, monkeypatch, qtbot, NOW)
    with ctx.db.transaction() as conn:  # the person's own reminder and pause stay theirs
        repo = Meetings(conn)
        smart = next(m for m in repo.all() if m.name == "SMART Recovery")
        repo.save(replace(smart, reminders=(45,)), clock.now())
    # Same file again: nothing changes.
    previews = accept_import_preview(monkeypatch)
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(previews))
    assert "(already here)" in previews[0].boxes[0][0].text()
    # The group moved the 17th to the 18th in the calendar (a new override, SEQUENCE 2).
    newer = GOOGLE_STYLE.replace("EXDATE;TZID=America/New_York:20261217T190000\n", "").replace(
        "BEGIN:VEVENT\nDTSTART;TZID=America/New_York:20261231T190000",
        "BEGIN:VEVENT\nDTSTART;TZID=America/New_York:20261218T190000\n"
        "UID:every-other-thursday@google.com\nRECURRENCE-ID;TZID=America/New_York:"
        "20261217T190000\nSUMMARY:SMART Recovery\nSEQUENCE:2\nEND:VEVENT\n"
        "BEGIN:VEVENT\nDTSTART;TZID=America/New_York:20261231T190000",
    )
    (tmp_path / "google.ics").write_text(newer.replace("\n", "\r\n"), encoding="utf-8")
    previews = accept_import_preview(monkeypatch)
    page.import_button.click()
    qtbot.waitUntil(lambda: "Updated 1 meeting the calendar had changed." in page.status.text())
    assert "will be updated" in previews[0].boxes[0][0].text()
    with ctx.db.reading() as conn:
        smart = next(m for m in Meetings(conn).all() if m.name == "SMART Recovery")
    assert smart.reminders == (45,)
    dates = [o.start for o in smart.occurrences(NOW, at(31, 23))]
    assert dates == [at(3, 18), at(18)]


def test_editing_a_meeting_with_changed_dates_keeps_those_that_still_fit(
    ctx: AppContext, page: MeetingsPage, clock: FixedClock, qtbot: QtBot
) -> None:
    """Found in review: any edit of such a meeting was refused."""
    from recovery_app.ui.meetings.meeting_dialog import MeetingDialog

    with ctx.db.reading() as conn:
        smart = next(m for m in Meetings(conn).all() if m.name == "SMART Recovery")
    dialog = MeetingDialog(smart, clock)
    qtbot.addWidget(dialog)  # deleted at the end, on this thread
    dialog.name.setText("SMART Recovery, Thursdays")
    page.save(dialog.meeting())  # same schedule: every changed date still fits
    with ctx.db.reading() as conn:
        kept = next(m for m in Meetings(conn).all() if m.name.startswith("SMART"))
    assert len(kept.changes) == 3 and kept.name == "SMART Recovery, Thursdays"
    dialog = MeetingDialog(kept, clock)
    qtbot.addWidget(dialog)
    dialog.start.setTime(QTime(18, 30))  # a new time: no date of the old one is left
    page.save(dialog.meeting())
    assert "Saved" in page.status.text()
    with ctx.db.reading() as conn:
        moved = next(m for m in Meetings(conn).all() if m.name.startswith("SMART"))
    assert moved.changes == () and moved.schedule.start.hour == 18


def test_the_move_form_keeps_a_new_place_and_names_another_zone(
    ctx: AppContext, page: MeetingsPage, qtbot: QtBot
) -> None:
    choose(page, "Thu 03 Dec")
    *_, found = page._chosen_occurrence() or (None, None, None)
    assert found is not None
    form = MoveDateDialog(found, "America/New_York")
    qtbot.addWidget(form)
    assert form.place.text() == "Community centre"  # the change's own place comes back
    labels = [w.text() for w in form.findChildren(QLabel)]
    assert "New &day and time" in labels
    elsewhere = MoveDateDialog(found, "Europe/London")
    qtbot.addWidget(elsewhere)
    assert "New &day and time (America/New_York time)" in [
        w.text() for w in elsewhere.findChildren(QLabel)
    ]


def test_a_date_moved_at_short_notice_still_gets_its_reminder(
    ctx: AppContext, page: MeetingsPage, clock: FixedClock
) -> None:
    """Moved at 17:45 from 19:00 to 18:00 with 30 minutes' notice: its reminder time (17:30)
    had passed when it was moved; it comes anyway (found in review)."""
    with ctx.db.transaction() as conn:
        repo = Meetings(conn)
        smart = next(m for m in repo.all() if m.name == "SMART Recovery")
        repo.save(replace(smart, reminders=(30,)), clock.now())
    clock.current = datetime(2026, 12, 17, 17, 0, tzinfo=NY)
    shown_now: list[tuple[str, str]] = []
    s = scheduler(ctx.db, clock, shown_now)
    s.check()  # 17:00: nothing due yet (the 17th is skipped in the file anyway)
    from recovery_app.storage.meetings.ops import change_date

    clock.current = datetime(2026, 12, 17, 17, 45, tzinfo=NY)
    ctx.ops.run(lambda: change_date(ctx.db, smart.uid, at(17), DateChange(at(17), at(17, 18)),
                                    clock.now()))  # fmt: skip
    s.check()
    done_with(s)
    assert shown_now and shown_now[-1][0] == "SMART Recovery in 15 minutes"


def test_a_newer_calendar_keeps_dates_the_person_changed_in_the_app(
    ctx: AppContext, clock: FixedClock, shown: Shown, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:  # fmt: skip
    from recovery_app.storage.meetings.ops import change_date

    page = imported(ctx, clock, shown, tmp_path, monkeypatch, qtbot,
                    datetime(2026, 11, 16, 9, 0, tzinfo=NY))  # fmt: skip
    with ctx.db.reading() as conn:
        smart = next(m for m in Meetings(conn).all() if m.name == "SMART Recovery")
    nov19 = datetime(2026, 11, 19, 19, 0, tzinfo=NY)
    ctx.ops.run(lambda: change_date(ctx.db, smart.uid, nov19, DateChange(nov19), clock.now()))
    newer = GOOGLE_STYLE.replace("SEQUENCE:1", "SEQUENCE:3")
    (tmp_path / "google.ics").write_text(newer.replace("\n", "\r\n"), encoding="utf-8")
    accept_import_preview(monkeypatch)
    page.import_button.click()
    qtbot.waitUntil(lambda: "Updated 1 meeting" in page.status.text())
    with ctx.db.reading() as conn:
        smart = next(m for m in Meetings(conn).all() if m.name == "SMART Recovery")
    assert smart.change_for(nov19) == DateChange(nov19)  # the person's own skip stayed
