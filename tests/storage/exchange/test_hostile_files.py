"""Files nobody here wrote: each is imported cleanly or refused with one clear message,
and a refusal changes nothing. (docs/export-format.md, "What import refuses".)"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.errors import InvalidImport
from recovery_app.core.help.contacts import Contact
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.core.meetings.schedule import Attended, Meeting, MeetingKind, Repeat, Schedule
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.calendar import export_ics
from recovery_app.storage.exchange.document import build_document
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.learn.reading import SelfChecks
from recovery_app.storage.meetings.meetings import Meetings
from tests.dumps import dump

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
STRESS = default_uid(ChoiceList.TRIGGERS, "Stress")


def fresh(folder: Path, name: str) -> Database:
    (folder / name).mkdir(parents=True)
    return Database.open(folder / name / "recovery.db")


@pytest.fixture
def document(tmp_path: Path) -> dict[str, Any]:
    """A real export holding one record of every kind."""
    source = fresh(tmp_path, "source")
    na = Meeting("NA", MeetingKind.TWELVE_STEP,
                 Schedule(Repeat.WEEKLY, date(2026, 11, 3), time(19), 60, "America/New_York",
                          weekdays=(1,)), reminders=(30,))  # fmt: skip
    with source.transaction() as conn:
        CheckIns(conn).save(CheckIn(date(2026, 11, 20), 3, 2, 1, UsedToday.NO, note="ok"), NOW)
        Journal(conn).save(
            JournalEntry(EntryKind.CRAVING, NOW, intensity=5, triggers=(STRESS,), text="hi"), NOW
        )
        Meetings(conn).save(na, NOW)
        Meetings(conn).record(na.uid, datetime(2026, 11, 24, 19, tzinfo=na.schedule.tz),
                              Attended.WENT, "good", NOW)  # fmt: skip
        Contacts(conn).save(Contact("Sam", "+1 555 010 2233"), NOW)
        SelfChecks(conn).save(SelfCheck((True,) + (False,) * 9, NOW))
    doc = json.loads(json.dumps(build_document(source, NOW)))
    source.close()
    return doc


@pytest.fixture
def target(tmp_path: Path) -> Database:
    db = fresh(tmp_path, "target")
    with db.transaction() as conn:
        CheckIns(conn).save(CheckIn(date(2026, 11, 1), 4, 1, 0, UsedToday.NO, note="mine"), NOW)
    return db


def refused(target: Database, path: Path, words: str) -> None:
    before = dump(target)
    with pytest.raises(InvalidImport, match=words) as caught:
        import_file(target, path, NOW)
    assert "\n" not in caught.value.message  # one line, for the command line too
    assert dump(target) == before


def written(tmp_path: Path, doc: object) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


Change = Callable[[dict[str, Any]], object]
CASES: list[tuple[str, Change, str]] = [
    # Values that ended in a traceback.
    (
        "year 1 with an offset",
        lambda d: d["checkins"][0].update(created_at="0001-01-01T00:00:00+05:00"),
        "outside the years 1900 to 2200",
    ),
    (
        "year 9999 with an offset",
        lambda d: d["entries"][0].update(occurred_at="9999-12-31T23:59:59-05:00"),
        "outside the years 1900 to 2200",
    ),
    (
        "a lone surrogate in a trigger group",
        lambda d: d["triggers"][0].update(group="\ud800"),
        "character that can't be stored",
    ),
    (
        "a lone surrogate in an attendance note",
        lambda d: d["attendance"][0].update(note="went \udfff"),
        "character that can't be stored",
    ),
    (
        "two self-checks with one id",
        lambda d: d["self_checks"].append(d["self_checks"][0]),
        "two self-checks with the same id",
    ),
    # Wrong inputs that were coerced into something else.
    (
        '"online": "false"',
        lambda d: d["meetings"][0].update(online="false"),
        "“online” that is not true or false",
    ),
    (
        '"reminders": "30"',
        lambda d: d["meetings"][0].update(reminders="30"),
        "“reminders” that is not a list",
    ),
    (
        '"weekdays": "135"',
        lambda d: d["meetings"][0].update(weekdays="135"),
        "“weekdays” that is not a list",
    ),
    ("a null note", lambda d: d["checkins"][0].update(note=None), "“note” that is not text"),
    (
        "a NUL byte",
        lambda d: d["contacts"][0].update(note="call\x00me"),
        "character that can't be stored",
    ),
    ("an empty id", lambda d: d["meetings"][0].update(uid=""), "no valid “uid”"),
    (
        "a merge cycle",
        lambda d: (
            d["triggers"][0].update(merged_into=d["triggers"][1]["uid"]),
            d["triggers"][1].update(merged_into=d["triggers"][0]["uid"]),
        ),
        "merged in a circle",
    ),
    (
        "a meeting in year 1",
        lambda d: d["meetings"][0].update(first_day="0001-01-01"),
        "outside the years 1900 to 2200",
    ),
    (
        "a meeting in year 9999",
        lambda d: d["meetings"][0].update(first_day="9999-12-31"),
        "outside the years 1900 to 2200",
    ),
    (
        "zone posix/…",
        lambda d: d["meetings"][0].update(zone="posix/America/New_York"),
        "not in the time zone database",
    ),
    (
        "zone localtime",
        lambda d: d["meetings"][0].update(zone="localtime"),
        "not in the time zone database",
    ),
    (
        "zone Factory",
        lambda d: d["meetings"][0].update(zone="Factory"),
        "not in the time zone database",
    ),
    # More of the same family.
    (
        "a bool for a number",
        lambda d: d["checkins"][0].update(mood=True),
        "“mood” that is not a whole number",
    ),
    (
        "a number as text",
        lambda d: d["entries"][0].update(intensity="5"),
        "“intensity” that is not a whole number",
    ),
    (
        "a float for a whole number",
        lambda d: d["meetings"][0].update(duration_minutes=60.5),
        "“duration_minutes” that is not a whole number",
    ),
    ("a time that isn't HH:MM", lambda d: d["meetings"][0].update(start_time="7pm"), "HH:MM"),
    ("a date with a time", lambda d: d["checkins"][0].update(day="2026-11-20T10:00"), "YYYY-MM-DD"),
    (
        "a list of answers of the wrong length",
        lambda d: d["self_checks"][0].update(answers=[True] * 7),
        "10 yes/no answers",
    ),
    (
        "two answers for one meeting and time",
        lambda d: d["attendance"].append(d["attendance"][0]),
        "two answers for the same meeting and time",
    ),
    (
        "a section that isn't a list",
        lambda d: d.update(contacts={"uid": "x"}),
        "not a list of records",
    ),
    (
        "a record that isn't a record",
        lambda d: d["checkins"].append("2026-11-21"),
        "not a list of records",
    ),
]


@pytest.mark.parametrize(("change", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_hostile_value_is_refused_and_changes_nothing(
    tmp_path: Path, document: dict[str, Any], target: Database, change: Change, words: str
) -> None:
    change(document)
    refused(target, written(tmp_path, document), words)


@pytest.mark.parametrize(
    ("find", "put", "words"),
    [
        ('"sleep_hours": null', '"sleep_hours": Infinity', "“Infinity” where a number should be"),
        ('"sleep_hours": null', '"sleep_hours": NaN', "“NaN” where a number should be"),
        ('"sleep_hours": null', '"sleep_hours": 1e999', "a number too large"),
        ('"sleep_hours": null', '"sleep_hours": ' + "9" * 5000, "too many digits"),
        ('"note": "ok"', '"note": ' + "[" * 100_000 + "]" * 100_000, "nested far deeper"),
    ],
    ids=["Infinity", "NaN", "1e999", "5000 digits", "100k deep"],
)
def test_numbers_and_nesting_no_export_has(
    tmp_path: Path, document: dict[str, Any], target: Database, find: str, put: str, words: str
) -> None:
    text = json.dumps(document)
    assert find in text
    path = tmp_path / "hostile.json"
    path.write_text(text.replace(find, put, 1), encoding="utf-8")
    refused(target, path, words)


def test_a_byte_order_mark_is_fine(
    tmp_path: Path, document: dict[str, Any], target: Database
) -> None:
    path = tmp_path / "with-bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode("utf-8"))
    report = import_file(target, path, NOW)
    assert report.added == 1 and report.entries_added == 1


@pytest.mark.parametrize(
    ("encoding", "words"), [("utf-16", "UTF-16"), ("utf-32", "UTF-32"), ("latin-1", "not UTF-8")]
)
def test_other_encodings_are_named(
    tmp_path: Path, document: dict[str, Any], target: Database, encoding: str, words: str
) -> None:
    document["checkins"][0]["note"] = "café"
    path = tmp_path / f"{encoding}.json"
    path.write_bytes(json.dumps(document, ensure_ascii=False).encode(encoding))
    refused(target, path, words)


def test_a_folder_is_not_a_file(tmp_path: Path, target: Database) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    refused(target, folder, "is a folder")


def test_a_blank_id_is_refused(tmp_path: Path, document: dict[str, Any], target: Database) -> None:
    """A record without an id would be added again on every import of the same file."""
    document["contacts"][0]["uid"] = " "
    refused(target, written(tmp_path, document), "no valid “uid”")


def test_meetings_an_older_version_let_in_no_longer_break_the_calendar_export(
    tmp_path: Path, target: Database
) -> None:
    weekly = Schedule(Repeat.WEEKLY, date(2026, 11, 3), time(19), 60, "UTC", weekdays=(1,))
    good = Meeting("NA", MeetingKind.TWELVE_STEP, weekly)
    with target.transaction() as conn:
        Meetings(conn).save(good, NOW)
        for uid, zone, first in (("old-1", "localtime", "2026-11-03"),
                                 ("old-2", "UTC", "0001-01-01")):  # fmt: skip
            conn.exec_driver_sql(
                "INSERT INTO meeting (uid, name, kind, location, online, repeat, first_day,"
                " start_time, duration_minutes, zone, every, weekdays, nth, month_day, rrule,"
                " reminders, notes, paused, created_at, updated_at) VALUES (?, 'Old', 'other',"
                " '', 0, 'once', ?, '19:00', 60, ?, 1, '', 1, 1, '', '', '', 0,"
                " '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (uid, first, zone),
            )
    out = tmp_path / "meetings.ics"
    assert export_ics(target, out, NOW) == 1
    assert b"SUMMARY:NA" in out.read_bytes() and b"SUMMARY:Old" not in out.read_bytes()
