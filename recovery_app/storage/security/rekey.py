"""Setting, changing and removing the passphrase of a (closed) database.

Each change writes a complete new copy with ``sqlcipher_export`` under the new
key (or none), checks it opens with that key, then renames it over the old
file. Backups are converted the same way, so no plaintext copy is left behind
when a passphrase is set. Whether a file is encrypted is read from the file
itself: a plain SQLite file starts with "SQLite format 3".
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_app.storage.backup.backups import check_database_file, list_backups
from recovery_app.storage.connect import apply_key
from recovery_app.storage.files import PRIVATE_FILE_MODE
from recovery_app.storage.security.keys import KEY_BYTES, KdfParams, kdf_path, save_params
from recovery_app.storage.security.keys import file_is_encrypted as file_is_encrypted

Progress = Callable[[int, int], None]


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def convert_file(path: Path, old_key: bytes | None, new_key: bytes | None) -> Path:
    """Write a converted, checked copy of ``path`` beside it; returns the copy.

    ``path`` itself is not touched: ``put_in_place`` swaps the copy in later.
    """
    if new_key is not None and len(new_key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    tmp = path.with_name(f".{path.name}.converting")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    os.close(fd)
    try:
        source = _cipher_connection(path, old_key)
        try:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            target_key = "''" if new_key is None else f"\"x'{new_key.hex()}'\""
            source.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", (str(tmp),))
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute("DETACH DATABASE converted")
        finally:
            source.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        check_database_file(tmp, new_key)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return tmp


def put_in_place(converted: Path, path: Path) -> None:
    for side in _side_files(path):
        with contextlib.suppress(FileNotFoundError):
            side.unlink()
    os.replace(converted, path)


def _cipher_connection(path: Path, key: bytes | None) -> Any:
    """A SQLCipher connection (``sqlcipher_export`` exists only there), keyed if ``key``."""
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(str(path))
    if key is not None:
        apply_key(connection, key)
    return connection


def change_key(
    database: Path,
    backups: Path,
    old_key: bytes | None,
    new_key: bytes | None,
    new_params: KdfParams | None,
    progress: Progress | None = None,
) -> None:
    """Set (old None), change, or remove (new None) the passphrase of the data and backups.

    The database must be closed and no backup may be running. The key settings
    file is written just before the copies are swapped in and removed after,
    so a crash in between leaves a state the app can still open (it reads the
    file header to know which).
    """
    files = [database, *(b.path for b in list_backups(backups))]
    # First every converted copy is written and checked; only then are they
    # swapped in. A failure before the swap leaves every file as it was.
    converted: list[tuple[Path, Path]] = []
    try:
        for done, path in enumerate(files):
            if progress:
                progress(done, len(files))
            converted.append((convert_file(path, old_key, new_key), path))
    except BaseException:
        for tmp, _ in converted:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise
    if new_params is not None:
        save_params(database, new_params)
    for tmp, path in converted:
        put_in_place(tmp, path)
    if new_key is None:
        with contextlib.suppress(FileNotFoundError):
            kdf_path(database).unlink()
    if progress:
        progress(len(files), len(files))
