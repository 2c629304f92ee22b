"""Check-ins and the profile in the export: written, read back and checked, merged."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from recovery_app.core.checkin.checkin import (
    CheckIn,
    Halt,
    UsedToday,
    UseQuestion,
    validate_checkin,
)
from recovery_app.core.errors import KnownError
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.exchange.rules import import_failure, optional_instant


def checkin_to_json(c: CheckIn) -> dict[str, Any]:
    return {
        "uid": c.uid,
        "day": c.day.isoformat(),
        "mood": c.mood,
        "anxiety": c.anxiety,
        "craving": c.craving,
        "sleep_hours": c.sleep_hours,
        "sleep_quality": c.sleep_quality,
        "halt": {
            "hungry": c.halt.hungry,
            "angry": c.halt.angry,
            "lonely": c.halt.lonely,
            "tired": c.halt.tired,
        },
        "used": c.used.value,
        "use_question": c.use_question.value,
        "gratitude": c.gratitude,
        "note": c.note,
        "created_at": c.created_at.isoformat() if c.created_at else None,
        "updated_at": c.updated_at.isoformat() if c.updated_at else None,
    }


def checkins_document(conn: Connection) -> dict[str, Any]:
    start = Profile(conn).start_date()
    return {
        "profile": {"recovery_start_date": start.isoformat() if start else None},
        "checkins": [checkin_to_json(c) for c in CheckIns(conn).all()],
    }


# Reading --------------------------------------------------------------------


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


@dataclass(frozen=True)
class CheckInsImport:
    start_date: date | None
    checkins: tuple[CheckIn, ...]


def read_checkins(raw: dict[str, Any], today: date) -> CheckInsImport:
    """Check the profile and check-ins of an export; raise ``InvalidImport`` on any problem."""
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
    return CheckInsImport(start, checkins)


# Merging --------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInsMerge:
    added: int
    already_present: int
    same_day_kept_out: int
    start_date_set: bool


def merge_checkins(conn: Connection, data: CheckInsImport, now: datetime) -> CheckInsMerge:
    """Add what is new: a check-in already here (by uid) or for a filled day is kept out."""
    repo = CheckIns(conn)
    uids, days = repo.uids_and_days()
    new: list[CheckIn] = []
    present = kept_out = 0
    for c in data.checkins:
        if c.uid in uids:
            present += 1
        elif c.day in days:
            kept_out += 1
        else:
            new.append(c)
    repo.add_many(new, now)
    profile = Profile(conn)
    start_set = data.start_date is not None and profile.start_date() is None
    if start_set:
        profile.set_start_date(data.start_date, now)
    return CheckInsMerge(len(new), present, kept_out, start_set)
