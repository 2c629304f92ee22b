"""Which reminders fall due, and when the next one does (one timer, no polling).

Every reminder has a stable key, so a reminder is shown once however often
the app checks, and one missed while the app was closed is found at the next
start by looking at the stretch of time since the last check.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from recovery_app.core.i18n import translate
from recovery_app.core.meetings.schedule import Meeting

LOOKAHEAD = timedelta(days=8)  # the longest lead (7 days) plus a margin
ASK_AFTER = timedelta(minutes=0)  # "Did you go?" as soon as the meeting has ended


class ReminderKind(enum.StrEnum):
    MEETING = "meeting"
    ATTENDANCE = "attendance"
    CHECKIN = "checkin"
    QUESTIONNAIRE = "questionnaire"  # the PHQ-9 and GAD-7, every two weeks


@dataclass(frozen=True)
class Due:
    key: str
    kind: ReminderKind
    due_at: datetime
    meeting: Meeting | None = None
    starts_at: datetime | None = None  # when it happens (a moved date: its new time)
    # The occurrence's own start, which attendance is kept under (a moved date keeps it).
    original: datetime | None = None
    location: str = ""


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _meeting_dues(meeting: Meeting, since: datetime, until: datetime) -> list[Due]:
    if meeting.paused:
        return []
    s = meeting.schedule
    longest = max(meeting.reminders, default=0)
    found = []
    length = timedelta(minutes=s.duration_minutes)
    occurrences = meeting.occurrences(
        since - length - ASK_AFTER, until + timedelta(minutes=longest) + timedelta(seconds=1)
    )
    for occurrence in occurrences:
        start = occurrence.start
        # A moved date gets reminders of its own, for its new time.
        stamp = _stamp(start) if not occurrence.moved else f"{_stamp(start)}:moved"
        for lead in meeting.reminders:
            # In UTC: wall-clock arithmetic would land in a DST gap or overlap.
            due = start.astimezone(UTC) - timedelta(minutes=lead)
            if since < due <= until:
                found.append(
                    Due(
                        f"meeting:{meeting.uid}:{stamp}:{lead}",
                        ReminderKind.MEETING,
                        due,
                        meeting,
                        start,
                        occurrence.original,
                        occurrence.location,
                    )
                )
        asked = start.astimezone(UTC) + length + ASK_AFTER
        if since < asked <= until:
            found.append(
                Due(
                    f"attendance:{meeting.uid}:{_stamp(occurrence.original)}",
                    ReminderKind.ATTENDANCE,
                    asked,
                    meeting,
                    start,
                    occurrence.original,
                    occurrence.location,
                )
            )
    return found


def checkin_due(day: date, at: time, zone_now: datetime) -> datetime:
    """The instant of the daily check-in reminder on ``day`` in the person's zone.

    A named zone is used as is; a fixed offset (the system clock's) is replaced
    by the system's own local time for that day, so DST changes are right.
    """
    tz = zone_now.tzinfo
    if isinstance(tz, ZoneInfo):
        return datetime.combine(day, at, tzinfo=tz)
    return datetime.combine(day, at).astimezone()


QUESTIONNAIRE_EVERY = 14  # days


@dataclass(frozen=True)
class Fortnightly:
    """The questionnaires' reminder: at a local time, every 14 days after ``anchor``
    (the later of the day it was turned on and the day one was last filled in)."""

    at: time
    anchor: date

    def due_on(self, day: date) -> bool:
        days = (day - self.anchor).days
        return days > 0 and days % QUESTIONNAIRE_EVERY == 0

    def next_due(self, now: datetime) -> datetime:
        """The next instant it falls due after ``now``, however far ahead."""
        local = now.astimezone(now.tzinfo)
        day = max(self.anchor, local.date())
        while True:
            if self.due_on(day) and (due := checkin_due(day, self.at, local)) > now:
                return due
            day += timedelta(days=1)


def dues_between(
    meetings: Iterable[Meeting],
    since: datetime,
    until: datetime,
    checkin_at: time | None = None,
    checkin_done: set[date] | None = None,
    questionnaires: Fortnightly | None = None,
) -> list[Due]:
    """Reminders due in (since, until], oldest first."""
    found: list[Due] = []
    for meeting in meetings:
        found.extend(_meeting_dues(meeting, since, until))
    local_until = until.astimezone(until.tzinfo)
    day = since.astimezone(until.tzinfo).date()
    while day <= local_until.date() and (checkin_at or questionnaires):
        if checkin_at is not None and day not in (checkin_done or set()):
            due = checkin_due(day, checkin_at, local_until)
            if since < due <= until:
                found.append(Due(f"checkin:{day.isoformat()}", ReminderKind.CHECKIN, due))
        if questionnaires is not None and questionnaires.due_on(day):
            due = checkin_due(day, questionnaires.at, local_until)
            if since < due <= until:
                key = f"questionnaire:{day.isoformat()}"
                found.append(Due(key, ReminderKind.QUESTIONNAIRE, due))
        day += timedelta(days=1)
    return sorted(found, key=lambda d: d.due_at)


def next_due_at(
    meetings: Iterable[Meeting], now: datetime, checkin_at: time | None = None
) -> datetime | None:
    """When the next meeting or check-in reminder falls due after ``now`` (within 8 days;
    the questionnaires' can be further off: ``Fortnightly.next_due``)."""
    found = dues_between(meetings, now, now + LOOKAHEAD, checkin_at)
    return found[0].due_at if found else None


LATE = timedelta(minutes=10)  # shown this late, a reminder says what was missed


def reminder_words(due: Due, now: datetime, zone: tzinfo | None) -> tuple[str, str]:
    """Title and body, kind and plain, in local time. Missed ones say so without blame."""
    if due.kind is ReminderKind.CHECKIN:
        return translate("core.meetings.reminders", "Time for your daily check-in"), translate(
            "core.meetings.reminders", "It takes about 30 seconds."
        )
    if due.kind is ReminderKind.QUESTIONNAIRE:
        return translate(
            "core.meetings.reminders", "Time for your two-weekly questionnaires"
        ), translate(
            "core.meetings.reminders",
            "The PHQ-9 and GAD-7 take a few minutes. Your answers stay on this computer.",
        )
    meeting, start = due.meeting, due.starts_at
    assert meeting is not None and start is not None
    local, here = start.astimezone(zone), now.astimezone(zone)
    at = (
        f"{local:%H:%M}"
        if local.date() == here.date()
        else translate("core.meetings.reminders", "{local:%A} at {local:%H:%M}").format(local=local)
    )
    if due.kind is ReminderKind.ATTENDANCE:
        return translate("core.meetings.reminders", "Did you go to {name}?").format(
            name=meeting.name
        ), f"{local:%A %d %B}, {local:%H:%M}."
    where = f" · {due.location}" if due.location else ""
    if due.original is not None and due.original != start:
        where += translate("core.meetings.reminders", " · moved from {astimezone:%A %H:%M}").format(
            astimezone=due.original.astimezone(zone)
        )
    if start <= now and now - due.due_at > LATE:
        return (
            translate("core.meetings.reminders", "You had {name} at {local:%H:%M}").format(
                name=meeting.name, local=local
            ),
            translate("core.meetings.reminders", "This reminder came while the app was closed."),
        )
    if start <= now:
        return translate("core.meetings.reminders", "{name} is starting now").format(
            name=meeting.name
        ), f"{meeting.schedule.describe()}{where}"
    minutes = round((start - now).total_seconds() / 60)
    soon = (
        translate("core.meetings.reminders", "in {minutes} minute{value}").format(
            minutes=minutes, value="" if minutes == 1 else "s"
        )
        if minutes < 120
        else at
    )
    return f"{meeting.name} {soon}", f"{meeting.schedule.describe()}{where}"


def private_words(kinds: list[ReminderKind]) -> tuple[str, str]:
    """What a desktop notice says unless the person chose details: nothing anyone
    glancing at the screen could read a meeting's name or a questionnaire from."""
    title = translate("core.meetings.reminders", "Recovery Companion")
    if kinds and all(k is ReminderKind.CHECKIN for k in kinds):
        return title, translate("core.meetings.reminders", "Time for your check-in")
    if len(kinds) > 1:
        return title, translate("core.meetings.reminders", "You have {count} reminders.").format(
            count=len(kinds)
        )
    return title, translate("core.meetings.reminders", "You have a reminder.")


def parse_hhmm(text: str) -> time | None:
    """A local time of day written "HH:MM", or None if it isn't one."""
    try:
        hour, minute = (int(x) for x in text.split(":"))
        return time(hour, minute)
    except ValueError:
        return None
