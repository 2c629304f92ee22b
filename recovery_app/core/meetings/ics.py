"""Meetings to and from iCalendar (RFC 5545) files, for calendar programs.

Export is written here, line by line: each meeting is a VEVENT with its local
DTSTART and TZID, an RRULE, a DURATION and one VALARM per reminder, skipped dates
as EXDATE and moved ones as RECURRENCE-ID overrides; each zone used gets a
VTIMEZONE built from the zone's own transitions, exact to the second. (icalendar
7.3's ``add_missing_timezones`` was tried instead: it writes a spring change's
onset at the new wall time, 03:00 for New York, where RFC 5545 wants the local
time before it, 02:00, so readers that follow the RFC would be an hour off around
every change.) Import reads with
the ``icalendar`` package and keeps exactly the events the app can represent,
listing the others with the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from recovery_app.core.errors import InvalidImport, KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.limits import day_in_range
from recovery_app.core.meetings.schedule import (
    MAX_CHANGES,
    DateChange,
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    utc,
    validate_change,
    validate_meeting,
)
from recovery_app.core.meetings.zones import known_zone, zone_names
from recovery_app.log import bug_report

log = logging.getLogger(__name__)
UID_SUFFIX = "@recovery-companion"
MAX_ICS_BYTES = 5 * 1024 * 1024
TZ_YEARS_BEFORE, TZ_YEARS_AFTER = 1, 15
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n")
    )  # fmt: skip


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continued with a leading space (RFC 5545 3.1)."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0]] + [" " + rest for rest in out[1:]]


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _transitions(
    zone: ZoneInfo, first: int, last: int
) -> list[tuple[datetime, timedelta, timedelta, bool, str]]:
    """(UTC instant, offset before, offset after, is DST after, name after) for each change."""
    found = []
    moment = datetime(first, 1, 1, tzinfo=UTC)
    end = datetime(last + 1, 1, 1, tzinfo=UTC)
    step = timedelta(hours=6)
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        nxt = moment + step
        after = nxt.astimezone(zone).utcoffset()
        if after != before:
            low, high = moment, nxt  # narrow to the second (zones change on whole seconds)
            while high - low > timedelta(seconds=1):
                mid = (low + (high - low) / 2).replace(microsecond=0)
                if mid.astimezone(zone).utcoffset() == before:
                    low = mid
                else:
                    high = mid
            local = high.astimezone(zone)
            found.append((high, before or timedelta(), after or timedelta(),
                          bool(local.dst()), local.tzname() or ""))  # fmt: skip
            before = after
        moment = nxt
    return found


def vtimezone(name: str, around: int, last: int) -> list[str]:
    """The zone's rules from the year before ``around`` through ``last``."""
    zone = ZoneInfo(name)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    changes = _transitions(zone, around - TZ_YEARS_BEFORE, last)
    if not changes:  # no DST: one standard observance
        start = datetime(around - TZ_YEARS_BEFORE, 1, 1, tzinfo=zone)
        offset = _offset(start.utcoffset())
        return [*lines, "BEGIN:STANDARD", "DTSTART:19700101T000000",
                f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}",
                f"TZNAME:{start.tzname() or name}", "END:STANDARD", "END:VTIMEZONE"]  # fmt: skip
    for instant, old, new, dst, tzname in changes:
        part = "DAYLIGHT" if dst else "STANDARD"
        onset = (instant + old).replace(tzinfo=None)  # local time in the old offset
        lines += [f"BEGIN:{part}", f"DTSTART:{onset:%Y%m%dT%H%M%S}",
                  f"TZOFFSETFROM:{_offset(old)}", f"TZOFFSETTO:{_offset(new)}",
                  f"TZNAME:{tzname}", f"END:{part}"]  # fmt: skip
    return [*lines, "END:VTIMEZONE"]


def _local_time(name: str, s: Schedule, local: datetime) -> str:
    """``NAME;TZID=zone:local`` (or UTC's ``Z`` form) for a wall-clock time of the meeting."""
    if s.zone == "UTC":
        return f"{name}:{local:%Y%m%dT%H%M%S}Z"
    return f"{name};TZID={s.zone}:{local:%Y%m%dT%H%M%S}"


