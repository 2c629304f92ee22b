"""Setting, changing and removing the passphrase of a (closed) database and its backups.

Each file gets a complete new copy written with ``sqlcipher_export`` under the
new key (or none), checked to open with it; only when every copy is ready is
the journal written and the copies renamed over the old files (``oplog``), so
a kill at any step leaves the old state or, at the next start, the new one.
Every encrypted copy carries its own key settings in its first 16 bytes.

A backup that doesn't open with the current key (one made under an earlier
passphrase, or a damaged file) is left exactly as it is and reported: it still
opens with the passphrase it was made with, and nothing here can read it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recovery_app.core.i18n import translate
from recovery_app.storage import oplog
from recovery_app.storage.backup.backups import check_database_file, list_backups, opens_with
from recovery_app.storage.connect import apply_key
from recovery_app.storage.files import create_private, disk_full, fsync_file, is_disk_full
from recovery_app.storage.security.keys import (
    KEY_BYTES,
    KdfParams,
    file_is_encrypted,
    kdf_path,
)

Progress = Callable[[int, int], None]
__all__ = ["RekeyReport", "change_key", "export_copy", "file_is_encrypted"]


@dataclass
class RekeyReport:
    converted: list[Path] = field(default_factory=list)
    left_as_they_are: list[Path] = field(default_factory=list)  # other passphrase, or damaged

    def summary(self) -> str:
        if not self.left_as_they_are:
            return ""
        names = ", ".join(p.name for p in self.left_as_they_are)
        return translate(
            "storage.security.rekey",
            (
                " {len} backup file(s) could not be read with your passphrase and were "
                "left as they are: {names}."
            ),
        ).format(len=len(self.left_as_they_are), names=names)


def _cipher_connection(path: Path, key: bytes | None) -> Any:
    """A SQLCipher connection (``sqlcipher_export`` exists only there), keyed if ``key``."""
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(str(path))
    if key is not None:
        apply_key(connection, key)
    return connection


def export_copy(
    source: Path, target: Path, old_key: bytes | None, new_key: bytes | None, salt: bytes | None
) -> None:
    """Write ``source`` (opened with ``old_key``) to ``target`` under ``new_key`` and check it.

    ``salt`` becomes the encrypted copy's first 16 bytes (its key settings).
    """
    if new_key is not None and len(new_key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    create_private(target)
    try:
        connection = _cipher_connection(source, old_key)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if new_key is None:
                target_key = "''"
            else:
                target_key = f"\"x'{new_key.hex()}{salt.hex() if salt else ''}'\""
            connection.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", (str(target),))
            connection.execute("SELECT sqlcipher_export('converted')")
            connection.execute("DETACH DATABASE converted")
        finally:
            connection.close()
        oplog.crash_point(f"copy written: {target.name}")
        fsync_file(target)
        check_database_file(target, new_key)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        if is_disk_full(exc):
            raise disk_full(translate("storage.security.rekey", " to convert your files")) from exc
        raise


def change_key(
    database: Path,
    backups: Path,
    old_key: bytes | None,
    new_key: bytes | None,
    new_params: KdfParams | None,
    progress: Progress | None = None,
) -> RekeyReport:
    """Set (old None), change, or remove (new None) the passphrase of the data and backups.

    The database must be closed and no backup may be running. Nothing is
    changed until every copy is ready; then the journal makes the swap whole.
    """
    salt = new_params.salt_bytes if new_params is not None else None
    report = RekeyReport()
    plan: list[tuple[Path, bytes | None]] = [(database, old_key)]
    for item in list_backups(backups, also=database.parent):
        if opens_with(item.path, old_key):
            plan.append((item.path, old_key if file_is_encrypted(item.path) else None))
        else:
            report.left_as_they_are.append(item.path)
    prepared: list[tuple[Path, Path]] = []
    note = (
        translate(
            "storage.security.rekey",
            "A change of passphrase was interrupted; it has now been finished.",
        )
        if new_key is not None
        else translate(
            "storage.security.rekey",
            "Removing the passphrase was interrupted; it has now been finished.",
        )
    )
    try:
        for done, (path, key) in enumerate(plan):
            if progress:
                progress(done, len(plan))
            tmp = path.with_name(f".{path.name}.converting")
            export_copy(path, tmp, key, new_key, salt)
            prepared.append((tmp, path))
            oplog.crash_point(f"rekey: copy of {path.name} ready")
        # The first version kept the key settings in a file beside the data; every
        # encrypted file now carries its own, so that file goes with the swap.
        legacy = [str(kdf_path(database))] if kdf_path(database).exists() else []
        swaps = [(str(t), str(p)) for t, p in prepared]
        journal = oplog.Journal("rekey", swaps, [], note, legacy)
        oplog.begin(database.parent, journal)
    except BaseException:
        for tmp, _ in prepared:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise
    oplog.finish(database.parent, journal)
    report.converted = [p for _, p in prepared]
    if progress:
        progress(len(plan), len(plan))
    return report
