"""Keeping data safe from the window: daily backups, restore, export, damage, delete all.

Each action closes and reopens the database itself, so pages keep working on
the same ``Database`` object, and announces the change through the hub.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from recovery_app import log as app_log
from recovery_app.core.clock import Clock
from recovery_app.core.errors import KnownError
from recovery_app.paths import AppPaths, delete_all_data
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.db import Database
from recovery_app.ui.common.bus import DataHub
from recovery_app.ui.common.worker import ProgressFn, Worker, one_at_a_time

if TYPE_CHECKING:
    from recovery_app.ui.data.passphrase_dialog import PassphraseRequest

log = logging.getLogger(__name__)


class DataSafety(QObject):
    message = Signal(str)  # a short status for the person
    dataDeleted = Signal()
    keyChanged = Signal(object)  # the new key, or None when the passphrase was removed

    def __init__(self, paths: AppPaths, clock: Clock, hub: DataHub, keep: int) -> None:
        super().__init__()
        self.paths, self.clock, self.hub, self.keep = paths, clock, hub, keep
        self.daily: Worker | None = None
        # Backups, restores checks, exports, imports and passphrase changes all
        # touch the data files: they run one at a time, never side by side.
        self.pool = one_at_a_time()
        self.key: bytes | None = None  # the database key while unlocked

    def _backup_worker(self, manual: bool) -> Worker:
        source, folder, keep, key = self.paths.database, self.paths.backups, self.keep, self.key
        now = self.clock.now()

        def work(progress: ProgressFn) -> Path:
            made = backup.make_backup(source, folder, now, manual, progress, key)
            if not manual:
                backup.rotate(folder, keep)
            return made

        return Worker(work, self, self.pool)

    def start_daily_backup(self) -> Worker | None:
        """Make today's automatic backup in the background, if it isn't made yet."""
        if not backup.daily_backup_due(self.paths.backups, self.clock.now().date()):
            return None
        self.daily = self._backup_worker(manual=False)
        self.daily.failed.connect(lambda text: log.warning("daily backup not made"))
        self.daily.start()
        return self.daily

    def backup_now(self) -> Worker:
        """A backup on demand, started once control returns to the event loop."""
        worker = self._backup_worker(manual=True)
        worker.start_soon()
        return worker

    def restore(self, db: Database, backup_file: Path) -> bool:
        """Replace the data with ``backup_file``; the current file is kept aside."""
        self.pool.waitForDone()  # no backup or export may be reading the file
        db.close()
        try:
            aside = backup.restore(db.path, backup_file, self.clock.now(), db.key)
        except KnownError as exc:
            db.reopen()
            self.message.emit(exc.message)
            return False
        db.reopen()
        log.info("restored from a backup")
        self.hub.checkinsChanged.emit()
        self.hub.profileChanged.emit()
        kept = f" Your previous data was kept as {aside.name}." if aside else ""
        self.message.emit(f"Restored from {backup_file.name}.{kept}")
        return True

    def recover_damaged(self) -> bool:
        """After a failed open: put the newest good backup in place, keeping the damaged file."""
        good = backup.newest_good_backup(self.paths.backups, self.key)
        if good is None:
            return False
        try:
            backup.restore(self.paths.database, good.path, self.clock.now(), self.key)
        except KnownError:
            return False
        log.info("recovered a damaged database from a backup")
        return True

    def _with_own_connection(self, db: Database, job: Callable[[Database], object]) -> Worker:
        """A worker running ``job`` on its own connection to ``db``'s file, started soon.

        SQLite connections stay in the thread that made them, so the worker opens
        (and closes) its own.
        """
        path, key = db.path, db.key

        def work(progress: ProgressFn) -> object:
            own = Database(path, key)
            try:
                return job(own)
            finally:
                own.close()

        worker = Worker(work, self, self.pool)
        worker.start_soon()
        return worker

    def export(self, db: Database, target: Path) -> Worker:
        from recovery_app.storage.exchange.document import export_json

        now = self.clock.now()
        worker = self._with_own_connection(db, lambda own: export_json(own, target, now))
        worker.done.connect(
            lambda count: self.message.emit(
                f"Exported {count} check-ins to {target}. "
                "This file is not encrypted: keep it somewhere private."
            )
        )
        worker.failed.connect(self.message)
        return worker

    def change_passphrase(self, db: Database, request: PassphraseRequest) -> Worker:
        """Set, change or remove the passphrase; data and backups are converted off the UI thread.

        The database stays closed while its files are rewritten.
        """
        from recovery_app.storage.security import keys as crypto
        from recovery_app.storage.security.rekey import change_key

        path, folder, old_key = db.path, self.paths.backups, db.key
        db.close()

        def work(progress: ProgressFn) -> bytes | None:
            if request.current is not None:
                current = crypto.derive_key(request.current, crypto.load_params(path))
                if old_key is None or not hmac.compare_digest(current, old_key):
                    raise crypto.WrongPassphrase(
                        "That is not your current passphrase. Nothing was changed."
                    )
            params = crypto.new_params() if request.new else None
            new_key = crypto.derive_key(request.new, params) if request.new and params else None
            change_key(path, folder, old_key, new_key, params, progress)
            return new_key

        def done(key: object) -> None:
            db.key = key if isinstance(key, bytes) else None
            self.key = db.key
            db.reopen()
            log.info("passphrase %s", request.action)
            self.keyChanged.emit(db.key)
            self.message.emit(
                "Your data and backups are no longer encrypted."
                if db.key is None
                else "Your data and backups are encrypted with your passphrase."
            )

        def failed(text: str) -> None:
            # Nothing was swapped in, so the data opens with the key it had.
            try:
                db.reopen()
            except KnownError:
                log.error("data not reopened after a failed passphrase change")
                text += " Please restart the app."
            self.message.emit(text)

        worker = Worker(work, self, self.pool)
        worker.done.connect(done)
        worker.failed.connect(failed)
        worker.start_soon()
        return worker

    def import_from(self, db: Database, source: Path) -> Worker:
        """Merge an export file in the background; nothing changes if it is invalid."""
        from recovery_app.storage.exchange.importer import ImportReport, import_file

        now = self.clock.now()
        worker = self._with_own_connection(db, lambda own: import_file(own, source, now))

        def done(report: object) -> None:
            assert isinstance(report, ImportReport)
            self.hub.checkinsChanged.emit()
            self.hub.profileChanged.emit()
            self.message.emit(report.summary())

        worker.done.connect(done)
        worker.failed.connect(self.message)
        return worker

    def delete_everything(self, db: Database) -> None:
        # Let running work finish first, so no backup is written after the deletion.
        self.pool.waitForDone()
        db.close()
        app_log.close_file_logs(self.paths.data_dir)
        delete_all_data(self.paths)
        self.dataDeleted.emit()
