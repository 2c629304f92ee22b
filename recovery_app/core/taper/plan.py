"""A taper plan exactly as the person's prescriber wrote it, and every change to it.

Only the prescriber sets or changes a dose. Nothing here proposes, derives, rounds or
changes a planned dose, percentage or date: amounts are kept as the text typed ("0.25",
"½"), and the one sum the app makes is of amounts typed as plain numbers, to chart a
day's total of what was taken or planned.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

_C = "core.taper.plan"
MAX_STEPS = 200
MAX_DOSES = 8  # times of day in one step
MAX_TEXT = 200

# Offered while typing the medicine; any other name can be typed.
COMMON_MEDICINES = (
    "clonazepam (Klonopin)",
    "diazepam (Valium)",
    "alprazolam (Xanax)",
    "lorazepam (Ativan)",
    "chlordiazepoxide (Librium)",
    "oxazepam",
    "temazepam (Restoril)",
    "clobazam",
)
STANDING_NOTICE = translate(
    _C,
    "Only your prescriber sets or changes your plan. Never stop a benzodiazepine suddenly: "
    "it can cause seizures. If withdrawal is hard, talk with your prescriber about slowing "
    "or pausing. This app only keeps what your prescriber wrote.",
)


@dataclass(frozen=True)
class Dose:
    """One planned dose: when in the day, and how much, as written."""

    when: str  # "morning", "08:00", "bedtime": the person's words
    amount: str  # as typed: "0.5", "½", "one tablet"
    note: str = ""  # "with food", kept with this dose


@dataclass(frozen=True)
class Step:
    """From this day on (until the next step), these doses."""

    starts: date
    doses: tuple[Dose, ...]
    note: str = ""


@dataclass(frozen=True)
class TaperPlan:
    medicine: str
    form: str  # "tablet", "liquid", ...
    strength: str  # "0.5 mg tablets", as written
    unit: str  # of the amounts: "mg", "tablets", "ml"
    steps: tuple[Step, ...]
    changed_by: str = ""  # "changed by my prescriber on 3 March", optional
    saved_at: datetime | None = None
    uid: str = field(default_factory=new_uid)

    def step_on(self, day: date) -> Step | None:
        """The step in force on ``day`` (the latest that has started), or None before."""
        started = [s for s in self.steps if s.starts <= day]
        return max(started, key=lambda s: s.starts) if started else None


_NUMBER = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*$")
_THOUSANDS = re.compile(r"^\s*\d{1,3},\d{3}\s*$")  # "1,000": not read as a decimal comma


def as_number(amount: str) -> Decimal | None:
    """An amount typed as a plain number ("0.5", "1,25"), else None. Never rounded."""
    if not _NUMBER.match(amount) or _THOUSANDS.match(amount):
        return None
    try:
        return Decimal(amount.strip().replace(",", "."))
    except InvalidOperation:
        return None


def total(doses: tuple[Dose, ...]) -> Decimal | None:
    """The sum of the amounts as typed, if every one is a plain number."""
    numbers = [as_number(d.amount) for d in doses]
    if not numbers or any(n is None for n in numbers):
        return None
    return sum((n for n in numbers if n is not None), Decimal(0))


def doses_words(step: Step, unit: str) -> str:
    """A step's doses as typed: "morning: 0.5 mg; bedtime: 0.25 mg (with food)"."""
    words = []
    for d in step.doses:
        amount = f"{d.amount} {unit}".strip()
        text = f"{d.when}: {amount}" if d.when else amount
        words.append(f"{text} ({d.note})" if d.note else text)
    return "; ".join(words)


def _text(name: str, value: object, required: bool = False) -> None:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise InvalidInput(
            translate(_C, "{name} must be text of at most {most} characters.").format(
                name=name, most=MAX_TEXT
            )
        )
    check_storable(name, value)
    if required and not value.strip():
        raise InvalidInput(translate(_C, "Please fill in {name}.").format(name=name.lower()))


def check_plan(plan: TaperPlan) -> None:
    """``InvalidInput`` for a plan that can't be kept as written (never for its doses'
    sizes: those are the prescriber's)."""
    _text(translate(_C, "The medicine"), plan.medicine, required=True)
    for name, value in (
        (translate(_C, "The form"), plan.form),
        (translate(_C, "The strength"), plan.strength),
        (translate(_C, "The unit"), plan.unit),
        (translate(_C, "Who changed it"), plan.changed_by),
    ):
        _text(name, value)
    if not plan.steps:
        raise InvalidInput(translate(_C, "Please add the first step of the plan."))
    if len(plan.steps) > MAX_STEPS:
        raise InvalidInput(
            translate(_C, "A plan can have at most {most} steps.").format(most=MAX_STEPS)
        )
    days = [s.starts for s in plan.steps]
    if len(set(days)) != len(days):
        raise InvalidInput(
            translate(_C, "Two steps start on the same day; please check the dates.")
        )
    for step in plan.steps:
        if not isinstance(step.starts, date) or not 1900 <= step.starts.year <= 2200:
            raise InvalidInput(translate(_C, "Each step needs the day it starts."))
        if not step.doses or len(step.doses) > MAX_DOSES:
            raise InvalidInput(
                translate(_C, "Each step needs one to {most} doses.").format(most=MAX_DOSES)
            )
        _text(translate(_C, "A step's note"), step.note)
        times = [" ".join(d.when.split()).casefold() for d in step.doses]
        if len(set(times)) != len(times):
            # Most likely the next step's first dose with its date left unchanged: two
            # steps must never become one, which would show doses never prescribed.
            raise InvalidInput(
                translate(
                    _C,
                    "The step from {day} has two doses for the same time of day. If one "
                    "belongs to a later step, please give it that step's start day.",
                ).format(day=f"{step.starts.day} {step.starts:%B %Y}")
            )
        for dose in step.doses:
            _text(translate(_C, "When in the day"), dose.when)
            _text(translate(_C, "The amount"), dose.amount, required=True)
            _text(translate(_C, "A dose's note"), dose.note)


class DoseTaken(enum.StrEnum):
    AS_PLANNED = "as_planned"
    DIFFERENT = "different"  # recorded as that, never as a slip
    MISSED = "missed"


DOSE_WORDS = {
    DoseTaken.AS_PLANNED: translate(_C, "Taken as planned"),
    DoseTaken.DIFFERENT: translate(_C, "Different from the plan"),
    DoseTaken.MISSED: translate(_C, "Missed"),
}


@dataclass(frozen=True)
class DoseDay:
    """What was taken on one day, as the person says: a different dose is not a slip."""

    day: date
    taken: DoseTaken
    amount: str = ""  # what was taken, as typed, when different
    note: str = ""


def check_dose_day(d: DoseDay) -> None:
    if not isinstance(d.taken, DoseTaken):
        raise InvalidInput(translate(_C, "Please say whether the doses were taken as planned."))
    _text(translate(_C, "The amount taken"), d.amount, required=d.taken is DoseTaken.DIFFERENT)
    _text(translate(_C, "The note"), d.note)
