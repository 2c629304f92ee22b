"""Meetings to and from .ics files on disk (the CLI and the Meetings page use these)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from recovery_app.core.errors import InvalidImport, OutputPathError
from recovery_app.core.i18n import translate
from recovery_app.core.meetings.ics import (
    MAX_ICS_BYTES,
    IcsImport,
    from_ics,
    past_words,
    to_ics,
    writable,
)
from recovery_app.core.meetings.schedule import Meeting, MeetingKind, fits, utc
from recovery_app.storage.db import Database
from recovery_app.storage.files import write_private
from recovery_app.storage.meetings.meetings import Meetings


def export_ics(db: Database, out: Path, now: datetime) -> int:
    """Write every meeting (paused ones marked) to ``out``; returns how many."""
    with db.reading() as conn:
        meetings = [m for m in Meetings(conn).all() if writable(m)]
    out = out.expanduser()
    if out.is_dir():
        raise OutputPathError(
            translate(
                "storage.exchange.calendar",
                "{out} is a folder; please give a file name ending in .ics.",
            ).format(out=out)
        )
    if not out.parent.is_dir():
        raise OutputPathError(
            translate("storage.exchange.calendar", "The folder {parent} does not exist.").format(
                parent=out.parent
            )
        )
    write_private(out, to_ics(meetings, now))
    return len(meetings)


@dataclass(frozen=True)
class IcsReport:
    added: list[str]
    already_here: list[str]
    skipped: list[str]
    past: int = 0  # events already over (one-off, or a series that ended), left out
    updated: list[str] = field(default_factory=list)  # newer in the file than here

    def summary(self) -> str:
        parts = [
            translate("storage.exchange.calendar", "Added {len} meeting{value}.").format(
                len=len(self.added), value="" if len(self.added) == 1 else "s"
            )
        ]
        if self.updated:
            count = len(self.updated)
            parts.append(
                translate(
                    "storage.exchange.calendar",
                    "Updated {count} meeting{value} the calendar had changed.",
                ).format(count=count, value="" if count == 1 else "s")
            )
        if self.already_here:
            parts.append(
                translate("storage.exchange.calendar", "{len} were already here.").format(
                    len=len(self.already_here)
                )
            )
        if self.past:
            parts.append(
                translate("storage.exchange.calendar", "Left out {past_words}.").format(
                    past_words=past_words(self.past)
                )
            )
        if self.skipped:
            parts.append(
                translate("storage.exchange.calendar", "Not imported or changed ({len}): ").format(
                    len=len(self.skipped)
                )
                + "; ".join(self.skipped)
            )
        return " ".join(parts)


def read_ics(source: Path, now: datetime, zone: str) -> IcsImport:
    """The meetings in ``source`` and what was left out, nothing written (for a preview)."""
    try:
        if source.stat().st_size > MAX_ICS_BYTES:
            raise InvalidImport(
                translate(
                    "storage.exchange.calendar",
                    "This calendar file is too large (over 5 MB). Nothing was imported.",
                )
            )
        data = source.read_bytes()
    except OSError as exc:
        raise InvalidImport(
            translate("storage.exchange.calendar", "Can't read {source}: {strerror}.").format(
                source=source, strerror=exc.strerror
            )
        ) from exc
    return from_ics(data, zone, now)


def newer(found: Meeting, here: Meeting) -> bool:
    """Whether the file holds a later version of a meeting than the one here."""
    return found.calendar_version > here.calendar_version and bool(here.calendar_version)


def present_uids(db: Database, meetings: list[Meeting]) -> dict[str, bool]:
    """Which of these meetings are here already, and whether the file's is newer."""
    with db.reading() as conn:
        repo = Meetings(conn)
        found = {}
        for m in meetings:
            here = repo.get(m.uid)
            if here is not None:
                found[m.uid] = newer(m, here)
        return found


def _updated(found: Meeting, here: Meeting) -> Meeting:
    """The calendar's new version of a meeting, keeping what only the app knows: the
    person's reminders (when the file has none), pause and notes (when the file has none)."""
    return replace(
        found,
        reminders=found.reminders or here.reminders,
        paused=here.paused,
        notes=found.notes or here.notes,
        kind=here.kind if found.kind is MeetingKind.OTHER else found.kind,
    )


def add_meetings(db: Database, parsed: IcsImport, now: datetime) -> IcsReport:
    """Add the meetings read from a file, and update those the file has a newer version of;
    all in one transaction, none twice (by UID)."""
    added, present, updated = [], [], []
    with db.transaction() as conn:
        meetings = Meetings(conn)
        for meeting in parsed.meetings:
            here = meetings.get(meeting.uid)
            if here is None:
                meetings.save(meeting, now)
                added.append(meeting.name)
            elif newer(meeting, here):
                meetings.save(_updated(meeting, here), now)
                # The file's changed dates, and the person's own for dates it doesn't mention.
                mentioned = {utc(c.original) for c in meeting.changes}
                own = tuple(c for c in here.changes if utc(c.original) not in mentioned
                            and fits(meeting.schedule, c.original))  # fmt: skip
                meetings.replace_changes(meeting.uid, (*meeting.changes, *own))
                updated.append(meeting.name)
            else:
                present.append(meeting.name)
    return IcsReport(added, present, parsed.skipped, parsed.past, updated)


def import_ics(db: Database, source: Path, now: datetime, zone: str) -> IcsReport:
    """Add every meeting in ``source`` the app can represent (the command line)."""
    return add_meetings(db, read_ics(source, now, zone), now)
