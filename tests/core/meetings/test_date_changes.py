"""Skipped and moved dates: the agenda, reminders, attendance and calendar files follow them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_app.core.errors import InvalidInput
from recovery_app.core.meetings.ics import from_ics, to_ics
from recovery_app.core.meetings.reminders import ReminderKind, dues_between
from recovery_app.core.meetings.schedule import (
    DateChange,
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    agenda,
    validate_meeting,
)

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=NY)  # a Tuesday morning


def tuesday_group(**kw: object) -> Meeting:
    schedule = Schedule(Repeat.WEEKLY, date(2026, 11, 3), time(19), 60, "America/New_York", 1,
                        (1,))  # fmt: skip
    return replace(Meeting("NA Tuesday", MeetingKind.TWELVE_STEP, schedule, "Church hall",
                           reminders=(30,)), **kw)  # type: ignore[arg-type]  # fmt: skip


def at(day: int, hour: int = 19, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=NY)


def test_a_skipped_date_is_gone_and_a_moved_one_is_at_its_new_time() -> None:
    m = tuesday_group(changes=(
        DateChange(at(22)),  # "the group doesn't meet on 22 December"
        DateChange(at(8), at(8, 18), "Library, room 3", "holiday hours"),
    ))  # fmt: skip
    validate_meeting(m)
    found = agenda([m], NOW, 28)
    assert [(o.start, o.moved) for o in found] == [
        (at(1), False), (at(8, 18), True), (at(15), False),  # 22nd skipped; 29th after
    ]  # fmt: skip
    moved = found[1]
    assert (moved.original, moved.location, moved.note) == (at(8), "Library, room 3",
                                                            "holiday hours")  # fmt: skip
    assert found[0].location == "Church hall"  # the usual place


def test_a_date_moved_into_the_stretch_from_outside_is_in_it() -> None:
    m = tuesday_group(changes=(DateChange(at(8), at(7, 20)),))  # Tuesday moved to Monday
    assert [o.start for o in m.occurrences(at(7, 0), at(8, 0))] == [at(7, 20)]
    assert m.occurrences(at(8, 0), at(9, 0)) == []


def test_the_next_date_passes_over_skipped_ones() -> None:
    m = tuesday_group(changes=(DateChange(at(1)), DateChange(at(8))))
    nxt = m.next_occurrence(NOW)
    assert nxt is not None and nxt.start == at(15)
    moved = tuesday_group(changes=(DateChange(at(1), at(2, 18)),))
    nxt = moved.next_occurrence(NOW)
    assert nxt is not None and nxt.start == at(2, 18) and nxt.original == at(1)


def test_reminders_follow_the_move_and_attendance_keeps_the_original() -> None:
    m = tuesday_group(changes=(DateChange(at(1), at(1, 17)), DateChange(at(8))))
    dues = dues_between([m], NOW, at(9, 23))
    meeting_dues = [d for d in dues if d.kind is ReminderKind.MEETING]
    # The moved date, 30 minutes before its new time; none for the skipped 8 December.
    assert [d.due_at for d in meeting_dues] == [at(1, 17) - timedelta(minutes=30)]
    asked = [d for d in dues if d.kind is ReminderKind.ATTENDANCE]
    assert [(d.due_at, d.original) for d in asked] == [(at(1, 18), at(1))]
    assert "moved" in meeting_dues[0].key


def test_a_change_for_a_date_the_group_doesnt_meet_is_refused() -> None:
    with pytest.raises(InvalidInput, match="doesn't meet on"):
        validate_meeting(tuesday_group(changes=(DateChange(at(2)),)))  # a Wednesday
    with pytest.raises(InvalidInput, match="only once"):
        validate_meeting(tuesday_group(changes=(DateChange(at(1)), DateChange(at(1), at(2)))))


def test_calendar_files_carry_skipped_and_moved_dates() -> None:
    m = tuesday_group(changes=(DateChange(at(22)), DateChange(at(8), at(8, 18), "Library")))
    text = to_ics([m], NOW).decode()
    assert "EXDATE;TZID=America/New_York:20261222T190000" in text
    assert "RECURRENCE-ID;TZID=America/New_York:20261208T190000" in text
    [back] = from_ics(to_ics([m], NOW), "UTC").meetings
    assert set(back.changes) == set(m.changes)
    window = (NOW, NOW + timedelta(days=60))
    assert [(o.start, o.location) for o in back.occurrences(*window)] == [
        (o.start, o.location) for o in m.occurrences(*window)
    ]


GOOGLE_STYLE = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
X-WR-TIMEZONE:America/New_York
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20261105T190000
DTEND;TZID=America/New_York:20261105T200000
RRULE:FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=TH
EXDATE;TZID=America/New_York:20261217T190000
UID:every-other-thursday@google.com
SUMMARY:SMART Recovery
STATUS:CONFIRMED
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20261203T180000
DTEND;TZID=America/New_York:20261203T190000
UID:every-other-thursday@google.com
RECURRENCE-ID;TZID=America/New_York:20261203T190000
SUMMARY:SMART Recovery
LOCATION:Community centre
SEQUENCE:1
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20261231T190000
UID:every-other-thursday@google.com
RECURRENCE-ID;TZID=America/New_York:20261231T190000
SUMMARY:SMART Recovery
STATUS:CANCELLED
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20260301T100000
DTEND;TZID=America/New_York:20260301T110000
UID:dentist-2026@google.com
SUMMARY:Dentist
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20261102T120000
RRULE:FREQ=WEEKLY;BYDAY=MO
UID:old-series@google.com
SUMMARY:Old lunch group
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Second calendar//EN
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20270105T190000
UID:one-off-2027
SUMMARY:Intake appointment
END:VEVENT
BEGIN:VEVENT
RECURRENCE-ID;TZID=America/New_York:20261208T190000
DTSTART;TZID=America/New_York:20261208T180000
UID:series-not-here
SUMMARY:Orphan change
END:VEVENT
END:VCALENDAR
"""


