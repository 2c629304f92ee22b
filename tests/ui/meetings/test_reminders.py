"""The reminder scheduler, driven by a fake clock: due on time, missed ones kept, snooze, lock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.core.meetings.schedule import Attended, Meeting, MeetingKind, Repeat, Schedule
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.meetings.reminders import ReminderList
from recovery_app.ui.common.bus import ChangeBus
from recovery_app.ui.common.ops import Ops
from recovery_app.ui.meetings.scheduler import NEUTRAL, ReminderScheduler

NY = ZoneInfo("America/New_York")
TUESDAY_6PM = datetime(2026, 11, 24, 18, 0, tzinfo=NY)


def na_meeting() -> Meeting:
    schedule = Schedule(Repeat.WEEKLY, date(2026, 11, 3), time(19, 0), 60, "America/New_York",
                        1, (1, 3))  # fmt: skip
    return Meeting("NA Tuesday group", MeetingKind.TWELVE_STEP, schedule, "Church hall",
                   reminders=(15,))  # fmt: skip


@pytest.fixture
def setup(db: Database, clock: FixedClock) -> tuple[Database, FixedClock, list[tuple[str, str]]]:
    clock.current = TUESDAY_6PM
    with db.transaction() as conn:
        Meetings(conn).save(na_meeting(), clock.now())
    return db, clock, []


def scheduler(db: Database | None, clock: FixedClock, shown: list[tuple[str, str]],
              checkin_at: time | None = None) -> ReminderScheduler:  # fmt: skip
    ops = Ops(ChangeBus())
    s = ReminderScheduler(ops, clock, lambda t, b: shown.append((t, b)), lambda: checkin_at, ops)
    s.db = db
    return s


def done_with(s: ReminderScheduler) -> None:
    """Delete a scheduler and its pool now, on the main thread: left to the cycle collector
    they could be freed during a later test on a worker thread, where Qt can't stop their
    timers ("Timers cannot be stopped from another thread")."""
    s.timer.stop()
    ops = s.ops
    ops.pool.waitForDone()
    shiboken6.delete(s)
    shiboken6.delete(ops)


def showing(db: Database, clock: FixedClock) -> list[str]:
    with db.reading() as conn:
        return [n.title for n in ReminderList(conn).showing(clock.now())]


def fire(s: ReminderScheduler, clock: FixedClock) -> None:
    """Move the fake clock on as the armed timer would, and fire it, until a wake-up
    actually finds something due. Every wait is between 1 and 5 minutes: never polling
    faster than once a minute, and never longer than 5 (Qt's timers stop in sleep)."""
    before = len(showing_all(s))
    for _ in range(12 * 24 * 3):
        wait = s.next_wait_ms
        assert wait is not None and 0 <= wait <= 5 * 60 * 1000 + 1000
        clock.current += timedelta(milliseconds=wait)
        s.timer.stop()
        s.check()
        if len(showing_all(s)) != before:
            return
    raise AssertionError("nothing became due")


def showing_all(s: ReminderScheduler) -> list[str]:
    assert s.db is not None
    with s.db.reading() as conn:
        rows = conn.exec_driver_sql("SELECT key, snoozed_until FROM notification").fetchall()
    return [f"{k}{u}" for k, u in rows]


def test_one_timer_armed_for_the_next_reminder_and_it_shows(setup, qtbot: QtBot) -> None:
    db, clock, shown = setup
    s = scheduler(db, clock, shown)
    s.check()
    assert shown == [] and s.timer.isSingleShot()
    assert s.next_wait_ms == pytest.approx(5 * 60 * 1000, abs=2000)  # at most 5 minutes
    fire(s, clock)
    assert clock.now() - datetime(2026, 11, 24, 18, 45, tzinfo=NY) < timedelta(seconds=2)
    assert shown == [
        ("NA Tuesday group in 15 minutes", "Tuesdays and Thursdays at 19:00 · Church hall")
    ]
    assert showing(db, clock) == ["NA Tuesday group in 15 minutes"]
    # Next: "Did you go?" when it ends at 20:00.
    fire(s, clock)
    assert shown[-1][0] == "Did you go to NA Tuesday group?"
    s.check()  # checking again shows nothing twice
    assert len(shown) == 2


def test_reminders_missed_while_closed_are_there_at_the_next_start(setup) -> None:
    db, clock, shown = setup
    scheduler(db, clock, shown).check()  # the app ran at 18:00, then closed
    clock.current = datetime(2026, 11, 25, 9, 0, tzinfo=NY)
    later: list[tuple[str, str]] = []
    scheduler(db, clock, later).check()
    titles = showing(db, clock)
    assert "You had NA Tuesday group at 19:00" in titles
    assert "Did you go to NA Tuesday group?" in titles
    assert later == [("2 reminders", "Open Recovery Companion to see them.")]


def test_snooze_brings_it_back(setup) -> None:
    db, clock, shown = setup
    s = scheduler(db, clock, shown)
    s.check()
    fire(s, clock)
    with db.transaction() as conn:
        [notice] = ReminderList(conn).showing(clock.now())
        ReminderList(conn).snooze(notice.id, clock.now() + timedelta(minutes=10))
    assert showing(db, clock) == []
    s.check()
    assert s.next_wait_ms == pytest.approx(5 * 60 * 1000, abs=2000)
    s.timer.stop()
    clock.current += timedelta(minutes=10, seconds=1)
    s.check()
    assert showing(db, clock) == ["NA Tuesday group in 15 minutes"]
    assert shown[-1][0] == "A snoozed reminder"


def test_daily_checkin_reminder_only_when_not_done(db: Database, clock: FixedClock) -> None:
    clock.current = datetime(2026, 11, 25, 19, 0, tzinfo=NY)
    shown: list[tuple[str, str]] = []
    s = scheduler(db, clock, shown, checkin_at=time(20, 0))
    s.check()
    fire(s, clock)
    assert shown == [("Time for your daily check-in", "It takes about 30 seconds.")]
    # Tomorrow's is skipped once tomorrow's check-in is done before 20:00.
    clock.current = datetime(2026, 11, 26, 12, 0, tzinfo=NY)
    with db.transaction() as session:
        CheckIns(session).save(CheckIn(date(2026, 11, 26), 4, 2, 1, UsedToday.NO), clock.now())
    s.check()
    clock.current = datetime(2026, 11, 26, 20, 1, tzinfo=NY)
    s.check()
    assert len(shown) == 1


def test_while_locked_the_reminder_is_neutral(setup) -> None:
    db, clock, shown = setup
    s = scheduler(db, clock, shown)
    s.check()
    s.locked()
    while not shown:  # the timer walks on to 18:45 in steps of at most 5 minutes
        wait = s.next_wait_ms
        assert wait is not None
        clock.current += timedelta(milliseconds=wait)
        s.timer.stop()
        s.check()
    assert shown == [NEUTRAL]
    assert "NA" not in " ".join(NEUTRAL)
    s.unlocked(db)
    assert "NA Tuesday group in 15 minutes" in " ".join(showing(db, clock))


def test_a_paused_meeting_reminds_nobody(setup) -> None:
    db, clock, shown = setup
    with db.transaction() as conn:
        uid = Meetings(conn).all()[0].uid
        Meetings(conn).set_paused(uid, True, clock.now())
    s = scheduler(db, clock, shown)
    s.check()
    assert s.next_wait_ms is None and shown == []


def test_no_did_you_go_when_already_answered(setup) -> None:
    db, clock, shown = setup
    s = scheduler(db, clock, shown)
    s.check()
    start = datetime(2026, 11, 24, 19, 0, tzinfo=NY)
    with db.transaction() as conn:
        uid = Meetings(conn).all()[0].uid
        Meetings(conn).record(uid, start, Attended.WENT, "", clock.now())
    clock.current = datetime(2026, 11, 24, 21, 0, tzinfo=NY)
    s.check()
    assert "Did you go to NA Tuesday group?" not in showing(db, clock)


def test_a_reminder_at_the_start_says_it_is_starting(db: Database, clock: FixedClock) -> None:
    clock.current = TUESDAY_6PM
    meeting = na_meeting()
    with db.transaction() as conn:
        Meetings(conn).save(Meeting(meeting.name, meeting.kind, meeting.schedule,
                                    reminders=(0,)), clock.now())  # fmt: skip
    shown: list[tuple[str, str]] = []
    s = scheduler(db, clock, shown)
    s.check()
    fire(s, clock)
    assert shown[0][0] == "NA Tuesday group is starting now"


def test_desktop_notices_say_no_names_unless_the_person_chose_details(setup, make_window) -> None:
    db, clock, shown = setup
    ops = Ops(ChangeBus())
    s = ReminderScheduler(ops, clock, lambda t, b: shown.append((t, b)), lambda: time(18, 30),
                          ops, details=lambda: False)  # fmt: skip
    s.db = db
    try:
        s.check()
        clock.current = datetime(2026, 11, 24, 18, 45, 1, tzinfo=NY)
        s.check()  # the meeting at 19:00, 15 minutes' notice, and the check-in at 18:30
        assert shown == [("Recovery Companion", "You have 2 reminders.")]
        assert "NA" not in " ".join(shown[0])
        with db.reading() as conn:  # the list inside the app still says what they are
            titles = [n.title for n in ReminderList(conn).showing(clock.now())]
        assert "NA Tuesday group in 15 minutes" in titles
        clock.current = datetime(2026, 11, 24, 20, 0, 1, tzinfo=NY)
        s.check()  # "Did you go?"
        shown.clear()
        clock.current = datetime(2026, 11, 25, 18, 30, 1, tzinfo=NY)
        s.check()
        assert shown == [("Recovery Companion", "Time for your check-in")]
    finally:
        done_with(s)
    window = make_window()  # and the app's own default is the private one
    assert window.settings.values.reminder_details is False
