"""Deterministic, realistic sample data for screenshots and benchmarks."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from recovery_app.core.checkin import MOOD_WORDS, UsedToday, new_uid
from recovery_app.storage.db import Database
from recovery_app.storage.models import CheckInRow
from recovery_app.storage.profile import Profile

GRATITUDE = [
    "A long walk with my sister",
    "Slept through the night",
    "Coffee with my sponsor",
    "The sun came out this afternoon",
    "Mi perro me despertó feliz 🐶",
    "Finished a book",
    "Called my mum",
    "شكراً على يوم هادئ",
    "",
    "",
]
NOTES = [
    "",
    "",
    "Hard morning, better after the meeting.",
    "Felt restless in the evening; used the breathing exercise.",
    "Work was stressful but I stayed with it.",
    "Good day. 🌱",
    "Insomnia again — talked to my doctor about it.",
    "Quiet day at home.",
]


def checkin_rows(
    first: date, last: date, seed: int = 7, slip_every: int = 180
) -> list[dict[str, object]]:
    """One plausible check-in per day from ``first`` to ``last``, with rare slips."""
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    day = first
    while day <= last:
        stamp = datetime(day.year, day.month, day.day, 20, 30, tzinfo=UTC)
        anxiety = max(0, min(10, int(rng.gauss(4, 2))))
        rows.append(
            {
                "uid": new_uid(),
                "day": day,
                "mood": rng.choice(list(MOOD_WORDS)),
                "anxiety": anxiety,
                "craving": max(0, min(10, int(rng.gauss(3, 2)))),
                "sleep_hours": rng.choice([None, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0]),
                "sleep_quality": rng.choice([None, 2, 3, 4, 5]),
                "hungry": rng.random() < 0.1,
                "angry": rng.random() < 0.1,
                "lonely": rng.random() < 0.2,
                "tired": rng.random() < 0.3,
                "used": (
                    UsedToday.YES.value if rng.randrange(slip_every) == 0 else UsedToday.NO.value
                ),
                "gratitude": rng.choice(GRATITUDE),
                "note": rng.choice(NOTES),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        day += timedelta(days=1)
    return rows


def populate(db: Database, today: date, years: float, now: datetime, gaps: bool = True) -> int:
    """Fill ``db`` with a start date ``years`` ago and a check-in for the days since.

    With ``gaps``, a few days are left out, as real people miss days.
    """
    start = today - timedelta(days=round(365 * years))
    rows = checkin_rows(start, today - timedelta(days=1))
    if gaps:
        rows = [r for i, r in enumerate(rows) if i % 17 != 5]
    with db.transaction() as session:
        Profile(session).set_start_date(start, now)
        if rows:
            session.execute(insert(CheckInRow), rows)
    return len(rows)
