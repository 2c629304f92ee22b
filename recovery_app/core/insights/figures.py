"""What Insights shows, as plain values, and the small sums made from them.

Storage counts in SQL and hands over these values; everything here is arithmetic on
a few hundred numbers at most (bars, triggers, the 7 × 24 grid), never on the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from recovery_app.core.checkin.progress import RecoveryProgress
from recovery_app.core.insights.period import Bucket, Period, buckets, whole

WEEKDAYS = 7
HOURS = 24


@dataclass(frozen=True)
class CravingBar:
    start: date  # the day, or the first day of the week or month
    count: int = 0
    strength_sum: int = 0  # of the 0-10 strengths
    passed: int = 0
    used: int = 0
    ongoing: int = 0

    @property
    def not_said(self) -> int:
        return self.count - self.passed - self.used - self.ongoing

    @property
    def mean_strength(self) -> float | None:
        return self.strength_sum / self.count if self.count else None


@dataclass(frozen=True)
class Named:
    """A trigger or coping strategy counted over the period (merged items count as one)."""

    name: str
    count: int  # cravings with it
    passed: int = 0  # of those, how many passed
    previous: int = 0  # cravings with it in the period before

    @property
    def pass_rate(self) -> float:
        return self.passed / self.count if self.count else 0.0


@dataclass(frozen=True)
class HaltShare:
    """HALT answers in the check-ins of days with a craving, and of the other days."""

    craving_days: int = 0  # days with a craving and a check-in
    other_days: int = 0  # days with a check-in and no craving
    on_craving_days: tuple[int, int, int, int] = (0, 0, 0, 0)  # hungry, angry, lonely, tired
    on_other_days: tuple[int, int, int, int] = (0, 0, 0, 0)


@dataclass(frozen=True)
class CheckinPoint:
    start: date
    days: int
    mood: float | None
    anxiety: float | None
    sleep_hours: float | None
    craving: float | None


@dataclass(frozen=True)
class MeetingBar:
    start: date
    went: int = 0
    missed: int = 0


@dataclass(frozen=True)
class MeetingWeeks:
    """Cravings in weeks with at least one meeting attended, against the other weeks."""

    meeting_weeks: int = 0
    cravings_in_meeting_weeks: int = 0
    other_weeks: int = 0
    cravings_in_other_weeks: int = 0

    @property
    def mean_with(self) -> float | None:
        return self.cravings_in_meeting_weeks / self.meeting_weeks if self.meeting_weeks else None

    @property
    def mean_without(self) -> float | None:
        return self.cravings_in_other_weeks / self.other_weeks if self.other_weeks else None


@dataclass(frozen=True)
class Insights:
    period: Period
    cravings: tuple[CravingBar, ...]
    previous_cravings: int
    triggers: tuple[Named, ...]  # most common first
    heat: tuple[tuple[int, ...], ...]  # [weekday, Monday = 0][hour]
    halt: HaltShare
    coping: tuple[Named, ...]  # most often passed first
    checkins: tuple[CheckinPoint, ...]
    progress: RecoveryProgress | None
    slips_in_period: int
    meetings: tuple[MeetingBar, ...]
    meeting_weeks: MeetingWeeks

    @property
    def craving_count(self) -> int:
        return sum(b.count for b in self.cravings)

    @property
    def mean_strength(self) -> float | None:
        count = self.craving_count
        return sum(b.strength_sum for b in self.cravings) / count if count else None

    def outcome_totals(self) -> tuple[int, int, int, int]:
        """Passed, used, still going, not said."""
        return (
            sum(b.passed for b in self.cravings),
            sum(b.used for b in self.cravings),
            sum(b.ongoing for b in self.cravings),
            sum(b.not_said for b in self.cravings),
        )

    @property
    def checkin_days(self) -> int:
        return sum(p.days for p in self.checkins)

    @property
    def went(self) -> int:
        return sum(b.went for b in self.meetings)


def fill_bars(
    period: Period, bucket: Bucket, found: dict[date, CravingBar]
) -> tuple[CravingBar, ...]:
    """Every bar of the period, with an empty one where nothing was logged."""
    return tuple(found.get(start) or CravingBar(start) for start in buckets(period, bucket))


def fill_meetings(
    period: Period, bucket: Bucket, found: dict[date, MeetingBar]
) -> tuple[MeetingBar, ...]:
    return tuple(found.get(start) or MeetingBar(start) for start in buckets(period, bucket))


def compare_meeting_weeks(
    period: Period, cravings: dict[date, int], went: dict[date, int]
) -> MeetingWeeks:
    """Every whole week of the period counts once: as a week with a meeting attended, or
    not. A few days at either end would look like a week with few cravings."""
    with_ = without = with_cravings = without_cravings = 0
    for start in buckets(period, Bucket.WEEK):
        if not whole(period, start, Bucket.WEEK):
            continue
        count = cravings.get(start, 0)
        if went.get(start, 0) > 0:
            with_, with_cravings = with_ + 1, with_cravings + count
        else:
            without, without_cravings = without + 1, without_cravings + count
    return MeetingWeeks(with_, with_cravings, without, without_cravings)


def heat_grid(cells: dict[tuple[int, int], int]) -> tuple[tuple[int, ...], ...]:
    """The 7 × 24 grid from (weekday, hour) counts; weekday 0 is Monday."""
    return tuple(
        tuple(cells.get((day, hour), 0) for hour in range(HOURS)) for day in range(WEEKDAYS)
    )


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
