"""What the Today page needs, in a handful of small indexed queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from recovery_app.core.checkin import CheckIn
from recovery_app.storage.checkins import CheckIns
from recovery_app.storage.profile import Profile


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


def today_summary(session: Session, today: date) -> TodaySummary:
    checkins = CheckIns(session)
    return TodaySummary(
        today=today,
        start_date=Profile(session).start_date(),
        slip_days=tuple(checkins.slip_days()),
        week=tuple(checkins.between(today - timedelta(days=6), today)),
        checkin_count=checkins.count(),
    )
