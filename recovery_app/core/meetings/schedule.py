"""Support-group meetings: what they are, when they recur, and their reminders.

A schedule is stored as an RFC 5545 RRULE with a local start date and time and
an IANA zone. Occurrences are computed in local wall-clock time and only then
given the zone, so "Tuesdays at 19:00" stays at 19:00 across DST changes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import MO, MONTHLY, WEEKLY, rrule, weekday

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.limits import day_in_range
from recovery_app.core.meetings.zones import known_zone
from recovery_app.core.text import check_storable

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
NTH_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
MAX_REMINDERS = 5
MAX_LEAD_MINUTES = 7 * 24 * 60


class MeetingKind(enum.StrEnum):
    TWELVE_STEP = "twelve_step"
    SMART = "smart_recovery"
    MUTUAL_HELP = "mutual_help"
    THERAPY = "therapy"
    PEER = "peer"
    OTHER = "other"


KIND_WORDS = {
    MeetingKind.TWELVE_STEP: "12-step (NA, AA...)",
    MeetingKind.SMART: "SMART Recovery",
    MeetingKind.MUTUAL_HELP: "Other mutual-help group",
    MeetingKind.THERAPY: "Therapy or counselling",
    MeetingKind.PEER: "Peer group",
    MeetingKind.OTHER: "Other",
}


class Repeat(enum.StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"  # on chosen weekdays, every ``interval`` weeks
    MONTHLY_WEEKDAY = "monthly_weekday"  # e.g. the first Tuesday
    MONTHLY_DAY = "monthly_day"  # e.g. the 15th (months without that day are skipped)


@dataclass(frozen=True)
class Schedule:
    repeat: Repeat
    first_day: date
    start: time
    duration_minutes: int = 60
    zone: str = "UTC"
    interval: int = 1
    weekdays: tuple[int, ...] = ()  # 0 = Monday, for WEEKLY
    nth: int = 1  # 1-5 or -1 (last), for MONTHLY_WEEKDAY (weekday is first_day's)
    month_day: int = 1  # 1-31, for MONTHLY_DAY

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def rrule_text(self) -> str:
        """The RFC 5545 RRULE (empty for a one-off meeting)."""
        if self.repeat is Repeat.ONCE:
            return ""
        if self.repeat is Repeat.WEEKLY:
            days = ",".join(RRULE_DAYS[d] for d in sorted(self.weekdays))
            return f"FREQ=WEEKLY;INTERVAL={self.interval};BYDAY={days};WKST=MO"
        if self.repeat is Repeat.MONTHLY_WEEKDAY:
            day = RRULE_DAYS[self.first_day.weekday()]
            return f"FREQ=MONTHLY;INTERVAL={self.interval};BYDAY={self.nth}{day}"
        return f"FREQ=MONTHLY;INTERVAL={self.interval};BYMONTHDAY={self.month_day}"

    def local_rule(self) -> rrule:
        begin = datetime.combine(self.first_day, self.start)
        if self.repeat is Repeat.WEEKLY:
            return rrule(
                WEEKLY, dtstart=begin, interval=self.interval, byweekday=self.weekdays, wkst=MO
            )
        if self.repeat is Repeat.MONTHLY_WEEKDAY:
            day = weekday(self.first_day.weekday(), self.nth)
            return rrule(MONTHLY, dtstart=begin, interval=self.interval, byweekday=day)
        return rrule(MONTHLY, dtstart=begin, interval=self.interval, bymonthday=self.month_day)

    def starts_between(self, after: datetime, before: datetime) -> list[datetime]:
        """Start instants (aware, in the meeting's zone) with after <= start < before."""
        zone = self.tz
        if self.repeat is Repeat.ONCE:
            only = datetime.combine(self.first_day, self.start, tzinfo=zone)
            return [only] if after <= only < before else []
        # Search in local wall time, a day wider each side for zone differences.
        low = after.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
        high = before.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
        found = []
        for local in self.local_rule().between(low, high, inc=True):
            start = local.replace(tzinfo=zone)
            if after <= start < before:
                found.append(start)
        return found

    def next_start(self, now: datetime, horizon_days: int = 800) -> datetime | None:
        """The next start at or after ``now``, or None when the schedule has ended."""
        zone = self.tz
        if self.repeat is Repeat.ONCE:
            only = datetime.combine(self.first_day, self.start, tzinfo=zone)
            return only if only >= now else None
        local_now = now.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
        rule = self.local_rule()
        candidate = rule.after(local_now, inc=True)
        limit = local_now + timedelta(days=horizon_days)
        while candidate is not None and candidate <= limit:
            start = candidate.replace(tzinfo=zone)
            if start >= now:
                return start
            candidate = rule.after(candidate)
        return None

    def describe(self) -> str:
        """The schedule in words, e.g. "Tuesdays and Thursdays at 19:00"."""
        at = f"at {self.start:%H:%M}"
        if self.repeat is Repeat.ONCE:
            return f"Once, {self.first_day:%A %d %B %Y} {at}"
        every = "" if self.interval == 1 else f"every {self.interval} "
        if self.repeat is Repeat.WEEKLY:
            names = [WEEKDAY_NAMES[d] + ("s" if not every else "") for d in sorted(self.weekdays)]
            days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            text = f"{every}weeks on {days} {at}" if every else f"{days} {at}"
            return text[0].upper() + text[1:]
        months = "every month" if not every else f"{every}months"
        if self.repeat is Repeat.MONTHLY_WEEKDAY:
            day = WEEKDAY_NAMES[self.first_day.weekday()]
            return f"The {NTH_WORDS[self.nth]} {day} of {months} {at}".replace(
                " of every", ", every"
            )
        return f"Day {self.month_day} of {months} {at}".replace(" of every", ", every")


@dataclass(frozen=True)
class Meeting:
    name: str
    kind: MeetingKind
    schedule: Schedule
    location: str = ""  # an address, or an online link shown as text to copy
    online: bool = False
    reminders: tuple[int, ...] = (30,)  # minutes before
    notes: str = ""
    paused: bool = False
    uid: str = field(default_factory=new_uid)


def validate_meeting(meeting: Meeting) -> None:
    for name, text in (("Name", meeting.name), ("Where", meeting.location),
                       ("Notes", meeting.notes)):  # fmt: skip
        check_storable(name, text)
    if not meeting.name.strip():
        raise InvalidInput("Please give the meeting a name, for example “NA Tuesday group”.")
    if len(meeting.name) > 200 or len(meeting.location) > 2000:
        raise InvalidInput("The name or place is too long.")
    if not isinstance(meeting.kind, MeetingKind):
        raise InvalidInput("Please choose what kind of meeting this is.")
    s = meeting.schedule
    if not known_zone(s.zone):
        raise InvalidInput(f"“{s.zone}” is not a time zone this app knows.")
    if not isinstance(s.first_day, date) or not day_in_range(s.first_day):
        raise InvalidInput("The first date must be between the years 1900 and 2200.")
    if not isinstance(s.repeat, Repeat):
        raise InvalidInput("Please choose how often the meeting happens.")
    if not 1 <= s.duration_minutes <= 24 * 60:
        raise InvalidInput("A meeting lasts between 1 minute and 24 hours.")
    if not 1 <= s.interval <= 52:
        raise InvalidInput("“Every N” must be between 1 and 52.")
    if s.repeat is Repeat.WEEKLY and (not s.weekdays or any(not 0 <= d <= 6 for d in s.weekdays)):
        raise InvalidInput("Please choose at least one day of the week.")
    if s.repeat is Repeat.MONTHLY_WEEKDAY and s.nth not in NTH_WORDS:
        raise InvalidInput("Please choose first, second, third, fourth, fifth or last.")
    if s.repeat is Repeat.MONTHLY_DAY and not 1 <= s.month_day <= 31:
        raise InvalidInput("The day of the month must be between 1 and 31.")
    if len(meeting.reminders) > MAX_REMINDERS or any(
        not 0 <= m <= MAX_LEAD_MINUTES for m in meeting.reminders
    ):
        raise InvalidInput(f"Up to {MAX_REMINDERS} reminders, each up to 7 days before.")


def parse_reminders(text: str) -> tuple[int, ...]:
    """ "15, 60" -> (15, 60); refuses anything that isn't whole minutes."""
    values = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise InvalidInput("Reminders are minutes before the start, like “15, 60”.")
        values.append(int(part))
    return tuple(sorted(set(values)))


class Attended(enum.StrEnum):
    WENT = "went"
    MISSED = "missed"
    CANCELLED = "cancelled"


ATTENDED_WORDS = {
    Attended.WENT: "I went",
    Attended.MISSED: "I missed it",
    Attended.CANCELLED: "It was cancelled",
}


def agenda(meetings: list[Meeting], since: datetime, days: int) -> list[tuple[datetime, Meeting]]:
    """Every occurrence of the active meetings in the next ``days`` days, in order."""
    until = since + timedelta(days=days)
    found = [
        (start, m)
        for m in meetings
        if not m.paused
        for start in m.schedule.starts_between(since, until)
    ]
    return sorted(found, key=lambda pair: pair[0])
