"""What the Today page needs, in a handful of small indexed Core queries (no ORM)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, func, select

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.storage.checkin.checkins import checkin_from_row
from recovery_app.storage.schema import checkin, recovery_profile


@dataclass(frozen=True)
class TodaySummary:
    today: date
    start_date: date | None
    slip_days: tuple[date, ...]
    week: tuple[CheckIn, ...]  # the last 7 days, oldest first, only days with a check-in
    checkin_count: int

    @property
    def todays_checkin(self) -> CheckIn | None:
        return next((c for c in self.week if c.day == self.today), None)


def today_summary(conn: Connection, today: date) -> TodaySummary:
    start = conn.execute(
        select(recovery_profile.c.start_date).where(recovery_profile.c.id == 1)
    ).scalar_one_or_none()
    slips = conn.execute(
        select(checkin.c.day).where(checkin.c.used == UsedToday.YES.value).order_by(checkin.c.day)
    ).scalars()
    week = conn.execute(
        select(checkin)
        .where(checkin.c.day >= today - timedelta(days=6), checkin.c.day <= today)
        .order_by(checkin.c.day)
    )
    count = conn.execute(select(func.count()).select_from(checkin)).scalar_one()
    return TodaySummary(
        today=today,
        start_date=start,
        slip_days=tuple(slips),
        week=tuple(checkin_from_row(row._mapping) for row in week),
        checkin_count=count,
    )
