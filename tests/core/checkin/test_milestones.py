from datetime import date

import pytest

from recovery_app.core.checkin.milestones import milestone_message, milestone_today, next_milestone

RUN = date(2025, 8, 31)


@pytest.mark.parametrize(
    ("today", "label"),
    [
        (date(2025, 9, 1), "1 day"),
        (date(2025, 9, 7), "1 week"),
        (date(2025, 9, 30), "30 days"),
        (date(2025, 11, 29), "90 days"),
        (date(2026, 2, 28), "6 months"),  # Aug 31 + 6 months ends on Feb 28
        (date(2026, 8, 31), "1 year"),
        (date(2028, 8, 31), "3 years"),
    ],
)
def test_milestones_fall_on_calendar_days(today: date, label: str) -> None:
    reached = milestone_today(RUN, today)
    assert reached is not None and reached.label == label
    assert label in milestone_message(RUN, today)


def test_between_milestones_the_next_one_is_named() -> None:
    assert milestone_today(RUN, date(2025, 9, 3)) is None
    upcoming = next_milestone(RUN, date(2025, 9, 3))
    assert (upcoming.label, upcoming.reached_on) == ("1 week", date(2025, 9, 7))
    assert milestone_message(RUN, date(2025, 9, 6)) == (
        "Next milestone: 1 week, tomorrow. One day at a time."
    )
