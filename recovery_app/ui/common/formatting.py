"""Dates in words, the same everywhere (portable: no platform-only strftime codes)."""

from datetime import date


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def days_words(n: int) -> str:
    return "1 day" if n == 1 else f"{n:,} days"
