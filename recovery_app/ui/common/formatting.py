"""Dates in words, the same everywhere (portable: no platform-only strftime codes)."""

from datetime import date

from recovery_app.core.i18n import translate


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def days_words(n: int) -> str:
    return (
        translate("ui.common.formatting", "1 day")
        if n == 1
        else translate("ui.common.formatting", "{n:,} days").format(n=n)
    )
