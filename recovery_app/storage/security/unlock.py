"""Turning a typed passphrase into the key that opens the data (slow on purpose)."""

from __future__ import annotations

from pathlib import Path

from recovery_app.storage import migrate
from recovery_app.storage.backup.backups import newest_good_backup
from recovery_app.storage.security.keys import WrongPassphrase, derive_key, load_params


def key_that_opens(database: Path, backups: Path, passphrase: str) -> bytes:
    """The key for ``database``; raises ``WrongPassphrase`` if it opens neither it nor a backup.

    SQLCipher can't tell a wrong key from a damaged file. If the key opens a
    backup, the passphrase is right and the file is damaged: the key is given
    back, so opening the data explains the damage and offers the backup.
    """
    key = derive_key(passphrase, load_params(database))
    try:
        migrate.check_revision(database, key)
    except WrongPassphrase:
        if newest_good_backup(backups, key) is None:
            raise
    return key
