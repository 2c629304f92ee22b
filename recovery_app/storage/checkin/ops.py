"""Check-ins and the start date: each call is one unit of work on the database.

Writes return a ``Result`` saying what they changed; reads return core values.
"""

from __future__ import annotations

from datetime import date, datetime

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.checkin.checkin import CheckIn
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database


def checkin_on(db: Database, day: date) -> CheckIn | None:
    with db.reading() as conn:
        return CheckIns(conn).get(day)


def save_checkin(db: Database, checkin: CheckIn, now: datetime) -> Result[CheckIn]:
    """Raises ``KnownError`` with a message the person can act on; nothing is stored then."""
    with db.transaction() as conn:
        saved = CheckIns(conn).save(checkin, now)
    return Result(saved, Changes.of(Record.CHECKINS))


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
