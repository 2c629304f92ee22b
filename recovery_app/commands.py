"""What the command-line commands do (the parser is in ``cli.py``).

A passphrase comes from RECOVERY_APP_PASSPHRASE (and RECOVERY_APP_NEW_PASSPHRASE
for a new one) so scripts can run unattended, otherwise from a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from recovery_app import paths
from recovery_app.core.clock import SystemClock
from recovery_app.core.errors import DataDirError, KnownError
from recovery_app.paths import AppPaths

ENV_PASSPHRASE = "RECOVERY_APP_PASSPHRASE"
ENV_NEW_PASSPHRASE = "RECOVERY_APP_NEW_PASSPHRASE"


class PassphraseUnavailable(KnownError):
    """No passphrase could be read."""


def existing_data(args: argparse.Namespace) -> AppPaths:
    """The data folder, which must already hold the app's database."""
    app_paths = paths.resolve(args.data_dir)
    if app_paths.data_dir.exists() and not app_paths.data_dir.is_dir():
        raise DataDirError(f"The data folder {app_paths.data_dir} is a file, not a folder.")
    if not app_paths.database.is_file():
        raise DataDirError(f"There is no Recovery Companion data in {app_paths.data_dir}.")
    os.umask(0o077)
    return app_paths


def ask(env_name: str, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(env_name)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise PassphraseUnavailable(f"A passphrase is needed: set {env_name} or run in a terminal.")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != value:
        raise PassphraseUnavailable("The two passphrases were not the same. Nothing was changed.")
    return value


def current_key(app_paths: AppPaths) -> bytes | None:
    """The key for the data, asking for the passphrase if it is encrypted."""
    from recovery_app.storage.security import keys as crypto

    if not crypto.needs_passphrase(app_paths.database):
        return None
    params = crypto.load_params(app_paths.database)
    return crypto.derive_key(ask(ENV_PASSPHRASE, "Passphrase: "), params)


def export(args: argparse.Namespace) -> int:
    from recovery_app.storage.db import Database
    from recovery_app.storage.exchange.csv import export_csv
    from recovery_app.storage.exchange.document import export_json

    app_paths = existing_data(args)
    db = Database.open(app_paths.database, current_key(app_paths))
    try:
        if args.format == "csv":
            written = export_csv(db, Path(args.out), SystemClock().now())
            what = f"{len(written)} CSV files in {args.out}. They are"
        else:
            count = export_json(db, Path(args.out), SystemClock().now())
            what = f"{count} records to {args.out}. This file is"
    finally:
        db.close()
    print(f"Exported {what} not encrypted: keep it somewhere private.", file=sys.stderr)
    return 0


def import_file(args: argparse.Namespace) -> int:
    from recovery_app.storage.db import Database
    from recovery_app.storage.exchange.importer import import_file as merge

    app_paths = existing_data(args)
    db = Database.open(app_paths.database, current_key(app_paths))
    try:
        report = merge(db, Path(args.file), SystemClock().now())
    finally:
        db.close()
    print(report.summary(), file=sys.stderr)
    return 0


def backup(args: argparse.Namespace) -> int:
    from recovery_app.storage.backup.backups import check_database_file, write_backup

    app_paths = existing_data(args)
    key = current_key(app_paths)
    check_database_file(app_paths.database, key)  # a wrong passphrase fails here, clearly
    out = write_backup(app_paths.database, Path(args.out), key=key)
    encrypted = " It is encrypted with your passphrase." if key else ""
    print(f"Backed up your data to {out}.{encrypted}", file=sys.stderr)
    return 0


class _AppClosed:
    """Hold the app's own lock, so a file is never swapped under a running app."""

    def __init__(self, app_paths: AppPaths) -> None:
        from PySide6.QtCore import QLockFile

        self.lock = QLockFile(str(app_paths.instance_lock))
        self.lock.setStaleLockTime(0)

    def __enter__(self) -> None:
        if not self.lock.tryLock(0):
            raise DataDirError("Recovery Companion is open. Please close it, then try again.")

    def __exit__(self, *exc: object) -> None:
        self.lock.unlock()


def restore(args: argparse.Namespace) -> int:
    from recovery_app.storage.backup.backups import restore as restore_file

    app_paths = existing_data(args)
    key = current_key(app_paths)
    with _AppClosed(app_paths):
        aside = restore_file(app_paths.database, Path(args.file), SystemClock().now(), key)
    kept = f" Your previous data was kept as {aside}." if aside else ""
    print(f"Restored your data from {args.file}.{kept}", file=sys.stderr)
    return 0


def passphrase(args: argparse.Namespace) -> int:
    from recovery_app.storage.backup.backups import check_database_file
    from recovery_app.storage.security import keys as crypto
    from recovery_app.storage.security.rekey import change_key

    app_paths = existing_data(args)
    encrypted = crypto.needs_passphrase(app_paths.database)
    if args.action == "set" and encrypted:
        raise DataDirError("Your data already has a passphrase; use 'passphrase change'.")
    if args.action != "set" and not encrypted:
        raise DataDirError("Your data has no passphrase yet; use 'passphrase set'.")
    old_key = current_key(app_paths)
    check_database_file(app_paths.database, old_key)
    new_key, params = None, None
    if args.action != "remove":
        new = ask(ENV_NEW_PASSPHRASE, "New passphrase: ", confirm=True)
        if not new:
            raise PassphraseUnavailable("An empty passphrase can't protect anything.")
        params = crypto.new_params()
        new_key = crypto.derive_key(new, params)
    with _AppClosed(app_paths):
        change_key(app_paths.database, app_paths.backups, old_key, new_key, params)
    if args.action == "remove":
        print("Your data is no longer encrypted.", file=sys.stderr)
    else:
        print(
            "Your data and backups are now encrypted with the new passphrase. "
            "If you forget it, your data can't be recovered by anyone.",
            file=sys.stderr,
        )
    return 0


def meetings(args: argparse.Namespace) -> int:
    from recovery_app.storage.db import Database
    from recovery_app.storage.exchange.calendar import export_ics, import_ics

    app_paths = existing_data(args)
    db = Database.open(app_paths.database, current_key(app_paths))
    now = SystemClock().now()
    try:
        if args.action == "export-ics":
            count = export_ics(db, Path(args.out), now)
            message = (
                f"Exported {count} meeting{'' if count == 1 else 's'} to {args.out}. "
                "This file is not encrypted: keep it somewhere private."
            )
        else:
            from recovery_app.core.clock import zone_name

            message = import_ics(db, Path(args.file), now, zone_name(SystemClock())).summary()
    finally:
        db.close()
    print(message, file=sys.stderr)
    return 0
