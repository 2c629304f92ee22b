"""Backups through SQLite's online backup API, rotation, and restore that loses nothing.

A backup is a complete, standalone database file (rollback journal, not WAL),
written to a temporary name, checked, then renamed into place with mode 0600.
A restore first checks the backup, then moves the current database aside
(never deleting it) and puts a copy of the backup in its place.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from recovery_app.core.errors import CorruptDatabaseError, KnownError, OutputPathError
from recovery_app.storage import migrate
from recovery_app.storage.connect import database_errors, open_raw
from recovery_app.storage.files import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE

BACKUP_PREFIX = "recovery-"
BACKUP_SUFFIX = ".db"
_BACKUP_NAME = re.compile(r"^recovery-(\d{4}-\d{2}-\d{2})(?:-(\d{6}))?\.db$")
PAGES_PER_STEP = 256  # copy in steps so a progress bar can move

Progress = Callable[[int, int], None]  # (pages done, pages in all)


class RestoreError(KnownError):
    """A backup could not be used; nothing was changed."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_on: date
    size: int
    made_at: time | None = None  # set for backups made on demand ("Back up now")


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_database_file(path: Path, key: bytes | None = None) -> str:
    """The file's schema revision if it is a readable Recovery Companion database we can open.

    Raises ``CorruptDatabaseError`` or ``NewerDatabaseError`` otherwise.
    """
    revision = migrate.check_revision(path, key)
    if revision is None:
        raise CorruptDatabaseError(f"{path.name} is empty or not a Recovery Companion database.")
    conn = open_raw(path, key, readonly=True)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
    except database_errors() as exc:
        raise CorruptDatabaseError(f"{path.name} is damaged and can't be used.") from exc
    finally:
        conn.close()
    if result is None or result[0] != "ok":
        raise CorruptDatabaseError(f"{path.name} is damaged and can't be used.")
    return revision


def write_backup(
    source: Path, out: Path, progress: Progress | None = None, key: bytes | None = None
) -> Path:
    """Copy the live database at ``source`` into a standalone file ``out`` (0600, atomic).

    With ``key``, the backup is encrypted with the same key as the database.
    """
    out = out.expanduser()
    if out.is_dir():
        raise OutputPathError(f"{out} is a folder; please give a file name.")
    if not out.parent.is_dir():
        raise OutputPathError(f"The folder {out.parent} does not exist.")
    tmp = out.with_name(f".{out.name}.partial")
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        os.close(fd)
        src = open_raw(source, key)
        try:
            dst = open_raw(tmp, key)
            try:
                src.backup(
                    dst,
                    pages=PAGES_PER_STEP,
                    progress=(lambda _s, left, total: progress(total - left, total))
                    if progress
                    else None,
                )
                # A backup is one self-contained file, not a WAL database.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        check_database_file(tmp, key)
        os.replace(tmp, out)
        _fsync_dir(out.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputPathError(f"Can't write the backup {out}: {exc.strerror}.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return out


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found: list[tuple[str, BackupFile]] = []
    for path in folder.iterdir():
        match = _BACKUP_NAME.match(path.name)
        if match and path.is_file():
            made_on = date.fromisoformat(match.group(1))
            clock = match.group(2)
            made_at = time(int(clock[:2]), int(clock[2:4]), int(clock[4:])) if clock else None
            key = match.group(1) + (clock or "")
            found.append((key, BackupFile(path, made_on, path.stat().st_size, made_at)))
    return [b for _, b in sorted(found, key=lambda item: item[0], reverse=True)]


def backup_name(now: datetime, manual: bool) -> str:
    """Daily backups are named by day; "Back up now" adds the time so it never replaces one."""
    stamp = now.strftime("%Y-%m-%d-%H%M%S") if manual else now.strftime("%Y-%m-%d")
    return f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"


def make_backup(
    source: Path,
    folder: Path,
    now: datetime,
    manual: bool,
    progress: Progress | None = None,
    key: bytes | None = None,
) -> Path:
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    return write_backup(source, folder / backup_name(now, manual), progress, key)


def daily_backup_due(folder: Path, today: date) -> bool:
    return not any(b.made_on == today for b in list_backups(folder))


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was removed."""
    removed = []
    for old in list_backups(folder)[max(1, keep) :]:
        old.path.unlink()
        removed.append(old.path)
    return removed


def _side_files(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm")]


def set_aside(db: Path, now: datetime) -> Path | None:
    """Move the database (and its -wal/-shm) to a dated name beside it; never delete it."""
    if not db.exists():
        return None
    aside = db.with_name(f"{db.stem}-before-restore-{now:%Y%m%d-%H%M%S}{db.suffix}")
    os.replace(db, aside)
    for side in _side_files(db):
        if side.exists():
            os.replace(side, aside.with_name(aside.name + side.name[len(db.name) :]))
    return aside


def restore(db: Path, backup: Path, now: datetime, key: bytes | None = None) -> Path | None:
    """Put ``backup`` in place of ``db``. The database must be closed.

    The backup is checked first; on any problem nothing changes. Returns where
    the previous database was kept.
    """
    if not backup.is_file():
        raise RestoreError(f"{backup} is not a file.")
    try:
        check_database_file(backup, key)
    except KnownError as exc:
        raise RestoreError(f"This backup can't be used: {exc.message}") from exc
    staged = db.with_name(f".{db.name}.restoring")
    try:
        fd = os.open(staged, os.O_RDWR | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        os.close(fd)
        with open(backup, "rb") as src, open(staged, "wb") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise RestoreError(f"Can't copy the backup: {exc.strerror}. Nothing was changed.") from exc
    aside = set_aside(db, now)
    os.replace(staged, db)
    _fsync_dir(db.parent)
    return aside


def newest_good_backup(folder: Path, key: bytes | None = None) -> BackupFile | None:
    """The newest backup that passes the checks, skipping damaged ones."""
    for candidate in list_backups(folder):
        try:
            check_database_file(candidate.path, key)
        except KnownError:
            continue
        return candidate
    return None
