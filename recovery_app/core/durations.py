"""Calendar arithmetic for "time in recovery": real months and years, never 30-day months."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from recovery_app.core.i18n import translate

# (one, several) for years, months and days: two whole strings, as plurals differ by language.
_UNITS = (
    (translate("core.durations", "1 year"), translate("core.durations", "{n} years")),
    (translate("core.durations", "1 month"), translate("core.durations", "{n} months")),
    (translate("core.durations", "1 day"), translate("core.durations", "{n} days")),
)


def calendar_span(start: date, end: date) -> relativedelta:
    """Years, months and days from ``start`` to ``end`` on the calendar."""
    return relativedelta(end, start)


def describe_span(start: date, end: date) -> str:
    """A span such as "1 year, 4 days" or "2 months, 1 day"; "0 days" on the first day."""
    if end < start:
        raise ValueError("end is before start")
    span = calendar_span(start, end)
    parts = [
        one if value == 1 else several.format(n=value)
        for value, (one, several) in zip((span.years, span.months, span.days), _UNITS, strict=True)
        if value
    ]
    return ", ".join(parts) if parts else translate("core.durations", "0 days")


def days_between(start: date, end: date) -> int:
    """Whole calendar days; dates carry no clock time, so DST never shifts this."""
    return (end - start).days
