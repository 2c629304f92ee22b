"""The toolkit's records for the screens: one unit of work per call."""

from __future__ import annotations

from datetime import datetime

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.toolkit.plan import PlanVersion
from recovery_app.core.toolkit.reasons import Reason
from recovery_app.storage.db import Database
from recovery_app.storage.toolkit.plan import Plans
from recovery_app.storage.toolkit.reasons import Favourites, Reasons

TOOLKIT = Changes.of(Record.TOOLKIT)


def reasons(db: Database) -> list[Reason]:
    with db.reading() as conn:
        return Reasons(conn).all()


def save_reason(db: Database, item: Reason, now: datetime) -> Result[Reason]:
    """Add, or change the one with the same uid. Raises ``InvalidInput``."""
    with db.transaction() as conn:
        return Result(Reasons(conn).save(item, now), TOOLKIT)


def remove_reason(db: Database, uid: str) -> Result[None]:
    with db.transaction() as conn:
        Reasons(conn).remove(uid)
    return Result(None, TOOLKIT)


def favourite_skills(db: Database) -> list[str]:
    with db.reading() as conn:
        return Favourites(conn).keys()


def mark_favourite(db: Database, key: str, on: bool, now: datetime) -> Result[None]:
    with db.transaction() as conn:
        Favourites(conn).mark(key, on, now)
    return Result(None, TOOLKIT)


def plan_versions(db: Database) -> list[PlanVersion]:
    """Newest first; the first is the plan."""
    with db.reading() as conn:
        return Plans(conn).versions()


def current_plan(db: Database) -> PlanVersion | None:
    with db.reading() as conn:
        return Plans(conn).current()


def save_plan(db: Database, sections: dict[str, str], now: datetime) -> Result[PlanVersion]:
    """Keep a new version. Raises ``InvalidInput``."""
    with db.transaction() as conn:
        return Result(Plans(conn).save(sections, now), TOOLKIT)
