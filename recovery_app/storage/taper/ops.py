"""The taper diary for the screens: one unit of work per call."""

from __future__ import annotations

from datetime import date, datetime

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.taper.plan import DoseDay, TaperPlan
from recovery_app.core.taper.symptoms import SymptomDay
from recovery_app.storage.db import Database
from recovery_app.storage.taper.diary import DoseLog, SymptomDiary, TaperPlans

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
    """The days' symptoms and every symptom name used so far."""
    with db.reading() as conn:
        diary = SymptomDiary(conn)
        return diary.between(first, last), diary.names()


def record_symptom_day(db: Database, entry: SymptomDay, now: datetime) -> Result[SymptomDay]:
    with db.transaction() as conn:
        return Result(SymptomDiary(conn).record(entry, now), TAPER)
