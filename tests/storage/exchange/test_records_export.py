"""Meetings, attendance, contacts and self-checks survive export and import (format 3)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from recovery_app.core.errors import InvalidImport
from recovery_app.core.help.contacts import Contact, ContactKind
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.core.meetings.schedule import Attended, Meeting, MeetingKind, Repeat, Schedule
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.csv import export_csv
from recovery_app.storage.exchange.document import EXPORT_VERSION, build_document, export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.learn.reading import SelfChecks
from recovery_app.storage.meetings.meetings import Meetings

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def fresh(folder: Path, name: str) -> Database:
    (folder / name).mkdir(parents=True)
    return Database.open(folder / name / "recovery.db")


def fill(db: Database) -> Meeting:
    na = Meeting(
        "NA", MeetingKind.TWELVE_STEP,
        Schedule(Repeat.WEEKLY, date(2026, 11, 3), time(19), 90, "America/New_York",
                 weekdays=(1, 3)),
        "Hall, room 2", reminders=(15, 60), notes="Bring coffee",
    )  # fmt: skip
    with db.transaction() as conn:
        Meetings(conn).save(na, NOW)
        start = datetime(2026, 11, 24, 19, tzinfo=na.schedule.tz)
        Meetings(conn).record(na.uid, start, Attended.WENT, "shared today", NOW)
        Meetings(conn).record(na.uid, start + timedelta(days=2), Attended.MISSED, "", NOW)
        Contacts(conn).save(Contact("Sam", "+1 555 010 2233", role="Sponsor"), NOW)
        Contacts(conn).save(Contact("Samaritans", "116 123", ContactKind.CRISIS_LINE), NOW)
        SelfChecks(conn).save(SelfCheck((True, False, False, False, True, False), NOW, version=1))
    return na


def everything(db: Database) -> tuple[object, ...]:
    with db.reading() as conn:
        return (Meetings(conn).all(), Meetings(conn).history(), Contacts(conn).all(),
                SelfChecks(conn).all())  # fmt: skip


def test_round_trip_and_no_duplicates(tmp_path: Path) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    fill(source)
    path = tmp_path / "all.json"
    export_json(source, path, NOW)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == EXPORT_VERSION
    assert doc["meetings"][0]["rrule"] == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;WKST=MO"
    report = import_file(target, path, NOW)
    assert report.others_added == 6
    assert everything(target) == everything(source)
    assert import_file(target, path, NOW).others_added == 0


def test_csv_has_meetings_attendance_and_contacts(tmp_path: Path) -> None:
    source = fresh(tmp_path, "source")
    na = fill(source)
    written = {p.name: p for p in export_csv(source, tmp_path / "csv", NOW)}
    meetings = written["meetings.csv"].read_text(encoding="utf-8-sig").splitlines()
    assert meetings[0].startswith("uid,name,kind") and na.uid in meetings[1]
    assert "1; 3" in meetings[1] and "15; 60" in meetings[1]
    assert len(written["attendance.csv"].read_text(encoding="utf-8-sig").splitlines()) == 3


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["meetings"][0].update(zone="Nowhere/Land"), "meeting number 1"),
        (lambda d: d["meetings"][0].update(repeat="daily"), "unknown “repeat”"),
        (lambda d: d["attendance"][0].update(meeting_uid="nope"), "lacks"),
        (lambda d: d["attendance"][0].update(status="maybe"), "unknown “status”"),
        (lambda d: d["contacts"][0].update(phone="ring me"), "contact number 1"),
        (lambda d: d["self_checks"][0].update(answers=[True]), "self-check number 1"),
    ],
)
def test_bad_records_change_nothing(tmp_path: Path, change: object, words: str) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    fill(source)
    doc = json.loads(json.dumps(build_document(source, NOW)))
    change(doc)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InvalidImport, match=words):
        import_file(target, path, NOW)
    assert everything(target) == ([], [], [], [])


def test_a_deleted_meeting_leaves_no_orphans_in_the_export(tmp_path: Path) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    na = fill(source)
    with source.engine.begin() as conn:
        Meetings(conn).delete(na.uid, NOW)
    path = tmp_path / "all.json"
    export_json(source, path, NOW)
    report = import_file(target, path, NOW)
    assert report.others_added == 3  # two contacts and a self-check; no orphan attendance
