"""Logging to a private file in the data folder. Never log what a person wrote."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import TracebackType

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


def bug_report(
    kind: type[BaseException],
    value: BaseException | None,
    tb: TracebackType | None,
    depth: int = 0,
) -> str:
    """A bug as a log line: its type and the code it went through, never its message.

    A message can quote what the person wrote (a ValueError about their note, say),
    so only file, line, function and source line are kept. An error with no Python
    frames at all was raised by Qt's bindings while calling into Python (a slot that
    could not be called); those messages describe code, not data, so they are kept.
    """
    import traceback  # only when a bug is reported: it costs time at launch

    frames = traceback.extract_tb(tb)
    lines = [f"unexpected {kind.__module__}.{kind.__qualname__}"]
    if frames:
        lines += [f'  File "{f.filename}", line {f.lineno}, in {f.name}' + (
            f"\n    {f.line}" if f.line else ""
        ) for f in frames]  # fmt: skip
    elif value is not None:
        lines.append(f"  (no Python frames; raised by the Qt bindings: {value})")
    cause = (value.__cause__ or value.__context__) if value is not None else None
    if cause is not None and cause.__traceback__ is not None and depth < 3:
        lines.append("while handling:")
        lines.append(bug_report(type(cause), cause, cause.__traceback__, depth + 1))
    return "\n".join(lines)
