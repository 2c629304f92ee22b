"""Calendar files as other programs write them: Outlook's zone names, zones the file defines
itself, unknown zones (never guessed) and a UID used by two different events."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from recovery_app.core.meetings.ics import from_ics

NY = ZoneInfo("America/New_York")

OUTLOOK = """BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
BEGIN:VTIMEZONE
TZID:Eastern Standard Time
BEGIN:STANDARD
DTSTART:16011104T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010311T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Custom zone 1
X-LIC-LOCATION:Europe/Berlin
BEGIN:STANDARD
DTSTART:19701025T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000
SUMMARY:AA Wednesday
DTSTART;TZID="Eastern Standard Time":20261104T193000
DTEND;TZID="Eastern Standard Time":20261104T203000
RRULE:FREQ=WEEKLY;BYDAY=WE
EXDATE;TZID="Eastern Standard Time":20261230T193000
END:VEVENT
BEGIN:VEVENT
UID:berlin-1
SUMMARY:Gruppe
DTSTART;TZID=Custom zone 1:20261105T180000
RRULE:FREQ=WEEKLY;BYDAY=TH
END:VEVENT
BEGIN:VEVENT
UID:mars
SUMMARY:Somewhere unknown
DTSTART;TZID=Mars/Olympus_Mons:20261105T180000
RRULE:FREQ=WEEKLY;BYDAY=TH
END:VEVENT
BEGIN:VEVENT
UID:reused-uid
SUMMARY:Peer circle
DTSTART;TZID=America/New_York:20261102T120000
RRULE:FREQ=WEEKLY;BYDAY=MO
END:VEVENT
BEGIN:VEVENT
UID:reused-uid
SUMMARY:Peer circle, evenings
DTSTART;TZID=America/New_York:20261104T180000
RRULE:FREQ=WEEKLY;BYDAY=WE
END:VEVENT
END:VCALENDAR
"""


def read() -> list:
    return from_ics(OUTLOOK.replace("\n", "\r\n").encode(), "Asia/Tokyo").meetings


def test_outlook_zone_names_are_mapped_and_exceptions_kept() -> None:
    aa = next(m for m in read() if m.name == "AA Wednesday")
    assert (aa.schedule.zone, aa.schedule.start) == ("America/New_York", time(19, 30))
    [skipped] = aa.changes
    assert skipped.original == datetime(2026, 12, 30, 19, 30, tzinfo=NY)


def test_a_zone_the_file_defines_with_its_place_is_that_place() -> None:
    gruppe = next(m for m in read() if m.name == "Gruppe")
    assert gruppe.schedule.zone == "Europe/Berlin"


def test_an_unknown_zone_is_listed_never_taken_as_the_computers() -> None:
    result = from_ics(OUTLOOK.replace("\n", "\r\n").encode(), "Asia/Tokyo")
    assert "Somewhere unknown" not in [m.name for m in result.meetings]
    assert any(
        "Somewhere unknown: its time zone “Mars/Olympus_Mons” is not one the app can match"
        in reason for reason in result.skipped
    )  # fmt: skip


def test_two_different_events_with_one_uid_are_two_meetings_and_stay_two() -> None:
    first = [m for m in read() if m.name.startswith("Peer circle")]
    assert [m.name for m in first] == ["Peer circle", "Peer circle, evenings"]
    assert first[0].uid == "reused-uid" and first[1].uid != "reused-uid"
    again = [m for m in read() if m.name.startswith("Peer circle")]
    assert [m.uid for m in again] == [m.uid for m in first]  # importing again adds nothing


def test_days_of_the_month_with_weekdays_are_listed_not_misread() -> None:
    """A rule like "the Tuesday between the 1st and the 7th" was read as every Tuesday."""
    text = """BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:first-tuesday
SUMMARY:Business meeting
DTSTART;TZID=America/New_York:20261201T190000
RRULE:FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=1,2,3,4,5,6,7
END:VEVENT
BEGIN:VEVENT
UID:weekly-13th
SUMMARY:Odd one
DTSTART;TZID=America/New_York:20261113T190000
RRULE:FREQ=WEEKLY;BYDAY=FR;BYMONTHDAY=13
END:VEVENT
END:VCALENDAR
"""
    result = from_ics(text.replace("\n", "\r\n").encode(), "UTC")
    assert result.meetings == []
    assert all("combines days of the month with weekdays" in r for r in result.skipped)
    assert len(result.skipped) == 2


CUSTOM_ZONE = """BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VTIMEZONE
TZID:W. Europe (my own name)
BEGIN:STANDARD
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:gruppe-2
SUMMARY:Selbsthilfegruppe
DTSTART;TZID="W. Europe (my own name)":20261105T180000
RRULE:FREQ=WEEKLY;BYDAY=TH
END:VEVENT
END:VCALENDAR
"""


def test_a_zone_defined_only_by_its_rules_is_matched_by_its_hours() -> None:
    data = CUSTOM_ZONE.replace("\n", "\r\n").encode()
    # Central European hours are those of many places: the computer's own, if it is one.
    [kept] = from_ics(data, "Europe/Paris").meetings
    assert (kept.schedule.zone, kept.schedule.start) == ("Europe/Paris", time(18, 0))
    # Otherwise the app doesn't pick one of them for the person.
    result = from_ics(data, "Asia/Tokyo")
    assert result.meetings == []
    assert "has the hours of several places" in result.skipped[0]


def test_a_series_that_ends_stops_on_its_last_real_date() -> None:
    from datetime import date, timedelta

    from recovery_app.core.meetings.ics import to_ics

    text = """BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:autumn-course
SUMMARY:Autumn course
DTSTART;TZID=America/New_York:20261103T190000
RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261216T045959Z
END:VEVENT
BEGIN:VEVENT
UID:just-before
SUMMARY:Ends just before a date
DTSTART;TZID=America/New_York:20261103T190000
RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261208T235900Z
END:VEVENT
BEGIN:VEVENT
UID:spring-2026
SUMMARY:Spring group
DTSTART;TZID=America/New_York:20260303T190000
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8
END:VEVENT
END:VCALENDAR
"""
    now = datetime(2026, 12, 1, 9, 0, tzinfo=NY)
    result = from_ics(text.replace("\n", "\r\n").encode(), "UTC", now)
    autumn, before = result.meetings
    assert autumn.schedule.last_day == date(2026, 12, 15)
    # UNTIL 18:59 local on the 8th: the 8th's 19:00 meeting is not in the series.
    assert before.schedule.last_day == date(2026, 12, 1)
    assert result.past == 1  # the spring group ended in April
    starts = autumn.schedule.starts_between(now, now + timedelta(days=60))
    assert [s.day for s in starts] == [1, 8, 15]
    assert autumn.next_occurrence(datetime(2026, 12, 16, tzinfo=NY)) is None
    [back] = from_ics(to_ics([autumn], now), "UTC").meetings
    assert back.schedule.last_day == date(2026, 12, 15)
    assert "until 15 December 2026" in autumn.schedule.describe()
