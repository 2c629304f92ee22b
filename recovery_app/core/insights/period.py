"""The stretch of days Insights and the report look at, and how it is split into bars.

Days are the person's local calendar days, both ends included. Weeks start on Monday.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate

LONG_PERIOD_DAYS = 400  # longer than this, bars are months rather than weeks
SHORT_PERIOD_DAYS = 92  # up to this, check-ins are drawn day by day


class RangeChoice(enum.StrEnum):
    DAYS_30 = "30"
    DAYS_90 = "90"
    DAYS_365 = "365"
    ALL = "all"
    CUSTOM = "custom"


RANGE_WORDS: dict[RangeChoice, str] = {
    RangeChoice.DAYS_30: translate("core.insights.period", "Last 30 days"),
    RangeChoice.DAYS_90: translate("core.insights.period", "Last 90 days"),
    RangeChoice.DAYS_365: translate("core.insights.period", "Last 365 days"),
    RangeChoice.ALL: translate("core.insights.period", "All time"),
    RangeChoice.CUSTOM: translate("core.insights.period", "Choose dates…"),
}


class Bucket(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(
                translate("core.insights.period", "The first day must not be after the last day.")
            )

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        """The same number of days just before, to compare with."""
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def bucket(self) -> Bucket:
        """Bars for counts: weeks, or months for more than about a year."""
        return Bucket.MONTH if self.days > LONG_PERIOD_DAYS else Bucket.WEEK

    def line_bucket(self) -> Bucket:
        """Points for check-ins: days for up to three months, then as ``bucket``."""
        return Bucket.DAY if self.days <= SHORT_PERIOD_DAYS else self.bucket()


def period_for(
    choice: RangeChoice, today: date, earliest: date | None, custom: Period | None = None
) -> Period:
    """The days a choice means today. "All time" starts at the earliest record (or today)."""
    if choice is RangeChoice.CUSTOM:
        if custom is None:
            raise InvalidInput(translate("core.insights.period", "Please choose the dates."))
        return custom
    if choice is RangeChoice.ALL:
        return Period(min(earliest or today, today), today)
    return Period(today - timedelta(days=int(choice.value) - 1), today)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def bucket_start(day: date, bucket: Bucket) -> date:
    if bucket is Bucket.DAY:
        return day
    if bucket is Bucket.WEEK:
        return week_start(day)
    return day.replace(day=1)


def next_start(start: date, bucket: Bucket) -> date:
    if bucket is Bucket.DAY:
        return start + timedelta(days=1)
    if bucket is Bucket.WEEK:
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def days_in(period: Period, start: date, bucket: Bucket) -> int:
    """How many of the bar's days are inside the period (fewer at either end)."""
    first = max(start, period.first)
    end = min(next_start(start, bucket), period.last + timedelta(days=1))
    return max(0, (end - first).days)


def whole(period: Period, start: date, bucket: Bucket) -> bool:
    return days_in(period, start, bucket) == (next_start(start, bucket) - start).days


def buckets(period: Period, bucket: Bucket) -> list[date]:
    """The start of every bar from the period's first day to its last, empty ones too."""
    starts: list[date] = []
    current = bucket_start(period.first, bucket)
    while current <= period.last:
        starts.append(current)
        current = next_start(current, bucket)
    return starts
