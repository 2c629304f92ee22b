"""Support-group meetings: what they are, when they recur, and their reminders.

A schedule is stored as an RFC 5545 RRULE with a local start date and time and
an IANA zone. Occurrences are computed in local wall-clock time and only then
given the zone, so "Tuesdays at 19:00" stays at 19:00 across DST changes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import MO, MONTHLY, WEEKLY, rrule, weekday

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.limits import day_in_range
from recovery_app.core.meetings.zones import known_zone
from recovery_app.core.text import check_storable

WEEKDAY_NAMES = (
    translate("core.meetings.schedule", "Monday"),
    translate("core.meetings.schedule", "Tuesday"),
    translate("core.meetings.schedule", "Wednesday"),
    translate("core.meetings.schedule", "Thursday"),
    translate("core.meetings.schedule", "Friday"),
    translate("core.meetings.schedule", "Saturday"),
    translate("core.meetings.schedule", "Sunday"),
)
WEEKDAY_SHORT = (  # the day buttons of the meeting form
    translate("core.meetings.schedule", "Mon"),
    translate("core.meetings.schedule", "Tue"),
    translate("core.meetings.schedule", "Wed"),
    translate("core.meetings.schedule", "Thu"),
    translate("core.meetings.schedule", "Fri"),
    translate("core.meetings.schedule", "Sat"),
    translate("core.meetings.schedule", "Sun"),
)
WEEKDAY_PLURALS = (  # "Tuesdays at 19:00"
    translate("core.meetings.schedule", "Mondays"),
    translate("core.meetings.schedule", "Tuesdays"),
    translate("core.meetings.schedule", "Wednesdays"),
    translate("core.meetings.schedule", "Thursdays"),
    translate("core.meetings.schedule", "Fridays"),
    translate("core.meetings.schedule", "Saturdays"),
    translate("core.meetings.schedule", "Sundays"),
)
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
NTH_WORDS = {
    1: translate("core.meetings.schedule", "first"),
    2: translate("core.meetings.schedule", "second"),
    3: translate("core.meetings.schedule", "third"),
    4: translate("core.meetings.schedule", "fourth"),
    5: translate("core.meetings.schedule", "fifth"),
    -1: translate("core.meetings.schedule", "last"),
}
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
    MeetingKind.TWELVE_STEP: translate("core.meetings.schedule", "12-step (NA, AA...)"),
    MeetingKind.SMART: translate("core.meetings.schedule", "SMART Recovery"),
    MeetingKind.MUTUAL_HELP: translate("core.meetings.schedule", "Other mutual-help group"),
    MeetingKind.THERAPY: translate("core.meetings.schedule", "Therapy or counselling"),
    MeetingKind.PEER: translate("core.meetings.schedule", "Peer group"),
    MeetingKind.OTHER: translate("core.meetings.schedule", "Other"),
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
    last_day: date | None = None  # a series that ends: no meeting after this local day

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def rrule_text(self) -> str:
        """The RFC 5545 RRULE (empty for a one-off meeting)."""
        if self.repeat is Repeat.ONCE:
            return ""
        if self.repeat is Repeat.WEEKLY:
            days = ",".join(RRULE_DAYS[d] for d in sorted(self.weekdays))
            text = f"FREQ=WEEKLY;INTERVAL={self.interval};BYDAY={days};WKST=MO"
        elif self.repeat is Repeat.MONTHLY_WEEKDAY:
            day = RRULE_DAYS[self.first_day.weekday()]
            text = f"FREQ=MONTHLY;INTERVAL={self.interval};BYDAY={self.nth}{day}"
        else:
            text = f"FREQ=MONTHLY;INTERVAL={self.interval};BYMONTHDAY={self.month_day}"
        return text + (f";UNTIL={self.until_utc():%Y%m%dT%H%M%SZ}" if self.last_day else "")

    def until_utc(self) -> datetime:
        """The series' last possible start as a UTC instant (RFC 5545 UNTIL with a zone)."""
        assert self.last_day is not None
        end = datetime.combine(self.last_day, time(23, 59, 59), tzinfo=self.tz)
        return end.astimezone(UTC)

    def local_rule(self) -> rrule:
        begin = datetime.combine(self.first_day, self.start)
        until = datetime.combine(self.last_day, time(23, 59, 59)) if self.last_day else None
        if self.repeat is Repeat.WEEKLY:
            return rrule(WEEKLY, dtstart=begin, interval=self.interval, byweekday=self.weekdays,
                         wkst=MO, until=until)  # fmt: skip
        if self.repeat is Repeat.MONTHLY_WEEKDAY:
            day = weekday(self.first_day.weekday(), self.nth)
            return rrule(MONTHLY, dtstart=begin, interval=self.interval, byweekday=day,
                         until=until)  # fmt: skip
        return rrule(MONTHLY, dtstart=begin, interval=self.interval, bymonthday=self.month_day,
                     until=until)  # fmt: skip

    def ended_before(self, day: date) -> bool:
        """Whether every date of the schedule is before ``day``."""
        if self.repeat is Repeat.ONCE:
            return self.first_day < day
        return self.last_day is not None and self.last_day < day

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
        time, n = f"{self.start:%H:%M}", self.interval
        if self.repeat is Repeat.ONCE:
            return translate("core.meetings.schedule", "Once, {day:%A %d %B %Y} at {time}").format(
                day=self.first_day, time=time
            )
        if self.repeat is Repeat.WEEKLY:
            weekdays = sorted(self.weekdays)
            if n == 1:
                text = translate("core.meetings.schedule", "{days} at {time}").format(
                    days=_listed([WEEKDAY_PLURALS[d] for d in weekdays]), time=time
                )
            else:
                text = translate(
                    "core.meetings.schedule", "Every {n} weeks on {days} at {time}"
                ).format(n=n, days=_listed([WEEKDAY_NAMES[d] for d in weekdays]), time=time)
        elif self.repeat is Repeat.MONTHLY_WEEKDAY:
            nth, day = NTH_WORDS[self.nth], WEEKDAY_NAMES[self.first_day.weekday()]
            if n == 1:
                text = translate("core.meetings.schedule", "The {nth} {day}, every month at {time}")
            else:
                text = translate(
                    "core.meetings.schedule", "The {nth} {day}, every {n} months at {time}"
                )
            text = text.format(nth=nth, day=day, n=n, time=time)
        elif n == 1:
            text = translate("core.meetings.schedule", "Day {day}, every month at {time}").format(
                day=self.month_day, time=time
            )
        else:
            text = translate(
                "core.meetings.schedule", "Day {day}, every {n} months at {time}"
            ).format(day=self.month_day, n=n, time=time)
        if self.last_day:
            text += translate("core.meetings.schedule", ", until {day:%d %B %Y}").format(
                day=self.last_day
            )
        return text


