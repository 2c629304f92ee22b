"""Days in recovery: the current run, the longest run, every run, and the total a slip
never erases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.core.durations import days_between


@dataclass(frozen=True)
class Run:
    """Days in a row without use outside the plan: from ``first`` up to, not including,
    ``until`` (a slip day, or today for the run still going)."""

    first: date
    until: date
    ended_by_slip: bool

    @property
    def days(self) -> int:
        return max(0, days_between(self.first, self.until))

    @property
    def last(self) -> date:
        """The run's last day (for a run of no days, its first)."""
        return max(self.first, self.until - timedelta(days=1))


@dataclass(frozen=True)
class RecoveryProgress:
    """Counts are of whole days that have finished, from the start date to today.

    ``current_run_days``: days since the start or since the day after the most
    recent recorded slip. ``total_free_days``: every finished day since the
    start without a recorded slip, so a slip lowers the run but keeps the total.
    ``runs``: every run, oldest first, the current one last.
    """

    start: date
    today: date
    current_run_days: int
    total_free_days: int
    slip_days: int
    run_start: date
    runs: tuple[Run, ...] = ()

    @property
    def longest_run_days(self) -> int:
        return max((r.days for r in self.runs), default=0)

    @property
    def earlier_runs(self) -> tuple[Run, ...]:
        """The runs a slip ended, newest first (those of no days left out)."""
        return tuple(r for r in reversed(self.runs) if r.ended_by_slip and r.days > 0)


def compute_progress(start: date, today: date, slips: Iterable[date]) -> RecoveryProgress:
    """``slips`` are days on which the person recorded use outside their prescription or
    plan (a prescribed dose, a taper included, is never one)."""
    if today < start:
        # A start date in the future: nothing has been counted yet.
        return RecoveryProgress(start, today, 0, 0, 0, start)
    counted = sorted({d for d in slips if start <= d <= today})
    finished_slips = sum(1 for d in counted if d < today)
    runs: list[Run] = []
    first = start
    for slip in counted:
        runs.append(Run(first, slip, ended_by_slip=True))
        first = slip + timedelta(days=1)
    run_start = first
    runs.append(Run(min(run_start, today), today, ended_by_slip=False))
    return RecoveryProgress(
        start=start,
        today=today,
        current_run_days=max(0, days_between(run_start, today)),
        total_free_days=days_between(start, today) - finished_slips,
        slip_days=len(counted),
        run_start=min(run_start, today),
        runs=tuple(runs),
    )
