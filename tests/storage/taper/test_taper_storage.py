"""Every version of the plan and every noted day are kept as typed, and travel."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from recovery_app.core.taper.plan import Dose, DoseDay, DoseTaken, Step, TaperPlan
from recovery_app.storage.checkin.summary import today_summary
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.taper.ops import (
    current_plan,
    dose_days,
    plan_versions,
    record_dose_day,
    save_plan,
)

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
TYPED = TaperPlan(
    "diazepam (Valium)",
    "tablet",
    "2 mg",
    "mg",
    (
        Step(date(2026, 12, 14), (Dose("morning", "½"), Dose("", "1.50"))),
        Step(date(2026, 11, 30), (Dose("morning", "2"), Dose("night", "2")), "week 1"),
    ),
    "changed by Dr. Ortiz on 28 Nov",
)


def fresh(folder: Path, name: str) -> Database:
    (folder / name).mkdir()
    return Database.open(folder / name / "recovery.db")


def test_the_plan_is_kept_as_typed_and_every_version_stays(tmp_path: Path) -> None:
    db = fresh(tmp_path, "a")
    save_plan(db, TYPED, NOW)
    plan = current_plan(db)
    assert plan is not None
    # The steps in date order, every amount as typed ("½", "1.50"), nothing worked out.
    assert [s.starts for s in plan.steps] == [date(2026, 11, 30), date(2026, 12, 14)]
    assert [[d.amount for d in s.doses] for s in plan.steps] == [["2", "2"], ["½", "1.50"]]
    assert (plan.medicine, plan.strength, plan.changed_by) == (
        "diazepam (Valium)", "2 mg", "changed by Dr. Ortiz on 28 Nov"
    )  # fmt: skip
    changed = TaperPlan(TYPED.medicine, "tablet", "2 mg", "mg", TYPED.steps[:1])
    save_plan(db, changed, NOW + timedelta(days=1))
    assert [len(p.steps) for p in plan_versions(db)] == [1, 2]


def test_a_different_dose_is_kept_as_that_and_is_never_a_slip(tmp_path: Path) -> None:
    db = fresh(tmp_path, "a")
    save_plan(db, TYPED, NOW)
    record_dose_day(db, DoseDay(date(2026, 11, 30), DoseTaken.DIFFERENT, " 1.5 ", "shaky"), NOW)
    record_dose_day(db, DoseDay(date(2026, 12, 1), DoseTaken.MISSED), NOW)
    record_dose_day(db, DoseDay(date(2026, 12, 1), DoseTaken.AS_PLANNED), NOW)  # corrected
    days = dose_days(db, date(2026, 11, 1), date(2026, 12, 31))
    assert [(d.taken, d.amount, d.note) for d in days] == [
        (DoseTaken.DIFFERENT, "1.5", "shaky"),
        (DoseTaken.AS_PLANNED, "", ""),
    ]
    with db.reading() as conn:
        assert today_summary(conn, date(2026, 12, 1)).slip_days == ()


def test_the_diary_travels_in_the_export(tmp_path: Path) -> None:
    source = fresh(tmp_path, "source")
    save_plan(source, TYPED, NOW)
    record_dose_day(source, DoseDay(date(2026, 11, 30), DoseTaken.DIFFERENT, "1.5"), NOW)
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["taper_plans"][0]["steps"][1]["doses"][0]["amount"] == "½"
    target = fresh(tmp_path, "target")
    import_file(target, path, NOW)
    import_file(target, path, NOW)
    assert plan_versions(target) == plan_versions(source)
    assert dose_days(target, date(2026, 1, 1), date(2026, 12, 31)) == dose_days(
        source, date(2026, 1, 1), date(2026, 12, 31)
    )
