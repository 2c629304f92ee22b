"""Backups for the screens: restoring one changes everything on screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from recovery_app.core.changes import Changes, Result
from recovery_app.storage.backup.backups import restore
from recovery_app.storage.db import Database


def restore_backup(db: Database, backup_file: Path, now: datetime) -> Result[Path | None]:
    """Put ``backup_file`` in place of the data, keeping the current file aside.

    The database is closed for the swap and opened again on the same object, so
    every view keeps working with it. Raises ``RestoreError`` (nothing changed)
    when the backup can't be used. Returns where the previous data was kept.
    """
    db.close()
    try:
        aside = restore(db.path, backup_file, now, db.key)
    finally:
        db.reopen()
    return Result(aside, Changes.everything())
