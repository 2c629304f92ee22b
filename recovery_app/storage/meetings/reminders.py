"""The in-app reminder list, and where the reminder check last reached.

A reminder's key is unique, so each is stored (and shown) once, even if the
same stretch of time is checked twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from recovery_app.core.meetings.reminders import ReminderKind
from recovery_app.storage.schema import app_state, notification

CURSOR_KEY = "reminders_checked_until"


@dataclass(frozen=True)
class Notice:
    id: int
    key: str
    kind: ReminderKind
    title: str
    body: str
    due_at: datetime
    meeting_uid: str | None
    starts_at: datetime | None


class ReminderList:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(
        self,
        key: str,
        kind: ReminderKind,
        title: str,
        body: str,
        due_at: datetime,
        meeting_uid: str | None = None,
        starts_at: datetime | None = None,
    ) -> bool:
        """Store it unless that reminder was stored before; True when it is new."""
        result = self.conn.execute(
            upsert(notification)
            .values(
                key=key,
                kind=kind.value,
                title=title,
                body=body,
                due_at=due_at,
                meeting_uid=meeting_uid,
                starts_at=starts_at,
            )
            .on_conflict_do_nothing(index_elements=[notification.c.key])
        )
        return bool(result.rowcount)

    def showing(self, now: datetime) -> list[Notice]:
        """Not dismissed and not snoozed past ``now``; newest first."""
        rows = self.conn.execute(
            select(notification)
            .where(
                notification.c.dismissed_at.is_(None),
                or_(notification.c.snoozed_until.is_(None), notification.c.snoozed_until <= now),
            )
            .order_by(notification.c.due_at.desc())
        )
        return [
            Notice(
                r.id,
                r.key,
                ReminderKind(r.kind),
                r.title,
                r.body,
                r.due_at,
                r.meeting_uid,
                r.starts_at,
            )
            for r in rows
        ]

    def snoozes_between(self, since: datetime, until: datetime) -> list[int]:
        rows = self.conn.execute(
            select(notification.c.id).where(
                notification.c.dismissed_at.is_(None),
                notification.c.snoozed_until > since,
                notification.c.snoozed_until <= until,
            )
        )
        return [r.id for r in rows]

    def next_snooze_end(self, now: datetime) -> datetime | None:
        return self.conn.execute(
            select(notification.c.snoozed_until)
            .where(notification.c.dismissed_at.is_(None), notification.c.snoozed_until > now)
            .order_by(notification.c.snoozed_until)
            .limit(1)
        ).scalar_one_or_none()

    def dismiss(self, notice_id: int, now: datetime) -> None:
        self.conn.execute(
            update(notification).where(notification.c.id == notice_id).values(dismissed_at=now)
        )

    def dismiss_questionnaires(self, before: datetime, now: datetime) -> None:
        """Waiting questionnaire reminders due before ``before`` (a form filled in since, or
        a newer reminder): one is enough, and none once the forms are done."""
        self.conn.execute(
            update(notification)
            .where(
                notification.c.kind == ReminderKind.QUESTIONNAIRE.value,
                notification.c.due_at < before,
                notification.c.dismissed_at.is_(None),
            )
            .values(dismissed_at=now)
        )

    def dismiss_meeting(self, meeting_uid: str, now: datetime) -> None:
        """A paused or deleted meeting: its waiting reminders go (answers about past ones stay)."""
        self.conn.execute(
            update(notification)
            .where(
                notification.c.meeting_uid == meeting_uid,
                notification.c.kind == ReminderKind.MEETING.value,
                notification.c.dismissed_at.is_(None),
            )
            .values(dismissed_at=now)
        )

    def dismiss_occurrence(self, meeting_uid: str, starts_at: datetime, now: datetime) -> None:
        """Waiting "starts soon" reminders for one date of a meeting (it was skipped or
        moved: the ones for its new time come by themselves)."""
        self.conn.execute(
            update(notification)
            .where(
                notification.c.meeting_uid == meeting_uid,
                notification.c.kind == ReminderKind.MEETING.value,
                notification.c.starts_at == starts_at,
                notification.c.dismissed_at.is_(None),
            )
            .values(dismissed_at=now)
        )

    def snooze(self, notice_id: int, until: datetime) -> None:
        self.conn.execute(
            update(notification).where(notification.c.id == notice_id).values(snoozed_until=until)
        )

    def checked_until(self) -> datetime | None:
        value = self.conn.execute(
            select(app_state.c.value).where(app_state.c.key == CURSOR_KEY)
        ).scalar_one_or_none()
        return datetime.fromisoformat(value) if value else None

    def set_checked_until(self, moment: datetime) -> None:
        self.conn.execute(
            upsert(app_state)
            .values(key=CURSOR_KEY, value=moment.isoformat())
            .on_conflict_do_update(
                index_elements=[app_state.c.key], set_={"value": moment.isoformat()}
            )
        )
