"""Recurring meetings: the dates and times a person expects, across DST and month ends."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from recovery_app.core.errors import InvalidInput
from recovery_app.core.meetings.schedule import (
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    parse_reminders,
    validate_meeting,
)

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


def weekly(zone: str, days: tuple[int, ...], first: date, interval: int = 1) -> Schedule:
    return Schedule(Repeat.WEEKLY, first, time(19, 0), 90, zone, interval, days)


@pytest.mark.parametrize(
    ("zone", "change_day"),
    [
        ("America/New_York", date(2026, 3, 8)),  # DST starts
        ("America/New_York", date(2026, 11, 1)),  # DST ends
        ("Europe/London", date(2026, 3, 29)),
        ("Europe/London", date(2026, 10, 25)),
        ("Australia/Sydney", date(2026, 4, 5)),
    ],
)
def test_weekly_stays_at_seven_pm_across_dst(zone: str, change_day: date) -> None:
    tz = ZoneInfo(zone)
    s = weekly(zone, (1, 3), date(2026, 1, 6))  # Tuesdays and Thursdays
    around = datetime.combine(change_day, time(), tzinfo=tz)
    starts = s.starts_between(around - timedelta(days=14), around + timedelta(days=14))
    assert len(starts) == 8
    assert {(d.astimezone(tz).hour, d.astimezone(tz).minute) for d in starts} == {(19, 0)}
    assert {d.astimezone(tz).weekday() for d in starts} == {1, 3}
    assert len({d.utcoffset() for d in starts}) == 2  # the offset really changed


def test_every_two_weeks() -> None:
    s = weekly("America/New_York", (0,), date(2026, 11, 2), interval=2)
    starts = s.starts_between(datetime(2026, 11, 1, tzinfo=NY), datetime(2026, 12, 31, tzinfo=NY))
    assert [d.date() for d in starts] == [date(2026, 11, 2), date(2026, 11, 16),
                                          date(2026, 11, 30), date(2026, 12, 14),
                                          date(2026, 12, 28)]  # fmt: skip


def test_the_31st_skips_shorter_months() -> None:
    s = Schedule(Repeat.MONTHLY_DAY, date(2026, 1, 31), time(18, 30), zone="Europe/London",
                 month_day=31)  # fmt: skip
    starts = s.starts_between(
        datetime(2026, 1, 1, tzinfo=LONDON), datetime(2027, 1, 1, tzinfo=LONDON)
    )
    assert [d.month for d in starts] == [1, 3, 5, 7, 8, 10, 12]


def test_the_fifth_tuesday_and_the_last_tuesday() -> None:
    fifth = Schedule(Repeat.MONTHLY_WEEKDAY, date(2026, 3, 31), time(19), zone="America/New_York",
                     nth=5)  # fmt: skip
    year = (datetime(2026, 1, 1, tzinfo=NY), datetime(2027, 1, 1, tzinfo=NY))
    assert [d.date() for d in fifth.starts_between(*year)] == [
        date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 29), date(2026, 12, 29)
    ]  # fmt: skip
    last = Schedule(Repeat.MONTHLY_WEEKDAY, date(2026, 1, 27), time(19), zone="America/New_York",
                    nth=-1)  # fmt: skip
    assert len(last.starts_between(*year)) == 12
    assert last.describe() == "The last Tuesday, every month at 19:00"


def test_next_start_and_a_schedule_that_has_ended() -> None:
    s = weekly("America/New_York", (1, 3), date(2026, 11, 24))
    now = datetime(2026, 11, 24, 19, 30, tzinfo=NY)  # Tuesday, just after it started
    assert s.next_start(now) == datetime(2026, 11, 26, 19, 0, tzinfo=NY)
    once = Schedule(Repeat.ONCE, date(2026, 11, 1), time(10), zone="America/New_York")
    assert once.next_start(now) is None
    assert s.describe() == "Tuesdays and Thursdays at 19:00"


def test_rrule_text_is_rfc5545() -> None:
    assert weekly("UTC", (3, 1), date(2026, 1, 6), 2).rrule_text() == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=MO"
    )
    assert Schedule(Repeat.MONTHLY_WEEKDAY, date(2026, 3, 31), time(19), nth=5).rrule_text() == (
        "FREQ=MONTHLY;INTERVAL=1;BYDAY=5TU"
    )


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"name": "  "}, "name"),
        ({"schedule": weekly("Mars/Olympus", (1,), date(2026, 1, 6))}, "time zone"),
        ({"schedule": weekly("UTC", (), date(2026, 1, 6))}, "day of the week"),
        ({"reminders": (60 * 24 * 8,)}, "7 days"),
    ],
)
def test_bad_meetings_are_refused(change: dict[str, object], words: str) -> None:
    base = Meeting("NA", MeetingKind.TWELVE_STEP, weekly("UTC", (1,), date(2026, 1, 6)))
    values = {**base.__dict__, **change}
    with pytest.raises(InvalidInput, match=words):
        validate_meeting(Meeting(**values))  # type: ignore[arg-type]


def test_reminder_minutes_are_parsed() -> None:
    assert parse_reminders("60, 15,15") == (15, 60)
    assert parse_reminders("") == ()
    with pytest.raises(InvalidInput):
        parse_reminders("an hour")


def test_a_folder_name_is_not_a_time_zone() -> None:
    base = Meeting("NA", MeetingKind.TWELVE_STEP, weekly("Europe", (1,), date(2026, 1, 6)))
    with pytest.raises(InvalidInput, match="time zone"):
        validate_meeting(base)


def test_reminders_before_a_meeting_just_after_the_dst_jump_come_before_it() -> None:
    from recovery_app.core.meetings.reminders import dues_between

    s = Schedule(Repeat.ONCE, date(2026, 3, 8), time(3, 10), 60, "America/New_York")
    meeting = Meeting("Early group", MeetingKind.PEER, s, reminders=(30,))
    window = (datetime(2026, 3, 7, tzinfo=NY), datetime(2026, 3, 9, tzinfo=NY))
    [due] = [d for d in dues_between([meeting], *window) if d.key.endswith(":30")]
    assert due.starts_at is not None
    assert due.starts_at - due.due_at == timedelta(minutes=30)  # real minutes, not wall-clock