def _listed(names: list[str]) -> str:
    """ "Tuesdays and Thursdays"; "Mondays, Wednesdays and Fridays"."""
    if len(names) == 1:
        return names[0]
    return translate("core.meetings.schedule", "{items} and {last}").format(
        items=", ".join(names[:-1]), last=names[-1]
    )


@dataclass(frozen=True)
class DateChange:
    """One date of a series, changed: skipped ("the group doesn't meet on 24 December") or
    moved ("this week it's at 18:00"). Keyed by the occurrence's own start (``original``),
    which attendance and reminders keep using for it."""

    original: datetime  # aware: the start the schedule gives this occurrence
    start: datetime | None = None  # aware new start; None: this date is skipped
    location: str = ""  # "" : the usual place
    note: str = ""

    @property
    def skipped(self) -> bool:
        return self.start is None


@dataclass(frozen=True)
class Occurrence:
    meeting: Meeting
    original: datetime  # the schedule's start for it: what attendance is keyed by
    start: datetime  # when it happens (the original, or where it was moved)
    location: str
    note: str = ""

    @property
    def moved(self) -> bool:
        return self.start != self.original


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
    changes: tuple[DateChange, ...] = ()  # skipped and moved dates, by original start
    # For a meeting from a calendar file: its SEQUENCE and LAST-MODIFIED there, written so
    # that a later version sorts after an earlier one ("" when not from a file).
    calendar_version: str = ""

    def change_for(self, original: datetime) -> DateChange | None:
        key = utc(original)
        return next((c for c in self.changes if utc(c.original) == key), None)

    def changes_that_fit(self, schedule: Schedule) -> tuple[DateChange, ...]:
        """The changes for dates ``schedule`` still has (a schedule edit drops the rest)."""
        return tuple(c for c in self.changes if fits(schedule, c.original))

    def occurrences(self, after: datetime, before: datetime) -> list[Occurrence]:
        """What happens with after <= start < before: skipped dates left out, moved ones
        at their new time (a date moved into the stretch from outside it included)."""
        changed = {utc(c.original) for c in self.changes}
        found = [
            Occurrence(self, start, start, self.location)
            for start in self.schedule.starts_between(after, before)
            if utc(start) not in changed
        ]
        for c in self.changes:
            if c.start is not None and after <= c.start < before:
                found.append(Occurrence(self, c.original, c.start, c.location or self.location,
                                        c.note))  # fmt: skip
        return sorted(found, key=lambda o: o.start)

    def next_occurrence(self, now: datetime) -> Occurrence | None:
        """The next one at or after ``now`` (skipped dates passed over, moves followed)."""
        moved = [
            Occurrence(self, c.original, c.start, c.location or self.location, c.note)
            for c in self.changes
            if c.start is not None and c.start >= now
        ]
        changed = {utc(c.original) for c in self.changes}
        regular: Occurrence | None = None
        moment = now
        for _ in range(len(changed) + 1):  # each changed date can hide one regular start
            start = self.schedule.next_start(moment)
            if start is None:
                break
            if utc(start) not in changed:
                regular = Occurrence(self, start, start, self.location)
                break
            moment = start + timedelta(seconds=1)
        candidates = [*moved, *([regular] if regular else [])]
        return min(candidates, key=lambda o: o.start, default=None)


