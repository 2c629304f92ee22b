"""Meetings to and from .ics files on disk (the CLI and the Meetings page use these)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from recovery_app.core.errors import InvalidImport, OutputPathError
from recovery_app.core.meetings.ics import MAX_ICS_BYTES, IcsImport, from_ics, to_ics, writable
from recovery_app.storage.db import Database
from recovery_app.storage.files import write_private
from recovery_app.storage.meetings.meetings import Meetings


def export_ics(db: Database, out: Path, now: datetime) -> int:
    """Write every meeting (paused ones marked) to ``out``; returns how many."""
    with db.reading() as conn:
        meetings = [m for m in Meetings(conn).all() if writable(m)]
    out = out.expanduser()
    if out.is_dir():
        raise OutputPathError(f"{out} is a folder; please give a file name ending in .ics.")
    if not out.parent.is_dir():
        raise OutputPathError(f"The folder {out.parent} does not exist.")
    write_private(out, to_ics(meetings, now))
    return len(meetings)


@dataclass(frozen=True)
class IcsReport:
    added: list[str]
    already_here: list[str]
    skipped: list[str]
    past: int = 0  # one-off events already over, left out

    def summary(self) -> str:
        parts = [f"Added {len(self.added)} meeting{'' if len(self.added) == 1 else 's'}."]
        if self.already_here:
            parts.append(f"{len(self.already_here)} were already here.")
        if self.past:
            events = "1 one-off event" if self.past == 1 else f"{self.past} one-off events"
            parts.append(f"Left out {events} that already happened.")
        if self.skipped:
            parts.append(
                f"Not imported or changed ({len(self.skipped)}): " + "; ".join(self.skipped)
            )
        return " ".join(parts)


def read_ics(source: Path, now: datetime, zone: str) -> IcsImport:
    """The meetings in ``source`` and what was left out, nothing written (for a preview)."""
    try:
        if source.stat().st_size > MAX_ICS_BYTES:
            raise InvalidImport(
                "This calendar file is too large (over 5 MB). Nothing was imported."
            )
        data = source.read_bytes()
    except OSError as exc:
        raise InvalidImport(f"Can't read {source}: {exc.strerror}.") from exc
    return from_ics(data, zone, now)


def present_uids(db: Database, uids: list[str]) -> set[str]:
    """Which of these meetings are here already (so a preview can say so)."""
    with db.reading() as conn:
        meetings = Meetings(conn)
        return {uid for uid in uids if meetings.exists(uid)}


def add_meetings(db: Database, parsed: IcsImport, now: datetime) -> IcsReport:
    """Add the meetings read from a file; all in one transaction, none twice (by UID)."""
    added, present = [], []
    with db.transaction() as conn:
        meetings = Meetings(conn)
        for meeting in parsed.meetings:
            if meetings.exists(meeting.uid):
                present.append(meeting.name)
            else:
                meetings.save(meeting, now)
                added.append(meeting.name)
    return IcsReport(added, present, parsed.skipped, parsed.past)


def import_ics(db: Database, source: Path, now: datetime, zone: str) -> IcsReport:
    """Add every meeting in ``source`` the app can represent (the command line)."""
    return add_meetings(db, read_ics(source, now, zone), now)
