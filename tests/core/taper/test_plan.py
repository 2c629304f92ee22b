"""The taper plan is kept as the prescriber wrote it: nothing worked out, nothing changed."""

from __future__ import annotations

import ast
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from recovery_app.core.errors import InvalidInput
from recovery_app.core.taper.plan import (
    Dose,
    DoseDay,
    DoseTaken,
    Step,
    TaperPlan,
    as_number,
    check_dose_day,
    check_plan,
    total,
)

ROOT = Path(__file__).parents[3] / "recovery_app"
PLAN = TaperPlan(
    "clonazepam (Klonopin)",
    "tablet",
    "0.5 mg",
    "mg",
    (
        Step(date(2026, 11, 2), (Dose("morning", "0.5"), Dose("bedtime", "0.5"))),
        Step(date(2026, 11, 16), (Dose("morning", "0.25"), Dose("bedtime", "0.5"))),
    ),
)


def test_the_step_in_force_is_the_latest_that_started() -> None:
    assert PLAN.step_on(date(2026, 11, 1)) is None
    assert PLAN.step_on(date(2026, 11, 2)) is PLAN.steps[0]
    assert PLAN.step_on(date(2026, 11, 15)) is PLAN.steps[0]
    assert PLAN.step_on(date(2027, 1, 1)) is PLAN.steps[1]


def test_only_plain_numbers_are_summed_and_never_rounded() -> None:
    assert as_number("0.125") == Decimal("0.125") and as_number("1,5") == Decimal("1.5")
    assert as_number("½") is None and as_number("one tablet") is None
    assert total(PLAN.steps[1].doses) == Decimal("0.75")
    assert total((Dose("morning", "½"), Dose("night", "0.5"))) is None


@pytest.mark.parametrize(
    "plan",
    [
        TaperPlan("", "", "", "mg", PLAN.steps),
        TaperPlan("diazepam", "", "", "mg", ()),
        TaperPlan("diazepam", "", "", "mg", (PLAN.steps[0], PLAN.steps[0])),
        TaperPlan("diazepam", "", "", "mg", (Step(date(2026, 1, 1), ()),)),
        TaperPlan("diazepam", "", "", "mg", (Step(date(2026, 1, 1), (Dose("am", " "),)),)),
    ],
)
def test_a_plan_that_cannot_be_kept_as_written_says_why(plan: TaperPlan) -> None:
    with pytest.raises(InvalidInput):
        check_plan(plan)


def test_a_different_dose_needs_what_was_taken() -> None:
    check_dose_day(DoseDay(date(2026, 11, 3), DoseTaken.AS_PLANNED))
    with pytest.raises(InvalidInput):
        check_dose_day(DoseDay(date(2026, 11, 3), DoseTaken.DIFFERENT))


def test_no_dose_arithmetic_anywhere_in_the_taper_code() -> None:
    """No multiplying, dividing or percentages in the taper's code: the app never works
    out a dose. (Adding and taking away appear only for days and counts.)"""
    forbidden = (ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
    files = (
        sorted((ROOT / "core" / "taper").glob("*.py"))
        + sorted((ROOT / "storage" / "taper").glob("*.py"))
        + sorted((ROOT / "ui" / "taper").glob("*.py"))
    )
    assert len(files) >= 6
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp | ast.AugAssign):
                assert not isinstance(node.op, forbidden), f"{path.name}:{node.lineno}"


def test_a_thousands_separator_is_not_a_decimal_comma() -> None:
    assert as_number("1,000") is None and as_number("1,25") == Decimal("1.25")
