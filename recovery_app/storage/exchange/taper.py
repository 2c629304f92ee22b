"""The taper diary in the export (version 8): every plan version, the dose log and the
withdrawal diary; from version 9 also the person's own list of symptoms."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from recovery_app.core.i18n import translate
from recovery_app.core.taper.plan import (
    Dose,
    DoseDay,
    DoseTaken,
    Step,
    TaperPlan,
    check_dose_day,
    check_plan,
)
from recovery_app.core.taper.symptoms import (
    RedFlag,
    SymptomDay,
    check_symptom_day,
    symptom_name,
)
from recovery_app.storage.exchange.fields import Fields, add_missing, unique
from recovery_app.storage.exchange.rules import records
from recovery_app.storage.taper.diary import DoseLog, SymptomDiary, TaperPlans
from recovery_app.storage.taper.own_symptoms import OwnSymptoms

_C = "storage.exchange.taper"
OWN_MOST_IN_A_FILE = 1000


def taper_document(conn: Connection) -> dict[str, Any]:
    return {
        "taper_plans": [
            {
                "uid": p.uid,
                "saved_at": p.saved_at.isoformat() if p.saved_at else None,
                "medicine": p.medicine,
                "form": p.form,
                "strength": p.strength,
                "unit": p.unit,
                "changed_by": p.changed_by,
                "steps": [
                    {
                        "starts": s.starts.isoformat(),
                        "note": s.note,
                        "doses": [
                            {"when": d.when, "amount": d.amount, "note": d.note} for d in s.doses
                        ],
                    }
                    for s in p.steps
                ],
            }
            for p in TaperPlans(conn).versions()
        ],
        "dose_days": [
            {"day": d.day.isoformat(), "taken": d.taken.value, "amount": d.amount, "note": d.note}
            for d in DoseLog(conn).all()
        ],
        "symptom_days": [
            {
                "day": s.day.isoformat(),
                "ratings": s.ratings,
                "red_flags": [f.value for f in s.red_flags],
                "note": s.note,
            }
            for s in SymptomDiary(conn).all()
        ],
        "own_symptoms": OwnSymptoms(conn).names(),
    }


def read_own_symptoms(raw: dict[str, Any]) -> tuple[str, ...] | None:
    """The list (version 9 on), or None for an older file, whose days tell the names."""
    if "own_symptoms" not in raw:
        return None
    f = Fields(raw, translate(_C, "the file"))
    names = f.texts("own_symptoms", most=OWN_MOST_IN_A_FILE)
    with f.checking():
        return tuple(dict.fromkeys(symptom_name(n) for n in names))


def read_symptom_days(raw: dict[str, Any]) -> tuple[SymptomDay, ...]:
    found = []
    for i, r in enumerate(records(raw, "symptom_days")):
        f = Fields(r, translate(_C, "symptom day number {value}").format(value=i + 1))
        ratings = r.get("ratings", {}) if isinstance(r, dict) else None
        if not isinstance(ratings, dict):
            raise f.fail(translate(_C, "has ratings that are not a list of symptoms"))
        flags = f.texts("red_flags", most=10)
        if any(v not in set(RedFlag) for v in flags):  # a warning sign is never dropped
            raise f.fail(translate(_C, "has a warning sign this version doesn't know"))
        entry = SymptomDay(
            f.day("day"),
            dict(ratings),
            tuple(RedFlag(v) for v in dict.fromkeys(flags)),
            f.text("note", ""),
        )
        with f.checking():
            check_symptom_day(entry)
        found.append(entry)
    unique(
        translate(_C, "the file"),
        translate(_C, "symptom days for the same day"),
        [d.day.isoformat() for d in found],
    )
    return tuple(found)


def merge_symptom_days(
    conn: Connection, found: tuple[SymptomDay, ...], own: tuple[str, ...] | None, now: datetime
) -> int:
    """Days not noted here yet; the file's own symptoms join the end of this list (from a
    file before version 9, the names its days rated)."""
    listed = OwnSymptoms(conn)
    if own is None:
        own = tuple(dict.fromkeys(name for day in found for name in day.ratings))
    for name in own:
        listed.add(name, capped=False)
    diary = SymptomDiary(conn)
    have = {d.day for d in diary.all()}
    added = 0
    for entry in found:
        if entry.day not in have:
            diary.record(entry, now)
            added += 1
    return added


def _step(raw: Any, where: str) -> Step:
    f = Fields(raw, where)
    doses = []
    items = raw.get("doses") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise f.fail(translate(_C, "has no list of doses"))
    for j, d in enumerate(items):
        g = Fields(d, translate(_C, "{where}, dose {n}").format(where=where, n=j + 1))
        doses.append(
            Dose(
                g.text("when", "", max_length=200),
                g.text("amount", max_length=200),
                g.text("note", "", max_length=200),
            )
        )
    return Step(f.day("starts"), tuple(doses), f.text("note", "", max_length=200))


def read_taper(raw: dict[str, Any]) -> tuple[tuple[TaperPlan, ...], tuple[DoseDay, ...]]:
    plans = []
    for i, r in enumerate(records(raw, "taper_plans")):
        where = translate(_C, "taper plan number {value}").format(value=i + 1)
        f = Fields(r, where)
        steps = r.get("steps") if isinstance(r, dict) else None
        if not isinstance(steps, list):
            raise f.fail(translate(_C, "has no list of steps"))
        plan = TaperPlan(
            f.text("medicine", max_length=200),
            f.text("form", "", max_length=200),
            f.text("strength", "", max_length=200),
            f.text("unit", "", max_length=200),
            tuple(
                _step(s, translate(_C, "{where}, step {n}").format(where=where, n=j + 1))
                for j, s in enumerate(steps)
            ),
            f.text("changed_by", "", max_length=200),
            f.instant("saved_at"),
            f.uid(),
        )
        with f.checking():
            check_plan(plan)
        plans.append(plan)
    unique(
        translate(_C, "the file"),
        translate(_C, "taper plans with the same id"),
        [p.uid for p in plans],
    )
    days = []
    for i, r in enumerate(records(raw, "dose_days")):
        f = Fields(r, translate(_C, "dose day number {value}").format(value=i + 1))
        entry = DoseDay(
            f.day("day"),
            f.choice("taken", DoseTaken),
            f.text("amount", "", max_length=200),
            f.text("note", "", max_length=200),
        )
        with f.checking():
            check_dose_day(entry)
        days.append(entry)
    unique(
        translate(_C, "the file"),
        translate(_C, "dose days for the same day"),
        [d.day.isoformat() for d in days],
    )
    return tuple(plans), tuple(days)


def merge_taper(
    conn: Connection, plans: tuple[TaperPlan, ...], days: tuple[DoseDay, ...], now: datetime
) -> int:
    """Plan versions by uid; a dose day only where none is noted for that day yet."""
    repo = TaperPlans(conn)
    # Each keeps its own date, never one ahead of now (it would stay "the plan" for good).
    added = add_missing(
        plans,
        repo.uids(),
        lambda p: repo.add(replace(p, saved_at=min(p.saved_at or now, now))),
    )
    log = DoseLog(conn)
    have = {d.day for d in log.all()}
    for entry in days:
        if entry.day not in have:
            log.record(entry, now)
            added += 1
    return added