def validate_meeting(meeting: Meeting) -> None:
    for name, text in (
        (translate("core.meetings.schedule", "Name"), meeting.name),
        (translate("core.meetings.schedule", "Where"), meeting.location),
        (translate("core.meetings.schedule", "Notes"), meeting.notes),
    ):
        check_storable(name, text)
    if not meeting.name.strip():
        raise InvalidInput(
            translate(
                "core.meetings.schedule",
                "Please give the meeting a name, for example “NA Tuesday group”.",
            )
        )
    if len(meeting.name) > 200 or len(meeting.location) > 2000:
        raise InvalidInput(translate("core.meetings.schedule", "The name or place is too long."))
    if not isinstance(meeting.kind, MeetingKind):
        raise InvalidInput(
            translate("core.meetings.schedule", "Please choose what kind of meeting this is.")
        )
    s = meeting.schedule
    if not known_zone(s.zone):
        raise InvalidInput(
            translate(
                "core.meetings.schedule", "“{zone}” is not a time zone this app knows."
            ).format(zone=s.zone)
        )
    if not isinstance(s.first_day, date) or not day_in_range(s.first_day):
        raise InvalidInput(
            translate(
                "core.meetings.schedule", "The first date must be between the years 1900 and 2200."
            )
        )
    if s.last_day is not None and (
        not isinstance(s.last_day, date) or not day_in_range(s.last_day)
        or s.last_day < s.first_day
    ):  # fmt: skip
        raise InvalidInput(
            translate(
                "core.meetings.schedule",
                "The last date must be on or after the first, before the year 2200.",
            )
        )
    if not isinstance(s.repeat, Repeat):
        raise InvalidInput(
            translate("core.meetings.schedule", "Please choose how often the meeting happens.")
        )
    if not 1 <= s.duration_minutes <= 24 * 60:
        raise InvalidInput(
            translate("core.meetings.schedule", "A meeting lasts between 1 minute and 24 hours.")
        )
    if not 1 <= s.interval <= 52:
        raise InvalidInput(
            translate("core.meetings.schedule", "“Every N” must be between 1 and 52.")
        )
    if s.repeat is Repeat.WEEKLY and (not s.weekdays or any(not 0 <= d <= 6 for d in s.weekdays)):
        raise InvalidInput(
            translate("core.meetings.schedule", "Please choose at least one day of the week.")
        )
    if s.repeat is Repeat.MONTHLY_WEEKDAY and s.nth not in NTH_WORDS:
        raise InvalidInput(
            translate(
                "core.meetings.schedule",
                "Please choose first, second, third, fourth, fifth or last.",
            )
        )
    if s.repeat is Repeat.MONTHLY_DAY and not 1 <= s.month_day <= 31:
        raise InvalidInput(
            translate("core.meetings.schedule", "The day of the month must be between 1 and 31.")
        )
    if len(meeting.reminders) > MAX_REMINDERS or any(
        not 0 <= m <= MAX_LEAD_MINUTES for m in meeting.reminders
    ):
        raise InvalidInput(
            translate(
                "core.meetings.schedule",
                "Up to {MAX_REMINDERS} reminders, each up to 7 days before.",
            ).format(MAX_REMINDERS=MAX_REMINDERS)
        )
    validate_changes(meeting)


