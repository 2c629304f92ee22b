"""Periods, bars and the plain readings: patterns, never causes; few records say so."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from recovery_app.core.errors import InvalidInput
from recovery_app.core.insights import readings
from recovery_app.core.insights.figures import (
    CravingBar,
    HaltShare,
    Insights,
    MeetingWeeks,
    Named,
    compare_meeting_weeks,
    heat_grid,
)
from recovery_app.core.insights.period import (
    Bucket,
    Period,
    RangeChoice,
    buckets,
    period_for,
    week_start,
)

TODAY = date(2026, 12, 1)


def test_ranges_end_today_and_all_time_starts_at_the_first_record() -> None:
    assert period_for(RangeChoice.DAYS_30, TODAY, None) == Period(date(2026, 11, 2), TODAY)
    assert period_for(RangeChoice.ALL, TODAY, date(2019, 5, 4)).first == date(2019, 5, 4)
    assert period_for(RangeChoice.ALL, TODAY, None) == Period(TODAY, TODAY)
    assert Period(date(2026, 11, 2), TODAY).previous() == Period(
        date(2026, 10, 3), date(2026, 11, 1)
    )
    with pytest.raises(InvalidInput):
        Period(TODAY, date(2026, 11, 30))


def test_bars_are_weeks_from_monday_or_months_for_long_periods() -> None:
    short = Period(date(2026, 11, 4), date(2026, 11, 17))  # Wednesday to Tuesday
    assert short.bucket() is Bucket.WEEK and short.line_bucket() is Bucket.DAY
    assert buckets(short, Bucket.WEEK) == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    long = Period(date(2024, 1, 31), date(2026, 12, 1))
    assert long.bucket() is Bucket.MONTH
    months = buckets(long, Bucket.MONTH)
    assert months[:2] == [date(2024, 1, 1), date(2024, 2, 1)] and months[-1] == date(2026, 12, 1)
    assert len(months) == 36


def _insights(**changes: object) -> Insights:
    values: dict[str, object] = {
        "period": Period(date(2026, 11, 2), date(2026, 11, 29)),
        "cravings": (CravingBar(date(2026, 11, 2), 8, 40, 6, 1, 0),),
        "previous_cravings": 0,
        "triggers": (Named("Stress", 4, 3, 0),),
        "heat": heat_grid({(4, 20): 5, (4, 21): 2, (1, 9): 1}),
        "halt": HaltShare(),
        "coping": (Named("Went for a walk", 3, 3),),
        "checkins": (),
        "progress": None,
        "slips_in_period": 0,
        "meetings": (),
        "meeting_weeks": MeetingWeeks(),
    }
    values.update(changes)
    return Insights(**values)  # type: ignore[arg-type]


def test_readings_describe_what_was_logged() -> None:
    ins = _insights()
    # One of the eight doesn't say how it ended: the share is of the seven that do.
    assert readings.cravings(ins) == (
        "8 cravings logged, about 2.0 a week, at a mean strength of 5.0 of 10. "
        "Of those whose end you noted, 86 % passed."
    )
    assert readings.times(ins) == "Most cravings came on Fridays (88 %) and in the evening (88 %)."
    assert readings.triggers(ins) == "Stress was the most common trigger, in 50 % of cravings."
    assert readings.coping(ins) == (
        "When you used “Went for a walk”, the craving passed 3 of 3 times. "
        "That is a small number, so it says little yet."
    )


def test_few_records_say_so_instead_of_a_pattern() -> None:
    few = _insights(
        cravings=(CravingBar(date(2026, 11, 2), 2, 10, 2),), heat=heat_grid({(4, 20): 2})
    )
    assert readings.times(few) == "Only 2 logged in this period: too few to show a pattern yet."
    assert readings.triggers(few).startswith("Only 2 logged")
    assert "Too few days" in readings.halt(HaltShare(craving_days=3))


def test_halt_compares_craving_days_with_other_days() -> None:
    h = HaltShare(10, 20, (0, 1, 2, 6), (2, 0, 1, 4))
    assert readings.halt(h) == (
        "On days with a craving, you said you were tired in 60 % of check-ins (20 % on other days)."
    )


def test_no_reading_speaks_of_causes() -> None:
    ins = _insights()
    texts = [
        f(ins) for f in (readings.cravings, readings.triggers, readings.times, readings.coping)
    ]
    for text in texts:
        assert not any(word in text.lower() for word in ("because", "caused", "causes", "leads to"))


def test_a_tie_is_not_called_the_most() -> None:
    """One craving on each weekday: no day is "the most"; all five in the evening."""
    even = heat_grid({(d, 20): 1 for d in range(5)})
    ins = _insights(heat=even, cravings=(CravingBar(date(2026, 11, 2), 5, 25, 5),))
    assert readings.times(ins) == (
        "No one day of the week stands out; most cravings came in the evening (100 %)."
    )


def test_a_few_days_give_no_weekly_rate() -> None:
    ins = _insights(period=Period(date(2026, 11, 2), date(2026, 11, 4)))
    assert readings.cravings(ins).startswith("8 cravings logged, at a mean strength of 5.0")


def test_halt_has_no_comparison_with_a_day_or_two() -> None:
    h = HaltShare(10, 1, (0, 0, 0, 6), (0, 0, 0, 0))
    assert (
        readings.halt(h) == "On days with a craving, you said you were tired in 60 % of check-ins."
    )


def test_the_few_days_at_either_end_are_no_week_of_their_own() -> None:
    """Two cravings every day from Sunday 1 to Monday 30 November, a meeting every
    Tuesday: the weeks with a meeting are all the whole weeks, and no "other week" made of
    one day says 2 cravings against 14."""
    period = Period(date(2026, 11, 1), date(2026, 11, 30))
    cravings = {period.first + timedelta(days=i): 2 for i in range(30)}
    weekly: dict[date, int] = {}
    for day, n in cravings.items():
        weekly[week_start(day)] = weekly.get(week_start(day), 0) + n
    went = {week: 1 for week in weekly}
    weeks = compare_meeting_weeks(period, weekly, went)
    assert (weeks.meeting_weeks, weeks.other_weeks) == (4, 0)
    assert weeks.mean_with == 14.0 and weeks.mean_without is None
