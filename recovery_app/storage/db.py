"""Opening the database: pragmas on every connection, private file modes, migrations."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError

from recovery_app.core.errors import CorruptDatabaseError, DataDirError
from recovery_app.storage import migrate
from recovery_app.storage.connect import apply_key, database_errors, dbapi_module

PRIVATE_FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 5000
DATABASE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    # A quick write on the UI thread waits behind a background job (a backup,
    # an import) instead of failing with "database is locked".
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
)


def _pragmas_for(key: bytes | None) -> Callable[[Any, Any], None]:
    def apply(dbapi_connection: Any, _record: Any) -> None:
        if key is not None:
            apply_key(dbapi_connection, key)  # before anything reads the file
        cursor = dbapi_connection.cursor()
        try:
            for pragma in DATABASE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    return apply


def _touch_private(path: Path) -> None:
    """Create the file as 0600 before SQLite does; SQLite gives -wal/-shm the same mode."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    os.close(fd)
    os.chmod(path, PRIVATE_FILE_MODE)


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """An engine on ``path``; with ``key``, through SQLCipher with that raw key."""
    extra: dict[str, Any] = {}
    if key is not None:
        extra["module"] = dbapi_module(key)
    engine = create_engine(
        f"sqlite:///{path}",
        # Parameters can hold journal text; keep them out of error messages and logs.
        hide_parameters=True,
        **extra,
    )
    event.listen(engine, "connect", _pragmas_for(key))
    return engine


def snapshot_before_upgrade(path: Path, revision: str, key: bytes | None) -> Path:
    """A complete copy of the data as it was, kept beside it, before a migration touches it.

    Named ``recovery-before-upgrade-REVISION-TIME.db``; like the copies a restore
    sets aside, it is never deleted by the app.
    """
    from datetime import datetime

    from recovery_app.storage.backup.backups import write_backup

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = path.with_name(f"{path.stem}-before-upgrade-{revision}-{stamp}{path.suffix}")
    return write_backup(path, out, key=key)


class Database:
    """One database file. Use ``transaction()`` for each unit of work, ``reading()`` to read."""

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = path
        self.key = key
        self.engine = make_engine(path, key)
        self.closed = False  # work queued before a close must not reopen (and recreate) the file

    @classmethod
    def open(cls, path: Path, key: bytes | None = None) -> Database:
        """Open (creating if new) and migrate.

        Raises a ``KnownError`` and changes nothing when the file must be refused.
        """
        if path.parent.exists() and not path.parent.is_dir():
            raise DataDirError(f"{path.parent} is a file, not a folder.")
        if path.exists() and not path.is_file():
            raise DataDirError(f"{path} is not a file.")
        revision = migrate.check_revision(path, key)
        try:
            _touch_private(path)
        except OSError as exc:
            raise DataDirError(f"Can't open {path}: {exc.strerror}.") from exc
        if revision is not None and revision != migrate.HEAD_REVISION:
            snapshot_before_upgrade(path, revision, key)
        db = cls(path, key)
        errors: tuple[type[Exception], ...] = (DatabaseError, *database_errors())
        try:
            if revision != migrate.HEAD_REVISION:
                migrate.upgrade(db.engine)
            else:
                with db.engine.connect():
                    pass  # apply pragmas now, so -wal/-shm exist with the right mode
        except errors as exc:
            db.close()
            raise CorruptDatabaseError(
                f"The data file {path} could not be opened. It has not been changed."
            ) from exc
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.chmod(side, PRIVATE_FILE_MODE)
        return db

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work: committed durably on success, rolled back on any error."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reading; nothing it does is committed."""
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()
        self.closed = True

    def reopen(self) -> None:
        """Open the file again (after a restore replaced it), keeping this object."""
        self.close()
        fresh = Database.open(self.path, self.key)
        self.engine = fresh.engine
        self.closed = False
