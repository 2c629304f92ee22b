"""Importing an export file: validated first, then merged in one transaction.

Nothing is written unless the whole file is valid. Check-ins are matched by
their stable ``uid``: one already present is left as it is, so importing the
same file twice adds nothing. A check-in for a day that already has a
different one is kept out and counted, never overwriting what is there.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from recovery_app.core.checkin.checkin import (
    CheckIn,
    Halt,
    UsedToday,
    UseQuestion,
    validate_checkin,
)
from recovery_app.core.errors import InvalidImport, KnownError
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import EXPORT_FORMAT, EXPORT_VERSION
from recovery_app.storage.exchange.journal import JournalImport, merge_journal, read_journal
from recovery_app.storage.exchange.more import MoreImport, merge_more, read_more
from recovery_app.storage.exchange.rules import import_failure, optional_instant
from recovery_app.storage.models import CheckInRow

MAX_IMPORT_BYTES = 256 * 1024 * 1024


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass(frozen=True)
class ImportReport:
    added: int
    already_present: int
    same_day_kept_out: int
    start_date_set: bool
    entries_added: int = 0
    entries_present: int = 0
    choices_added: int = 0
    others_added: int = 0  # meetings, attendance, contacts, self-checks

    def summary(self) -> str:
        parts = [
            f"Added {_plural(self.added, 'check-in', 'check-ins')} and "
            f"{_plural(self.entries_added, 'journal entry', 'journal entries')}."
        ]
        if self.already_present or self.entries_present:
            parts.append(f"{self.already_present + self.entries_present} were already here.")
        if self.others_added:
            parts.append(
                "Added "
                + _plural(self.others_added, "meeting, contact or other record",
                          "meetings, contacts and other records")
                + "."
            )  # fmt: skip
        if self.choices_added:
            parts.append(
                "Added "
                + _plural(
                    self.choices_added, "new trigger or strategy", "new triggers or strategies"
                )
                + "."
            )
        if self.same_day_kept_out:
            parts.append(
                f"{self.same_day_kept_out} were kept out because you already have a "
                "different check-in for that day."
            )
        if self.start_date_set:
            parts.append("Your recovery start date was set from the file.")
        return " ".join(parts)


@dataclass(frozen=True)
class ImportDocument:
    start_date: date | None
    checkins: tuple[CheckIn, ...]
    journal: JournalImport
    more: MoreImport


def _int(record: dict[str, Any], name: str, where: str, optional: bool = False) -> int | None:
    value = record.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise import_failure(where, f"has no whole-number {name}")
    return value


def _text(record: dict[str, Any], name: str, where: str) -> str:
    value = record.get(name, "")
    if not isinstance(value, str):
        raise import_failure(where, f"has a {name} that is not text")
    return value


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _checkin(record: Any, index: int, today: date) -> CheckIn:
    where = f"check-in number {index + 1}"
    if not isinstance(record, dict):
        raise import_failure(where, "is not a record")
    uid = record.get("uid")
    if not isinstance(uid, str) or not _is_uuid(uid):
        raise import_failure(where, "has no valid id")
    try:
        day = date.fromisoformat(record["day"])
    except (KeyError, TypeError, ValueError):
        raise import_failure(where, "has no valid day") from None
    halt = record.get("halt", {})
    if not isinstance(halt, dict) or not all(
        isinstance(halt.get(k, False), bool) for k in ("hungry", "angry", "lonely", "tired")
    ):
        raise import_failure(where, "has HALT answers that are not yes/no")
    hours = record.get("sleep_hours")
    if hours is not None and (not isinstance(hours, int | float) or isinstance(hours, bool)):
        raise import_failure(where, "has sleep hours that are not a number")
    try:
        used = UsedToday(str(record.get("used")))
    except ValueError:
        raise import_failure(where, "has an unknown answer to the use question") from None
    # Files before version 4 only had "Did you use today?"; an answer keeps that meaning.
    asked = record.get("use_question", UseQuestion.USED_TODAY.value)
    try:
        use_question = UseQuestion(asked) if isinstance(asked, str) else None
    except ValueError:
        use_question = None
    if use_question is None:
        raise import_failure(where, "names an unknown use question")
    mood, anxiety, craving = (_int(record, n, where) for n in ("mood", "anxiety", "craving"))
    checkin = CheckIn(
        day=day,
        mood=mood or 0,
        anxiety=anxiety or 0,
        craving=craving or 0,
        used=used,
        sleep_hours=None if hours is None else float(hours),
        sleep_quality=_int(record, "sleep_quality", where, optional=True),
        halt=Halt(**{k: bool(halt.get(k, False)) for k in ("hungry", "angry", "lonely", "tired")}),
        gratitude=_text(record, "gratitude", where),
        note=_text(record, "note", where),
        uid=uid,
        use_question=use_question,
        created_at=optional_instant(record.get("created_at"), where),
        updated_at=optional_instant(record.get("updated_at"), where),
    )
    try:
        validate_checkin(checkin, today)
    except KnownError as exc:
        raise import_failure(where, f"is not valid ({exc.message.rstrip('.')})") from exc
    return checkin


def read_document(path: Path, today: date) -> ImportDocument:
    """Read and check the whole file; raise ``InvalidImport`` on any problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidImport(f"Can't read {path}: {exc.strerror}.") from exc
    if size > MAX_IMPORT_BYTES:
        raise InvalidImport(f"{path.name} is too large to be an export from this app.")
    try:
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidImport(
            f"{path.name} is not a complete export file (it may be damaged or cut short). "
            "Nothing was changed."
        ) from exc
    if not isinstance(raw, dict) or raw.get("format") != EXPORT_FORMAT:
        raise InvalidImport(f"{path.name} is not a Recovery Companion export. Nothing was changed.")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidImport(f"{path.name} has no valid format version. Nothing was changed.")
    if version > EXPORT_VERSION:
        raise InvalidImport(
            f"{path.name} was written by a newer version of Recovery Companion. "
            "Please update the app to import it. Nothing was changed."
        )
    profile = raw.get("profile") or {}
    records = raw.get("checkins", [])
    if not isinstance(profile, dict) or not isinstance(records, list):
        raise import_failure("the file", "is not laid out as an export")
    start: date | None = None
    if profile.get("recovery_start_date") is not None:
        try:
            start = date.fromisoformat(profile["recovery_start_date"])
        except (TypeError, ValueError):
            raise import_failure("the profile", "has no valid start date") from None
        if start > today:
            raise import_failure("the profile", "has a start date in the future")
    checkins = tuple(_checkin(r, i, today) for i, r in enumerate(records))
    for name, keys in (("id", [c.uid for c in checkins]), ("day", [c.day for c in checkins])):
        if len(set(keys)) != len(keys):
            raise import_failure("the file", f"has two check-ins with the same {name}")
    return ImportDocument(start, checkins, read_journal(raw), read_more(raw))