MAX_CHANGES = 500


def utc(moment: datetime) -> datetime:
    """Instants compared in UTC: Python never finds two aware times in different zones
    equal when one falls in a daylight-saving fold or gap."""
    return moment.astimezone(UTC)


def fits(schedule: Schedule, original: datetime) -> bool:
    """Whether ``schedule`` has a meeting starting at ``original``."""
    if original.tzinfo is None:
        return False
    around = schedule.starts_between(
        original - timedelta(minutes=1), original + timedelta(minutes=1)
    )
    return utc(original) in {utc(s) for s in around}


def validate_change(meeting: Meeting, c: DateChange) -> None:
    """One change: for a date the schedule really has, moved to a real instant."""
    for name, text in (
        (translate("core.meetings.schedule", "Where"), c.location),
        (translate("core.meetings.schedule", "Note"), c.note),
    ):
        check_storable(name, text)
    if c.original.tzinfo is None or (c.start is not None and c.start.tzinfo is None):
        raise InvalidInput(
            translate("core.meetings.schedule", "A skipped or moved date needs its time zone.")
        )
    if c.start is not None and not day_in_range(c.start.date()):
        raise InvalidInput(
            translate(
                "core.meetings.schedule",
                "A date can only be moved to between the years 1900 and 2200.",
            )
        )
    if not fits(meeting.schedule, c.original):
        when = c.original.astimezone(meeting.schedule.tz)
        raise InvalidInput(
            translate(
                "core.meetings.schedule",
                (
                    "{name} doesn't meet on {when:%d %B %Y at %H:%M}, so that date can't "
                    "be skipped or moved."
                ),
            ).format(name=meeting.name, when=when)
        )


def validate_changes(meeting: Meeting) -> None:
    """Each change is for a date the schedule really has, once, moved to a real instant."""
    if len(meeting.changes) > MAX_CHANGES:
        raise InvalidInput(
            translate(
                "core.meetings.schedule",
                "A meeting can have up to {MAX_CHANGES} skipped or moved dates.",
            ).format(MAX_CHANGES=MAX_CHANGES)
        )
    seen: set[datetime] = set()
    for c in meeting.changes:
        if utc(c.original) in seen:
            raise InvalidInput(
                translate(
                    "core.meetings.schedule",
                    "One date of a meeting can be skipped or moved only once.",
                )
            )
        seen.add(utc(c.original))
        validate_change(meeting, c)


def parse_reminders(text: str) -> tuple[int, ...]:
    """ "15, 60" -> (15, 60); refuses anything that isn't whole minutes."""
    values = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise InvalidInput(
                translate(
                    "core.meetings.schedule",
                    "Reminders are minutes before the start, like “15, 60”.",
                )
            )
        values.append(int(part))
    return tuple(sorted(set(values)))


class Attended(enum.StrEnum):
    WENT = "went"
    MISSED = "missed"
    CANCELLED = "cancelled"


ATTENDED_WORDS = {
    Attended.WENT: translate("core.meetings.schedule", "I went"),
    Attended.MISSED: translate("core.meetings.schedule", "I missed it"),
    Attended.CANCELLED: translate("core.meetings.schedule", "It was cancelled"),
}


def agenda(meetings: list[Meeting], since: datetime, days: int) -> list[Occurrence]:
    """Every occurrence of the active meetings in the next ``days`` days, in order (skipped
    dates left out, moved ones at their new time)."""
    until = since + timedelta(days=days)
    found = [o for m in meetings if not m.paused for o in m.occurrences(since, until)]
    return sorted(found, key=lambda o: o.start)
