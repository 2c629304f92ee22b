"""Calendar files: what we write, read back by an independent parser, and what we refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from recovery_app.core.errors import InvalidImport
from recovery_app.core.meetings.ics import from_ics, to_ics
from recovery_app.core.meetings.schedule import Meeting, MeetingKind, Repeat, Schedule

PARIS = ZoneInfo("Europe/Paris")

STAMP = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
YEAR = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))

MEETINGS = [
    Meeting("NA, Tuesdays and Thursdays", MeetingKind.TWELVE_STEP,
            Schedule(Repeat.WEEKLY, date(2026, 1, 6), time(19), 90, "America/New_York", 1, (1, 3)),
            "Church hall; room 2, back door", reminders=(15, 60),
            notes="Bring the book\nand coffee"),
    Meeting("SMART online", MeetingKind.SMART,
            Schedule(Repeat.WEEKLY, date(2026, 1, 5), time(18, 30), 60, "Europe/London", 2, (0,)),
            "https://meet.example.org/smart", online=True),
    Meeting("Therapy", MeetingKind.THERAPY,
            Schedule(Repeat.MONTHLY_WEEKDAY, date(2026, 3, 31), time(10), 50, "Australia/Sydney",
                     nth=5)),
    Meeting("Peer circle", MeetingKind.PEER,
            Schedule(Repeat.MONTHLY_DAY, date(2026, 1, 31), time(20), 60, "America/Chicago",
                     month_day=31), paused=True),
    Meeting("Intake appointment", MeetingKind.OTHER,
            Schedule(Repeat.ONCE, date(2026, 12, 2), time(9, 15), 30, "UTC")),
]  # fmt: skip


def test_round_trip_gives_the_same_meetings_and_dates() -> None:
    back = from_ics(to_ics(MEETINGS, STAMP), "UTC")
    assert back.skipped == []
    assert back.meetings == MEETINGS
    for ours, theirs in zip(MEETINGS, back.meetings, strict=True):
        assert ours.schedule.starts_between(*YEAR) == theirs.schedule.starts_between(*YEAR)


def test_an_independent_parser_sees_the_same_occurrences() -> None:
    calendar = Calendar.from_ical(to_ics(MEETINGS, STAMP))
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    for meeting in MEETINGS:
        event = events[meeting.name]
        start = event["DTSTART"].dt
        assert start.tzinfo is not None
        if "RRULE" in event:
            rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
            theirs = [d for d in rule.between(*YEAR, inc=True) if d < YEAR[1]]
        else:
            theirs = [start] if YEAR[0] <= start < YEAR[1] else []
        ours = meeting.schedule.starts_between(*YEAR)
        assert [d.astimezone(UTC) for d in theirs] == [d.astimezone(UTC) for d in ours]
        assert event["DURATION"].dt == timedelta(minutes=meeting.schedule.duration_minutes)


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/London", "Australia/Sydney"])
def test_our_vtimezone_matches_the_zone_database(zone: str) -> None:
    calendar = Calendar.from_ical(to_ics([m for m in MEETINGS if m.schedule.zone == zone], STAMP))
    [component] = calendar.walk("VTIMEZONE")
    ours = component.to_tz()
    real = ZoneInfo(zone)
    moment = datetime(2026, 1, 1, 12, tzinfo=UTC)
    while moment < datetime(2030, 1, 1, tzinfo=UTC):
        assert moment.astimezone(ours).utcoffset() == moment.astimezone(real).utcoffset(), moment
        moment += timedelta(hours=13)


def test_lines_are_folded_and_text_escaped() -> None:
    long = MEETINGS[0].__class__(**{**MEETINGS[0].__dict__, "notes": "ü" * 200})
    raw = to_ics([long], STAMP)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"Church hall\\; room 2\\, back door" in to_ics(MEETINGS, STAMP)
    assert from_ics(raw, "UTC").meetings[0].notes == "ü" * 200


UNSUPPORTED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:a
SUMMARY:Daily walk
DTSTART;TZID=Europe/Paris:20261201T080000
RRULE:FREQ=DAILY
END:VEVENT
BEGIN:VEVENT
UID:b
SUMMARY:Ten sessions
DTSTART;TZID=Europe/Paris:20261201T100000
RRULE:FREQ=WEEKLY;COUNT=10
END:VEVENT
BEGIN:VEVENT
UID:c
SUMMARY:Holiday
DTSTART;VALUE=DATE:20261225
END:VEVENT
BEGIN:VEVENT
UID:d
SUMMARY:Group with a break
DTSTART;TZID=Europe/Paris:20261201T190000
RRULE:FREQ=WEEKLY;BYDAY=TU
EXDATE;TZID=Europe/Paris:20261222T190000
END:VEVENT
BEGIN:VEVENT
UID:e
SUMMARY:Kept
DTSTART:20261203T170000Z
DTEND:20261203T180000Z
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT10M
END:VALARM
END:VEVENT
END:VCALENDAR
"""


