"""Meetings, attendance and the reminder list for the screens: one unit of work per call."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, tzinfo

from sqlalchemy import Connection

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.meetings.reminders import (
    LOOKAHEAD,
    Fortnightly,
    ReminderKind,
    dues_between,
    reminder_words,
)
from recovery_app.core.meetings.schedule import Attended, DateChange, Meeting
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.meetings.meetings import AttendanceRecord, Meetings
from recovery_app.storage.meetings.reminders import Notice, ReminderList
from recovery_app.storage.questionnaires.answers import Questionnaires

MEETINGS = Changes.of(Record.MEETINGS)
REMINDERS = Changes.of(Record.REMINDERS)


def all_meetings(db: Database) -> list[Meeting]:
    with db.reading() as conn:
        return Meetings(conn).all()


def meetings_and_history(db: Database) -> tuple[list[Meeting], list[AttendanceRecord]]:
    with db.reading() as conn:
        repo = Meetings(conn)
        return repo.all(), repo.history()


def save_meeting(db: Database, meeting: Meeting, now: datetime) -> Result[Meeting]:
    """Raises ``KnownError`` with a message the person can act on."""
    with db.transaction() as conn:
        return Result(Meetings(conn).save(meeting, now), MEETINGS)


def set_paused(db: Database, uid: str, paused: bool, now: datetime) -> Result[None]:
    """A paused meeting's waiting reminders are dismissed with it."""
    with db.transaction() as conn:
        Meetings(conn).set_paused(uid, paused, now)
        if paused:
            ReminderList(conn).dismiss_meeting(uid, now)
    return Result(None, MEETINGS | REMINDERS)


def delete_meeting(db: Database, uid: str, now: datetime) -> Result[None]:
    """Hidden at once (undo with ``restore_meeting``); its waiting reminders go."""
    with db.transaction() as conn:
        Meetings(conn).delete(uid, now)
        ReminderList(conn).dismiss_meeting(uid, now)
    return Result(None, MEETINGS | REMINDERS)


def change_date(
    db: Database, uid: str, original: datetime, change: DateChange | None, now: datetime
) -> Result[DateChange | None]:
    """Skip or move one date of a meeting, or put it back (None); gives what it was before,
    for Undo. Reminders already waiting for that date are dismissed: new ones follow."""
    with db.transaction() as conn:
        repo = Meetings(conn)
        current = repo.get(uid)
        if current is None:
            raise KnownError(translate("storage.meetings.ops", "That meeting no longer exists."))
        before = current.change_for(original)
        repo.set_change(uid, original, change)
        for start in {original, *([before.start] if before and before.start else [])}:
            ReminderList(conn).dismiss_occurrence(uid, start, now)
    return Result(before, MEETINGS | REMINDERS)


def restore_meeting(db: Database, uid: str) -> Result[None]:
    with db.transaction() as conn:
        Meetings(conn).restore(uid)
    return Result(None, MEETINGS)


# -- the in-app reminder list ----------------------------------------------------------


def showing_reminders(db: Database, now: datetime) -> list[Notice]:
    with db.reading() as conn:
        return ReminderList(conn).showing(now)


def dismiss_reminder(db: Database, notice_id: int, now: datetime) -> Result[None]:
    with db.transaction() as conn:
        ReminderList(conn).dismiss(notice_id, now)
    return Result(None, REMINDERS)


def snooze_reminder(db: Database, notice_id: int, until: datetime) -> Result[None]:
    with db.transaction() as conn:
        ReminderList(conn).snooze(notice_id, until)
    return Result(None, REMINDERS)


def answer_attendance(
    db: Database, notice: Notice, status: Attended, note: str, now: datetime
) -> Result[bool]:
    """Record how the meeting went and dismiss the question.

    False when the meeting was deleted since: the question is only dismissed.
    """
    assert notice.meeting_uid is not None and notice.starts_at is not None
    with db.transaction() as conn:
        try:
            Meetings(conn).record(notice.meeting_uid, notice.starts_at, status, note, now)
            recorded = True
        except KnownError:
            recorded = False
        ReminderList(conn).dismiss(notice.id, now)
    return Result(recorded, MEETINGS | REMINDERS if recorded else REMINDERS)


