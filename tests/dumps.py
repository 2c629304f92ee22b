"""Everything a database holds, as text, to show that a refusal changed nothing."""

from __future__ import annotations

from recovery_app.storage.db import Database


def dump(db: Database) -> list[str]:
    with db.reading() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        return [line for line in raw.iterdump() if "sqlite_sequence" not in line]
