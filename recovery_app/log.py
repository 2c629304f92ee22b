"""Logging to a private file in the data folder. Never log what a person wrote."""

from __future__ import annotations

import logging
import os
from pathlib import Path

MAX_LOG_BYTES = 512_000
PRIVATE_FILE_MODE = 0o600


def setup(log_file: Path) -> None:
    """Log to ``log_file`` (0600); at start, a log grown too big is kept as ``.1``.

    Rotating at start-up rather than with logging.handlers keeps that module
    (and the socket module it pulls in) out of the app's launch.
    """
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(log_file) for h in root.handlers):
        return
    try:
        if log_file.stat().st_size > MAX_LOG_BYTES:
            os.replace(log_file, log_file.with_name(log_file.name + ".1"))
    except FileNotFoundError:
        pass
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
    os.close(fd)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def close_file_logs(folder: Path) -> None:
    """Stop writing logs in ``folder`` (before its files are deleted)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        name = getattr(handler, "baseFilename", "")
        if name and Path(name).parent == folder:
            root.removeHandler(handler)
            handler.close()
