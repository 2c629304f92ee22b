"""Shared checks for reading an export file: one wording for every refusal."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from recovery_app.core.errors import InvalidImport


def import_failure(where: str, what: str) -> InvalidImport:
    return InvalidImport(f"This file can't be imported: {where} {what}. Nothing was changed.")


def optional_instant(value: Any, where: str) -> datetime | None:
    """An ISO 8601 instant with its offset, or None when absent."""
    return None if value is None else instant(value, where)


def instant(value: Any, where: str) -> datetime:
    """An ISO 8601 instant with its offset; anything else refuses the file."""
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise import_failure(where, "has a time that is not a full date and time with its offset")
    return parsed


def records(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The list of records under ``key`` (empty when absent); anything else refuses the file."""
    found = raw.get(key, [])
    if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
        raise import_failure("the file", f"has “{key}” that is not a list of records")
    return found
