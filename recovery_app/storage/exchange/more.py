"""Meetings, attendance, help contacts and kept self-checks in the JSON export (version 3).

Import adds what is new, matched by uid (attendance by meeting and start),
and never replaces what is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, select

from recovery_app.core.errors import KnownError
from recovery_app.core.help.contacts import Contact, ContactKind, validate_contact
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.core.meetings.schedule import (
    Attended,
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    validate_meeting,
)
from recovery_app.storage.exchange.rules import import_failure, instant
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.learn.reading import SelfChecks
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.schema import contact, self_check


def meeting_to_json(m: Meeting) -> dict[str, Any]:
    s = m.schedule
    return {
        "uid": m.uid,
        "name": m.name,
        "kind": m.kind.value,
        "location": m.location,
        "online": m.online,
        "repeat": s.repeat.value,
        "first_day": s.first_day.isoformat(),
        "start_time": f"{s.start:%H:%M}",
        "duration_minutes": s.duration_minutes,
        "zone": s.zone,
        "interval": s.interval,
        "weekdays": list(s.weekdays),
        "nth": s.nth,
        "month_day": s.month_day,
        "rrule": s.rrule_text(),
        "reminders": list(m.reminders),
        "notes": m.notes,
        "paused": m.paused,
    }


def more_document(conn: Connection) -> dict[str, Any]:
    meetings = Meetings(conn)
    return {
        "meetings": [meeting_to_json(m) for m in meetings.all()],
        "attendance": [
            {
                "meeting_uid": r.meeting_uid,
                "starts_at": r.starts_at.isoformat(),
                "status": r.status.value,
                "note": r.note,
            }
            for r in reversed(meetings.history(limit=1_000_000))
        ],
        "contacts": [
            {
                "uid": c.uid,
                "kind": c.kind.value,
                "name": c.name,
                "role": c.role,
                "phone": c.phone,
                "note": c.note,
            }
            for c in Contacts(conn).all()
        ],
        "self_checks": [
            {"uid": c.uid, "taken_at": c.taken_at.isoformat(), "answers": list(c.answers)}
            for c in reversed(SelfChecks(conn).all())
        ],
    }


def _records(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    records = raw.get(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise import_failure("the file", f"has “{key}” that is not a list of records")
    return records


def _meeting(r: dict[str, Any], where: str) -> Meeting:
    try:
        hour, minute = (int(x) for x in str(r["start_time"]).split(":"))
        meeting = Meeting(
            name=str(r["name"]),
            kind=MeetingKind(r["kind"]),
            schedule=Schedule(
                repeat=Repeat(r["repeat"]),
                first_day=date.fromisoformat(r["first_day"]),
                start=time(hour, minute),
                duration_minutes=int(r["duration_minutes"]),
                zone=str(r["zone"]),
                interval=int(r.get("interval", 1)),
                weekdays=tuple(int(d) for d in r.get("weekdays", [])),
                nth=int(r.get("nth", 1)),
                month_day=int(r.get("month_day", 1)),
            ),
            location=str(r.get("location", "")),
            online=bool(r.get("online", False)),
            reminders=tuple(int(x) for x in r.get("reminders", [])),
            notes=str(r.get("notes", "")),
            paused=bool(r.get("paused", False)),
            uid=str(r["uid"]),
        )
        validate_meeting(meeting)
    except KnownError as exc:
        raise import_failure(where, f"is not valid ({exc.message.rstrip('.')})") from exc
    except (KeyError, TypeError, ValueError):
        raise import_failure(where, "is missing a field or has one of the wrong type") from None
    return meeting


@dataclass(frozen=True)
class MoreImport:
    meetings: tuple[Meeting, ...]
    attendance: tuple[tuple[str, datetime, Attended, str], ...]
    contacts: tuple[Contact, ...]
    self_checks: tuple[SelfCheck, ...]


def read_more(raw: dict[str, Any]) -> MoreImport:
    meetings = tuple(
        _meeting(r, f"meeting number {i + 1}") for i, r in enumerate(_records(raw, "meetings"))
    )
    known = {m.uid for m in meetings}
    attendance = []
    for i, r in enumerate(_records(raw, "attendance")):
        where = f"attendance record number {i + 1}"
        try:
            status = Attended(str(r.get("status")))
        except ValueError:
            raise import_failure(where, "has an unknown answer") from None
        uid = r.get("meeting_uid")
        if uid not in known:
            raise import_failure(where, "names a meeting the file lacks")
        attendance.append((str(uid), instant(r.get("starts_at"), where), status,
                           str(r.get("note", ""))))  # fmt: skip
    contacts = []
    for i, r in enumerate(_records(raw, "contacts")):
        where = f"contact number {i + 1}"
        try:
            contacts.append(
                validate_contact(
                    Contact(str(r["name"]), str(r["phone"]), ContactKind(r.get("kind", "personal")),
                            str(r.get("role", "")), str(r.get("note", "")), str(r["uid"]))
                )
            )  # fmt: skip
        except KnownError as exc:
            raise import_failure(where, f"is not valid ({exc.message.rstrip('.')})") from exc
        except (KeyError, ValueError):
            raise import_failure(where, "is missing a field or has one of the wrong type") from None
    checks = []
    for i, r in enumerate(_records(raw, "self_checks")):
        where = f"self-check number {i + 1}"
        answers = r.get("answers")
        if not isinstance(answers, list) or not all(isinstance(a, bool) for a in answers):
            raise import_failure(where, "has answers that are not yes/no")
        try:
            checks.append(
                SelfCheck(tuple(answers), instant(r.get("taken_at"), where), str(r["uid"]))
            )
        except (KnownError, KeyError) as exc:
            raise import_failure(where, "is not valid") from exc
    for label, uids in (("meetings", [m.uid for m in meetings]),
                        ("contacts", [c.uid for c in contacts])):  # fmt: skip
        if len(set(uids)) != len(uids):
            raise import_failure("the file", f"has two {label} with the same id")
    return MoreImport(meetings, tuple(attendance), tuple(contacts), tuple(checks))


def merge_more(conn: Connection, data: MoreImport, now: datetime) -> int:
    """Adds what is new; returns how many records were added."""
    added = 0
    meetings = Meetings(conn)
    for m in data.meetings:
        if not meetings.exists(m.uid):
            meetings.save(m, now)
            added += 1
    present = {(r.meeting_uid, r.starts_at) for r in meetings.history(limit=1_000_000)}
    for uid, starts_at, status, note in data.attendance:
        if (uid, starts_at) not in present:
            meetings.record(uid, starts_at, status, note, now)
            added += 1
    have = set(conn.execute(select(contact.c.uid)).scalars())
    for person in data.contacts:
        if person.uid not in have:
            Contacts(conn).save(person, now)
            added += 1
    kept = set(conn.execute(select(self_check.c.uid)).scalars())
    for check in data.self_checks:
        if check.uid not in kept:
            SelfChecks(conn).save(check)
            added += 1
    return added
