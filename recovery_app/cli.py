"""Command line: the GUI by default, plus commands for scripts and backups.

Errors a person can fix print one line to stderr and exit with status 2.
Imports stay inside the commands so starting the GUI pays only for the GUI.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from recovery_app import APP_NAME, __version__
from recovery_app.core.errors import KnownError

if TYPE_CHECKING:
    from recovery_app.paths import AppPaths

EXIT_KNOWN_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_KNOWN_ERROR, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="recovery-app",
        description=f"{APP_NAME}: a private, offline recovery companion. "
        "With no command, the app window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for your data (default: RECOVERY_APP_DATA_DIR, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", help="open the app window (the default)")
    export = commands.add_parser("export", help="write all your data to a file")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--out", required=True, metavar="FILE", help="file to write")
    backup = commands.add_parser("backup", help="write a backup copy of your data to a file")
    backup.add_argument("--out", required=True, metavar="FILE", help="file to write")
    restore = commands.add_parser(
        "restore", help="replace your data with a backup (your current data is kept aside)"
    )
    restore.add_argument("file", metavar="FILE", help="a backup made by the app or 'backup'")
    return parser


def _existing_data(args: argparse.Namespace) -> AppPaths:
    """The data folder, which must already hold the app's database."""
    from recovery_app import paths
    from recovery_app.core.errors import DataDirError

    app_paths = paths.resolve(args.data_dir)
    if app_paths.data_dir.exists() and not app_paths.data_dir.is_dir():
        raise DataDirError(f"The data folder {app_paths.data_dir} is a file, not a folder.")
    if not app_paths.database.is_file():
        raise DataDirError(f"There is no Recovery Companion data in {app_paths.data_dir}.")
    os.umask(0o077)
    return app_paths


def _backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from recovery_app.storage.backup import write_backup

    app_paths = _existing_data(args)
    out = write_backup(app_paths.database, Path(args.out))
    print(f"Backed up your data to {out}.", file=sys.stderr)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from PySide6.QtCore import QLockFile

    from recovery_app.core.clock import SystemClock
    from recovery_app.core.errors import DataDirError
    from recovery_app.storage.backup import restore

    app_paths = _existing_data(args)
    # The same lock the app holds while it runs: never swap the file under it.
    lock = QLockFile(str(app_paths.instance_lock))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        raise DataDirError("Recovery Companion is open. Please close it, then restore.")
    try:
        aside = restore(app_paths.database, Path(args.file), SystemClock().now())
    finally:
        lock.unlock()
    kept = f" Your previous data was kept as {aside}." if aside else ""
    print(f"Restored your data from {args.file}.{kept}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from recovery_app.core.clock import SystemClock
    from recovery_app.storage.db import Database
    from recovery_app.storage.export import export_json

    app_paths = _existing_data(args)
    db = Database.open(app_paths.database)
    try:
        count = export_json(db, Path(args.out), SystemClock().now())
    finally:
        db.close()
    print(
        f"Exported {count} check-ins to {args.out}. "
        "This file is not encrypted: keep it somewhere private.",
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        commands = {"export": _export, "backup": _backup, "restore": _restore}
        if args.command in commands:
            return commands[args.command](args)
        from recovery_app.app import run_gui

        return run_gui(args.data_dir)
    except KnownError as exc:
        print(f"recovery-app: {exc.message}", file=sys.stderr)
        return EXIT_KNOWN_ERROR
    except KeyboardInterrupt:
        return 130