def _instant(name: str, s: Schedule, moment: datetime) -> str:
    return _local_time(name, s, moment.astimezone(s.tz).replace(tzinfo=None))


def _dtstart(s: Schedule) -> str:
    """The first real occurrence: RFC 5545 counts DTSTART as one, dateutil doesn't."""
    begin = datetime.combine(s.first_day, s.start)
    first = begin if s.repeat is Repeat.ONCE else (s.local_rule().after(begin, inc=True) or begin)
    return _local_time("DTSTART", s, first)


def vevent(m: Meeting, stamp: datetime) -> list[str]:
    s = m.schedule
    lines = [
        "BEGIN:VEVENT",
        f"UID:{m.uid}{UID_SUFFIX}",
        f"DTSTAMP:{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        _dtstart(s),
        f"DURATION:PT{s.duration_minutes}M",
        f"SUMMARY:{_escape(m.name)}",
        f"X-RECOVERY-KIND:{m.kind.value}",
    ]
    if s.rrule_text():
        lines.append(f"RRULE:{s.rrule_text()}")
    if m.location:
        lines.append(f"LOCATION:{_escape(m.location)}")
    if m.notes:
        lines.append(f"DESCRIPTION:{_escape(m.notes)}")
    if m.paused:
        lines.append("X-RECOVERY-PAUSED:TRUE")
    if m.online:
        lines.append("X-RECOVERY-ONLINE:TRUE")
    if m.paused and m.reminders:
        # No alarms while paused (calendars would ring); the app keeps its lead times.
        lines.append("X-RECOVERY-REMINDERS:" + ",".join(str(r) for r in m.reminders))
    for c in m.changes:
        if c.skipped:
            lines.append(_instant("EXDATE", s, c.original))
    lines += _alarms(m)
    lines.append("END:VEVENT")
    for c in m.changes:  # a moved date: an override of its own, keyed by its original start
        if c.start is None:
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{m.uid}{UID_SUFFIX}",
            f"DTSTAMP:{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}",
            _instant("RECURRENCE-ID", s, c.original),
            _instant("DTSTART", s, c.start),
            f"DURATION:PT{s.duration_minutes}M",
            f"SUMMARY:{_escape(m.name)}",
        ]
        if c.location or m.location:
            lines.append(f"LOCATION:{_escape(c.location or m.location)}")
        if c.note:
            lines.append(f"DESCRIPTION:{_escape(c.note)}")
        lines += [*_alarms(m), "END:VEVENT"]
    return lines


def _alarms(m: Meeting) -> list[str]:
    lines: list[str] = []
    for lead in () if m.paused else m.reminders:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(m.name)}",
                  f"TRIGGER:-PT{lead}M", "END:VALARM"]  # fmt: skip
    return lines


def writable(meeting: Meeting) -> bool:
    """Whether a calendar program could read this meeting back (older versions of the app
    accepted zones like ``localtime`` and years like 1 on import)."""
    return known_zone(meeting.schedule.zone) and day_in_range(meeting.schedule.first_day)


def to_ics(meetings: Iterable[Meeting], stamp: datetime) -> bytes:
    """The meetings as an RFC 5545 file; ones that could not be read back are left out."""
    meetings = [m for m in meetings if writable(m)]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Recovery Companion//Meetings//EN",
             "CALSCALE:GREGORIAN"]  # fmt: skip
    years: dict[str, int] = {}
    for m in meetings:
        first = min([m.schedule.first_day.year,
                     *(c.start.year for c in m.changes if c.start)])  # fmt: skip
        years[m.schedule.zone] = min(years.get(m.schedule.zone, 9999), first)
    for zone, year in sorted(years.items()):
        if zone != "UTC":
            lines += vtimezone(zone, year, max(year, stamp.year) + TZ_YEARS_AFTER)
    for m in meetings:
        lines += vevent(m, stamp)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line)).encode("utf-8")


# -- import ------------------------------------------------------------------------------


@dataclass
class IcsImport:
    meetings: list[Meeting] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "Event name: why"
    past: int = 0  # events already over (one-off, or a series that ended): not meetings


def past_words(count: int) -> str:
    return (
        translate("core.meetings.ics", "1 event that is already over")
        if count == 1
        else translate("core.meetings.ics", "{count} events that are already over").format(
            count=count
        )
    )


