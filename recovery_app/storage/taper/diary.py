"""The taper plan's versions and the daily dose log, as stored."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects.sqlite import insert as upsert

from recovery_app.core.taper.plan import (
    Dose,
    DoseDay,
    DoseTaken,
    Step,
    TaperPlan,
    check_dose_day,
    check_plan,
)
from recovery_app.core.taper.symptoms import RedFlag, SymptomDay, check_symptom_day
from recovery_app.storage.schema import dose_day, symptom_day, taper_plan_version


def steps_json(steps: tuple[Step, ...]) -> str:
    return json.dumps(
        [
            {
                "starts": s.starts.isoformat(),
                "note": s.note,
                "doses": [{"when": d.when, "amount": d.amount, "note": d.note} for d in s.doses],
            }
            for s in steps
        ],
        ensure_ascii=False,
    )


def steps_from_json(text: str) -> tuple[Step, ...]:
    return tuple(
        Step(
            date.fromisoformat(s["starts"]),
            tuple(Dose(d["when"], d["amount"], d.get("note", "")) for d in s["doses"]),
            s.get("note", ""),
        )
        for s in json.loads(text)
    )


def _plan(r: Any) -> TaperPlan:
    return TaperPlan(
        r.medicine, r.form, r.strength, r.unit, steps_from_json(r.steps), r.changed_by,
        r.saved_at, r.uid,
    )  # fmt: skip


class TaperPlans:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def versions(self) -> list[TaperPlan]:
        """Newest first."""
        t = taper_plan_version
        rows = self.conn.execute(select(t).order_by(t.c.saved_at.desc(), t.c.id.desc()))
        return [_plan(r) for r in rows]

    def current(self) -> TaperPlan | None:
        t = taper_plan_version
        row = self.conn.execute(
            select(t).order_by(t.c.saved_at.desc(), t.c.id.desc()).limit(1)
        ).first()
        return _plan(row) if row is not None else None

    def add(self, plan: TaperPlan) -> TaperPlan:
        """Keep a version exactly as given (steps in date order); earlier ones stay."""
        check_plan(plan)
        assert plan.saved_at is not None
        kept = replace(plan, steps=tuple(sorted(plan.steps, key=lambda s: s.starts)))
        self.conn.execute(
            insert(taper_plan_version).values(
                uid=kept.uid,
                saved_at=kept.saved_at,
                medicine=kept.medicine,
                form=kept.form,
                strength=kept.strength,
                unit=kept.unit,
                changed_by=kept.changed_by,
                steps=steps_json(kept.steps),
            )
        )
        return kept

    def save(self, plan: TaperPlan, now: datetime) -> TaperPlan:
        return self.add(replace(plan, saved_at=now))

    def uids(self) -> set[str]:
        return set(self.conn.execute(select(taper_plan_version.c.uid)).scalars())


class DoseLog:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def record(self, entry: DoseDay, now: datetime) -> DoseDay:
        """Say what was taken on a day; saying again replaces it."""
        check_dose_day(entry)
        amount = entry.amount.strip() if entry.taken is DoseTaken.DIFFERENT else ""
        note = entry.note.strip()
        values = {"taken": entry.taken.value, "amount": amount, "note": note, "updated_at": now}
        self.conn.execute(
            upsert(dose_day)
            .values(day=entry.day, **values)
            .on_conflict_do_update(index_elements=[dose_day.c.day], set_=values)
        )
        return DoseDay(entry.day, entry.taken, amount, note)

    def between(self, first: date, last: date) -> list[DoseDay]:
        rows = self.conn.execute(
            select(dose_day).where(dose_day.c.day.between(first, last)).order_by(dose_day.c.day)
        )
        return [DoseDay(r.day, DoseTaken(r.taken), r.amount, r.note) for r in rows]

    def all(self) -> list[DoseDay]:
        return self.between(date(1900, 1, 1), date(2200, 12, 31))


class SymptomDiary:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def record(self, entry: SymptomDay, now: datetime) -> SymptomDay:
        """Keep one day's symptoms; keeping the day again replaces it."""
        check_symptom_day(entry)
        note = entry.note.strip()
        values = {
            "ratings": json.dumps(entry.ratings, ensure_ascii=False, sort_keys=True),
            "red_flags": ",".join(f.value for f in entry.red_flags),
            "note": note,
            "updated_at": now,
        }
        self.conn.execute(
            upsert(symptom_day)
            .values(day=entry.day, **values)
            .on_conflict_do_update(index_elements=[symptom_day.c.day], set_=values)
        )
        return SymptomDay(entry.day, dict(entry.ratings), entry.red_flags, note)

    def between(self, first: date, last: date) -> list[SymptomDay]:
        t = symptom_day
        rows = self.conn.execute(select(t).where(t.c.day.between(first, last)).order_by(t.c.day))
        return [
            SymptomDay(
                r.day,
                json.loads(r.ratings),
                tuple(RedFlag(f) for f in r.red_flags.split(",") if f),
                r.note,
            )
            for r in rows
        ]

    def all(self) -> list[SymptomDay]:
        return self.between(date(1900, 1, 1), date(2200, 12, 31))
