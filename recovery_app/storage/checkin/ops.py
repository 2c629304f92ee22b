"""Check-ins and the start date: each call is one unit of work on the database.

Writes return a ``Result`` saying what they changed; reads return core values.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import Connection
from sqlalchemy.dialects.sqlite import insert as upsert

from recovery_app.core.changes import NOTHING, Changes, Record, Result
from recovery_app.core.checkin.checkin import CheckIn, UsedToday, UseQuestion
from recovery_app.core.taper.plan import DoseDay
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.checkin.summary import REVIEW_OFFERED_KEY
from recovery_app.storage.db import Database
from recovery_app.storage.schema import app_state
from recovery_app.storage.taper.diary import DoseLog


def checkin_on(db: Database, day: date) -> CheckIn | None:
    with db.reading() as conn:
        return CheckIns(conn).get(day)


def save_checkin(
    db: Database, checkin: CheckIn, now: datetime, dose: DoseDay | None = None
) -> Result[CheckIn]:
    """Raises ``KnownError`` with a message the person can act on; nothing is stored then.

    ``dose``: the taper question's answer, kept in the same transaction (a different dose
    is a dose day of its own, never part of the use answer)."""
    with db.transaction() as conn:
        saved = CheckIns(conn).save(checkin, now)
        if dose is not None:
            DoseLog(conn).record(dose, now)
    records = (Record.CHECKINS, Record.TAPER) if dose is not None else (Record.CHECKINS,)
    return Result(saved, Changes.of(*records))


def start_date(db: Database) -> date | None:
    with db.reading() as conn:
        return Profile(conn).start_date()


def set_start_date(db: Database, start: date | None, now: datetime) -> Result[None]:
    with db.transaction() as conn:
        Profile(conn).set_start_date(start, now)
    return Result(None, Changes.of(Record.PROFILE))


def checkin_days(db: Database, first: date, last: date) -> set[date]:
    with db.reading() as conn:
        return CheckIns(conn).days_between(first, last)


def earlier_question_slips(db: Database) -> list[CheckIn]:
    """ "Yes" days answered to "Did you use today?" (a prescribed dose may be among them)."""
    with db.reading() as conn:
        return [c for c in CheckIns(conn).slips() if c.use_question is UseQuestion.USED_TODAY]


def were_prescribed(db: Database, days: list[date], now: datetime) -> Result[int]:
    """The person says these "yes" days were their prescribed medicine: each becomes No to
    the current question. The earlier answer stays in the day's history."""
    changed = 0
    with db.transaction() as conn:
        repo = CheckIns(conn)
        for day in days:
            c = repo.get(day)
            if c is None or c.used is not UsedToday.YES:
                continue
            no = replace(c, used=UsedToday.NO, use_question=UseQuestion.OUTSIDE_PLAN,
                         slip_at=None, slip_note="")  # fmt: skip
            repo.save(no, now)
            changed += 1
        _mark_review_offered(conn)
    return Result(changed, Changes.of(Record.CHECKINS))


def review_offered(db: Database) -> Result[None]:
    """The one-time offer to review earlier days has been put away (no record a view shows
    changes: the card hides itself)."""
    with db.transaction() as conn:
        _mark_review_offered(conn)
    return Result(None, NOTHING)


def _mark_review_offered(conn: Connection) -> None:
    conn.execute(
        upsert(app_state)
        .values(key=REVIEW_OFFERED_KEY, value="yes")
        .on_conflict_do_nothing(index_elements=[app_state.c.key])
    )
