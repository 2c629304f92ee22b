"""Meetings and attendance as stored (Core statements; takes a Connection or Session)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from recovery_app.core.clock import wall_minute
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.meetings.schedule import (
    MAX_CHANGES,
    Attended,
    DateChange,
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    fits,
    validate_change,
    validate_meeting,
)
from recovery_app.storage.schema import attendance, meeting, meeting_change


def _columns(m: Meeting) -> dict[str, Any]:
    s = m.schedule
    return {
        "name": m.name.strip(),
        "kind": m.kind.value,
        "location": m.location.strip(),
        "online": m.online,
        "repeat": s.repeat.value,
        "first_day": s.first_day,
        "last_day": s.last_day,
        "start_time": f"{s.start:%H:%M}",
        "duration_minutes": s.duration_minutes,
        "zone": s.zone,
        "every": s.interval,
        "weekdays": ",".join(str(d) for d in sorted(s.weekdays)),
        "nth": s.nth,
        "month_day": s.month_day,
        "rrule": s.rrule_text(),
        "reminders": ",".join(str(r) for r in m.reminders),
        "notes": m.notes,
        "paused": m.paused,
        "calendar_version": m.calendar_version,
    }


def meeting_from_row(r: Any) -> Meeting:
    hour, minute = (int(x) for x in r.start_time.split(":"))
    return Meeting(
        name=r.name,
        kind=MeetingKind(r.kind),
        schedule=Schedule(
            repeat=Repeat(r.repeat),
            first_day=r.first_day,
            start=time(hour, minute),
            duration_minutes=r.duration_minutes,
            zone=r.zone,
            interval=r.every,
            weekdays=tuple(int(d) for d in r.weekdays.split(",") if d),
            nth=r.nth,
            month_day=r.month_day,
            last_day=r.last_day,
        ),
        location=r.location,
        online=bool(r.online),
        reminders=tuple(int(x) for x in r.reminders.split(",") if x),
        notes=r.notes,
        paused=bool(r.paused),
        uid=r.uid,
        calendar_version=r.calendar_version,
    )


@dataclass(frozen=True)
class AttendanceRecord:
    meeting_uid: str
    meeting_name: str
    starts_at: datetime
    status: Attended
    note: str


class Meetings:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Meeting]:
        rows = list(
            self.conn.execute(
                select(meeting).where(meeting.c.deleted_at.is_(None)).order_by(meeting.c.name)
            )
        )
        changes = self._changes([r.id for r in rows])
        return [replace(meeting_from_row(r), changes=changes.get(r.id, ())) for r in rows]

    def get(self, uid: str) -> Meeting | None:
        row = self.conn.execute(
            select(meeting).where(meeting.c.uid == uid, meeting.c.deleted_at.is_(None))
        ).first()
        if row is None:
            return None
        return replace(meeting_from_row(row), changes=self._changes([row.id]).get(row.id, ()))

    def _changes(self, ids: list[int]) -> dict[int, tuple[DateChange, ...]]:
        found: dict[int, list[DateChange]] = {}
        if not ids:
            return {}
        rows = self.conn.execute(
            select(meeting_change)
            .where(meeting_change.c.meeting_id.in_(ids))
            .order_by(meeting_change.c.original_at)
        )
        for r in rows:
            found.setdefault(r.meeting_id, []).append(
                DateChange(r.original_at, r.start_at, r.location, r.note)
            )
        return {key: tuple(value) for key, value in found.items()}

    def _id(self, uid: str) -> int:
        found = self.conn.execute(
            select(meeting.c.id).where(meeting.c.uid == uid, meeting.c.deleted_at.is_(None))
        ).first()
        if found is None:
            raise InvalidInput(
                translate("storage.meetings.meetings", "That meeting no longer exists.")
            )
        return int(found.id)

    def set_change(self, uid: str, original: datetime, change: DateChange | None) -> None:
        """Skip or move one date (``change``), or put it back as scheduled (None)."""
        meeting_id = self._id(uid)
        self.conn.execute(
            delete(meeting_change).where(
                meeting_change.c.meeting_id == meeting_id,
                meeting_change.c.original_at == original,  # stored in UTC, compared so
            )
        )
        if change is None:
            return
        current = self.get(uid)
        assert current is not None
        if len(current.changes) >= MAX_CHANGES:
            raise InvalidInput(
                translate(
                    "storage.meetings.meetings",
                    "A meeting can have up to {MAX_CHANGES} skipped or moved dates.",
                ).format(MAX_CHANGES=MAX_CHANGES)
            )
        validate_change(current, change)
        self.conn.execute(
            insert(meeting_change).values(
                meeting_id=meeting_id,
                original_at=change.original,
                start_at=change.start,
                location=change.location.strip(),
                note=change.note.strip(),
            )
        )

    def replace_changes(self, uid: str, changes: tuple[DateChange, ...]) -> None:
        """The meeting's skipped and moved dates become exactly ``changes``."""
        self.conn.execute(
            delete(meeting_change).where(meeting_change.c.meeting_id == self._id(uid))
        )
        for c in changes:
            self.set_change(uid, c.original, c)

    def _keep_changes_that_fit(self, saved: Meeting) -> None:
        """After a schedule edit, dates the new schedule doesn't have lose their changes."""
        meeting_id = self._id(saved.uid)
        for c in saved.changes:
            if not fits(saved.schedule, c.original):
                self.conn.execute(
                    delete(meeting_change).where(
                        meeting_change.c.meeting_id == meeting_id,
                        meeting_change.c.original_at == c.original,
                    )
                )

    def exists(self, uid: str) -> bool:
        """A meeting with this uid that isn't deleted (a deleted one can be brought back)."""
        found = self.conn.execute(
            select(meeting.c.id).where(meeting.c.uid == uid, meeting.c.deleted_at.is_(None))
        ).first()
        return found is not None

    def save(self, m: Meeting, now: datetime) -> Meeting:
        """An edit of the schedule drops the changes for dates it no longer has."""
        m = replace(m, changes=m.changes_that_fit(m.schedule))
        validate_meeting(m)
        values = _columns(m)
        found = self.conn.execute(select(meeting.c.id).where(meeting.c.uid == m.uid)).first()
        if found is None:
            self.conn.execute(
                insert(meeting).values(uid=m.uid, created_at=now, updated_at=now, **values)
            )
        else:
            if not m.calendar_version:  # an edit in the app keeps the file's version
                values.pop("calendar_version")
            self.conn.execute(
                update(meeting)
                .where(meeting.c.id == found.id)
                .values(updated_at=now, deleted_at=None, **values)
            )
        saved = self.get(m.uid)
        assert saved is not None
        self._keep_changes_that_fit(saved)
        for c in m.changes_that_fit(m.schedule):  # those a meeting comes with (an import)
            if saved.change_for(c.original) is None:
                self.set_change(m.uid, c.original, c)
        final = self.get(m.uid)
        assert final is not None
        return final

    def set_paused(self, uid: str, paused: bool, now: datetime) -> None:
        self.conn.execute(
            update(meeting).where(meeting.c.uid == uid).values(paused=paused, updated_at=now)
        )

    def delete(self, uid: str, now: datetime) -> None:
        """Hidden at once; ``restore`` undoes it until the data is next opened."""
        self.conn.execute(update(meeting).where(meeting.c.uid == uid).values(deleted_at=now))

    def restore(self, uid: str) -> None:
        self.conn.execute(update(meeting).where(meeting.c.uid == uid).values(deleted_at=None))

    # -- attendance -----------------------------------------------------------------
    def record(
        self, uid: str, starts_at: datetime, status: Attended, note: str, now: datetime
    ) -> None:
        """Say whether one occurrence was attended; saying again replaces the answer."""
        found = self.conn.execute(
            select(meeting.c.id, meeting.c.zone).where(meeting.c.uid == uid)
        ).first()
        if found is None:
            raise InvalidInput(
                translate("storage.meetings.meetings", "That meeting no longer exists.")
            )
        values = {"status": status.value, "note": note.strip(), "recorded_at": now}
        statement = upsert(attendance).values(
            meeting_id=found.id,
            starts_at=starts_at,
            starts_minute=wall_minute(starts_at.astimezone(ZoneInfo(found.zone))),
            **values,
        )
        self.conn.execute(
            statement.on_conflict_do_update(
                index_elements=[attendance.c.meeting_id, attendance.c.starts_at], set_=values
            )
        )

    def answered(self, uid: str, starts_at: datetime) -> bool:
        """Whether attendance for this occurrence was already recorded."""
        found = self.conn.execute(
            select(attendance.c.id)
            .join(meeting, meeting.c.id == attendance.c.meeting_id)
            .where(meeting.c.uid == uid, attendance.c.starts_at == starts_at)
        ).first()
        return found is not None

    def history(self, limit: int = 200) -> list[AttendanceRecord]:
        rows = self.conn.execute(
            select(meeting.c.uid, meeting.c.name, attendance)
            .join(meeting, meeting.c.id == attendance.c.meeting_id)
            .where(meeting.c.deleted_at.is_(None))
            .order_by(attendance.c.starts_at.desc())
            .limit(limit)
        )
        return [
            AttendanceRecord(r.uid, r.name, r.starts_at, Attended(r.status), r.note) for r in rows
        ]
