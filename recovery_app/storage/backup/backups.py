"""Backups through SQLite's online backup API: written, checked, listed with what they hold.

A backup is a complete, standalone database file (rollback journal, not WAL),
written to a temporary name, checked, then renamed into place with mode 0600.
An encrypted backup carries the key settings in its first 16 bytes, like the
data, so it opens anywhere with the passphrase it was made with.

Names say when and how each was made: ``recovery-2026-11-25-203015-auto.db``
(daily), ``-manual.db`` (Back up now), ``-before-restore.db`` (the data a
restore set aside), ``-before-upgrade.db`` (the data before a new version
migrated it). Names from the first version (``recovery-2026-11-25.db``,
``recovery-2026-11-25-203015.db``) are still read.
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from recovery_app.core.errors import CorruptDatabaseError, KnownError, OutputPathError
from recovery_app.core.i18n import translate
from recovery_app.storage import migrate
from recovery_app.storage.connect import database_errors, open_raw
from recovery_app.storage.files import (
    PRIVATE_DIR_MODE,
    create_private,
    disk_full,
    fsync_dir,
    fsync_file,
    is_disk_full,
)
from recovery_app.storage.security.keys import file_is_encrypted, file_salt

BACKUP_PREFIX = "recovery-"
BACKUP_SUFFIX = ".db"
PAGES_PER_STEP = 256  # copy in steps so a progress bar can move
NEARLY_EMPTY = 2  # a backup holding at most this many records is called nearly empty
_NAME = re.compile(
    r"^recovery-(\d{4}-\d{2}-\d{2})(?:-(\d{6}))?"
    r"(?:-(auto|manual|before-restore|before-upgrade))?\.db$"
)
# Copies the first version set aside beside the data, before a restore or an upgrade.
_OLD_ASIDE = re.compile(r"^recovery-before-(restore|upgrade)(?:-[0-9a-z_]+?)?-(\d{8})-(\d{6})\.db$")

Progress = Callable[[int, int], None]  # (pages done, pages in all)


class BackupKind(enum.StrEnum):
    AUTO = "auto"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    BEFORE_UPGRADE = "before-upgrade"


KIND_WORDS = {
    BackupKind.AUTO: translate("storage.backup.backups", "automatic"),
    BackupKind.MANUAL: translate("storage.backup.backups", "made by you"),
    BackupKind.BEFORE_RESTORE: translate("storage.backup.backups", "your data before a restore"),
    BackupKind.BEFORE_UPGRADE: translate("storage.backup.backups", "your data before an update"),
}


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made: datetime  # local wall time, from the name
    kind: BackupKind
    size: int
    exact_time: bool = True  # False for the first version's daily names (date only)

    @property
    def made_on(self) -> date:
        return self.made.date()

    @property
    def encrypted(self) -> bool:
        return file_is_encrypted(self.path)

    @property
    def kept_by_person(self) -> bool:
        """Never deleted automatically: only the person removes these."""
        return self.kind is not BackupKind.AUTO


@dataclass(frozen=True)
class Contents:
    checkins: int
    entries: int
    meetings: int
    start_date: bool

    @property
    def empty(self) -> bool:
        """Nothing of the person's at all (a first start, say)."""
        return self.checkins == self.entries == self.meetings == 0 and not self.start_date

    @property
    def nearly_empty(self) -> bool:
        return self.checkins + self.entries + self.meetings <= NEARLY_EMPTY and not self.start_date


def check_database_file(path: Path, key: bytes | None = None) -> str:
    """The file's schema revision if it is a readable Recovery Companion database we can open.

    Raises ``CorruptDatabaseError`` or ``NewerDatabaseError`` otherwise.
    """
    revision = migrate.check_revision(path, key)
    if revision is None:
        raise CorruptDatabaseError(
            translate(
                "storage.backup.backups", "{name} is empty or not a Recovery Companion database."
            ).format(name=path.name)
        )
    conn = open_raw(path, key, readonly=True)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
    except database_errors() as exc:
        raise CorruptDatabaseError(
            translate("storage.backup.backups", "{name} is damaged and can't be used.").format(
                name=path.name
            )
        ) from exc
    finally:
        conn.close()
    if result is None or result[0] != "ok":
        raise CorruptDatabaseError(
            translate("storage.backup.backups", "{name} is damaged and can't be used.").format(
                name=path.name
            )
        )
    return revision


def opens_with(path: Path, key: bytes | None) -> bool:
    """Whether ``key`` (None: no passphrase) opens the backup at ``path``.

    A plain file is read without a key whatever ``key`` is: SQLCipher can't read it.
    """
    try:
        check_database_file(path, key if file_is_encrypted(path) else None)
    except KnownError:
        return False
    return True


