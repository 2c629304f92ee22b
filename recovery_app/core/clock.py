"""The one source of "now", so tests can fix time instead of waiting.

Loaded before the window first appears: ``zoneinfo`` is imported where a zone is
needed (it costs about 3 ms at launch), and no dataclass is defined here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant as an aware datetime in local time."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()


class FixedClock:
    """A clock that only moves when told to (tests, screenshots, benchmarks)."""

    def __init__(self, current: datetime) -> None:
        self.current = current

    def __repr__(self) -> str:
        return f"FixedClock({self.current!r})"

    def now(self) -> datetime:
        return self.current


def today(clock: Clock) -> date:
    """The local calendar day, which is what check-ins and day counts use."""
    return clock.now().date()


def utc_now(clock: Clock) -> datetime:
    return clock.now().astimezone(UTC)


def local_zone(clock: Clock) -> tzinfo | None:
    """The clock's named zone, or None for the system's own (DST-correct) local time."""
    from zoneinfo import ZoneInfo

    zone = clock.now().tzinfo
    return zone if isinstance(zone, ZoneInfo) else None


def to_local(instant: datetime, clock: Clock) -> datetime:
    """A stored instant as the person's wall-clock time, right for its own date's DST."""
    return instant.astimezone(local_zone(clock))


def day_start(day: date, clock: Clock) -> datetime:
    """The instant a local calendar day begins."""
    return local_instant(day, time(), clock)


def local_instant(day: date, at: time, clock: Clock) -> datetime:
    """The instant a local wall-clock time happens on a local day."""
    zone = local_zone(clock)
    if zone is None:
        return datetime.combine(day, at).astimezone()
    return datetime.combine(day, at, tzinfo=zone)


# Wall-clock times are stored beside instants as whole minutes since this moment on
# the same wall clock, so SQL finds days (/ 1440), hours and weekdays by arithmetic.
# 1900-01-01 was a Monday, so a day number % 7 is its weekday (Monday = 0); the app
# keeps no instant before 1900, so the numbers are never negative.
_EPOCH = datetime(1900, 1, 1)
MINUTES_A_DAY = 1440


def wall_minute(instant: datetime) -> int:
    """An aware instant's own local time, as minutes since 1900-01-01 00:00 on that clock."""
    return (instant.replace(tzinfo=None) - _EPOCH) // timedelta(minutes=1)


def at_wall_minute(instant: datetime, minute: int) -> datetime:
    """A stored UTC instant at the offset it was written with (its local time back then)."""
    offset = minute - wall_minute(instant.astimezone(UTC))
    if abs(offset) >= MINUTES_A_DAY:  # not a real offset (a damaged row): show it in UTC
        return instant.astimezone(UTC)
    return instant.astimezone(timezone(timedelta(minutes=offset)))


def day_number(day: date) -> int:
    """Days since 1900-01-01, as stored wall-clock minutes // 1440 give."""
    return (day - _EPOCH.date()).days


def from_day_number(number: int) -> date:
    return _EPOCH.date() + timedelta(days=number)


def zone_name(clock: Clock) -> str:
    """The IANA name of the person's time zone (new meetings default to it), else "UTC"."""
    from zoneinfo import ZoneInfo

    zone = clock.now().tzinfo
    if isinstance(zone, ZoneInfo):
        return zone.key
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
        ZoneInfo(name)
    except Exception:  # any failure here just means "no named zone"
        return "UTC"
    return name
