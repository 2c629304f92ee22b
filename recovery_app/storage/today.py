"""What the Today page shows, read in one connection with small indexed Core queries.

This is on the launch path: no Alembic, no recurrence code (meetings load after
Today has painted, through ``storage.meetings.ops``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from recovery_app.storage.checkin.summary import TodaySummary, today_summary
from recovery_app.storage.db import Database
from recovery_app.storage.journal.queries import EntryListRow, cravings_between


@dataclass(frozen=True)
class TodayData:
    summary: TodaySummary
    cravings: list[EntryListRow]  # today's, newest first


def read_today(db: Database, today: date, day_starts: datetime, day_ends: datetime) -> TodayData:
    with db.reading() as conn:
        return TodayData(today_summary(conn, today), cravings_between(conn, day_starts, day_ends))
