"""Calendar arithmetic for "time in recovery": real months and years, never 30-day months."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from recovery_app.core.i18n import translate


def _years(n: int) -> str:
    if n == 1:
        return translate("core.durations", "1 year")
    return translate("core.durations", "{n} years").format(n=n)


def _months(n: int) -> str:
    if n == 1:
        return translate("core.durations", "1 month")
    return translate("core.durations", "{n} months").format(n=n)


def _days(n: int) -> str:
    if n == 1:
        return translate("core.durations", "1 day")
    return translate("core.durations", "{n} days").format(n=n)


def calendar_span(start: date, end: date) -> relativedelta:
    """Years, months and days from ``start`` to ``end`` on the calendar."""
    return relativedelta(end, start)


def describe_span(start: date, end: date) -> str:
    """A span such as "1 year, 4 days" or "2 months, 1 day"; "0 days" on the first day."""
    if end < start:
        raise ValueError("end is before start")
    span = calendar_span(start, end)
    parts = [
        words(value)
        for value, words in ((span.years, _years), (span.months, _months), (span.days, _days))
        if value
    ]
    return ", ".join(parts) if parts else translate("core.durations", "0 days")


def days_between(start: date, end: date) -> int:
    """Whole calendar days; dates carry no clock time, so DST never shifts this."""
    return (end - start).days
