"""Calendar arithmetic for "time in recovery": real months and years, never 30-day months."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def calendar_span(start: date, end: date) -> relativedelta:
    """Years, months and days from ``start`` to ``end`` on the calendar."""
    return relativedelta(end, start)


def describe_span(start: date, end: date) -> str:
    """A span such as "1 year, 4 days" or "2 months, 1 day"; "0 days" on the first day."""
    if end < start:
        raise ValueError("end is before start")
    span = calendar_span(start, end)
    parts = [
        _plural(value, word)
        for value, word in ((span.years, "year"), (span.months, "month"), (span.days, "day"))
        if value
    ]
    return ", ".join(parts) if parts else "0 days"


def days_between(start: date, end: date) -> int:
    """Whole calendar days; dates carry no clock time, so DST never shifts this."""
    return (end - start).days
