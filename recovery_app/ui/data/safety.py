"""Keeping data safe from the window: daily backups, restore, export, import, the passphrase.

Work that touches the data files runs on the one data pool (``Ops.pool``), one
job at a time; a restore waits for it to finish first. Each action closes and
reopens the database itself, so every view keeps working on the same
``Database`` object, and the change is announced on the bus.
"""

from __future__ import annotations

import hmac
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from recovery_app import log as app_log
from recovery_app.core.clock import Clock
from recovery_app.core.errors import KnownError
from recovery_app.paths import AppPaths, delete_all_data
from recovery_app.settings import SettingsStore
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.backup.ops import restore_backup
from recovery_app.storage.db import Database
from recovery_app.ui.common.ops import Ops
from recovery_app.ui.common.worker import ProgressFn, Worker

if TYPE_CHECKING:
    from recovery_app.ui.data.passphrase_dialog import PassphraseRequest

log = logging.getLogger(__name__)


class DataSafety(QObject):
    keyChanged = Signal(object)  # the new key, or None when the passphrase was removed

    def __init__(self, paths: AppPaths, clock: Clock, ops: Ops, settings: SettingsStore) -> None:
        super().__init__(ops)
        self.paths, self.clock, self.ops, self.settings = paths, clock, ops, settings
        self.daily: Worker | None = None
        self.key: bytes | None = None  # the database key while unlocked

    def _backup_worker(self, manual: bool) -> Worker:
        source, folder, key = self.paths.database, self.paths.backups, self.key
        keep, now = self.settings.values.backups_keep, self.clock.now()

        def work(progress: ProgressFn) -> Path:
            made = backup.make_backup(source, folder, now, manual, progress, key)
            if not manual:
                backup.rotate(folder, keep)
            return made

        return Worker(work, self, self.ops.pool)

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

    def restore(self, db: Database, backup_file: Path) -> str:
        """Replace the data with ``backup_file``, keeping the current file aside.

        Returns what to tell the person, whether it worked or not.
        """
        self.ops.pool.waitForDone()  # no backup or export may be reading the file
        try:
            aside = self.ops.run(lambda: restore_backup(db, backup_file, self.clock.now()))
        except KnownError as exc:
            return exc.message
        log.info("restored from a backup")
        kept = f" Your previous data was kept as {aside.name}." if aside else ""
        return f"Restored from {backup_file.name}.{kept}"

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

    def export(self, db: Database, target: Path, initiator: object = None) -> Worker:
        # The file formats (and the calendar code they pull in) load when first used.
        from recovery_app.storage.exchange.ops import export_to_file

        now = self.clock.now()
        return self.ops.start_with(db, lambda own: export_to_file(own, target, now), initiator)

    def import_from(self, db: Database, source: Path, initiator: object = None) -> Worker:
        """Merge an export file in the background; nothing changes if it is invalid."""
        from recovery_app.storage.exchange.ops import import_export_file

        now = self.clock.now()
        return self.ops.start_with(db, lambda own: import_export_file(own, source, now), initiator)

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

        def done(key: object) -> str:
            db.key = key if isinstance(key, bytes) else None
            self.key = db.key
            db.reopen()
            log.info("passphrase %s", request.action)
            self.keyChanged.emit(db.key)
            return (
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

        worker = Worker(work, self, self.ops.pool, finish=done)
        worker.failed.connect(failed)
        worker.start_soon()
        return worker

    def delete_everything(self, db: Database) -> None:
        # Let running work finish first, so no backup is written after the deletion.
        self.ops.pool.waitForDone()
        db.close()
        app_log.close_file_logs(self.paths.data_dir)
        delete_all_data(self.paths)
