"""Turning a typed passphrase into the key that opens the data (slow on purpose)."""

from __future__ import annotations

from pathlib import Path

from recovery_app.core.errors import CorruptDatabaseError
from recovery_app.storage import migrate
from recovery_app.storage.backup.backups import list_backups, newest_good_backup
from recovery_app.storage.security.keys import (
    KdfFileError,
    KdfParams,
    WrongPassphrase,
    derive_key,
    file_is_encrypted,
    file_params,
    load_params,
    needs_passphrase,
    new_params,
    params_with_costs,
)


def is_locked(database: Path, backups: Path) -> bool:
    """Whether opening the data needs a passphrase.

    Also when the data file's first bytes (its key settings) were damaged: its
    encrypted backups carry the same settings, so the passphrase still leads to
    them, and opening then explains the damage and offers the newest good one.
    """
    if needs_passphrase(database):
        return True
    return file_is_encrypted(database) and _backup_params(backups) is not None


def _backup_params(backups: Path) -> KdfParams | None:
    return next((p for b in list_backups(backups) if (p := file_params(b.path))), None)


def data_params(database: Path, backups: Path) -> KdfParams:
    """The data's key settings; from its newest backup if the data's own are damaged."""
    try:
        return load_params(database)
    except KdfFileError:
        found = _backup_params(backups) if file_is_encrypted(database) else None
        if found is None:
            raise
        return found


def key_that_opens(database: Path, backups: Path, passphrase: str) -> bytes:
    """The key for ``database``; raises ``WrongPassphrase`` if it opens neither it nor a backup.

    SQLCipher can't tell a wrong key from a damaged file. If the key opens a
    backup, the passphrase is right and the file is damaged: the key is given
    back, so opening the data explains the damage and offers the backup.
    """
    key = derive_key(passphrase, data_params(database, backups))
    try:
        migrate.check_revision(database, key)
    except (WrongPassphrase, CorruptDatabaseError):
        if newest_good_backup(backups, key) is None:
            raise
    return key


def unlock(database: Path, backups: Path, passphrase: str) -> bytes:
    """The key, after moving data locked by the first version to the current format.

    The first version kept the key settings only beside the data, so its backups
    could not be restored anywhere else. Here, while the passphrase is known, the
    data and its backups are rewritten to carry their own settings, under the same
    passphrase and costs (``change_key``, crash-safe). Returns the key to use now.
    """
    key = key_that_opens(database, backups, passphrase)
    if file_params(database) is not None:
        return key
    from recovery_app.core.errors import KnownError
    from recovery_app.storage.backup.backups import check_database_file
    from recovery_app.storage.security.rekey import change_key

    try:
        check_database_file(database, key)
    except KnownError:
        return key  # damaged: opening it explains that and offers the newest good backup
    old = load_params(database)
    try:
        params = params_with_costs(old.time_cost, old.memory_cost, old.parallelism)
    except ValueError:
        params = new_params()
    new_key = derive_key(passphrase, params)
    change_key(database, backups, key, new_key, params)
    return new_key
