"""Deterministic, realistic sample data for screenshots and benchmarks."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert

from recovery_app.core.checkin.checkin import MOOD_WORDS, UsedToday, UseQuestion, new_uid
from recovery_app.core.journal.choices import ChoiceList, default_choices, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry, Outcome
from recovery_app.core.meetings.schedule import Attended, Meeting, MeetingKind, Repeat, Schedule
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.schema import checkin

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
                "use_question": UseQuestion.OUTSIDE_PLAN.value,
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
    with db.transaction() as conn:
        Profile(conn).set_start_date(start, now)
        if rows:
            conn.execute(insert(checkin), rows)
    return len(rows)


SITUATIONS = [
    "After an argument with my partner",
    "Couldn't sleep, lying awake at 3am",
    "Payday, walking past the pharmacy",
    "Back pain flared up at work",
    "Family dinner, lots of tension",
    "Alone at home on a Friday night",
    "Saw an old friend who still uses",
    "Stressful meeting with my manager",
    "Después de una llamada difícil con mi madre",
    "Nach der Arbeit, müde und gereizt",
    "Après une mauvaise nuit, très anxieuse",
    "仕事のあとで不安になった",
    "Birthday party, everyone drinking 🎉",
    "Restless, heart racing, felt like withdrawal again",
]
THOUGHTS = [
    "Just one would take the edge off.",
    "I can't handle this feeling.",
    "Nobody would know.",
    "I deserve a break after this week.",
    "My chest is tight and I want it to stop 😣",
    "I keep thinking about how it used to feel.",
    "",
]
CRAVING_NOTES = [
    "Called my sponsor and it passed after twenty minutes.",
    "Went for a walk around the block, then made tea.",
    "Did the breathing exercise twice. Still shaky but okay.",
    "Wrote it down here instead. That helped.",
    "Urge surfing: watched it rise and fall. 💪",
    "Texted a friend from group.",
    "",
]
JOURNAL_TEXTS = [
    "Today was quieter. I noticed I was less irritable in the morning and the fog is lifting.",
    "Therapy session: we talked about what I do when I feel rejected. Homework is to notice it.",
    "Went to a meeting and shared for the first time. My hands were shaking but people nodded.",
    "Sleep is still hard. The doctor said it can take a while, and to be patient with myself.",
    "Hoy me sentí más fuerte. Caminé con mi hermana y hablamos de cosas buenas. 🌱",
    "Ich habe heute an meine Ziele gedacht: gesund bleiben, für meine Kinder da sein.",
    "Grateful for small things: warm coffee, the cat on my lap, a message from mum. ☕🐈",
    "Memory feels better this month. I finished a whole book for the first time in years.",
]
TAGS = ["sleep", "work", "family", "therapy", "meeting", "progress", "hard day", "gratitude"]


def journal_entries(first: date, last: date, count: int, seed: int = 11) -> list[JournalEntry]:
    """``count`` cravings and journal entries spread over ``first``..``last``, mixed scripts."""
    rng = random.Random(seed)
    triggers = [c.uid for c in default_choices(ChoiceList.TRIGGERS)]
    coping = [c.uid for c in default_choices(ChoiceList.COPING)]
    span = (last - first).days + 1
    entries = []
    for _ in range(count):
        day = first + timedelta(days=rng.randrange(span))
        # Local time on this computer, more often in the evening, as cravings tend to be.
        hour = rng.choices(range(6, 24), weights=[1] * 11 + [2, 3, 3, 4, 4, 3, 2])[0]
        moment = datetime(day.year, day.month, day.day, hour, rng.randrange(60)).astimezone()
        if rng.random() < 0.75:
            entries.append(
                JournalEntry(
                    kind=EntryKind.CRAVING,
                    occurred_at=moment,
                    intensity=max(0, min(10, int(rng.gauss(5, 2.5)))),
                    duration_minutes=rng.choice([None, 5, 10, 15, 20, 30, 45, 60]),
                    triggers=tuple(rng.sample(triggers, rng.choice([0, 1, 1, 2, 2, 3]))),
                    coping=tuple(rng.sample(coping, rng.choice([0, 1, 1, 2]))),
                    outcome=rng.choice(
                        [Outcome.PASSED] * 8 + [Outcome.USED, Outcome.ONGOING, None]
                    ),
                    situation=rng.choice(SITUATIONS),
                    thoughts=rng.choice(THOUGHTS),
                    text=rng.choice(CRAVING_NOTES),
                    place=rng.choice(["home", "work", "car", "kitchen", ""]),
                )
            )
        else:
            entries.append(
                JournalEntry(
                    kind=EntryKind.JOURNAL,
                    occurred_at=moment,
                    title=rng.choice(["", "Evening thoughts", "A better day", "Notes after group"]),
                    text=rng.choice(JOURNAL_TEXTS),
                    mood=rng.choice([None, 2, 3, 4, 5]),
                    tags=tuple(rng.sample(TAGS, rng.choice([0, 1, 2]))),
                )
            )
    return entries


def populate_journal(db: Database, entries: list[JournalEntry], now: datetime) -> int:
    with db.transaction() as session:
        journal = Journal(session)
        for entry in entries:
            journal.save(entry, now)
    return len(entries)


def todays_cravings(now: datetime) -> list[JournalEntry]:
    """Two cravings earlier today, so Today's card has something to show."""
    stress = default_uid(ChoiceList.TRIGGERS, "Stress")
    tired = default_uid(ChoiceList.TRIGGERS, "Tired")
    walk = default_uid(ChoiceList.COPING, "Went for a walk")
    return [
        JournalEntry(
            kind=EntryKind.CRAVING,
            occurred_at=now - timedelta(hours=hours),
            intensity=intensity,
            triggers=triggers,
            coping=(walk,),
            outcome=Outcome.PASSED,
            text=text,
        )
        for hours, intensity, triggers, text in (
            (9, 6, (stress,), "Rough call with the pharmacy"),
            (3, 4, (tired, stress), "Long shift, walked it off"),
        )
    ]


