"""Check-ins and the profile in the export: written, read back and checked, merged."""

from __future__ import annotations

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
from recovery_app.core.i18n import translate
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.exchange.fields import Fields, unique
from recovery_app.storage.exchange.rules import records


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
        "slip_at": c.slip_at.isoformat() if c.slip_at else None,
        "slip_note": c.slip_note,
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

HALT_NAMES = ("hungry", "angry", "lonely", "tired")


def _checkin(record: Any, index: int, today: date) -> CheckIn:
    f = Fields(
        record,
        translate("storage.exchange.checkins", "check-in number {value}").format(value=index + 1),
    )
    halt = f.record("halt")
    checkin = CheckIn(
        day=f.day("day"),
        mood=f.integer("mood", 1, 5),
        # Null (not recorded) from version 5; earlier files always hold a number.
        anxiety=f.optional_integer("anxiety", 0, 10),
        craving=f.optional_integer("craving", 0, 10),
        used=f.choice("used", UsedToday),
        sleep_hours=f.optional_number("sleep_hours", 0, 24),
        sleep_quality=f.optional_integer("sleep_quality", 1, 5),
        halt=Halt(*(halt.boolean(name, False) for name in HALT_NAMES)),
        gratitude=f.text("gratitude", ""),
        note=f.text("note", ""),
        uid=f.uid(),
        # Files before version 4 only had "Did you use today?": an answer keeps that meaning.
        use_question=f.choice("use_question", UseQuestion, UseQuestion.USED_TODAY),
        slip_at=f.optional_instant("slip_at"),
        slip_note=f.text("slip_note", ""),
        created_at=f.optional_instant("created_at"),
        updated_at=f.optional_instant("updated_at"),
    )
    with f.checking():
        validate_checkin(checkin, today)
    return checkin


@dataclass(frozen=True)
class CheckInsImport:
    start_date: date | None
    checkins: tuple[CheckIn, ...]


def read_checkins(raw: dict[str, Any], today: date) -> CheckInsImport:
    """Check the profile and check-ins of an export; raise ``InvalidImport`` on any problem."""
    profile = Fields(raw.get("profile", {}), translate("storage.exchange.checkins", "the profile"))
    start = profile.optional_day("recovery_start_date")
    if start is not None and start > today:
        raise profile.fail(translate("storage.exchange.checkins", "has a start date in the future"))
    checkins = tuple(_checkin(r, i, today) for i, r in enumerate(records(raw, "checkins")))
    unique(
        translate("storage.exchange.checkins", "the file"),
        translate("storage.exchange.checkins", "check-ins with the same id"),
        [c.uid for c in checkins],
    )
    unique(
        translate("storage.exchange.checkins", "the file"),
        translate("storage.exchange.checkins", "check-ins for the same day"),
        [c.day for c in checkins],
    )
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
