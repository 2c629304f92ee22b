"""The versioned JSON export (format documented in docs/export-format.md)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from recovery_app import __version__
from recovery_app.core.checkin import CheckIn
from recovery_app.storage.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.files import write_private
from recovery_app.storage.profile import Profile

EXPORT_FORMAT = "recovery-companion-export"
EXPORT_VERSION = 1


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
        "gratitude": c.gratitude,
        "note": c.note,
        "created_at": c.created_at.isoformat() if c.created_at else None,
        "updated_at": c.updated_at.isoformat() if c.updated_at else None,
    }


def build_document(db: Database, now: datetime) -> dict[str, Any]:
    with db.reading() as session:
        start = Profile(session).start_date()
        checkins = [checkin_to_json(c) for c in CheckIns(session).all()]
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(),
        "profile": {"recovery_start_date": start.isoformat() if start else None},
        "checkins": checkins,
    }


def export_json(db: Database, out: Path, now: datetime) -> int:
    """Write everything to ``out``; returns the number of check-ins written."""
    document = build_document(db, now)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    write_private(out, data)
    return len(document["checkins"])
