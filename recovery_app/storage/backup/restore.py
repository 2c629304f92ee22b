"""Putting a backup in place of the data, so that a kill at any moment loses nothing.

The backup is checked and copied to a prepared file first (a plain backup is
encrypted on the way when the data is). Then the journal is written, the data
is set aside as a ``-before-restore`` backup, and the prepared copy is renamed
into place (``oplog``). The set-aside copy is never deleted by the app and can
be put back ("Undo restore").
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.storage import oplog
from recovery_app.storage.backup.backups import BackupKind, backup_name, check_database_file
from recovery_app.storage.connect import database_errors, open_raw
from recovery_app.storage.files import (
    PRIVATE_DIR_MODE,
    copy_private,
    disk_full,
    is_disk_full,
)


class RestoreError(KnownError):
    """A backup could not be used; nothing was changed."""


def _one_file(db: Path, key: bytes | None) -> None:
    """Fold the write-ahead log into the file and drop it, so the file alone is the data.

    The data opens in WAL mode again next time; a copy set aside stays one file.
    Damaged data can't be folded: its log is set aside beside it instead.
    """
    if not db.exists():
        return
    try:
        conn = open_raw(db, key)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
    except database_errors():
        return


def _stage(
    db: Path,
    backup: Path,
    staged: Path,
    backup_key: bytes | None,
    data_key: bytes | None,
    check: bool = True,
) -> None:
    """A checked copy of ``backup`` at ``staged``, encrypted like the data if it is."""
    with contextlib.suppress(FileNotFoundError):
        staged.unlink()
    if backup_key is None and data_key is not None:
        from recovery_app.storage.security.keys import file_salt
        from recovery_app.storage.security.rekey import export_copy

        # Same key and key settings as the data: the same passphrase opens it.
        # export_copy checks the copy it writes.
        export_copy(backup, staged, None, data_key, file_salt(db))
        oplog.crash_point("restore: copy written")
        return
    copy_private(backup, staged)
    if check:  # one file, so reading it leaves no log beside it
        _one_file(staged, backup_key)
    oplog.crash_point("restore: copy written")
    if check:
        check_database_file(staged, backup_key)


def restore(
    db: Path,
    backups: Path,
    backup: Path,
    now: datetime,
    backup_key: bytes | None = None,
    data_key: bytes | None = None,
    check: bool = True,
) -> Path | None:
    """Put ``backup`` in place of ``db`` (closed). Returns where the previous data was kept.

    ``backup_key`` opens the backup (None for a plain one); ``data_key`` is the
    data's key now. A plain backup restored into encrypted data is encrypted
    with ``data_key``; an encrypted one keeps its own key (and passphrase).
    On any problem before the swap, nothing changes. ``check=False`` puts an
    encrypted copy back unread, when there is no key yet to read it with (the
    data file was missing): opening it afterwards asks for its passphrase.
    """
    if not backup.is_file():
        raise RestoreError(
            translate("storage.backup.restore", "{backup} is not a file.").format(backup=backup)
        )
    try:
        if check:
            check_database_file(backup, backup_key)
    except KnownError as exc:
        raise RestoreError(
            translate("storage.backup.restore", "This backup can't be used: {message}").format(
                message=exc.message
            )
        ) from exc
    staged = db.with_name(f".{db.name}.restoring")
    problems: tuple[type[Exception], ...] = (OSError, KnownError, *database_errors())
    try:
        _stage(db, backup, staged, backup_key, data_key, check)
    except problems as exc:
        with contextlib.suppress(OSError):
            staged.unlink()
        if is_disk_full(exc):
            raise disk_full(translate("storage.backup.restore", " to restore this backup")) from exc
        reason = exc.message.rstrip(".") if isinstance(exc, KnownError) else str(exc)
        if isinstance(exc, OSError):
            reason = exc.strerror or reason
        raise RestoreError(
            translate(
                "storage.backup.restore", "Can't copy the backup ({reason}). Nothing was changed."
            ).format(reason=reason)
        ) from exc
    oplog.crash_point("restore: copy ready")
    _one_file(db, data_key)
    oplog.crash_point("restore: data in one file")
    backups.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    aside = backups / backup_name(now, BackupKind.BEFORE_RESTORE) if db.exists() else None
    moves = []
    if aside is not None:
        wal = Path(f"{db}-wal")
        moves = [(str(db), str(aside))] + (
            [(str(wal), translate("storage.backup.restore", "{aside}-wal").format(aside=aside))]
            if wal.exists()
            else []
        )
    note = translate(
        "storage.backup.restore", "A restore was interrupted; it has now been finished."
    ) + (
        translate("storage.backup.restore", " Your previous data is kept as {name}.").format(
            name=aside.name
        )
        if aside
        else ""
    )
    journal = oplog.Journal("restore", [(str(staged), str(db))], moves, note)
    try:
        oplog.begin(db.parent, journal)
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise
    oplog.finish(db.parent, journal)
    return aside
