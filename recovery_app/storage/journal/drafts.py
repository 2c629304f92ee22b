"""Unfinished entries, kept inside the (possibly encrypted) database as the person types."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from recovery_app.storage.schema import journal_draft


class Drafts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, name: str, fields: dict[str, Any], now: datetime) -> None:
        payload = json.dumps(fields, ensure_ascii=False)
        statement = insert(journal_draft).values(name=name, payload=payload, updated_at=now)
        self.session.execute(
            statement.on_conflict_do_update(
                index_elements=[journal_draft.c.name],
                set_={"payload": payload, "updated_at": now},
            )
        )

    def get(self, name: str) -> dict[str, Any] | None:
        payload = self.session.scalar(
            select(journal_draft.c.payload).where(journal_draft.c.name == name)
        )
        if payload is None:
            return None
        try:
            fields = json.loads(payload)
        except ValueError:
            return None
        return fields if isinstance(fields, dict) else None

    def remove(self, name: str) -> None:
        self.session.execute(delete(journal_draft).where(journal_draft.c.name == name))
