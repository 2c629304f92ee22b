"""Unfinished forms (a journal entry, today's check-in), kept inside the (possibly
encrypted) database as the person types, so a crash or a lock loses nothing."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert

from recovery_app.core.changes import NOTHING, Result
from recovery_app.storage.db import Database
from recovery_app.storage.schema import journal_draft


class Drafts:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put(self, name: str, fields: dict[str, Any], now: datetime) -> None:
        payload = json.dumps(fields, ensure_ascii=False)
        statement = insert(journal_draft).values(name=name, payload=payload, updated_at=now)
        self.conn.execute(
            statement.on_conflict_do_update(
                index_elements=[journal_draft.c.name],
                set_={"payload": payload, "updated_at": now},
            )
        )

    def get(self, name: str) -> dict[str, Any] | None:
        payload = self.conn.execute(
            select(journal_draft.c.payload).where(journal_draft.c.name == name)
        ).scalar_one_or_none()
        if payload is None:
            return None
        try:
            fields = json.loads(payload)
        except ValueError:
            return None
        return fields if isinstance(fields, dict) else None

    def remove(self, name: str) -> None:
        self.conn.execute(delete(journal_draft).where(journal_draft.c.name == name))


# Drafts are never shown in a list, so keeping one changes nothing on screen.


def load_draft(db: Database, name: str) -> dict[str, Any] | None:
    with db.reading() as conn:
        return Drafts(conn).get(name)


def keep_draft(
    db: Database, name: str, fields: dict[str, Any] | None, now: datetime
) -> Result[None]:
    """Store the draft, or drop it when ``fields`` is None (nothing worth keeping)."""
    with db.transaction() as conn:
        if fields is None:
            Drafts(conn).remove(name)
        else:
            Drafts(conn).put(name, fields, now)
    return Result(None, NOTHING)
