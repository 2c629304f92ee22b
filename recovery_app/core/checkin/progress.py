"""Substance-free days: the current run and the total a slip never erases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.core.durations import days_between


@dataclass(frozen=True)
class RecoveryProgress:
    """Counts are of whole days that have finished, from the start date to today.

    ``current_run_days``: days since the start or since the day after the most
    recent recorded slip. ``total_free_days``: every finished day since the
    start without a recorded slip, so a slip lowers the run but keeps the total.
    """

    start: date
    today: date
    current_run_days: int
    total_free_days: int
    slip_days: int
    run_start: date


def compute_progress(start: date, today: date, slips: Iterable[date]) -> RecoveryProgress:
    """``slips`` are days on which the person recorded that they used."""
    if today < start:
        # A start date in the future: nothing has been counted yet.
        return RecoveryProgress(start, today, 0, 0, 0, start)
    counted = {d for d in slips if start <= d <= today}
    finished_slips = sum(1 for d in counted if d < today)
    elapsed = days_between(start, today)
    last = max(counted, default=None)
    run_start = start if last is None else last + timedelta(days=1)
    run = max(0, days_between(run_start, today))
    return RecoveryProgress(
        start=start,
        today=today,
        current_run_days=run,
        total_free_days=elapsed - finished_slips,
        slip_days=len(counted),
        run_start=min(run_start, today),
    )
