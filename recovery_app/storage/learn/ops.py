"""Reading state and kept self-checks for the screens: one unit of work per call."""

from __future__ import annotations

from datetime import datetime

from recovery_app.core.changes import NOTHING, Changes, Record, Result
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.storage.db import Database
from recovery_app.storage.learn.reading import ArticleState, Reading, SelfChecks

READING = Changes.of(Record.READING)


def reading_state(db: Database) -> tuple[dict[str, ArticleState], str | None]:
    """Every article's state, and the one read most recently."""
    with db.reading() as conn:
        reading = Reading(conn)
        return reading.states(), reading.last_opened()


def record_opened(db: Database, slug: str, now: datetime) -> Result[None]:
    with db.transaction() as conn:
        Reading(conn).opened(slug, now)
    return Result(None, READING)


def set_read(db: Database, slug: str, read: bool, now: datetime) -> Result[None]:
    with db.transaction() as conn:
        Reading(conn).set_read(slug, read, now)
    return Result(None, READING)


def set_bookmarked(db: Database, slug: str, bookmarked: bool) -> Result[None]:
    with db.transaction() as conn:
        Reading(conn).set_bookmarked(slug, bookmarked)
    return Result(None, READING)


def set_position(db: Database, slug: str, position: int) -> Result[None]:
    """Where reading stopped: nothing on screen shows it until the article opens again."""
    with db.transaction() as conn:
        Reading(conn).set_position(slug, position)
    return Result(None, NOTHING)


def self_checks(db: Database) -> list[SelfCheck]:
    """Newest first."""
    with db.reading() as conn:
        return SelfChecks(conn).all()


def keep_self_check(db: Database, check: SelfCheck) -> Result[None]:
    with db.transaction() as conn:
        SelfChecks(conn).save(check)
    return Result(None, Changes.of(Record.SELF_CHECKS))
