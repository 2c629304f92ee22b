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
from recovery_app.core.i18n import translate
from recovery_app.storage import migrate
from recovery_app.storage.connect import apply_key, database_errors, dbapi_module
from recovery_app.storage.files import disk_full, is_disk_full
from recovery_app.storage.security.holder import KeyHolder

PRIVATE_FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 5000
DATABASE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    # A quick write on the UI thread waits behind a background job (a backup,
    # an import) instead of failing with "database is locked".
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    # Deleted text is overwritten, so it doesn't linger in free pages of the file.
    "PRAGMA secure_delete = ON",
)


def _pragmas_for(keys: KeyHolder) -> Callable[[Any, Any], None]:
    def apply(dbapi_connection: Any, _record: Any) -> None:
        key = keys.key  # asked for each connection: no copy outlives it
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


def make_engine(path: Path, key: bytes | KeyHolder | None = None) -> Engine:
    """An engine on ``path``; with a key, through SQLCipher with that raw key."""
    keys = key if isinstance(key, KeyHolder) else KeyHolder(key)
    extra: dict[str, Any] = {}
    if keys.key is not None:
        extra["module"] = dbapi_module(keys.key)
    engine = create_engine(
        f"sqlite:///{path}",
        # Parameters can hold journal text; keep them out of error messages and logs.
        hide_parameters=True,
        **extra,
    )
    event.listen(engine, "connect", _pragmas_for(keys))
    return engine


def snapshot_before_upgrade(path: Path, revision: str, key: bytes | None) -> Path:
    """A complete copy of the data as it was, in the backups, before a migration touches it.

    Listed with the backups ("your data before an update"); like the copies a
    restore sets aside, it is never deleted by the app.
    """
    from datetime import datetime

    from recovery_app.storage.backup.backups import BackupKind, backup_name, write_backup
    from recovery_app.storage.files import PRIVATE_DIR_MODE

    folder = path.parent / "backups"
    folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    out = folder / backup_name(datetime.now().astimezone(), BackupKind.BEFORE_UPGRADE)
    return write_backup(path, out, key=key)


class Database:
    """One database file. Use ``transaction()`` for each unit of work, ``reading()`` to read."""

    def __init__(self, path: Path, key: bytes | KeyHolder | None = None) -> None:
        self.path = path
        # The session's holder when unlocked, so locking forgets the key here too.
        self.keys = key if isinstance(key, KeyHolder) else KeyHolder(key)
        self.engine = make_engine(path, self.keys)
        self.closed = False  # work queued before a close must not reopen (and recreate) the file

    @property
    def key(self) -> bytes | None:
        return self.keys.key

    @key.setter
    def key(self, value: bytes | None) -> None:
        self.keys.set(value)

    @classmethod
    def open(cls, path: Path, key: bytes | KeyHolder | None = None) -> Database:
        """Open (creating if new) and migrate.

        Raises a ``KnownError`` and changes nothing when the file must be refused.
        """
        if path.parent.exists() and not path.parent.is_dir():
            raise DataDirError(
                translate("storage.db", "{parent} is a file, not a folder.").format(
                    parent=path.parent
                )
            )
        if path.exists() and not path.is_file():
            raise DataDirError(translate("storage.db", "{path} is not a file.").format(path=path))
        holder = key if isinstance(key, KeyHolder) else KeyHolder(key)
        revision = migrate.check_revision(path, holder.key)
        try:
            _touch_private(path)
        except OSError as exc:
            raise DataDirError(
                translate("storage.db", "Can't open {path}: {strerror}.").format(
                    path=path, strerror=exc.strerror
                )
            ) from exc
        if revision is not None and revision != migrate.HEAD_REVISION:
            snapshot_before_upgrade(path, revision, holder.key)
        db = cls(path, holder)
        errors: tuple[type[Exception], ...] = (DatabaseError, *database_errors())
        try:
            if revision != migrate.HEAD_REVISION:
                migrate.upgrade(db.engine)
            else:
                with db.engine.connect():
                    pass  # apply pragmas now, so -wal/-shm exist with the right mode
        except errors as exc:
            db.close()
            if is_disk_full(exc):
                raise disk_full(
                    translate("storage.db", " to update your data to this version")
                ) from exc
            raise CorruptDatabaseError(
                translate(
                    "storage.db",
                    "The data file {path} could not be opened. It has not been changed.",
                ).format(path=path)
            ) from exc
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.chmod(side, PRIVATE_FILE_MODE)
        return db

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work: committed durably on success, rolled back on any error.

        A full disk is a ``DiskFullError``: the whole unit was rolled back.
        """
        try:
            with self.engine.begin() as connection:
                yield connection
        except DatabaseError as exc:
            if is_disk_full(exc):
                raise disk_full(translate("storage.db", ", so this was not saved")) from exc
            raise

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
        fresh = Database.open(self.path, self.keys)
        self.engine = fresh.engine
        self.closed = False
