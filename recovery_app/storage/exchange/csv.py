"""The CSV export: one spreadsheet-friendly file per kind of record (not read back)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

from recovery_app.core.errors import OutputPathError
from recovery_app.core.i18n import translate
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import build_document
from recovery_app.storage.files import PRIVATE_DIR_MODE, write_private

CSV_CHECKIN_COLUMNS = (
    "uid", "day", "mood", "anxiety", "craving", "sleep_hours", "sleep_quality",
    "hungry", "angry", "lonely", "tired", "used", "use_question", "slip_at", "slip_note",
    "gratitude", "note", "created_at", "updated_at",
)  # fmt: skip
CSV_ENTRY_COLUMNS = (
    "uid", "kind", "occurred_at", "intensity", "duration_minutes", "triggers", "coping",
    "outcome", "place", "people", "situation", "thoughts", "title", "text", "mood", "tags",
    "created_at", "updated_at",
)  # fmt: skip
CSV_CHOICE_COLUMNS = ("uid", "name", "group", "archived", "merged_into", "position")
EMPTY_HEADERS = {
    "meetings": ("uid", "name", "kind", "location", "online", "repeat", "first_day",
                 "start_time", "duration_minutes", "zone", "interval", "weekdays", "nth",
                 "month_day", "rrule", "reminders", "notes", "paused"),
    "attendance": ("meeting_uid", "starts_at", "status", "note"),
    "contacts": ("uid", "kind", "name", "role", "phone", "note"),
    "reasons": ("uid", "text"),
    "questionnaires": ("uid", "kind", "taken_at", "answers", "difficulty"),
    "dose_days": ("day", "taken", "amount", "note"),
    "symptom_days": ("day", "ratings", "red_flags", "note"),
}  # fmt: skip


def _csv_bytes(header: tuple[str, ...], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    # A byte-order mark lets spreadsheet programs recognise UTF-8 (emoji, accents).
    return buffer.getvalue().encode("utf-8-sig")


def _cell(value: object) -> object:
    """Lists joined with "; ", booleans as 0/1, nothing as an empty cell."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):  # a day's symptom ratings: "Anxiety: 2; Headache: 1"
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


def checkin_csv(document: dict[str, Any]) -> bytes:
    rows = []
    for c in document["checkins"]:
        flat = {**c, **{k: int(v) for k, v in c["halt"].items()}}
        rows.append([_cell(flat[name]) for name in CSV_CHECKIN_COLUMNS])
    return _csv_bytes(CSV_CHECKIN_COLUMNS, rows)


def journal_csv_files(document: dict[str, Any]) -> dict[str, bytes]:
    """Entries name their triggers and strategies (not ids), joined with "; "."""
    names = {
        c["uid"]: c["name"] for key in ("triggers", "coping_strategies") for c in document[key]
    }

    def cell(entry: dict[str, Any], column: str) -> object:
        value = entry[column]
        if column in ("triggers", "coping"):
            return "; ".join(names[u] for u in value)
        return _cell(value)

    entries = [[cell(e, c) for c in CSV_ENTRY_COLUMNS] for e in document["entries"]]
    files = {"entries.csv": _csv_bytes(CSV_ENTRY_COLUMNS, entries)}
    for key in ("triggers", "coping_strategies"):
        rows = [[_cell(v) for v in c.values()] for c in document[key]]
        files[f"{key}.csv"] = _csv_bytes(CSV_CHOICE_COLUMNS, rows)
    return files


def record_csv_files(document: dict[str, Any]) -> dict[str, bytes]:
    """Meetings, attendance, contacts, reasons and questionnaires, with the fields of the
    JSON export."""
    files = {}
    for key, empty_header in EMPTY_HEADERS.items():
        records = document[key]
        header = tuple(records[0]) if records else empty_header
        rows = [[_cell(r[c]) for c in header] for r in records]
        files[f"{key}.csv"] = _csv_bytes(header, rows)
    return files


def export_csv(db: Database, folder: Path, now: datetime) -> list[Path]:
    """One CSV per kind of record in ``folder`` (made 0700 if new); returns the files."""
    document = build_document(db, now)
    folder = folder.expanduser()
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(
            translate(
                "storage.exchange.csv",
                "{folder} is a file; please give a folder for the CSV files.",
            ).format(folder=folder)
        )
    if not folder.parent.is_dir():
        raise OutputPathError(
            translate("storage.exchange.csv", "The folder {parent} does not exist.").format(
                parent=folder.parent
            )
        )
    folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    files = {
        "checkins.csv": checkin_csv(document),
        **journal_csv_files(document),
        **record_csv_files(document),
        "profile.csv": _csv_bytes(
            ("recovery_start_date",), [[document["profile"]["recovery_start_date"] or ""]]
        ),
    }
    written = []
    for name, data in files.items():
        write_private(folder / name, data)
        written.append(folder / name)
    return written
