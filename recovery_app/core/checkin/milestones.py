"""Gentle milestones along a run of days in recovery."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from recovery_app.core.i18n import translate


@dataclass(frozen=True)
class Milestone:
    label: str
    reached_on: date


# Short milestones count days; longer ones follow the calendar ("6 months").
_DAY_MILESTONES = (
    (1, translate("core.checkin.milestones", "1 day")),
    (7, translate("core.checkin.milestones", "1 week")),
    (14, translate("core.checkin.milestones", "2 weeks")),
    (30, translate("core.checkin.milestones", "30 days")),
    (60, translate("core.checkin.milestones", "60 days")),
    (90, translate("core.checkin.milestones", "90 days")),
)
_MONTH_MILESTONES = (
    (6, translate("core.checkin.milestones", "6 months")),
    (9, translate("core.checkin.milestones", "9 months")),
)


def milestones_from(run_start: date, until: date) -> list[Milestone]:
    """Every milestone from ``run_start`` up to ``until``, then the next one after it."""
    found: list[Milestone] = []
    for days, label in _DAY_MILESTONES:
        found.append(Milestone(label, run_start + relativedelta(days=days)))
    for months, label in _MONTH_MILESTONES:
        found.append(Milestone(label, run_start + relativedelta(months=months)))
    years = 1
    while True:
        when = run_start + relativedelta(years=years)
        found.append(
            Milestone(
                translate("core.checkin.milestones", "1 year")
                if years == 1
                else translate("core.checkin.milestones", "{years} years").format(years=years),
                when,
            )
        )
        if when > until:
            break
        years += 1
    found.sort(key=lambda m: m.reached_on)
    return found


def milestone_today(run_start: date, today: date) -> Milestone | None:
    for m in milestones_from(run_start, today):
        if m.reached_on == today:
            return m
    return None


def next_milestone(run_start: date, today: date) -> Milestone:
    return next(m for m in milestones_from(run_start, today) if m.reached_on > today)


def milestone_message(run_start: date, today: date) -> str:
    """A kind sentence about today's milestone, or the next one to look forward to."""
    reached = milestone_today(run_start, today)
    if reached is not None:
        return translate(
            "core.checkin.milestones", "Today marks {label}. That took real strength — well done."
        ).format(label=reached.label)
    upcoming = next_milestone(run_start, today)
    days = (upcoming.reached_on - today).days
    when = (
        "tomorrow"
        if days == 1
        else translate("core.checkin.milestones", "in {days} days").format(days=days)
    )
    return translate(
        "core.checkin.milestones", "Next milestone: {label}, {when}. One day at a time."
    ).format(label=upcoming.label, when=when)
