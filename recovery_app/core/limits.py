"""The span of dates and instants the app stores: wide for any real life, narrow enough that
arithmetic on them (a week later, another zone) never leaves what Python can represent."""

from __future__ import annotations

from datetime import UTC, date, datetime

EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2200, 12, 31)
EARLIEST_INSTANT = datetime(1900, 1, 2, tzinfo=UTC)
LATEST_INSTANT = datetime(2200, 12, 30, tzinfo=UTC)


def day_in_range(day: date) -> bool:
    return EARLIEST_DAY <= day <= LATEST_DAY


def instant_in_range(moment: datetime) -> bool:
    """For an aware datetime; compared in UTC, so no offset can push it out of range."""
    return EARLIEST_INSTANT <= moment <= LATEST_INSTANT