def test_events_we_cannot_represent_are_listed_not_guessed() -> None:
    result = from_ics(UNSUPPORTED.replace("\n", "\r\n").encode(), "UTC")
    # A series with a skipped date is kept whole, with that date skipped (it was dropped).
    assert [m.name for m in result.meetings] == ["Ten sessions", "Group with a break", "Kept"]
    ten = result.meetings[0]  # COUNT=10: weekly from Tuesday 1 December, the tenth on 2 February
    assert ten.schedule.last_day == date(2027, 2, 2)
    assert (
        len(ten.schedule.starts_between(*YEAR))
        + len(ten.schedule.starts_between(YEAR[1], YEAR[1] + timedelta(days=400)))
        == 10
    )
    group = result.meetings[1]
    [skipped] = group.changes
    assert skipped.skipped and skipped.original == datetime(2026, 12, 22, 19, 0, tzinfo=PARIS)
    kept = result.meetings[2]
    assert (kept.schedule.zone, kept.schedule.duration_minutes, kept.reminders) == (
        "UTC",
        60,
        (10,),
    )
    reasons = "\n".join(result.skipped)
    assert "Daily walk: it repeats daily" in reasons
    assert "Holiday: it is an all-day event" in reasons
    assert "Group with a break" not in reasons


@pytest.mark.parametrize(
    "data",
    [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", b"\xff\xfe\x00garbage",
     b"BEGIN:VCALENDAR\r\n" + b"X-FILL:" + b"x" * (6 * 1024 * 1024) + b"\r\nEND:VCALENDAR\r\n"],
)  # fmt: skip
def test_bad_files_import_nothing(data: bytes) -> None:
    with pytest.raises(InvalidImport):
        from_ics(data, "UTC")


def test_dtstart_is_the_first_real_occurrence() -> None:
    # Made on a Monday for Tuesdays and Thursdays: RFC 5545 would count a Monday DTSTART.
    meeting = Meeting("NA", MeetingKind.TWELVE_STEP,
                      Schedule(Repeat.WEEKLY, date(2026, 11, 23), time(19), 60,
                               "America/New_York", weekdays=(1, 3)))  # fmt: skip
    raw = to_ics([meeting], STAMP).decode()
    assert "DTSTART;TZID=America/New_York:20261124T190000" in raw
    utc = Meeting("Online", MeetingKind.PEER, Schedule(Repeat.ONCE, date(2026, 12, 1), time(9), 30))
    assert "DTSTART:20261201T090000Z" in to_ics([utc], STAMP).decode()


def test_changed_dates_and_rules_without_frequency_are_listed() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Moved once\r\nRECURRENCE-ID:20261201T190000Z\r\n"
        b"DTSTART:20261202T190000Z\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:y\r\nSUMMARY:Odd rule\r\nDTSTART:20261202T190000Z\r\n"
        b"RRULE:INTERVAL=2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = from_ics(data, "UTC")
    assert result.meetings == []
    assert any(s.startswith("Moved once:") for s in result.skipped)
    assert any("no frequency" in s for s in result.skipped)


def test_zone_changes_are_written_to_the_second_and_read_the_same_elsewhere() -> None:
    """The export's own VTIMEZONEs: another reader, which uses them and not the zone
    database, finds every occurrence at the instant zoneinfo gives."""
    from icalendar import Calendar as Reader

    text = to_ics(MEETINGS[:3], STAMP).decode()
    onsets = [line for line in text.splitlines() if line.startswith("DTSTART:") and "T" in line]
    assert onsets and all(line.endswith("00") for line in onsets)
    assert "20270314T020000" in text  # New York's 2027 change, exactly (was 20270314T020028)
    calendar = Reader.from_ical(text)
    rebuilt = {}
    for tz in calendar.walk("VTIMEZONE"):
        rebuilt[str(tz["TZID"])] = tz.to_tz()
    for meeting in MEETINGS[:3]:
        s = meeting.schedule
        own = rebuilt[s.zone]
        for start in s.starts_between(*YEAR):
            wall = start.replace(tzinfo=None)
            assert wall.replace(tzinfo=own).astimezone(UTC) == start.astimezone(UTC), (s.zone, wall)
