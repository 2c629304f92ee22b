"""What the command-line commands do (the parser is in ``cli.py``).

A passphrase comes from RECOVERY_APP_PASSPHRASE (and RECOVERY_APP_NEW_PASSPHRASE
for a new one) so scripts can run unattended, otherwise from a prompt.

Commands that bring data in (``import``, ``restore``, ``meetings import-ics``)
set up a new data folder when there is none, exactly as the first start would,
so a new computer can be set up from the command line. Commands that write
refuse while the app has the folder open, instead of racing it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from recovery_app import paths
from recovery_app.core.clock import SystemClock
from recovery_app.core.errors import DataDirError, KnownError
from recovery_app.paths import AppPaths

ENV_PASSPHRASE = "RECOVERY_APP_PASSPHRASE"
ENV_NEW_PASSPHRASE = "RECOVERY_APP_NEW_PASSPHRASE"


class PassphraseUnavailable(KnownError):
    """No passphrase could be read."""


def _finish_interrupted(app_paths: AppPaths) -> None:
    """A restore or passphrase change a crash interrupted is finished first."""
    from recovery_app.storage.oplog import recover

    note = recover(app_paths.data_dir, app_paths.backups)
    if note:
        print(note, file=sys.stderr)


def existing_data(args: argparse.Namespace) -> AppPaths:
    """The data folder, which must already hold the app's database."""
    app_paths = paths.resolve(args.data_dir)
    if app_paths.data_dir.exists() and not app_paths.data_dir.is_dir():
        raise DataDirError(f"The data folder {app_paths.data_dir} is a file, not a folder.")
    os.umask(0o077)
    if app_paths.data_dir.is_dir():
        _finish_interrupted(app_paths)
    if not app_paths.database.is_file():
        raise DataDirError(f"There is no Recovery Companion data in {app_paths.data_dir}.")
    return app_paths


def data_folder(args: argparse.Namespace) -> AppPaths:
    """The data folder, set up (0700) when there is none yet."""
    os.umask(0o077)
    app_paths = paths.ensure_data_dir(paths.resolve(args.data_dir))
    _finish_interrupted(app_paths)
    return app_paths


@contextmanager
def app_closed(app_paths: AppPaths) -> Iterator[None]:
    """Hold the app's own lock, so data is never changed under a running app."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(app_paths.instance_lock))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        raise DataDirError("Recovery Companion is open. Please close it, then try again.")
    try:
        yield
    finally:
        lock.unlock()


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
    params = crypto.load_params(app_paths.database)  # the file's own key settings
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

    app_paths = data_folder(args)
    with app_closed(app_paths):
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


def restore(args: argparse.Namespace) -> int:
    from recovery_app.storage.backup.ops import key_for_backup, needs_own_passphrase
    from recovery_app.storage.backup.restore import restore as restore_file
    from recovery_app.storage.security.keys import file_is_encrypted

    app_paths = data_folder(args)
    source = Path(args.file)
    if not source.is_file():
        raise DataDirError(f"{source} is not a file.")
    data_key = current_key(app_paths) if app_paths.database.exists() else None
    backup_key: bytes | None = None
    if needs_own_passphrase(source, data_key, app_paths.database):
        passphrase = ask(ENV_PASSPHRASE, "Passphrase this backup was made with: ")
        backup_key = key_for_backup(source, passphrase, app_paths.database)
    elif file_is_encrypted(source):
        backup_key = data_key
    with app_closed(app_paths):
        aside = restore_file(app_paths.database, app_paths.backups, source,
                             SystemClock().now(), backup_key, data_key)  # fmt: skip
    words = f"Restored your data from {source}."
    if aside is not None:
        words += f" Your previous data was kept as {aside}."
    if backup_key is not None and backup_key != data_key:
        words += " Your data now opens with the passphrase this backup was made with."
    print(words, file=sys.stderr)
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
    with app_closed(app_paths):
        report = change_key(app_paths.database, app_paths.backups, old_key, new_key, params)
    if args.action == "remove":
        words = "Your data is no longer encrypted."
    else:
        words = (
            "Your data and backups are now encrypted with the new passphrase. "
            "If you forget it, your data can't be recovered by anyone."
        )
    print(words + report.summary(), file=sys.stderr)
    return 0


def meetings(args: argparse.Namespace) -> int:
    from recovery_app.storage.db import Database
    from recovery_app.storage.exchange.calendar import export_ics, import_ics

    now = SystemClock().now()
    if args.action == "export-ics":
        app_paths = existing_data(args)
        db = Database.open(app_paths.database, current_key(app_paths))
        try:
            count = export_ics(db, Path(args.out), now)
        finally:
            db.close()
        message = (
            f"Exported {count} meeting{'' if count == 1 else 's'} to {args.out}. "
            "This file is not encrypted: keep it somewhere private."
        )
    else:
        from recovery_app.core.clock import zone_name

        app_paths = data_folder(args)
        with app_closed(app_paths):
            db = Database.open(app_paths.database, current_key(app_paths))
            try:
                message = import_ics(db, Path(args.file), now, zone_name(SystemClock())).summary()
            finally:
                db.close()
    print(message, file=sys.stderr)
    return 0


def report(args: argparse.Namespace) -> int:
    """The clinician report, drawn offscreen: no window and no display are needed."""
    from datetime import timedelta

    from PySide6.QtWidgets import QApplication

    from recovery_app.core.clock import today
    from recovery_app.core.insights.period import Period
    from recovery_app.storage.db import Database
    from recovery_app.storage.insights.report import report_data
    from recovery_app.ui.report.document import REPORT_KEYS, ReportRequest, write_report

    clock = SystemClock()
    last = args.last or today(clock)
    first = args.first or last - timedelta(days=89)
    period = Period(first, last)  # InvalidInput (exit 2) when --from is after --to
    # A QApplication (not only a QGuiApplication), so a caller's own Qt code can use it too.
    _app = QApplication.instance() or QApplication(["recovery-app", "-platform", "offscreen"])
    app_paths = existing_data(args)
    db = Database.open(app_paths.database, current_key(app_paths))
    try:
        data = report_data(db, period, today(clock), args.notes)
    finally:
        db.close()
    request = ReportRequest(period, args.sections or REPORT_KEYS, args.notes)
    write_report(Path(args.out), data, request, today(clock), as_csv=args.format == "csv")
    what = "figures" if args.format == "csv" else "report"
    notes = " It includes your notes." if args.notes and args.format == "pdf" else ""
    print(
        f"Wrote your {what} for {first} to {last} to {args.out}.{notes} "
        "It is not encrypted: keep it somewhere private.",
        file=sys.stderr,
    )
    return 0
