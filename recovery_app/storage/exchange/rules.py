"""Shared checks for reading an export file: one wording for every refusal."""

from __future__ import annotations

from typing import Any

from recovery_app.core.errors import InvalidImport
from recovery_app.core.i18n import translate


def import_failure(where: str, what: str) -> InvalidImport:
    return InvalidImport(
        translate(
            "storage.exchange.rules",
            "This file can't be imported: {where} {what}. Nothing was changed.",
        ).format(where=where, what=what)
    )


def records(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The list of records under ``key`` (empty when absent); anything else refuses the file."""
    found = raw.get(key, [])
    if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
        raise import_failure(
            translate("storage.exchange.rules", "the file"),
            translate("storage.exchange.rules", "has “{key}” that is not a list of records").format(
                key=key
            ),
        )
    return found