class _Reason(ValueError):
    """Why an event can't be kept, in words for the person."""


def _unsupported(rule: dict[str, list[object]]) -> str | None:
    allowed = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "WKST", "UNTIL", "COUNT"}
    extra = sorted(set(rule) - allowed)
    if extra:
        return translate(
            "core.meetings.ics", "its repeat rule uses {join}, which the app can't represent"
        ).format(join=", ".join(extra))
    return None


def _windows_zones() -> dict[str, str]:
    """Outlook and Exchange name zones the Windows way ("Eastern Standard Time"); tzlocal
    ships the table that maps them to the tz database."""
    from tzlocal.windows_tz import win_tz

    return win_tz


def zone_aliases(calendars: list[Any]) -> dict[str, str]:
    """TZIDs a file's own VTIMEZONEs say are a tz database zone (``X-LIC-LOCATION``)."""
    found = {}
    for calendar in calendars:
        for tz in calendar.walk("VTIMEZONE"):
            tzid, place = str(tz.get("TZID", "") or ""), str(tz.get("X-LIC-LOCATION", "") or "")
            if tzid and known_zone(place):
                found[tzid] = place
    return found


def _zone(start: Any, value: datetime, zone_for_floating: str, aliases: dict[str, str]) -> str:
    """The IANA zone of a start: named by the tz database, by the file's own VTIMEZONE, or by
    Windows; a time with no zone at all is the computer's. Anything else is never guessed."""
    tzid = str(start.params.get("TZID", "") or "").strip('"')
    key = getattr(value.tzinfo, "key", None)
    if isinstance(key, str) and known_zone(key):
        return key
    if not tzid:
        if value.tzinfo is None:
            return zone_for_floating  # "floating" time: the same wall time wherever you are
        if value.utcoffset() == timedelta(0):
            return "UTC"
        raise _Reason(translate("core.meetings.ics", "its start has a time zone without a name"))
    for name in (tzid, aliases.get(tzid, ""), _windows_zones().get(tzid, "")):
        if known_zone(name):
            return name
    if value.tzinfo is not None:
        # The file's own VTIMEZONE: the tz database zones with the very same hours.
        same = _same_hours(value)
        named = [z for z in same if z in tzid]
        match = same[0] if len(same) == 1 else named[0] if len(named) == 1 else (
            zone_for_floating if zone_for_floating in same else None
        )  # fmt: skip
        if match is not None:
            aliases[tzid] = match  # the file's other events in this zone: found by name
            return match
        if same:
            raise _Reason(
                translate(
                    "core.meetings.ics",
                    (
                        "its time zone “{tzid}” has the hours of several places (such as "
                        "{join}), and the app won't guess which"
                    ),
                ).format(tzid=tzid, join=", ".join(same[:2]))
            )
    raise _Reason(
        translate(
            "core.meetings.ics", "its time zone “{tzid}” is not one the app can match to a place"
        ).format(tzid=tzid)
    )


def _same_hours(value: datetime) -> list[str]:
    """The tz database zones whose offsets equal those of ``value``'s zone on the 1st and
    15th of every month for two years from it (so both DST changes are compared)."""
    tz = value.tzinfo
    samples = [
        datetime(value.year + (value.month - 1 + m) // 12, (value.month - 1 + m) % 12 + 1, day,
                 12, tzinfo=UTC)
        for m in range(24)
        for day in (1, 15)
    ]  # fmt: skip
    try:
        wanted = [s.astimezone(tz).utcoffset() for s in samples]
    except (OverflowError, ValueError):
        return []
    found = []
    for name in sorted(zone_names()):
        zone = ZoneInfo(name)
        if all(s.astimezone(zone).utcoffset() == w for s, w in zip(samples, wanted, strict=True)):
            found.append(name)
    return found


def _named(value: datetime) -> bool:
    """Whether a time's zone is one the tz database names (or plain UTC)."""
    tz = value.tzinfo
    return isinstance(tz, ZoneInfo) or (
        isinstance(tz, timezone) and value.utcoffset() == timedelta(0)
    )


def _wall(value: datetime, zone: str) -> datetime:
    """The local time in ``zone``. A time in a zone the file defined itself is read as the
    file wrote it, by its name, so a slightly wrong VTIMEZONE can't move a meeting."""
    if _named(value):
        return value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return value.replace(tzinfo=None)