def contents(path: Path, key: bytes | None = None) -> Contents | None:
    """What a backup holds, or None if it can't be read with ``key``."""
    try:
        revision = migrate.check_revision(path, key)
        if revision is None:
            return None
        conn = open_raw(path, key, readonly=True)
    except KnownError:
        return None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}

        def count(table: str, where: str = "") -> int:
            if table not in tables:
                return 0
            return int(conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0])

        start = (
            conn.execute("SELECT start_date FROM recovery_profile WHERE id = 1").fetchone()
            if "recovery_profile" in tables
            else None
        )
        return Contents(
            count("checkin"),
            count("journal_entry", "WHERE deleted_at IS NULL"),
            count("meeting", "WHERE deleted_at IS NULL"),
            bool(start and start[0]),
        )
    except database_errors():
        return None
    finally:
        conn.close()


def write_backup(
    source: Path, out: Path, progress: Progress | None = None, key: bytes | None = None
) -> Path:
    """Copy the live database at ``source`` into a standalone file ``out`` (0600, atomic).

    With ``key``, the backup is encrypted with the same key as the database.
    """
    out = out.expanduser()
    if out.is_dir():
        raise OutputPathError(
            translate(
                "storage.backup.backups", "{out} is a folder; please give a file name."
            ).format(out=out)
        )
    if not out.parent.is_dir():
        raise OutputPathError(
            translate("storage.backup.backups", "The folder {parent} does not exist.").format(
                parent=out.parent
            )
        )
    tmp = out.with_name(f".{out.name}.partial")
    try:
        create_private(tmp)
        src = open_raw(source, key)
        try:
            # The copy carries the same first 16 bytes: the key settings, for an encrypted one.
            dst = open_raw(tmp, key, salt=file_salt(source) if key else None)
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
        fsync_file(tmp)
        check_database_file(tmp, key)
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if is_disk_full(exc):
            raise disk_full(translate("storage.backup.backups", " for the backup")) from exc
        if isinstance(exc, OSError):
            raise OutputPathError(
                translate(
                    "storage.backup.backups", "Can't write the backup {out}: {strerror}."
                ).format(out=out, strerror=exc.strerror)
            ) from exc
        raise
    return out


def backup_file(path: Path) -> BackupFile | None:
    """What the backup's name says (when, which kind), or None if it is not a backup's name."""
    match = _NAME.match(path.name)
    if match:
        day, clock, kind = match.groups()
        exact = clock is not None
        if kind is None:  # the first version: with a time, made by the person
            kind = BackupKind.MANUAL.value if exact else BackupKind.AUTO.value
        at = time(int(clock[:2]), int(clock[2:4]), int(clock[4:])) if clock else time()
        made = datetime.combine(date.fromisoformat(day), at)
        return BackupFile(path, made, BackupKind(kind), path.stat().st_size, exact)
    old = _OLD_ASIDE.match(path.name)
    if old:
        what, day, clock = old.groups()
        made = datetime.strptime(day + clock, "%Y%m%d%H%M%S")
        kind = BackupKind.BEFORE_RESTORE if what == "restore" else BackupKind.BEFORE_UPGRADE
        return BackupFile(path, made, kind, path.stat().st_size)
    return None


def delete_backup(path: Path) -> None:
    """Remove a backup, with the write-ahead log a damaged set-aside copy may have kept."""
    for side in ("-wal", "-shm", ""):
        Path(str(path) + side).unlink(missing_ok=True)


def list_backups(folder: Path, also: Path | None = None) -> list[BackupFile]:
    """Backups in ``folder`` (and copies set aside in ``also``, the data folder), newest first."""
    found: list[BackupFile] = []
    for place in (folder, also):
        if place is None or not place.is_dir():
            continue
        for path in place.iterdir():
            if path.is_file() and path.name.startswith(BACKUP_PREFIX):
                item = backup_file(path)
                if item is not None:
                    found.append(item)
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def backup_name(now: datetime, kind: BackupKind) -> str:
    return f"{BACKUP_PREFIX}{now:%Y-%m-%d-%H%M%S}-{kind.value}{BACKUP_SUFFIX}"


def make_backup(
    source: Path,
    folder: Path,
    now: datetime,
    manual: bool,
    progress: Progress | None = None,
    key: bytes | None = None,
) -> Path:
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    kind = BackupKind.MANUAL if manual else BackupKind.AUTO
    return write_backup(source, folder / backup_name(now, kind), progress, key)


def daily_backup_due(folder: Path, today: date) -> bool:
    return not any(b.made_on == today for b in list_backups(folder) if b.kind is BackupKind.AUTO)


def newest_good_backup(folder: Path, key: bytes | None = None) -> BackupFile | None:
    """The newest backup that passes the checks, skipping damaged ones."""
    for candidate in list_backups(folder):
        try:
            check_database_file(candidate.path, key)
        except KnownError:
            continue
        return candidate
    return None
