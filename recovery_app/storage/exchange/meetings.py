"""Meetings and attendance in the export (version 3; skipped and moved dates, "changes",
from version 5): written, read back and checked, merged.

Import adds what is new, matched by uid (attendance by meeting and start),
and never replaces what is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import Connection

from recovery_app.core.i18n import translate
from recovery_app.core.meetings.schedule import (
    MAX_CHANGES,
    MAX_LEAD_MINUTES,
    MAX_REMINDERS,
    Attended,
    DateChange,
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    validate_meeting,
)
from recovery_app.core.meetings.zones import known_zone
from recovery_app.storage.exchange.fields import Fields, unique
from recovery_app.storage.exchange.rules import records
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
        "last_day": s.last_day.isoformat() if s.last_day else None,
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
        "calendar_version": m.calendar_version,
        "changes": [
            {
                "original": c.original.isoformat(),
                "start": c.start.isoformat() if c.start else None,
                "location": c.location,
                "note": c.note,
            }
            for c in m.changes
        ],
    }


def _changes(record: Any, where: str) -> tuple[DateChange, ...]:
    raw = records(record, "changes")
    if len(raw) > MAX_CHANGES:
        raise Fields(record, where).fail(
            translate(
                "storage.exchange.meetings", "has more than {MAX_CHANGES} skipped or moved dates"
            ).format(MAX_CHANGES=MAX_CHANGES)
        )
    found = []
    for i, r in enumerate(raw):
        f = Fields(
            r,
            translate("storage.exchange.meetings", "{where}, changed date number {value}").format(
                where=where, value=i + 1
            ),
        )
        found.append(
            DateChange(
                f.instant("original"),
                f.optional_instant("start"),
                f.text("location", "", max_length=2000),
                f.text("note", "", max_length=2000),
            )
        )
    return tuple(found)


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


_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _meeting(record: Any, where: str) -> Meeting:
    f = Fields(record, where)
    start_time = f.text("start_time", max_length=5)
    if not _TIME.match(start_time):
        raise f.fail(
            translate(
                "storage.exchange.meetings", "has a “start_time” that is not a time written HH:MM"
            )
        )
    zone = f.text("zone", max_length=64)
    if not known_zone(zone):
        raise f.fail(
            translate(
                "storage.exchange.meetings",
                "has a time zone “{zone}” that is not in the time zone database",
            ).format(zone=zone)
        )
    meeting = Meeting(
        name=f.text("name", max_length=200),
        kind=f.choice("kind", MeetingKind),
        schedule=Schedule(
            repeat=f.choice("repeat", Repeat),
            first_day=f.day("first_day"),
            start=time(int(start_time[:2]), int(start_time[3:])),
            duration_minutes=f.integer("duration_minutes", 1, 24 * 60),
            zone=zone,
            interval=f.integer("interval", 1, 52, 1),
            weekdays=f.integers("weekdays", 0, 6, 7),
            nth=f.integer("nth", -1, 5, 1),
            month_day=f.integer("month_day", 1, 31, 1),
            last_day=f.optional_day("last_day"),
        ),
        location=f.text("location", "", max_length=2000),
        online=f.boolean("online", False),
        reminders=f.integers("reminders", 0, MAX_LEAD_MINUTES, MAX_REMINDERS),
        notes=f.text("notes", ""),
        paused=f.boolean("paused", False),
        uid=f.uid(uuid_only=False),  # a meeting from a calendar keeps its calendar's UID
        changes=_changes(record, where),
        calendar_version=f.text("calendar_version", "", max_length=60),
    )
    with f.checking():
        validate_meeting(meeting)
    return meeting


@dataclass(frozen=True)
class MeetingsImport:
    meetings: tuple[Meeting, ...]
    attendance: tuple[tuple[str, datetime, Attended, str], ...]


def read_meetings(raw: dict[str, Any]) -> MeetingsImport:
    meetings = tuple(
        _meeting(
            r, translate("storage.exchange.meetings", "meeting number {value}").format(value=i + 1)
        )
        for i, r in enumerate(records(raw, "meetings"))
    )
    unique(
        translate("storage.exchange.meetings", "the file"),
        translate("storage.exchange.meetings", "meetings with the same id"),
        [m.uid for m in meetings],
    )
    known = {m.uid for m in meetings}
    attendance = []
    for i, r in enumerate(records(raw, "attendance")):
        f = Fields(
            r,
            translate("storage.exchange.meetings", "attendance record number {value}").format(
                value=i + 1
            ),
        )
        uid = f.uid("meeting_uid", uuid_only=False)
        if uid not in known:
            raise f.fail(translate("storage.exchange.meetings", "names a meeting the file lacks"))
        attendance.append(
            (uid, f.instant("starts_at"), f.choice("status", Attended), f.text("note", ""))
        )
    unique(
        translate("storage.exchange.meetings", "the file"),
        translate("storage.exchange.meetings", "answers for the same meeting and time"),
        [(uid, start) for uid, start, _s, _n in attendance],
    )
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
