"""Writing files the private way: 0600, atomically, never half-written."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from recovery_app.core.errors import DiskFullError, OutputPathError
from recovery_app.core.i18n import translate

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
SQLITE_FULL = 13
NO_ROOM = translate(
    "storage.files",
    "There is not enough free space on the disk{what}. Nothing was changed; "
    "please free some space and try again.",
)


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (an OSError, or SQLite's error, wrapped by SQLAlchemy or not) means
    the disk or the user's quota is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlite_errorcode", None) == SQLITE_FULL:
        return True
    return "database or disk is full" in str(orig)


def disk_full(what: str = "") -> DiskFullError:
    """The error to raise; ``what`` says for what, e.g. " for the backup"."""
    return DiskFullError(NO_ROOM.format(what=what))


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync, then rename over it."""
    target = path.expanduser()
    if target.is_dir():
        raise OutputPathError(
            translate("storage.files", "{target} is a folder; please give a file name.").format(
                target=target
            )
        )
    folder = target.parent
    if not folder.is_dir():
        raise OutputPathError(
            translate("storage.files", "The folder {folder} does not exist.").format(folder=folder)
        )
    import tempfile  # slow to import: only when a file is written

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full(
                translate("storage.files", " to write {name}").format(name=target.name)
            ) from exc
        raise OutputPathError(
            translate("storage.files", "Can't write in {folder}: {strerror}.").format(
                folder=folder, strerror=exc.strerror
            )
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if is_disk_full(exc):
            raise disk_full(
                translate("storage.files", " to write {name}").format(name=target.name)
            ) from exc
        raise OutputPathError(
            translate("storage.files", "Can't write {target}: {strerror}.").format(
                target=target, strerror=exc.strerror
            )
        ) from exc


def create_private(path: Path) -> None:
    """Create ``path`` empty and 0600 (emptying it if it exists) before anything writes it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    os.close(fd)


def fsync_file(path: Path) -> None:
    """Make what was written to ``path`` (by SQLite, say) durable."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def copy_private(source: Path, target: Path) -> None:
    """A byte copy of ``source`` at ``target`` (0600), flushed to the disk."""
    import shutil

    create_private(target)
    with open(source, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())


def fsync_dir(folder: Path) -> None:
    """Make renames and deletions in ``folder`` durable (a no-op where folders can't be synced)."""
    if os.name != "posix" or not folder.is_dir():
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