@dataclass(frozen=True)
class ReminderCheck:
    fresh: list[tuple[str, str, ReminderKind]]  # title, body and kind of each one new
    snoozes_ended: int  # snoozed reminders that came back since the last check
    meetings: list[Meeting]  # for arming the next timer
    next_snooze_end: datetime | None
    questionnaires: Fortnightly | None = None  # counted from the last one filled in


def _anchored(conn: Connection, setting: Fortnightly | None) -> Fortnightly | None:
    """The questionnaires' reminder counts two weeks from the later of the day it was
    turned on and the day one was last filled in."""
    if setting is None:
        return None
    last = Questionnaires(conn).last_day()
    return replace(setting, anchor=max(setting.anchor, last)) if last else setting


def check_reminders(
    db: Database,
    now: datetime,
    zone: tzinfo | None,
    checkin_at: time | None,
    questionnaires: Fortnightly | None = None,
) -> Result[ReminderCheck]:
    """Put everything due since the last check into the list (also what came while closed)."""
    with db.transaction() as conn:
        reminders, meetings_repo = ReminderList(conn), Meetings(conn)
        since = reminders.checked_until() or now
        meetings = meetings_repo.all()
        fortnight = _anchored(conn, questionnaires)
        done = CheckIns(conn).days_between(since.date(), now.date()) if checkin_at else set()
        fresh = []
        # A reminder whose time passed before its meeting was added or moved here (moved
        # to 18:00 at 17:45, with 30 minutes' notice) still comes, while the meeting is ahead.
        catch_up = [
            d
            for d in dues_between(meetings, now - LOOKAHEAD, since)
            if d.kind is ReminderKind.MEETING and d.starts_at is not None and d.starts_at > now
        ]
        due_now = dues_between(meetings, since, now, checkin_at, done, fortnight)
        asks = [d for d in due_now if d.kind is ReminderKind.QUESTIONNAIRE]
        if asks:  # after weeks closed, one questionnaire reminder, not one per fortnight
            reminders.dismiss_questionnaires(asks[-1].due_at, now)
            due_now = [d for d in due_now if d.kind is not ReminderKind.QUESTIONNAIRE]
            due_now.append(asks[-1])
        taken = Questionnaires(conn).last_taken_at()
        if taken is not None:
            reminders.dismiss_questionnaires(taken, now)  # filled in since it came
        for due in [*catch_up, *due_now]:
            if (
                due.kind is ReminderKind.ATTENDANCE
                and due.meeting is not None
                and due.original is not None
                and meetings_repo.answered(due.meeting.uid, due.original)
            ):
                continue  # already said how it went
            title, body = reminder_words(due, now, zone)
            meeting_uid = due.meeting.uid if due.meeting else None
            # "Did you go?" is answered for the occurrence itself (a moved date's original).
            kept_at = due.original if due.kind is ReminderKind.ATTENDANCE else due.starts_at
            if reminders.add(due.key, due.kind, title, body, due.due_at, meeting_uid, kept_at):
                fresh.append((title, body, due.kind))
        snoozed = reminders.snoozes_between(since, now)
        reminders.set_checked_until(now)
        next_snooze = reminders.next_snooze_end(now)
    return Result(ReminderCheck(fresh, len(snoozed), meetings, next_snooze, fortnight), REMINDERS)


def reminder_plan(
    db: Database, now: datetime, questionnaires: Fortnightly | None = None
) -> tuple[list[Meeting], datetime | None, Fortnightly | None]:
    """What the next timer depends on: the meetings, the next snooze to end, and the
    questionnaires' reminder as it counts now."""
    with db.reading() as conn:
        return (
            Meetings(conn).all(),
            ReminderList(conn).next_snooze_end(now),
            _anchored(conn, questionnaires),
        )
