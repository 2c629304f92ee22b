"""The one source of "now", so tests can fix time instead of waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant as an aware datetime in local time."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()


@dataclass
class FixedClock:
    """A clock that only moves when told to (tests, screenshots, benchmarks)."""

    current: datetime

    def now(self) -> datetime:
        return self.current


def today(clock: Clock) -> date:
    """The local calendar day, which is what check-ins and day counts use."""
    return clock.now().date()


def utc_now(clock: Clock) -> datetime:
    return clock.now().astimezone(UTC)
