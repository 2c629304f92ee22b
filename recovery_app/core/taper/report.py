"""The taper and the questionnaires in the clinician report: each step as prescribed with
the days taken, different and missed, the symptoms, the PHQ-9 and GAD-7 totals, and the
warning signs first."""

from __future__ import annotations

from datetime import date
from statistics import fmean

from recovery_app.core.i18n import translate
from recovery_app.core.insights.charts import Chart, Line, Table
from recovery_app.core.insights.period import Period
from recovery_app.core.insights.sections import Section
from recovery_app.core.questionnaires.forms import FORMS, Kind, Taken, band
from recovery_app.core.taper.plan import DoseDay, DoseTaken, TaperPlan
from recovery_app.core.taper.symptoms import RED_FLAG_WORDS, SymptomDay

_t = translate
_C = "core.taper.report"


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def warnings(symptoms: list[SymptomDay], taken: list[Taken]) -> list[str]:
    """Warning signs and PHQ-9 question 9 answers in the period, for the top of the report."""
    found = [
        _t(_C, "{day}: {signs}").format(
            day=_day(s.day), signs=", ".join(RED_FLAG_WORDS[f].lower() for f in s.red_flags)
        )
        for s in symptoms
        if s.red_flags
    ]
    found += [
        _t(
            _C,
            "{day}: PHQ-9 question 9 (thoughts of being better off dead or of self-harm) "
            "answered above “Not at all”",
        ).format(day=_day(t.taken_at.date()))
        for t in taken
        if t.self_harm_answered
    ]
    return found


def taper_section(
    period: Period,
    plan: TaperPlan | None,
    doses: list[DoseDay],
    symptoms: list[SymptomDay],
    sleep: tuple[tuple[date, float], ...] = (),
) -> Section:
    title = _t(_C, "Taper: the plan as prescribed, and each day")
    if plan is None:
        reading = _t(_C, "No taper plan was entered.")
        return Section("taper", title, reading, (), Table((), ()))
    # The steps in force at some point in the period: not those that ended before it.
    starts = [s.starts for s in plan.steps]
    steps = [
        s
        for i, s in enumerate(plan.steps)
        if s.starts <= period.last and (i + 1 == len(starts) or starts[i + 1] > period.first)
    ]
    rows = []
    for i, step in enumerate(steps):
        ends = steps[i + 1].starts if i + 1 < len(steps) else None
        inside = [d for d in doses if d.day >= step.starts and (ends is None or d.day < ends)]
        days = [s for s in symptoms if s.day >= step.starts and (ends is None or s.day < ends)]
        mean = fmean(s.total for s in days) if days else None  # of symptoms, not a dose
        nights = [h for d, h in sleep if d >= step.starts and (ends is None or d < ends)]
        slept = fmean(nights) if nights else None
        rows.append(
            (
                _day(step.starts),
                "; ".join(f"{d.when} {d.amount} {plan.unit}".strip() for d in step.doses),
                str(sum(1 for d in inside if d.taken is DoseTaken.AS_PLANNED)),
                str(sum(1 for d in inside if d.taken is DoseTaken.DIFFERENT)),
                str(sum(1 for d in inside if d.taken is DoseTaken.MISSED)),
                "" if mean is None else f"{mean:.1f}",
                "" if slept is None else f"{slept:.1f}",
            )
        )
    counts = {t: sum(1 for d in doses if d.taken is t) for t in DoseTaken}
    reading = _t(
        _C,
        "{medicine} ({strength}). Days as planned: {planned}; different from the plan: "
        "{different}; missed: {missed}. The plan is as the person typed it from their "
        "prescriber; the app never works out a dose.",
    ).format(
        medicine=plan.medicine,
        strength=plan.strength or plan.form,
        planned=counts[DoseTaken.AS_PLANNED],
        different=counts[DoseTaken.DIFFERENT],
        missed=counts[DoseTaken.MISSED],
    )
    table = Table(
        (
            _t(_C, "Step from"),
            _t(_C, "Prescribed"),
            _t(_C, "As planned"),
            _t(_C, "Different"),
            _t(_C, "Missed"),
            _t(_C, "Mean symptom score"),
            _t(_C, "Mean sleep (hours)"),
        ),
        tuple(rows),
        tuple(s.starts.isoformat() for s in steps),
    )
    charts: tuple[tuple[str, Chart], ...] = ()
    if len(symptoms) >= 2:
        name = _t(_C, "Withdrawal symptom score each day noted")
        charts = (
            (
                name,
                Line(
                    name,
                    tuple(f"{s.day.day} {s.day:%b}" for s in symptoms),
                    tuple(float(s.total) for s in symptoms),
                    0,
                    float(max(s.total for s in symptoms) or 1),
                ),
            ),
        )
    return Section("taper", title, reading, charts, table)


def questionnaires_section(taken: list[Taken]) -> Section:
    title = _t(_C, "PHQ-9 and GAD-7")
    if not taken:
        return Section(
            "questionnaires", title, _t(_C, "No questionnaires were taken in these days."), (),
            Table((), ()),
        )  # fmt: skip
    parts = []
    charts: list[tuple[str, Chart]] = []
    for kind in Kind:
        mine = [t for t in taken if t.kind is kind]
        if not mine:
            continue
        form = FORMS[kind]
        parts.append(
            _t(
                _C, "{name}: {first} at first, {last} most recently ({band} range), of {most}."
            ).format(
                name=form.name,
                first=mine[0].total,
                last=mine[-1].total,
                band=band(form, mine[-1].total).name,
                most=form.most,
            )
            if len(mine) > 1
            else _t(_C, "{name}: {total} of {most} ({band} range).").format(
                name=form.name,
                total=mine[0].total,
                most=form.most,
                band=band(form, mine[0].total).name,
            )
        )
        if len(mine) >= 2:
            name = _t(_C, "{name} total").format(name=form.name)
            charts.append(
                (
                    name,
                    Line(
                        name,
                        tuple(f"{t.taken_at.day} {t.taken_at:%b}" for t in mine),
                        tuple(float(t.total) for t in mine),
                        0,
                        form.most,
                    ),
                )
            )
    table = Table(
        (
            _t(_C, "Day"),
            _t(_C, "Questionnaire"),
            _t(_C, "Total"),
            _t(_C, "Of"),
            _t(_C, "Published range"),
        ),
        tuple(
            (
                _day(t.taken_at.date()),
                t.form.name,
                str(t.total),
                str(t.form.most),
                band(t.form, t.total).name,
            )
            for t in taken
        ),
        tuple(f"{t.taken_at.date().isoformat()} {t.kind.value}" for t in taken),
    )
    reading = (
        " ".join(parts)
        + " "
        + _t(_C, "The ranges are the questionnaires' published ones; they are not a diagnosis.")
    )
    return Section("questionnaires", title, reading, tuple(charts), table)
