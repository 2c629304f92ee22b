"""The taper diary for the screens: one unit of work per call."""

from __future__ import annotations

from datetime import date, datetime

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.taper.plan import DoseDay, TaperPlan
from recovery_app.core.taper.symptoms import SymptomDay
from recovery_app.storage.db import Database
from recovery_app.storage.taper.diary import DoseLog, SymptomDiary, TaperPlans
from recovery_app.storage.taper.own_symptoms import OwnSymptoms

TAPER = Changes.of(Record.TAPER)


def plan_versions(db: Database) -> list[TaperPlan]:
    with db.reading() as conn:
        return TaperPlans(conn).versions()


def current_plan(db: Database) -> TaperPlan | None:
    with db.reading() as conn:
        return TaperPlans(conn).current()


def save_plan(db: Database, plan: TaperPlan, now: datetime) -> Result[TaperPlan]:
    """A new version, exactly as typed. Raises ``InvalidInput``."""
    with db.transaction() as conn:
        return Result(TaperPlans(conn).save(plan, now), TAPER)


def dose_days(db: Database, first: date, last: date) -> list[DoseDay]:
    with db.reading() as conn:
        return DoseLog(conn).between(first, last)


def record_dose_day(db: Database, entry: DoseDay, now: datetime) -> Result[DoseDay]:
    with db.transaction() as conn:
        return Result(DoseLog(conn).record(entry, now), TAPER)


def symptom_days(db: Database, first: date, last: date) -> tuple[list[SymptomDay], list[str]]:
    """The days' symptoms and the person's own symptoms, in their list's order."""
    with db.reading() as conn:
        return SymptomDiary(conn).between(first, last), OwnSymptoms(conn).names()


def record_symptom_day(
    db: Database, entry: SymptomDay, now: datetime, added: tuple[str, ...] = ()
) -> Result[SymptomDay]:
    """Keep the day, and any symptoms added to the list on its form (rated or not)."""
    with db.transaction() as conn:
        own = OwnSymptoms(conn)
        for name in added:
            own.add(name)
        return Result(SymptomDiary(conn).record(entry, now), TAPER)


def rename_symptom(db: Database, old: str, new: str) -> Result[str]:
    """Raises ``InvalidInput`` for an empty name or one already in the list."""
    with db.transaction() as conn:
        return Result(OwnSymptoms(conn).rename(old, new), TAPER)


def remove_symptom(db: Database, name: str) -> Result[None]:
    with db.transaction() as conn:
        OwnSymptoms(conn).remove(name)
    return Result(None, TAPER)


def own_symptoms(db: Database) -> list[str]:
    with db.reading() as conn:
        return OwnSymptoms(conn).names()


def add_symptom(db: Database, name: str) -> Result[str]:
    """Raises ``InvalidInput`` for a name that can't be one, or a full list."""
    with db.transaction() as conn:
        return Result(OwnSymptoms(conn).add(name), TAPER)
