"""The versioned JSON export (format documented in docs/export-format.md)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from recovery_app import __version__
from recovery_app.core.checkin.checkin import CheckIn
from recovery_app.core.errors import OutputPathError
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.journal import journal_document
from recovery_app.storage.exchange.more import more_document
from recovery_app.storage.files import write_private

EXPORT_FORMAT = "recovery-companion-export"
# 2: the journal; 3: meetings, attendance, contacts, self-checks;
# 4: each check-in says which use question it answers ("use_question")
EXPORT_VERSION = 4


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


def build_document(db: Database, now: datetime) -> dict[str, Any]:
    with db.reading() as session:
        start = Profile(session).start_date()
        checkins = [checkin_to_json(c) for c in CheckIns(session).all()]
        journal = journal_document(session)
        more = more_document(session.connection())
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(),
        "profile": {"recovery_start_date": start.isoformat() if start else None},
        "checkins": checkins,
        **journal,
        **more,
    }


def export_json(db: Database, out: Path, now: datetime) -> int:
    """Write everything to ``out``; returns the number of check-ins and entries written."""
    document = build_document(db, now)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    write_private(out, data)
    return len(document["checkins"]) + len(document["entries"])


CSV_CHECKIN_COLUMNS = (
    "uid", "day", "mood", "anxiety", "craving", "sleep_hours", "sleep_quality",
    "hungry", "angry", "lonely", "tired", "used", "use_question", "gratitude", "note",
    "created_at", "updated_at",
)  # fmt: skip


def _csv_bytes(header: tuple[str, ...], rows: list[list[object]]) -> bytes:
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    # A byte-order mark lets spreadsheet programs recognise UTF-8 (emoji, accents).
    return buffer.getvalue().encode("utf-8-sig")


CSV_ENTRY_COLUMNS = (
    "uid", "kind", "occurred_at", "intensity", "duration_minutes", "triggers", "coping",
    "outcome", "place", "people", "situation", "thoughts", "title", "text", "mood", "tags",
    "created_at", "updated_at",
)  # fmt: skip
CSV_CHOICE_COLUMNS = ("uid", "name", "group", "archived", "merged_into", "position")


def journal_csv_files(document: dict[str, Any]) -> dict[str, bytes]:
    """Entries name their triggers and strategies (not ids), joined with "; "."""
    names = {
        c["uid"]: c["name"] for key in ("triggers", "coping_strategies") for c in document[key]
    }

    def cell(entry: dict[str, Any], column: str) -> object:
        value = entry[column]
        if column in ("triggers", "coping"):
            return "; ".join(names[u] for u in value)
        if column == "tags":
            return "; ".join(value)
        return "" if value is None else value

    entries = [[cell(e, c) for c in CSV_ENTRY_COLUMNS] for e in document["entries"]]
    files = {"entries.csv": _csv_bytes(CSV_ENTRY_COLUMNS, entries)}
    for key in ("triggers", "coping_strategies"):
        rows = [
            [int(v) if isinstance(v, bool) else ("" if v is None else v) for v in c.values()]
            for c in document[key]
        ]
        files[f"{key}.csv"] = _csv_bytes(CSV_CHOICE_COLUMNS, rows)
    return files


def more_csv_files(document: dict[str, Any]) -> dict[str, bytes]:
    """Meetings, attendance and contacts; lists are joined with "; " for spreadsheets."""

    def table(key: str) -> tuple[tuple[str, ...], list[list[object]]]:
        records = document[key]
        if not records:
            return (), []
        header = tuple(records[0])
        rows = [
            [
                "; ".join(str(v) for v in r[c]) if isinstance(r[c], list)
                else int(r[c]) if isinstance(r[c], bool)
                else "" if r[c] is None else r[c]
                for c in header
            ]
            for r in records
        ]  # fmt: skip
        return header, rows

    files = {}
    for key, empty_header in (
        ("meetings", ("uid", "name", "kind", "location", "online", "repeat", "first_day",
                      "start_time", "duration_minutes", "zone", "interval", "weekdays", "nth",
                      "month_day", "rrule", "reminders", "notes", "paused")),
        ("attendance", ("meeting_uid", "starts_at", "status", "note")),
        ("contacts", ("uid", "kind", "name", "role", "phone", "note")),
    ):  # fmt: skip
        header, rows = table(key)
        files[f"{key}.csv"] = _csv_bytes(header or empty_header, rows)
    return files


def export_csv(db: Database, folder: Path, now: datetime) -> list[Path]:
    """One CSV per kind of record in ``folder`` (made 0700 if new); returns the files."""
    document = build_document(db, now)
    folder = folder.expanduser()
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"{folder} is a file; please give a folder for the CSV files.")
    if not folder.parent.is_dir():
        raise OutputPathError(f"The folder {folder.parent} does not exist.")
    folder.mkdir(mode=0o700, exist_ok=True)
    checkin_rows = [
        [
            *(c[name] for name in CSV_CHECKIN_COLUMNS[:7]),
            *(int(c["halt"][k]) for k in ("hungry", "angry", "lonely", "tired")),
            *(c[name] for name in CSV_CHECKIN_COLUMNS[11:]),
        ]
        for c in document["checkins"]
    ]
    files = {
        "checkins.csv": _csv_bytes(CSV_CHECKIN_COLUMNS, checkin_rows),
        **journal_csv_files(document),
        **more_csv_files(document),
        "profile.csv": _csv_bytes(
            ("recovery_start_date",), [[document["profile"]["recovery_start_date"] or ""]]
        ),
    }
    written = []
    for name, data in files.items():
        write_private(folder / name, data)
        written.append(folder / name)
    return written
