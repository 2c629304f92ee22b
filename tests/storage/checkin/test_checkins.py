"""Check-ins as stored: constraints, one per day, history, any text intact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from recovery_app.core.checkin.checkin import CheckIn, Halt, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.core.errors import InvalidInput
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from tests.strategies import checkins

TEXTS = [
    "",
    "Feeling okay 🙂🌱👩🏽‍🦱",
    "שלום, היום היה קשה",  # right-to-left
    "مرحبا بالعالم",
    "e\u0301 n\u0303 combining marks",
    "line one\nline two\r\n\ttabbed",
    "x" * 1_000_000,
]


def make(day: date, **kw: object) -> CheckIn:
    values: dict[str, object] = {"mood": 3, "anxiety": 4, "craving": 2, "used": UsedToday.NO}
    values.update(kw)
    return CheckIn(day=day, **values)  # type: ignore[arg-type]


def test_save_and_load_round_trip(db: Database, clock: FixedClock) -> None:
    today = clock.now().date()
    original = make(
        today,
        sleep_hours=7.5,
        sleep_quality=4,
        halt=Halt(lonely=True, tired=True),
        gratitude="My dog",
        note="Went to a meeting",
    )
    with db.transaction() as s:
        CheckIns(s).save(original, clock.now())
    with db.reading() as s:
        loaded = CheckIns(s).get(today)
    assert loaded is not None
    assert replace(loaded, created_at=None, updated_at=None) == original
    assert loaded.created_at is not None and loaded.created_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize("note", TEXTS, ids=range(len(TEXTS)))
def test_any_text_is_stored_intact(db: Database, clock: FixedClock, note: str) -> None:
    today = clock.now().date()
    with db.transaction() as s:
        CheckIns(s).save(make(today, note=note, gratitude=note[:500]), clock.now())
    with db.reading() as s:
        loaded = CheckIns(s).get(today)
    assert loaded is not None and loaded.note == note and loaded.gratitude == note[:500]


def test_second_checkin_for_a_day_edits_the_first_and_keeps_history(
    db: Database, clock: FixedClock
) -> None:
    today = clock.now().date()
    with db.transaction() as s:
        first = CheckIns(s).save(make(today, used=UsedToday.YES, note="hard day"), clock.now())
    later = clock.now() + timedelta(hours=3)
    with db.transaction() as s:
        second = CheckIns(s).save(make(today, mood=4, note="evening"), later)
    with db.reading() as s:
        repo = CheckIns(s)
        assert repo.count() == 1
        assert repo.revision_count(today) == 1
        stored = repo.get(today)
        snapshot = s.execute(text("SELECT snapshot FROM checkin_revision")).scalar_one()
    assert stored is not None and stored.mood == 4 and stored.note == "evening"
    assert second.uid == first.uid and second.created_at == first.created_at
    assert '"used": "yes"' in snapshot and "hard day" in snapshot


def test_past_days_can_be_filled_and_future_days_cannot(db: Database, clock: FixedClock) -> None:
    today = clock.now().date()
    with db.transaction() as s:
        CheckIns(s).save(make(today - timedelta(days=40)), clock.now())
    with pytest.raises(InvalidInput, match="hasn't happened"), db.transaction() as s:
        CheckIns(s).save(make(today + timedelta(days=1)), clock.now())
    with db.reading() as s:
        assert CheckIns(s).count() == 1


def test_storage_refuses_out_of_range_values(db: Database, clock: FixedClock) -> None:
    with pytest.raises(InvalidInput, match="Craving"), db.transaction() as s:
        CheckIns(s).save(make(clock.now().date(), craving=11), clock.now())
    with db.reading() as s:
        assert CheckIns(s).count() == 0


@pytest.mark.parametrize(
    "column_value",
    [
        "mood = 9",
        "anxiety = -1",
        "craving = 42",
        "sleep_hours = 30",
        "sleep_quality = 0",
        "used = 'sometimes'",
    ],
)
def test_check_constraints_back_the_rules(
    db: Database, clock: FixedClock, column_value: str
) -> None:
    with db.transaction() as s:
        CheckIns(s).save(make(clock.now().date()), clock.now())
    with pytest.raises(IntegrityError), db.transaction() as conn:
        conn.execute(text(f"UPDATE checkin SET {column_value}"))


def test_recovery_start_date(db: Database, clock: FixedClock) -> None:
    now = clock.now()
    with db.transaction() as s:
        assert Profile(s).start_date() is None
        Profile(s).set_start_date(date(2025, 1, 1), now)
    with db.reading() as s:
        assert Profile(s).start_date() == date(2025, 1, 1)
    with pytest.raises(InvalidInput), db.transaction() as s:
        Profile(s).set_start_date(now.date() + timedelta(days=1), now)
    with db.transaction() as s:
        Profile(s).set_start_date(None, now)
    with db.reading() as s:
        assert Profile(s).start_date() is None


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(checkin=checkins)
def test_any_valid_checkin_round_trips(db: Database, checkin: CheckIn) -> None:
    now = datetime(2026, 11, 25, 12, 0).astimezone()
    with db.transaction() as s:
        saved = CheckIns(s).save(checkin, now)
    with db.reading() as s:
        loaded = CheckIns(s).get(checkin.day)
    assert loaded == saved
    assert replace(loaded, uid=checkin.uid, created_at=None, updated_at=None) == checkin
