from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.core.clock import FixedClock, today
from recovery_app.core.durations import days_between, describe_span


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2025, 11, 21), date(2026, 11, 25), "1 year, 4 days"),
        (date(2026, 11, 25), date(2026, 11, 25), "0 days"),
        (date(2026, 11, 24), date(2026, 11, 25), "1 day"),
        # Month ends clamp, as on a calendar: Jan 31 + 1 month is Feb 28.
        (date(2026, 1, 31), date(2026, 2, 28), "1 month"),
        (date(2026, 1, 15), date(2026, 2, 14), "30 days"),  # never a 30-day "month"
        (date(2026, 2, 1), date(2026, 3, 1), "1 month"),  # a 28-day month is still a month
        (date(2026, 1, 31), date(2026, 3, 1), "1 month, 1 day"),
        (date(2026, 1, 31), date(2026, 3, 31), "2 months"),
        (date(2024, 2, 29), date(2025, 2, 28), "1 year"),  # leap day clamps to Feb 28
        (date(2024, 2, 28), date(2025, 2, 27), "11 months, 30 days"),
        (date(2024, 2, 29), date(2025, 3, 1), "1 year, 1 day"),
        (date(2024, 2, 29), date(2028, 2, 29), "4 years"),
        (date(2023, 3, 1), date(2024, 3, 1), "1 year"),  # across a leap day
        (date(2020, 5, 15), date(2026, 7, 16), "6 years, 2 months, 1 day"),
    ],
)
def test_describe_span_uses_the_calendar(start: date, end: date, words: str) -> None:
    assert describe_span(start, end) == words


def test_describe_span_refuses_a_reversed_span() -> None:
    with pytest.raises(ValueError):
        describe_span(date(2026, 1, 2), date(2026, 1, 1))


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        # Spring forward: the local day is only 23 hours long.
        ("America/New_York", datetime(2026, 3, 7, 23, 30), datetime(2026, 3, 8, 23, 30)),
        # Fall back: a 25-hour day.
        ("America/New_York", datetime(2026, 10, 31, 0, 30), datetime(2026, 11, 1, 23, 59)),
        ("Europe/Berlin", datetime(2026, 3, 28, 23, 0), datetime(2026, 3, 29, 23, 0)),
        ("Europe/Berlin", datetime(2026, 10, 24, 0, 1), datetime(2026, 10, 25, 23, 0)),
    ],
)
def test_a_dst_day_counts_as_one_day(zone: str, before: datetime, after: datetime) -> None:
    tz = ZoneInfo(zone)
    first = today(FixedClock(before.replace(tzinfo=tz)))
    second = today(FixedClock(after.replace(tzinfo=tz)))
    assert days_between(first, second) == 1
    assert describe_span(first, second) == "1 day"


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)),
    st.integers(min_value=0, max_value=20_000),
)
def test_span_adds_back_to_the_end_date(start: date, days: int) -> None:
    from dateutil.relativedelta import relativedelta

    from recovery_app.core.durations import calendar_span

    end = start + timedelta(days=days)
    span = calendar_span(start, end)
    assert start + relativedelta(years=span.years, months=span.months, days=span.days) == end
    assert 0 <= span.months < 12 and 0 <= span.days < 31