def test_a_google_style_file_with_moved_and_cancelled_dates() -> None:
    result = from_ics(GOOGLE_STYLE.replace("\n", "\r\n").encode(), "UTC", NOW)
    names = [m.name for m in result.meetings]
    assert names == ["SMART Recovery", "Intake appointment"]  # two calendars in one file
    smart = result.meetings[0]
    assert smart.schedule.interval == 2 and smart.schedule.weekdays == (3,)  # WKST=SU is fine
    starts = [(o.start, o.location) for o in smart.occurrences(NOW, at(31, 23))]
    assert starts == [(at(3, 18), "Community centre")]  # 17th skipped, 31st cancelled
    assert result.past == 1  # the dentist in March: over, not a meeting to be reminded of
    reasons = "\n".join(result.skipped)
    assert "Old lunch group: it is marked as cancelled" in reasons
    assert "Orphan change: it changes one date of a series that isn't in this file" in reasons
    assert "Dentist" not in reasons
    assert not any(word in reasons for word in ("Cannot", "Error", "property", "Traceback"))


WEEKS = st.integers(min_value=0, max_value=40)


@settings(max_examples=40, deadline=None)
@given(
    weekdays=st.sets(st.integers(0, 6), min_size=1, max_size=3),
    interval=st.integers(1, 3),
    hour=st.integers(6, 21),
    skipped=st.sets(WEEKS, max_size=4),
    moved=st.dictionaries(WEEKS, st.integers(-3 * 24, 3 * 24), max_size=3),
    zone=st.sampled_from(["America/New_York", "Europe/Paris", "Australia/Sydney", "UTC"]),
)
def test_random_changes_round_trip_through_a_calendar_file(
    weekdays: set[int], interval: int, hour: int, skipped: set[int], moved: dict[int, int],
    zone: str,
) -> None:  # fmt: skip
    schedule = Schedule(Repeat.WEEKLY, date(2026, 1, 5), time(hour), 60, zone, interval,
                        tuple(sorted(weekdays)))  # fmt: skip
    base = Meeting("Group", MeetingKind.PEER, schedule)
    starts = schedule.starts_between(datetime(2026, 1, 1, tzinfo=UTC),
                                     datetime(2027, 1, 1, tzinfo=UTC))  # fmt: skip
    changes: dict[datetime, DateChange] = {}
    for n in skipped:
        if n < len(starts):
            changes[starts[n]] = DateChange(starts[n])
    for n, hours in moved.items():
        if n < len(starts) and starts[n] not in changes:
            changes[starts[n]] = DateChange(starts[n], starts[n] + timedelta(hours=hours),
                                            "Elsewhere")  # fmt: skip
    meeting = replace(base, changes=tuple(changes.values()))
    validate_meeting(meeting)
    [back] = from_ics(to_ics([meeting], NOW), "UTC").meetings
    year = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 10, tzinfo=UTC))
    assert [(o.start, o.original, o.location) for o in back.occurrences(*year)] == [
        (o.start, o.original, o.location) for o in meeting.occurrences(*year)
    ]


def test_a_date_in_the_daylight_saving_fold_can_be_skipped_and_stays_skipped() -> None:
    """01:30 on 1 November 2026 happens twice in New York: aware times in a fold never
    compare equal across zones, so changes are compared in UTC (found in review)."""
    schedule = Schedule(Repeat.WEEKLY, date(2026, 10, 4), time(1, 30), 60, "America/New_York",
                        1, (6,))  # fmt: skip
    night = Meeting("Night owls", MeetingKind.PEER, schedule)
    [first] = [o for o in night.occurrences(at(1, 0, 11), at(2, 0, 11))]
    stored = DateChange(first.original.astimezone(UTC))  # as the database gives it back
    skipped = replace(night, changes=(stored,))
    validate_meeting(skipped)
    assert skipped.occurrences(at(1, 0, 11), at(2, 0, 11)) == []
    assert skipped.change_for(first.original) is not None


def test_many_skipped_dates_are_read_and_odd_ones_only_left_out() -> None:
    lines = "".join(
        f"EXDATE;TZID=America/New_York:{(date(2026, 11, 3) + timedelta(weeks=n)):%Y%m%d}T190000\n"
        for n in range(1, 301)
    )
    text = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:long\nSUMMARY:Long series\n"
        "DTSTART;TZID=America/New_York:20261103T190000\nRRULE:FREQ=WEEKLY;BYDAY=TU\n"
        f"{lines}EXDATE;VALUE=DATE:20321005\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    result = from_ics(text.replace("\n", "\r\n").encode(), "UTC")
    [long] = result.meetings
    assert len(long.changes) == 300
    assert result.skipped == ["Long series: kept, but 1 changed date didn't match the series "
                              "and were left out"]  # fmt: skip


def test_a_finished_series_with_a_date_moved_later_is_still_imported() -> None:
    text = """BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:course
SUMMARY:Course
DTSTART;TZID=America/New_York:20261006T190000
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8
END:VEVENT
BEGIN:VEVENT
UID:course
RECURRENCE-ID;TZID=America/New_York:20261124T190000
DTSTART;TZID=America/New_York:20261203T190000
SUMMARY:Course
END:VEVENT
END:VCALENDAR
"""
    result = from_ics(text.replace("\n", "\r\n").encode(), "UTC", NOW)
    [course] = result.meetings  # its last session was moved to 3 December: still to come
    assert result.past == 0
    nxt = course.next_occurrence(NOW)
    assert nxt is not None and nxt.start == at(3)
