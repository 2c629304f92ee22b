"""Insights counted from a small set of records worked out by hand, and for any records."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_app.core.insights import readings
from recovery_app.core.insights.period import Period, RangeChoice
from recovery_app.core.journal.choices import ChoiceList
from recovery_app.storage.db import Database
from recovery_app.storage.insights.ops import insights, insights_for
from recovery_app.storage.journal.choices import Choices
from recovery_app.storage.journal.entries import Journal
from tests.insights_data import BERLIN, NEW_YORK, NOW, PERIOD, STRESS, TIRED, craving, fill


def test_a_hand_counted_fortnight(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "recovery.db")
    fill(db)
    ins = insights_for(db, PERIOD, date(2026, 11, 30))
    # Two weekly bars: the first week has Friday's craving, the second Monday's and Friday's.
    assert [(b.start, b.count, b.strength_sum) for b in ins.cravings] == [
        (date(2026, 11, 2), 1, 8),
        (date(2026, 11, 9), 2, 10),
    ]
    assert ins.outcome_totals() == (1, 1, 0, 1)
    assert ins.previous_cravings == 1  # 1 November
    # Local weekday and hour, not UTC: Friday 23:00 and 22:00, Monday 00:00.
    cells = {(d, h): n for d, row in enumerate(ins.heat) for h, n in enumerate(row) if n}
    assert cells == {(4, 23): 1, (4, 22): 1, (0, 0): 1}
    assert [(t.name, t.count, t.previous) for t in ins.triggers] == [
        ("Stress", 2, 1),
        ("Tired", 2, 0),
    ]
    [walk] = ins.coping
    assert (walk.name, walk.count, walk.passed) == ("Went for a walk", 2, 1)
    # Check-ins on two craving days (tired both times, lonely once) and two other days.
    assert ins.halt.craving_days == 2 and ins.halt.on_craving_days == (0, 0, 1, 2)
    assert ins.halt.other_days == 2 and ins.halt.on_other_days == (1, 0, 0, 0)
    assert [(m.start, m.went, m.missed) for m in ins.meetings] == [
        (date(2026, 11, 2), 1, 0),
        (date(2026, 11, 9), 0, 1),
    ]
    weeks = ins.meeting_weeks
    assert (weeks.meeting_weeks, weeks.cravings_in_meeting_weeks) == (1, 1)
    assert (weeks.other_weeks, weeks.cravings_in_other_weeks) == (1, 2)
    assert ins.checkin_days == 4
    assert ins.progress is not None and ins.progress.current_run_days == 60
    assert readings.meetings(ins) == (
        "You went to 1 meeting. In weeks with a meeting you logged 1.0 cravings on average, "
        "in other weeks 2.0."
    )


def test_a_merged_trigger_counts_once_as_the_one_it_became(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "recovery.db")
    fill(db)
    with db.transaction() as conn:
        Choices(conn, ChoiceList.TRIGGERS).merge(TIRED, STRESS)
    ins = insights_for(db, PERIOD, date(2026, 11, 30))
    # The craving with both Stress and Tired is one craving with Stress.
    assert [(t.name, t.count) for t in ins.triggers] == [("Stress", 3)]


def test_nothing_logged_says_what_to_do(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "recovery.db")
    ins = insights(db, RangeChoice.ALL, date(2026, 11, 30))
    assert ins.period == Period(date(2026, 11, 30), date(2026, 11, 30))
    assert ins.craving_count == 0 and sum(map(sum, ins.heat)) == 0
    assert "No cravings were logged" in readings.cravings(ins)
    assert "No check-ins" in readings.checkins(ins)
    assert "Set the day your recovery started" in readings.recovery(ins)


ZONES = st.sampled_from(
    [UTC, NEW_YORK, BERLIN, ZoneInfo("Asia/Kolkata"), ZoneInfo("Pacific/Chatham")]
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    moments=st.lists(
        st.datetimes(
            min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 31), timezones=ZONES
        ),
        max_size=30,
    ),
    first=st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)),
    days=st.integers(1, 500),
)
def test_every_craving_in_the_period_is_counted_once(
    tmp_path_factory,
    moments: list[datetime],
    first: date,
    days: int,  # type: ignore[no-untyped-def]
) -> None:
    """The heat map, the bars and the plain count agree, by the local day each happened,
    also across daylight saving changes and half-hour zones."""
    db = Database.open(tmp_path_factory.mktemp("db") / "recovery.db")
    with db.transaction() as conn:
        for moment in moments:
            Journal(conn).save(craving(moment, 5), NOW)
    period = Period(first, first + timedelta(days=days - 1))
    ins = insights_for(db, period, date(2026, 12, 31))
    expected = [m for m in moments if period.first <= m.date() <= period.last]
    assert sum(map(sum, ins.heat)) == ins.craving_count == len(expected)
    for m in expected:
        assert ins.heat[m.weekday()][m.hour] >= 1
    db.close()


def test_the_night_the_clocks_go_back_counts_both_half_past_ones_at_one(tmp_path: Path) -> None:
    """1 November 2026 in New York: 01:30 happens twice (EDT, then EST). Both are a
    Sunday at 01:00 local time, on that day, not 05:00 and 06:00 as in UTC."""
    db = Database.open(tmp_path / "recovery.db")
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK)  # fold 0: EDT, 05:30 UTC
    second = first.replace(fold=1)  # EST, 06:30 UTC
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    with db.transaction() as conn:
        for moment in (first, second):
            Journal(conn).save(craving(moment, 5), NOW)
    day = Period(date(2026, 11, 1), date(2026, 11, 1))
    ins = insights_for(db, day, date(2026, 11, 30))
    assert ins.heat[6][1] == 2 and ins.craving_count == 2  # Sunday, 01:00
    with db.reading() as conn:
        back = sorted(e.occurred_at for e in Journal(conn).all())
    assert [f"{m:%H:%M %z}" for m in back] == ["01:30 -0400", "01:30 -0500"]