def _schedule(
    event: Any, zone_for_floating: str, aliases: dict[str, str] | None = None
) -> Schedule:
    """The event's schedule, or ``_Reason`` saying why it can't be one; a series with UNTIL
    or COUNT ends on the day of its last real date."""
    schedule = _repeating(event, zone_for_floating, aliases)
    raw = event.get("RRULE")
    if raw is None or schedule.repeat is Repeat.ONCE:
        return schedule
    rule = {k.upper(): v for k, v in dict(raw).items()}
    if "UNTIL" in rule and "COUNT" in rule:
        raise _Reason(
            translate("core.meetings.ics", "its repeat rule has both an end date and a count")
        )
    if "COUNT" in rule:
        count = int(rule["COUNT"][0])
        if not 1 <= count <= 5000:
            raise _Reason(
                translate(
                    "core.meetings.ics", "its repeat rule has a count the app can't represent"
                )
            )
        dates = list(islice(schedule.local_rule(), count))
    elif "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if isinstance(until, datetime):
            limit = _wall(until, schedule.zone) if until.tzinfo else until
        elif isinstance(until, date):
            limit = datetime.combine(until, time(23, 59, 59))
        else:
            raise _Reason(translate("core.meetings.ics", "its end date can't be read"))
        dates = list(schedule.local_rule().between(datetime.min, limit, inc=True))[-1:]
    else:
        return schedule
    if not dates:
        raise _Reason(translate("core.meetings.ics", "its repeat rule ends before its first date"))
    return replace(schedule, last_day=dates[-1].date())


