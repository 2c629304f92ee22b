"""Removing for good what was deleted in an earlier run (its undo ended when the app closed).

Plain Core on the schema only, so it can run while opening without loading
the ORM or the recurrence code.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete

from recovery_app.storage.journal.entries import purge_deleted as purge_deleted_entries
from recovery_app.storage.schema import meeting


def purge_deleted(conn: Connection) -> int:
    """Journal entries (with their search text) and meetings (with their attendance)."""
    gone = purge_deleted_entries(conn)
    result = conn.execute(delete(meeting).where(meeting.c.deleted_at.is_not(None)))
    return gone + (result.rowcount or 0)
