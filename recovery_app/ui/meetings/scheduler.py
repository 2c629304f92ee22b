"""Reminders that are never lost: one timer armed for the next one, a list that keeps them.

At each check (start, unlock, timer, or a meeting change) everything that
fell due since the last check goes into the in-app list, including what came
due while the app was closed; new ones are also shown on the desktop. Then
the single timer is armed for the next due reminder. While locked, the
database is closed, so the timer only says "You have a reminder" (no names).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import select

from recovery_app.core.clock import Clock, to_local
from recovery_app.core.meetings.reminders import (
    Due,
    ReminderKind,
    checkin_due,
    dues_between,
    next_due_at,
)
from recovery_app.core.meetings.schedule import Meeting
from recovery_app.storage.db import Database
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.meetings.reminders import ReminderList
from recovery_app.storage.schema import checkin

log = logging.getLogger(__name__)
# Qt's timers stop while a computer sleeps; waking at least every 5 minutes means a
# reminder due during sleep comes within 5 minutes of waking (and never faster
# than once a minute when nothing is due: DESIGN.md's idle budget).
LONGEST_WAIT_MS = 5 * 60 * 1000
LATE = timedelta(minutes=10)  # shown this late, a reminder says what was missed
NEUTRAL = ("Recovery Companion", "You have a reminder. Unlock the app to see it.")

Notify = Callable[[str, str], object]


def reminder_words(due: Due, now: datetime, clock: Clock) -> tuple[str, str]:
    """Title and body, kind and plain. Missed ones say so without blame."""
    if due.kind is ReminderKind.CHECKIN:
        return "Time for your daily check-in", "It takes about 30 seconds."
    meeting, start = due.meeting, due.starts_at
    assert meeting is not None and start is not None
    local = to_local(start, clock)
    at = f"{local:%H:%M}" if local.date() == now.date() else f"{local:%A} at {local:%H:%M}"
    if due.kind is ReminderKind.ATTENDANCE:
        return f"Did you go to {meeting.name}?", f"{local:%A %d %B}, {local:%H:%M}."
    where = f" · {meeting.location}" if meeting.location else ""
    if start <= now and now - due.due_at > LATE:
        return (
            f"You had {meeting.name} at {local:%H:%M}",
            "This reminder came while the app was closed.",
        )
    if start <= now:
        return f"{meeting.name} is starting now", f"{meeting.schedule.describe()}{where}"
    minutes = round((start - now).total_seconds() / 60)
    soon = f"in {minutes} minute{'' if minutes == 1 else 's'}" if minutes < 120 else at
    return f"{meeting.name} {soon}", f"{meeting.schedule.describe()}{where}"


class ReminderScheduler(QObject):
    listChanged = Signal()

    def __init__(
        self,
        db: Database | None,
        clock: Clock,
        notify: Notify,
        checkin_at: Callable[[], time | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.clock, self.notify, self.checkin_at = db, clock, notify, checkin_at
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._neutral: list[datetime] = []  # due times kept in memory while locked

    # -- checking ------------------------------------------------------------------------
    def check(self) -> None:
        now = self.clock.now()
        if self.db is None or self.db.closed:
            self._neutral_check(now)
            return
        with self.db.transaction() as conn:
            reminders = ReminderList(conn)
            since = reminders.checked_until() or now
            meetings = Meetings(conn).all()
            at = self.checkin_at()
            done = self._checkin_days(conn, since, now) if at else set()
            fresh = []
            repo = Meetings(conn)
            for due in dues_between(meetings, since, now, at, done):
                if (
                    due.kind is ReminderKind.ATTENDANCE
                    and due.meeting is not None
                    and due.starts_at is not None
                    and repo.answered(due.meeting.uid, due.starts_at)
                ):
                    continue  # already said how it went
                title, body = reminder_words(due, now, self.clock)
                if reminders.add(
                    due.key,
                    due.kind,
                    title,
                    body,
                    due.due_at,
                    due.meeting.uid if due.meeting else None,
                    due.starts_at,
                ):
                    fresh.append((title, body))
            snoozed = reminders.snoozes_between(since, now)
            reminders.set_checked_until(now)
            next_snooze = reminders.next_snooze_end(now)
        self._show(fresh, len(snoozed))
        self.listChanged.emit()
        self._arm(now, meetings, at, next_snooze)

    def rearm(self) -> None:
        """Arm the timer again after the list changed elsewhere (a snooze), showing nothing."""
        if self.db is None or self.db.closed:
            return
        now = self.clock.now()
        with self.db.reading() as conn:
            meetings = Meetings(conn).all()
            next_snooze = ReminderList(conn).next_snooze_end(now)
        self._arm(now, meetings, self.checkin_at(), next_snooze)

    @staticmethod
    def _checkin_days(conn: object, since: datetime, now: datetime) -> set[date]:
        rows = conn.execute(  # type: ignore[attr-defined]
            select(checkin.c.day).where(checkin.c.day >= since.date(), checkin.c.day <= now.date())
        )
        return {r.day for r in rows}

    def _show(self, fresh: list[tuple[str, str]], snoozed: int) -> None:
        if len(fresh) == 1 and not snoozed:
            self.notify(*fresh[0])
        elif fresh or snoozed:
            count = len(fresh) + snoozed
            first = fresh[0][0] if fresh else "A snoozed reminder"
            self.notify(f"{count} reminders" if count > 1 else first,
                        "Open Recovery Companion to see them.")  # fmt: skip

    def _arm(
        self, now: datetime, meetings: list[Meeting], at: time | None, snooze: datetime | None
    ) -> None:
        candidates = [t for t in (next_due_at(meetings, now, at), snooze) if t is not None]
        if at is not None:
            # The check-in reminder is only skipped once today's is done; look at tomorrow too.
            tomorrow = (now + timedelta(days=1)).date()
            candidates.append(checkin_due(tomorrow, at, now))
        self._neutral = sorted(
            d.due_at for d in dues_between(meetings, now, now + timedelta(days=2), at)
        )
        self._start_timer(now, min(candidates) if candidates else None)

    def _start_timer(self, now: datetime, when: datetime | None) -> None:
        if when is None:
            self.timer.stop()
            return
        wait = (when - now).total_seconds() * 1000 + 500  # just after it is due
        self.timer.start(int(max(0, min(wait, LONGEST_WAIT_MS))))

    # -- locking -------------------------------------------------------------------------
    def locked(self) -> None:
        """The database is closing: keep only the next due times, and say nothing specific."""
        self.db = None
        self._neutral_check(self.clock.now(), show=False)

    def unlocked(self, db: Database) -> None:
        self.db = db
        self.check()

    def _neutral_check(self, now: datetime, show: bool = True) -> None:
        due = [t for t in self._neutral if t <= now]
        self._neutral = [t for t in self._neutral if t > now]
        if due and show:
            self.notify(*NEUTRAL)
        self._start_timer(now, self._neutral[0] if self._neutral else None)

    @property
    def next_wait_ms(self) -> int | None:
        return self.timer.remainingTime() if self.timer.isActive() else None