def _repeating(
    event: Any, zone_for_floating: str, aliases: dict[str, str] | None = None
) -> Schedule:
    start = event.get("DTSTART")
    if start is None:
        raise _Reason(translate("core.meetings.ics", "it has no start time"))
    if isinstance(start, list):
        raise _Reason(translate("core.meetings.ics", "it has more than one start time"))
    value = start.dt
    if not isinstance(value, datetime):
        raise _Reason(translate("core.meetings.ics", "it is an all-day event"))
    zone = _zone(start, value, zone_for_floating, {} if aliases is None else aliases)
    local = _wall(value, zone)
    if value.tzinfo is not None and not _named(value):
        # The file defined the zone itself: it must agree with the zone it was matched to.
        ours = local.replace(tzinfo=ZoneInfo(zone)).utcoffset()
        if value.utcoffset() != ours:
            raise _Reason(
                translate(
                    "core.meetings.ics",
                    (
                        "its time zone “{get}” is defined in the file with other hours than "
                        "{zone}, so its time can't be trusted"
                    ),
                ).format(get=start.params.get("TZID"), zone=zone)
            )
    if isinstance(event.get("DURATION"), list) or isinstance(event.get("DTEND"), list):
        raise _Reason(translate("core.meetings.ics", "it has more than one end or length"))
    if event.get("DURATION") is not None:
        length = event.get("DURATION").dt
    elif event.get("DTEND") is not None:
        end = event.get("DTEND").dt
        if not isinstance(end, datetime):
            raise _Reason(
                translate(
                    "core.meetings.ics",
                    "its end is a date without a time, though its start has one",
                )
            )
        length = (
            end.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
            if isinstance(end, datetime) and end.tzinfo
            else end
        ) - local
    else:
        length = timedelta(hours=1)
    minutes = max(1, min(24 * 60, int(length.total_seconds() // 60)))
    for name in ("RDATE", "EXRULE"):
        if event.get(name) is not None:
            raise _Reason(
                translate(
                    "core.meetings.ics",
                    "it has extra dates (RDATE or EXRULE), which the app can't represent",
                )
            )
    raw_rule = event.get("RRULE")
    if isinstance(raw_rule, list):
        raise _Reason(translate("core.meetings.ics", "it has more than one repeat rule"))
    base: dict[str, Any] = {"first_day": local.date(), "start": time(local.hour, local.minute),
            "duration_minutes": minutes, "zone": zone}  # fmt: skip
    if raw_rule is None:
        return Schedule(Repeat.ONCE, **base)
    rule = {k.upper(): v for k, v in dict(raw_rule).items()}
    problem = _unsupported(rule)
    if problem:
        raise _Reason(problem)
    if "FREQ" not in rule:
        raise _Reason(translate("core.meetings.ics", "its repeat rule has no frequency"))
    freq = str(rule["FREQ"][0]).upper()
    week_start = str(rule.get("WKST", ["MO"])[0]).upper()
    interval = int(rule.get("INTERVAL", [1])[0])
    days = [str(d).upper() for d in rule.get("BYDAY", [])]
    if "BYMONTHDAY" in rule and (freq == "WEEKLY" or days):
        # "Tuesdays that fall on the 1st to 7th" and the like: the schedule can't say it.
        raise _Reason(
            translate(
                "core.meetings.ics", "its repeat rule combines days of the month with weekdays"
            )
        )
    if freq == "WEEKLY":
        picked = days or [RRULE_DAYS[local.weekday()]]
        # With one weekday the week's first day changes no date (Google writes WKST=SU).
        if interval > 1 and week_start != "MO" and len(set(picked)) > 1:
            raise _Reason(
                translate("core.meetings.ics", "its weeks start on a day other than Monday")
            )
        if any(d not in RRULE_DAYS for d in picked):
            raise _Reason(translate("core.meetings.ics", "its weekly rule names days with numbers"))
        return Schedule(
            Repeat.WEEKLY,
            interval=interval,
            weekdays=tuple(RRULE_DAYS.index(d) for d in picked),
            **base,
        )
    if freq == "MONTHLY" and len(days) == 1 and days[0][-2:] in RRULE_DAYS:
        nth = int(days[0][:-2] or "0")
        weekday_index = RRULE_DAYS.index(days[0][-2:])
        if nth not in (1, 2, 3, 4, 5, -1) or weekday_index != local.weekday():
            raise _Reason(
                translate(
                    "core.meetings.ics",
                    "its monthly rule isn't a single “nth weekday” the app can represent",
                )
            )
        return Schedule(Repeat.MONTHLY_WEEKDAY, interval=interval, nth=nth, **base)
    if freq == "MONTHLY" and not days:
        month_days = rule.get("BYMONTHDAY", [local.day])
        if len(month_days) != 1 or not 1 <= int(month_days[0]) <= 31:
            raise _Reason(
                translate("core.meetings.ics", "its monthly rule uses several or negative days")
            )
        return Schedule(Repeat.MONTHLY_DAY, interval=interval, month_day=int(month_days[0]), **base)
    raise _Reason(
        translate("core.meetings.ics", "it repeats {lower}, which the app can't represent").format(
            lower=freq.lower()
        )
    )


def _reminders(event: object) -> tuple[int, ...]:
    leads = set()
    for alarm in getattr(event, "subcomponents", []):
        if getattr(alarm, "name", "") != "VALARM":
            continue
        trigger = alarm.get("TRIGGER")
        delta = getattr(trigger, "dt", None)
        if isinstance(delta, timedelta) and delta <= timedelta(0):
            leads.add(int(-delta.total_seconds() // 60))
    return tuple(sorted(leads))[:5]


def _kept_reminders(event: Any) -> tuple[int, ...]:
    text = str(event.get("X-RECOVERY-REMINDERS", "") or "")
    return tuple(int(x) for x in text.split(",") if x.strip().isdigit())[:5]


def _aware(value: object, zone: str) -> datetime:
    """An iCalendar date-time as an aware instant (see ``_wall``)."""
    if not isinstance(value, datetime):
        raise _Reason(translate("core.meetings.ics", "one of its changed dates has no time of day"))
    return _wall(value, zone).replace(tzinfo=ZoneInfo(zone))


def _values(prop: object) -> list[object]:
    """The dates of an EXDATE property (one line or several)."""
    lines = prop if isinstance(prop, list) else [prop]
    return [d.dt for line in lines for d in getattr(line, "dts", [])]


def _cancelled(event: Any) -> bool:
    return str(event.get("STATUS", "") or "").upper() == "CANCELLED"


def _uid(event: Any) -> str:
    return str(event.get("UID", "") or "").removesuffix(UID_SUFFIX)[:200]


def _over(meeting: Meeting, now: datetime) -> bool:
    """Whether nothing of the meeting is still to come (a date moved later counts)."""
    s = meeting.schedule
    once = datetime.combine(s.first_day, s.start, s.tz)
    ended = s.ended_before(now.date()) if s.repeat is not Repeat.ONCE else once < now
    return ended and not any(c.start is not None and c.start >= now for c in meeting.changes)


def _version(events: list[Any]) -> str:
    """A calendar's version of one meeting (its series and the dates it changed), written so
    a later one sorts after: the highest SEQUENCE, then the latest LAST-MODIFIED."""
    best = ""
    for event in events:
        if event.get("SEQUENCE") is None and event.get("LAST-MODIFIED") is None:
            continue
        try:
            sequence = max(0, min(int(str(event.get("SEQUENCE", 0) or 0)), 10**8))
        except ValueError:
            sequence = 0
        modified = event.get("LAST-MODIFIED")
        when = getattr(modified, "dt", None)
        stamp = f"{when.astimezone(UTC):%Y%m%dT%H%M%SZ}" if isinstance(when, datetime) else ""
        best = max(best, f"{sequence:09d}|{stamp}")
    return best


def _made_up_uid(name: str, event: Any) -> str:
    import hashlib

    start = event.get("DTSTART")
    seed = f"{name}|{start.to_ical().decode() if start is not None else ''}"
    return "no-uid-" + hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _overrides(events: list[Any]) -> dict[str, list[Any]]:
    """The events that change one date of a series (RECURRENCE-ID), by the series' UID."""
    found: dict[str, list[Any]] = {}
    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            found.setdefault(_uid(event), []).append(event)
    return found


def _changes(
    event: Any, overrides: list[Any], schedule: Schedule, usual: str
) -> tuple[list[DateChange], int]:
    """Skipped dates (EXDATE, cancelled overrides) and moved ones (overrides with a new start
    or place), each keyed by the start the series gives it; and how many couldn't be read
    (a date without a time, say): those are left out, never the whole meeting."""
    zone = schedule.zone
    found: dict[datetime, DateChange] = {}
    unread = 0
    exdates = event.get("EXDATE")
    for value in [] if exdates is None else _values(exdates):
        try:
            original = _aware(value, zone)
        except _Reason:
            unread += 1
            continue
        found[utc(original)] = DateChange(original)
    for override in overrides:
        try:
            original = _aware(override.get("RECURRENCE-ID").dt, zone)
            start_prop = override.get("DTSTART")
            start = _aware(start_prop.dt, zone) if start_prop is not None else original
        except _Reason:
            unread += 1
            continue
        if _cancelled(override):
            found[utc(original)] = DateChange(original)
            continue
        place = str(override.get("LOCATION", "") or "")
        note = str(override.get("DESCRIPTION", "") or "")[:2000]
        if utc(start) == utc(original) and place in ("", usual) and not note:
            continue  # the same date, the same place: nothing changed that the app keeps
        found[utc(original)] = DateChange(original, start, "" if place == usual else place,
                                          note)  # fmt: skip
    return list(found.values()), unread


def _fitting(meeting: Meeting, changes: list[DateChange]) -> tuple[Meeting, int]:
    """The meeting with the changes its schedule really has; how many were left out."""
    kept: list[DateChange] = []
    seen: set[datetime] = set()
    for change in changes[:MAX_CHANGES]:
        try:
            validate_change(meeting, change)
        except KnownError:
            continue
        if utc(change.original) not in seen:
            seen.add(utc(change.original))
            kept.append(change)
    return replace(meeting, changes=tuple(kept)), len(changes) - len(kept)


def from_ics(data: bytes, zone_for_floating: str, now: datetime | None = None) -> IcsImport:
    """Read a calendar file. Raises ``InvalidImport`` if it isn't one; skips what can't be kept.

    With ``now``, events already over (one-off ones, and series that ended) are left out
    (counted in ``past``).
    """
    if len(data) > MAX_ICS_BYTES:
        raise InvalidImport(
            translate(
                "core.meetings.ics",
                "This calendar file is too large (over 5 MB). Nothing was imported.",
            )
        )
    try:
        from icalendar import Calendar

        calendars = Calendar.from_ical(data.decode("utf-8-sig"), multiple=True)
        events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    except Exception as exc:  # whatever a damaged or hostile file makes the reader raise
        log.info("calendar file not read: %s", type(exc).__name__)
        raise InvalidImport(
            translate(
                "core.meetings.ics",
                "This file is not a calendar file the app can read (it may be damaged). "
                "Nothing was imported.",
            )
        ) from exc
    result = IcsImport()
    aliases = zone_aliases(calendars)
    overrides = _overrides(events)
    made: dict[str, Schedule] = {}  # uid -> the schedule its first event gave
    series_uids = {_uid(e) for e in events if e.get("RECURRENCE-ID") is None}
    for series, changed in overrides.items():
        if series not in series_uids:
            name = str(changed[0].get("SUMMARY", "") or "").strip() or translate(
                "core.meetings.ics", "An event without a name"
            )
            result.skipped.append(
                translate(
                    "core.meetings.ics",
                    "{name}: it changes one date of a series that isn't in this file",
                ).format(name=name)
            )
    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            continue  # read with its series
        name = str(event.get("SUMMARY", "") or "").strip() or translate(
            "core.meetings.ics", "An event without a name"
        )
        if _cancelled(event):
            result.skipped.append(
                translate("core.meetings.ics", "{name}: it is marked as cancelled").format(
                    name=name
                )
            )
            continue
        try:
            schedule = _schedule(event, zone_for_floating, aliases)
            # An event without a UID gets one from what it is, so importing the same file
            # again still adds nothing.
            uid = _uid(event) or _made_up_uid(name, event)
            kind_text = str(event.get("X-RECOVERY-KIND", MeetingKind.OTHER.value))
            kind = MeetingKind(kind_text) if kind_text in set(MeetingKind) else MeetingKind.OTHER
            location = str(event.get("LOCATION", "") or "")
            online = str(event.get("X-RECOVERY-ONLINE", "")).upper() == "TRUE" or (
                location.startswith(("https://", "http://"))
            )
            meeting = Meeting(
                name=name[:200],
                online=online,
                kind=kind,
                schedule=schedule,
                location=location,
                reminders=_reminders(event) or _kept_reminders(event),
                notes=str(event.get("DESCRIPTION", "") or ""),
                paused=str(event.get("X-RECOVERY-PAUSED", "")).upper() == "TRUE",
            )
            if uid and uid in made and made[uid] != schedule:
                # Another event with the same UID (some programs reuse them): its own meeting,
                # keyed by UID and start, so importing the file again still adds nothing.
                uid = f"{uid}#{schedule.first_day:%Y%m%d}T{schedule.start:%H%M}"[:200]
            elif uid and uid in made:
                continue  # the same event twice in one file
            if uid:
                made[uid] = schedule
                meeting = replace(meeting, uid=uid)
            validate_meeting(meeting)
            own = overrides.get(_uid(event), [])
            changes, unread = _changes(event, own, schedule, location)
            meeting, left_out = _fitting(meeting, changes)
            left_out += unread
            meeting = replace(meeting, calendar_version=_version([event, *own]))
            if now is not None and _over(meeting, now):
                result.past += 1  # already happened, or a series that has ended
                continue
            if left_out:
                dates = (
                    translate("core.meetings.ics", "1 changed date")
                    if left_out == 1
                    else translate("core.meetings.ics", "{left_out} changed dates").format(
                        left_out=left_out
                    )
                )
                result.skipped.append(
                    translate(
                        "core.meetings.ics",
                        "{name}: kept, but {dates} didn't match the series and were left out",
                    ).format(name=name, dates=dates)
                )
        except KnownError as exc:
            result.skipped.append(f"{name}: {exc.message}")
            continue
        except _Reason as exc:
            result.skipped.append(f"{name}: {exc}")
            continue
        except Exception as exc:  # any other file: the event is left out, never a traceback
            log.info("calendar event skipped: %s", bug_report(type(exc), exc, exc.__traceback__))
            result.skipped.append(
                translate(
                    "core.meetings.ics", "{name}: its dates or repeat rule can't be read"
                ).format(name=name)
            )
            continue
        result.meetings.append(meeting)
    if not result.meetings and not result.skipped and not result.past:
        raise InvalidImport(
            translate(
                "core.meetings.ics", "This calendar file has no events. Nothing was imported."
            )
        )
    return result
