"""What the Today page needs, in a handful of small indexed Core queries (no ORM)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, func, select

from recovery_app.core.checkin.checkin import CheckIn, UsedToday, UseQuestion
from recovery_app.storage.checkin.checkins import checkin_from_row
from recovery_app.storage.schema import app_state, checkin, recovery_profile

# Set once the person has been offered to review "yes" days answered to the old question.
REVIEW_OFFERED_KEY = "use_review_offered"


@dataclass(frozen=True)
class TodaySummary:
    today: date
    start_date: date | None
    slip_days: tuple[date, ...]
    week: tuple[CheckIn, ...]  # the last 7 days, oldest first, only days with a check-in
    checkin_count: int
    # "Yes" days answered to "Did you use today?", which never said a prescribed dose isn't use.
    earlier_question_slips: tuple[date, ...] = ()
    review_offered: bool = False

    @property
    def todays_checkin(self) -> CheckIn | None:
        return next((c for c in self.week if c.day == self.today), None)


def today_summary(conn: Connection, today: date) -> TodaySummary:
    start = conn.execute(
        select(recovery_profile.c.start_date).where(recovery_profile.c.id == 1)
    ).scalar_one_or_none()
    slips = list(
        conn.execute(
            select(checkin.c.day, checkin.c.use_question)
            .where(checkin.c.used == UsedToday.YES.value)
            .order_by(checkin.c.day)
        )
    )
    offered = conn.execute(
        select(app_state.c.value).where(app_state.c.key == REVIEW_OFFERED_KEY)
    ).scalar_one_or_none()
    week = conn.execute(
        select(checkin)
        .where(checkin.c.day >= today - timedelta(days=6), checkin.c.day <= today)
        .order_by(checkin.c.day)
    )
    count = conn.execute(select(func.count()).select_from(checkin)).scalar_one()
    return TodaySummary(
        today=today,
        start_date=start,
        slip_days=tuple(s.day for s in slips),
        week=tuple(checkin_from_row(row._mapping) for row in week),
        checkin_count=count,
        earlier_question_slips=tuple(
            s.day for s in slips if s.use_question == UseQuestion.USED_TODAY.value
        ),
        review_offered=offered is not None,
    )