MEETING_NAMES = [
    ("NA Home Group", MeetingKind.TWELVE_STEP, "Community centre, room 4"),
    ("SMART Recovery online", MeetingKind.SMART, "https://meet.example.org/smart-tuesday"),
    ("Counselling with Dr. Ortiz", MeetingKind.THERAPY, "Clinic, 2nd floor"),
    ("Peer support circle", MeetingKind.PEER, "Library meeting room"),
    ("AA Big Book study", MeetingKind.TWELVE_STEP, "St. Mark's hall"),
]


def sample_meetings(first: date, count: int, zone: str, seed: int = 5) -> list[Meeting]:
    rng = random.Random(seed)
    meetings = []
    for i in range(count):
        name, kind, place = MEETING_NAMES[i % len(MEETING_NAMES)]
        start = first + timedelta(days=rng.randrange(0, 30))
        repeat = [Repeat.WEEKLY, Repeat.WEEKLY, Repeat.MONTHLY_WEEKDAY][i % 3]
        days = tuple(sorted({start.weekday(), (start.weekday() + 2) % 7}))
        at = time(rng.choice([10, 12, 18, 19, 20]), rng.choice([0, 30]))
        schedule = Schedule(
            repeat, start, at, rng.choice([60, 90]), zone, weekdays=days, nth=1 + i % 4
        )
        suffix = "" if i < len(MEETING_NAMES) else f" ({i // len(MEETING_NAMES) + 1})"
        meetings.append(
            Meeting(
                name + suffix,
                kind,
                schedule,
                place,
                online=place.startswith("https://"),
                reminders=(15, 60) if i % 2 else (30,),
            )
        )
    return meetings


def populate_meetings(db: Database, meetings: list[Meeting], now: datetime, seed: int = 9) -> int:
    """Save the meetings and an attendance answer for every past occurrence."""
    rng = random.Random(seed)
    answers = [Attended.WENT] * 8 + [Attended.MISSED, Attended.CANCELLED]
    recorded = 0
    with db.transaction() as conn:
        repo = Meetings(conn)
        for m in meetings:
            repo.save(m, now)
            begin = datetime.combine(m.schedule.first_day, time(), tzinfo=m.schedule.tz)
            for start in m.schedule.starts_between(begin, now):
                repo.record(m.uid, start, rng.choice(answers), "", now)
                recorded += 1
    return recorded
