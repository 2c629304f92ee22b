"""Mutated real files: every outcome is an import or a clear refusal, and a refusal changes
nothing. Hypothesis starts from valid exports and calendar files and breaks them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.errors import KnownError
from recovery_app.core.help.contacts import Contact
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.core.meetings.ics import from_ics, to_ics
from recovery_app.core.meetings.schedule import Attended, Meeting, MeetingKind, Repeat, Schedule
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.calendar import import_ics
from recovery_app.storage.exchange.document import build_document
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.learn.reading import SelfChecks
from recovery_app.storage.meetings.meetings import Meetings
from tests.dumps import dump

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MEETINGS = [
    Meeting("NA", MeetingKind.TWELVE_STEP, Schedule(Repeat.WEEKLY, date(2026, 11, 3), time(19),
            60, "America/New_York", weekdays=(1, 3)), "Hall", reminders=(15, 60)),
    Meeting("SMART", MeetingKind.SMART, Schedule(Repeat.MONTHLY_WEEKDAY, date(2026, 11, 2),
            time(18, 30), 90, "Europe/London", nth=1), "https://example.org/room", online=True),
    Meeting("Therapy", MeetingKind.THERAPY, Schedule(Repeat.ONCE, date(2026, 12, 1),
            time(10), 50, "Asia/Kolkata")),
]  # fmt: skip
OUTLOOK_LIKE = (
    "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "VERSION:2.0\r\nMETHOD:PUBLISH\r\nBEGIN:VTIMEZONE\r\nTZID:Eastern Standard Time\r\n"
    "BEGIN:STANDARD\r\nDTSTART:16011104T020000\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\n"
    "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
    "DTSTART:16010311T020000\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nTZOFFSETFROM:-0500\r\n"
    "TZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\n"
    "DTSTART;TZID=Eastern Standard Time:20261105T190000\r\n"
    "DTEND;TZID=Eastern Standard Time:20261105T200000\r\n"
    "RRULE:FREQ=WEEKLY;BYDAY=TH\r\nSUMMARY:AA Thursday\r\n"
    "UID:040000008200E00074C5B7101A82E00800\r\n"
    "EXDATE;TZID=Eastern Standard Time:20261224T190000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture(scope="module")
def export_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("source")
    source = Database.open(folder / "recovery.db")
    stress = default_uid(ChoiceList.TRIGGERS, "Stress")
    with source.transaction() as conn:
        for day in range(1, 4):
            CheckIns(conn).save(CheckIn(date(2026, 11, day), 3, 2, 1, UsedToday.NO,
                                        note=f"día {day} 🌱"), NOW)  # fmt: skip
        Journal(conn).save(JournalEntry(EntryKind.CRAVING, NOW, intensity=6,
                                        triggers=(stress,), text="שלום"), NOW)  # fmt: skip
        for m in MEETINGS:
            Meetings(conn).save(m, NOW)
        went = datetime(2026, 11, 24, 19, tzinfo=MEETINGS[0].schedule.tz)
        Meetings(conn).record(MEETINGS[0].uid, went, Attended.WENT, "ok", NOW)
        Contacts(conn).save(Contact("Sam", "+1 555 010 2233"), NOW)
        SelfChecks(conn).save(SelfCheck((True,) * 10, NOW))
    text = json.dumps(build_document(source, NOW), ensure_ascii=False)
    source.close()
    return text


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Database:
    folder = tmp_path_factory.mktemp("target")
    db = Database.open(folder / "recovery.db")
    with db.transaction() as conn:
        CheckIns(conn).save(CheckIn(date(2026, 11, 2), 4, 1, 0, UsedToday.NO, note="mine"), NOW)
    return db


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "0001-01-01", "9999-12-31T23:59:59+14:00", "localtime", "\x00",
                       "2026-11-25", "19:00", "yes", "false", "30", "135", "posix/UTC"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=8,
)  # fmt: skip


def _places(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the document a value sits."""
    found = [path]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _places(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += _places(value, (*path, index))
    return found


def _mutate(doc: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    if not path:
        return value if how == "replace" else doc
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif how == "duplicate" and isinstance(parent, list):
        parent.append(json.loads(json.dumps(parent[last])))
    return doc


def _outcome(target: Database, path: Path) -> None:
    before = dump(target)
    try:
        import_file(target, path, NOW)
    except KnownError:
        assert dump(target) == before  # a refusal changes nothing
    # Anything else (a traceback) fails the test.


@FUZZ
@given(data=st.data())
def test_a_mutated_export_imports_or_is_refused_cleanly(
    export_text: str, target: Database, tmp_path: Path, data: st.DataObject
) -> None:
    doc = json.loads(export_text)
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        places = _places(doc)
        place = data.draw(st.sampled_from(places), label="where")
        how = data.draw(st.sampled_from(["replace", "delete", "duplicate"]), label="how")
        doc = _mutate(doc, place, how, data.draw(json_values, label="value"))
    path = tmp_path / "mutated.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _outcome(target, path)


@FUZZ
@given(data=st.data())
def test_a_damaged_export_file_is_refused_cleanly(
    export_text: str, target: Database, tmp_path: Path, data: st.DataObject
) -> None:
    raw = bytearray(export_text.encode("utf-8"))
    cut = data.draw(st.integers(0, len(raw)), label="cut")
    if data.draw(st.booleans(), label="truncate"):
        raw = raw[:cut]
    else:
        for _ in range(data.draw(st.integers(1, 8), label="bytes")):
            at = data.draw(st.integers(0, max(0, len(raw) - 1)), label="at")
            raw[at] = data.draw(st.integers(0, 255), label="byte")
    path = tmp_path / "damaged.json"
    path.write_bytes(bytes(raw))
    _outcome(target, path)


CALENDARS = [to_ics(MEETINGS, NOW).decode("utf-8"), OUTLOOK_LIKE]
ics_noise = st.sampled_from([
    "", "garbage", "20261105", "20261105T190000", "00010101T000000Z", "99991231T235959Z",
    "FREQ=DAILY;COUNT=3", "FREQ=WEEKLY;INTERVAL=0", "FREQ=MONTHLY;BYDAY=9XX", "P-1D", "-PT1H",
    "Eastern Standard Time", "localtime", "posix/UTC", "\x00", "\ud800".encode("utf-8",
    "surrogatepass").decode("utf-8", "replace"), "BEGIN:VEVENT", "END:VCALENDAR",
]) | st.text(max_size=20)  # fmt: skip


@FUZZ
@given(data=st.data())
def test_a_mutated_calendar_file_is_read_or_refused_cleanly(data: st.DataObject) -> None:
    lines = data.draw(st.sampled_from(CALENDARS), label="file").split("\r\n")
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        at = data.draw(st.integers(0, len(lines) - 1), label="line")
        how = data.draw(st.sampled_from(["value", "delete", "duplicate", "insert"]), label="how")
        if how == "value" and ":" in lines[at]:
            lines[at] = lines[at].split(":", 1)[0] + ":" + data.draw(ics_noise, label="value")
        elif how == "delete":
            del lines[at]
        elif how == "duplicate":
            lines.insert(at, lines[at])
        else:
            lines.insert(at, data.draw(ics_noise, label="new line"))
        if not lines:
            lines = [""]
    try:
        result = from_ics("\r\n".join(lines).encode("utf-8", "surrogatepass"), "UTC")
    except KnownError:
        return
    for reason in result.skipped:
        assert "Cannot access" not in reason and "dictionary update" not in reason


def test_a_refused_calendar_changes_nothing(target: Database, tmp_path: Path) -> None:
    path = tmp_path / "not-a-calendar.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:broken")
    before = dump(target)
    with pytest.raises(KnownError):
        import_ics(target, path, NOW, "UTC")
    assert dump(target) == before
