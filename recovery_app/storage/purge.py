"""Removing for good what was deleted in an earlier run (its undo ended when the app closed).

Plain Core on the schema only, so it can run just after Today shows without
loading the recurrence code.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete

from recovery_app.core.changes import NOTHING, Result
from recovery_app.storage.db import Database
from recovery_app.storage.journal.entries import purge_deleted as purge_deleted_entries
from recovery_app.storage.schema import meeting


def purge_deleted(conn: Connection) -> int:
    """Journal entries (with their search text) and meetings (with their attendance)."""
    gone = purge_deleted_entries(conn)
    result = conn.execute(delete(meeting).where(meeting.c.deleted_at.is_not(None)))
    return gone + (result.rowcount or 0)


def purge(db: Database) -> Result[int]:
    """Nothing on screen changes: every view already skips rows that were deleted."""
    if db.closed:  # locked or deleted since this was asked for
        return Result(0, NOTHING)
    with db.transaction() as conn:
        return Result(purge_deleted(conn), NOTHING)
