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
from datetime import datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer

from recovery_app.core.changes import Changes, Record
from recovery_app.core.clock import Clock, local_zone
from recovery_app.core.i18n import translate
from recovery_app.core.meetings.reminders import (
    Fortnightly,
    ReminderKind,
    checkin_due,
    dues_between,
    next_due_at,
    private_words,
)
from recovery_app.core.meetings.schedule import Meeting
from recovery_app.storage.db import Database
from recovery_app.storage.meetings.ops import check_reminders, reminder_plan
from recovery_app.ui.common.ops import Ops

log = logging.getLogger(__name__)
# Qt's timers stop while a computer sleeps; waking at least every 5 minutes means a
# reminder due during sleep comes within 5 minutes of waking (and never faster
# than once a minute when nothing is due: DESIGN.md's idle budget).
LONGEST_WAIT_MS = 5 * 60 * 1000
NEUTRAL = (
    translate("ui.meetings.scheduler", "Recovery Companion"),
    translate("ui.meetings.scheduler", "You have a reminder. Unlock the app to see it."),
)

Notify = Callable[[str, str], object]


class ReminderScheduler(QObject):
    def __init__(
        self,
        ops: Ops,
        clock: Clock,
        notify: Notify,
        checkin_at: Callable[[], time | None],
        parent: QObject | None = None,
        questionnaires: Callable[[], Fortnightly | None] = lambda: None,
        details: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.ops, self.clock, self.notify, self.checkin_at = ops, clock, notify, checkin_at
        self.questionnaires = questionnaires
        self.details = details  # False: desktop notices say only "You have a reminder"
        self.db: Database | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._neutral: list[datetime] = []  # due times kept in memory while locked
        ops.bus.changed.connect(self._data_changed)

    def _data_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return
        if changes.touches(Record.MEETINGS, Record.CHECKINS, Record.QUESTIONNAIRES):
            # A new meeting or reminder time, today's check-in done, a questionnaire filled in.
            self.check()
        elif changes.touches(Record.REMINDERS):
            self.rearm()  # e.g. a snooze: only the timer changes

    # -- checking ------------------------------------------------------------------------
    def check(self) -> None:
        now = self.clock.now()
        db = self.db
        if db is None or db.closed:
            self._neutral_check(now)
            return
        at, fortnight = self.checkin_at(), self.questionnaires()
        found = self.ops.run(
            lambda: check_reminders(db, now, local_zone(self.clock), at, fortnight),
            initiator=self,
        )
        self._show(found.fresh, found.snoozes_ended)
        self._arm(now, found.meetings, at, found.next_snooze_end, found.questionnaires)

    def rearm(self) -> None:
        """Arm the timer again after the list changed elsewhere (a snooze), showing nothing."""
        if self.db is None or self.db.closed:
            return
        now = self.clock.now()
        meetings, next_snooze, fortnight = reminder_plan(self.db, now, self.questionnaires())
        self._arm(now, meetings, self.checkin_at(), next_snooze, fortnight)

    def _show(self, fresh: list[tuple[str, str, ReminderKind]], snoozed: int) -> None:
        if (fresh or snoozed) and not self.details():
            kinds = [kind for _t, _b, kind in fresh] + [ReminderKind.MEETING] * snoozed
            self.notify(*private_words(kinds))
        elif len(fresh) == 1 and not snoozed:
            self.notify(*fresh[0][:2])
        elif fresh or snoozed:
            count = len(fresh) + snoozed
            first = (
                fresh[0][0] if fresh else translate("ui.meetings.scheduler", "A snoozed reminder")
            )
            self.notify(
                translate("ui.meetings.scheduler", "{count} reminders").format(count=count)
                if count > 1
                else first,
                translate("ui.meetings.scheduler", "Open Recovery Companion to see them."),
            )

    def _arm(
        self,
        now: datetime,
        meetings: list[Meeting],
        at: time | None,
        snooze: datetime | None,
        fortnight: Fortnightly | None = None,
    ) -> None:
        candidates = [t for t in (next_due_at(meetings, now, at), snooze) if t is not None]
        if at is not None:
            # The check-in reminder is only skipped once today's is done; look at tomorrow too.
            tomorrow = (now + timedelta(days=1)).date()
            candidates.append(checkin_due(tomorrow, at, now))
        if fortnight is not None:  # often further ahead than the 8 days looked at above
            candidates.append(fortnight.next_due(now))
        self._neutral = sorted(
            d.due_at
            for d in dues_between(meetings, now, now + timedelta(days=2), at, None, fortnight)
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

    def stop(self) -> None:
        """For good (everything was deleted): no more reminders of any kind."""
        self.db = None
        self._neutral = []
        self.timer.stop()

    def _neutral_check(self, now: datetime, show: bool = True) -> None:
        due = [t for t in self._neutral if t <= now]
        self._neutral = [t for t in self._neutral if t > now]
        if due and show:
            self.notify(*NEUTRAL)
        self._start_timer(now, self._neutral[0] if self._neutral else None)

    @property
    def next_wait_ms(self) -> int | None:
        return self.timer.remainingTime() if self.timer.isActive() else None
