"""Files in and out, for the screens: each call is one unit of work saying what changed.

Reading a file in can add any kind of record, so an import changes everything.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from recovery_app.core.changes import NOTHING, Changes, Record, Result
from recovery_app.core.meetings.ics import IcsImport
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.calendar import (
    IcsReport,
    add_meetings,
    export_ics,
    present_uids,
    read_ics,
)
from recovery_app.storage.exchange.document import export_json
from recovery_app.storage.exchange.importer import ImportReport, import_file


def import_export_file(db: Database, source: Path, now: datetime) -> Result[ImportReport]:
    """All or nothing: an invalid file raises ``InvalidImport`` and changes nothing."""
    return Result(import_file(db, source, now), Changes.everything())


def export_to_file(db: Database, target: Path, now: datetime) -> Result[int]:
    return Result(export_json(db, target, now), NOTHING)


def preview_calendar(
    db: Database, source: Path, now: datetime, zone: str
) -> Result[tuple[IcsImport, dict[str, bool]]]:
    """A calendar file read for the preview, with the meetings already here (and whether the
    file's version is newer); nothing written."""
    parsed = read_ics(source, now, zone)
    return Result((parsed, present_uids(db, parsed.meetings)), NOTHING)


def add_calendar_meetings(db: Database, parsed: IcsImport, now: datetime) -> Result[IcsReport]:
    return Result(add_meetings(db, parsed, now), Changes.of(Record.MEETINGS))


def export_calendar(db: Database, target: Path, now: datetime) -> Result[int]:
    return Result(export_ics(db, target, now), NOTHING)
