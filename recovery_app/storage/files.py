"""Writing files the private way: 0600, atomically, never half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from recovery_app.core.errors import OutputPathError

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync, then rename over it."""
    target = path.expanduser()
    if target.is_dir():
        raise OutputPathError(f"{target} is a folder; please give a file name.")
    folder = target.parent
    if not folder.is_dir():
        raise OutputPathError(f"The folder {folder} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise OutputPathError(f"Can't write in {folder}: {exc.strerror}.") from exc
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
        raise OutputPathError(f"Can't write {target}: {exc.strerror}.") from exc


def fsync_dir(folder: Path) -> None:
    """Make renames and deletions in ``folder`` durable (a no-op where folders can't be synced)."""
    if os.name != "posix" or not folder.is_dir():
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
