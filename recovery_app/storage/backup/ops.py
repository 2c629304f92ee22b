"""Backups for the screens and the command line: daily ones, on demand, listed, restored."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from recovery_app.core.changes import Changes, Result
from recovery_app.core.errors import KnownError, OutputPathError
from recovery_app.core.i18n import translate
from recovery_app.storage.backup import retention
from recovery_app.storage.backup.backups import (
    BackupFile,
    Contents,
    contents,
    daily_backup_due,
    list_backups,
    make_backup,
    opens_with,
)
from recovery_app.storage.backup.restore import RestoreError, restore
from recovery_app.storage.db import Database
from recovery_app.storage.files import copy_private, fsync_dir
from recovery_app.storage.security.keys import (
    WrongPassphrase,
    derive_key,
    file_is_encrypted,
    file_params,
    kdf_path,
    load_params,
)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Listed:
    backup: BackupFile
    contents: Contents | None  # None: another passphrase, or damaged


def listed(backups: Path, data_dir: Path, key: bytes | None) -> list[Listed]:
    """Every backup and set-aside copy, newest first, with what it holds."""
    return [Listed(b, contents(b.path, key)) for b in list_backups(backups, also=data_dir)]


def needs_own_passphrase(path: Path, data_key: bytes | None, database: Path) -> bool:
    """Whether the backup at ``path`` needs the passphrase it was made with.

    Raises ``RestoreError`` for a file that carries no key settings at all (it is
    damaged, or not the app's), so nobody is asked a passphrase for it.
    """
    if not file_is_encrypted(path) or opens_with(path, data_key):
        return False
    if file_params(path) is None and not kdf_path(database).exists():
        raise RestoreError(
            translate(
                "storage.backup.ops",
                ("{name} can't be used: it is damaged, or was not made by Recovery Companion."),
            ).format(name=path.name)
        )
    return True


def key_for_backup(path: Path, passphrase: str, database: Path) -> bytes:
    """The key for a backup made with another passphrase (slow on purpose: Argon2id)."""
    try:
        params = load_params(path, database)
    except KnownError as exc:
        raise RestoreError(
            translate("storage.backup.ops", "{name} can't be used: {message}").format(
                name=path.name, message=exc.message
            )
        ) from exc
    key = derive_key(passphrase, params)
    if not opens_with(path, key):
        raise WrongPassphrase(
            translate(
                "storage.backup.ops",
                "That passphrase doesn't open this backup. Nothing was changed.",
            )
        )
    return key


def something_to_keep(database: Path, key: bytes | None) -> bool:
    """False for data with nothing of the person's in it yet (a first start, say)."""
    found = contents(database, key)
    return found is not None and not found.empty


def copy_to(backup: Path, folder: Path) -> Path:
    """A copy of ``backup`` in ``folder`` (a USB stick, a sync folder), written atomically."""
    if not folder.is_dir():
        raise OutputPathError(
            translate(
                "storage.backup.ops", "The second backup folder {folder} can't be found."
            ).format(folder=folder)
        )
    target = folder / backup.name
    tmp = folder / translate("storage.backup.ops", ".{name}.partial").format(name=backup.name)
    try:
        copy_private(backup, tmp)
        os.replace(tmp, target)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputPathError(
            translate(
                "storage.backup.ops", "Can't copy the backup to {folder}: {strerror}."
            ).format(folder=folder, strerror=exc.strerror)
        ) from exc
    return target


def mirror(backups: Path, folder: Path) -> list[Path]:
    """Copy to ``folder`` every backup it doesn't have yet (also ones missed while it was away)."""
    present = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    return [copy_to(b.path, folder) for b in list_backups(backups) if b.path.name not in present]


@dataclass(frozen=True)
class Made:
    path: Path
    copy_problem: str | None = None  # why the copy in the second folder was not made


def back_up(
    database: Path,
    backups: Path,
    now: datetime,
    manual: bool,
    key: bytes | None,
    tiers: retention.Tiers,
    second_folder: Path | None = None,
    progress: Progress | None = None,
) -> Made | None:
    """A backup now (``manual``) or today's automatic one; None when none was needed.

    An automatic backup is only made once there is something to keep, and is
    followed by rotation. With ``second_folder``, each backup is copied there too;
    a second folder that is missing (a USB stick not plugged in) never stops the
    backup itself.
    """
    if not manual and not daily_backup_due(backups, now.date()):
        retention.rotate(backups, tiers, key)  # finishes a rotation a kill interrupted
        return None
    if not manual and not something_to_keep(database, key):
        return None
    made = make_backup(database, backups, now, manual, progress, key)
    if not manual:
        retention.rotate(backups, tiers, key)
    if second_folder is None:
        return Made(made)
    try:
        mirror(backups, second_folder)
    except KnownError as exc:
        return Made(made, exc.message)
    if not manual:
        retention.rotate(second_folder, tiers, key)
    return Made(made)


@dataclass(frozen=True)
class Restored:
    aside: Path | None  # where the previous data was kept ("Undo restore" puts it back)
    key: bytes | None  # the key that opens the data now
    passphrase_changed: bool  # the backup brought the passphrase it was made with


def restore_backup(
    db: Database, backup_file: Path, now: datetime, backup_key: bytes | None = None
) -> Result[Restored]:
    """Put ``backup_file`` in place of the data; every view changes.

    ``backup_key`` opens an encrypted backup made with another passphrase (by
    default, the data's own key). The database is closed for the swap and opened
    again on the same object. Raises ``RestoreError``: nothing changed.
    """
    data_key = db.key
    key = (backup_key or data_key) if file_is_encrypted(backup_file) else None
    db.close()
    try:
        aside = restore(db.path, db.path.parent / "backups", backup_file, now, key, data_key)
    except BaseException:
        db.reopen()
        raise
    db.key = key if key is not None else data_key
    db.reopen()
    return Result(Restored(aside, db.key, db.key != data_key), Changes.everything())
