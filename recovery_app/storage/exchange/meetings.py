"""Meetings and attendance in the export (version 3): written, read back and checked, merged.

Import adds what is new, matched by uid (attendance by meeting and start),
and never replaces what is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection

from recovery_app.core.errors import KnownError
from recovery_app.core.meetings.schedule import (
    Attended,
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    validate_meeting,
)
from recovery_app.storage.exchange.rules import import_failure, instant, records
from recovery_app.storage.meetings.meetings import Meetings

ALL_HISTORY = 1_000_000


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


def meetings_document(conn: Connection) -> dict[str, Any]:
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
            for r in reversed(meetings.history(limit=ALL_HISTORY))
        ],
    }


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
class MeetingsImport:
    meetings: tuple[Meeting, ...]
    attendance: tuple[tuple[str, datetime, Attended, str], ...]


def read_meetings(raw: dict[str, Any]) -> MeetingsImport:
    meetings = tuple(
        _meeting(r, f"meeting number {i + 1}") for i, r in enumerate(records(raw, "meetings"))
    )
    uids = [m.uid for m in meetings]
    if len(set(uids)) != len(uids):
        raise import_failure("the file", "has two meetings with the same id")
    known = set(uids)
    attendance = []
    for i, r in enumerate(records(raw, "attendance")):
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
    return MeetingsImport(meetings, tuple(attendance))


def merge_meetings(conn: Connection, data: MeetingsImport, now: datetime) -> int:
    """Adds what is new; returns how many meetings and answers were added."""
    added = 0
    meetings = Meetings(conn)
    for m in data.meetings:
        if not meetings.exists(m.uid):
            meetings.save(m, now)
            added += 1
    present = {(r.meeting_uid, r.starts_at) for r in meetings.history(limit=ALL_HISTORY)}
    for uid, starts_at, status, note in data.attendance:
        if (uid, starts_at) not in present:
            meetings.record(uid, starts_at, status, note, now)
            added += 1
    return added
