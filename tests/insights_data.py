"""A fortnight of records counted by hand, for the Insights, report and CLI tests.

Monday 2 to Sunday 15 November 2026 in New York and Berlin: three cravings in the
period (one with the person's own words), one before it and one after it, a journal
entry, four check-ins with HALT answers, and a weekly meeting went to once and missed
once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from recovery_app.core.checkin.checkin import CheckIn, Halt, UsedToday
from recovery_app.core.insights.period import Period
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry, Outcome
from recovery_app.core.meetings.schedule import Attended, Meeting, MeetingKind, Repeat, Schedule
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.meetings.meetings import Meetings

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
STRESS = default_uid(ChoiceList.TRIGGERS, "Stress")
TIRED = default_uid(ChoiceList.TRIGGERS, "Tired")
WALK = default_uid(ChoiceList.COPING, "Went for a walk")
# Monday 2 to Sunday 15 November 2026: two whole weeks.
PERIOD = Period(date(2026, 11, 2), date(2026, 11, 15))


OWN_WORDS = "Rough call with my sister"  # the only note in the period


def craving(
    at: datetime,
    strength: int,
    triggers: tuple[str, ...] = (),
    coping: tuple[str, ...] = (),
    outcome: Outcome | None = None,
    text: str = "",
) -> JournalEntry:
    return JournalEntry(
        EntryKind.CRAVING,
        at,
        intensity=strength,
        triggers=triggers,
        coping=coping,
        outcome=outcome,
        text=text,
    )


def fill(db: Database) -> None:
    with db.transaction() as conn:
        journal = Journal(conn)
        for entry in [
            # Friday 6 November, 23:30 in New York: Saturday 04:30 in UTC.
            craving(
                datetime(2026, 11, 6, 23, 30, tzinfo=NEW_YORK),
                8,
                (STRESS,),
                (WALK,),
                Outcome.PASSED,
            ),
            # Friday 13 November, 22:10 in New York.
            craving(
                datetime(2026, 11, 13, 22, 10, tzinfo=NEW_YORK),
                6,
                (STRESS, TIRED),
                (WALK,),
                Outcome.USED,
                OWN_WORDS,
            ),
            # Monday 9 November, 00:30 in Berlin: still Sunday 23:30 in UTC.
            craving(datetime(2026, 11, 9, 0, 30, tzinfo=BERLIN), 4, (TIRED,), (), None),
            # Outside the period: Sunday 1 November (the period before) and 16 November.
            craving(datetime(2026, 11, 1, 12, 0, tzinfo=NEW_YORK), 5, (STRESS,)),
            craving(datetime(2026, 11, 16, 9, 0, tzinfo=NEW_YORK), 5, (STRESS,)),
            # A journal entry, before the period, is not a craving.
            JournalEntry(
                EntryKind.JOURNAL, datetime(2026, 10, 6, 20, 0, tzinfo=NEW_YORK), text="ok"
            ),
        ]:
            journal.save(entry, NOW)
        for day, halt in [
            (date(2026, 11, 6), Halt(tired=True, lonely=True)),  # a craving day
            (date(2026, 11, 9), Halt(tired=True)),  # a craving day
            (date(2026, 11, 10), Halt(hungry=True)),
            (date(2026, 11, 11), Halt()),
        ]:
            CheckIns(conn).save(
                CheckIn(
                    day=day,
                    mood=3,
                    anxiety=4,
                    craving=2,
                    used=UsedToday.NO,
                    halt=halt,
                    sleep_hours=7.0,
                ),
                NOW,
            )
        Profile(conn).set_start_date(date(2026, 10, 1), NOW)
        meetings = Meetings(conn)
        meeting = meetings.save(
            Meeting(
                "Home group",
                MeetingKind.TWELVE_STEP,
                Schedule(
                    Repeat.WEEKLY,
                    date(2026, 11, 3),
                    time(19),
                    60,
                    "America/New_York",
                    weekdays=(1,),
                ),
            ),
            NOW,
        )
        tuesday = datetime(2026, 11, 3, 19, tzinfo=NEW_YORK)
        meetings.record(meeting.uid, tuesday, Attended.WENT, "", NOW)
        meetings.record(meeting.uid, tuesday + timedelta(days=7), Attended.MISSED, "", NOW)