def import_file(db: Database, path: Path, now: datetime) -> ImportReport:
    """Validate ``path`` completely, then merge it in one transaction."""
    document = read_document(path, now.date())
    added = present = kept_out = 0
    with db.transaction() as session:
        uids = set(session.scalars(select(CheckInRow.uid)))
        days = set(session.scalars(select(CheckInRow.day)))
        rows = []
        for c in document.checkins:
            if c.uid in uids:
                present += 1
            elif c.day in days:
                kept_out += 1
            else:
                rows.append(
                    CheckInRow(
                        uid=c.uid,
                        day=c.day,
                        mood=c.mood,
                        anxiety=c.anxiety,
                        craving=c.craving,
                        sleep_hours=c.sleep_hours,
                        sleep_quality=c.sleep_quality,
                        hungry=c.halt.hungry,
                        angry=c.halt.angry,
                        lonely=c.halt.lonely,
                        tired=c.halt.tired,
                        used=c.used.value,
                        use_question=c.use_question.value,
                        gratitude=c.gratitude,
                        note=c.note,
                        created_at=c.created_at or now,
                        updated_at=c.updated_at or now,
                    )
                )
                added += 1
        session.add_all(rows)
        profile = Profile(session)
        start_set = document.start_date is not None and profile.start_date() is None
        if start_set:
            profile.set_start_date(document.start_date, now)
        journal = merge_journal(session, document.journal, now)
        others = merge_more(session.connection(), document.more, now)
    return ImportReport(
        added,
        present,
        kept_out,
        start_set,
        journal.entries_added,
        journal.entries_present,
        journal.choices_added,
        others,
    )
