"""Unfinished entries, kept inside the (possibly encrypted) database as the person types."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert

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
