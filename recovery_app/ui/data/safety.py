"""Keeping data safe from the window: daily backups, restore, export, import, the passphrase.

Work that touches the data files runs on the one data pool (``Ops.pool``), one
job at a time; a restore waits for it to finish first. Each action closes and
reopens the database itself, so every view keeps working on the same
``Database`` object, and the change is announced on the bus.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from recovery_app import log as app_log
from recovery_app.core.clock import Clock
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.paths import AppPaths, delete_all_data
from recovery_app.settings import SettingsStore
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.security.holder import KeyHolder
from recovery_app.ui.common.ops import Ops
from recovery_app.ui.common.worker import ProgressFn, Worker

if TYPE_CHECKING:  # the backup operations load with the first backup, after Today shows
    from recovery_app.core.changes import Changes
    from recovery_app.storage.backup.ops import Made
    from recovery_app.storage.backup.retention import Tiers
    from recovery_app.storage.db import Database
    from recovery_app.storage.security.rekey import RekeyReport
    from recovery_app.ui.data.passphrase_dialog import PassphraseRequest

log = logging.getLogger(__name__)
# What makes data worth an automatic backup (``something_to_keep`` counts these).
KEPT = ("checkins", "profile", "journal", "meetings")  # Record values


def when_made(found: backup.BackupFile) -> str:
    """When a backup was made, in words ("Wednesday 25 November 2026 at 14:07")."""
    made = found.made
    return f"{made:%A} {made.day} {made:%B %Y}" + (
        translate("ui.data.safety", " at {made:%H:%M}").format(made=made)
        if found.exact_time
        else ""
    )


def backup_words(path: Path) -> str:
    """A backup's date and time in words, from its name."""
    found = backup.backup_file(path) if path.is_file() else None
    return path.name if found is None else when_made(found)


class DataSafety(QObject):
    keyChanged = Signal(object)  # the new key, or None when the passphrase was removed

    def __init__(
        self,
        paths: AppPaths,
        clock: Clock,
        ops: Ops,
        settings: SettingsStore,
        keys: KeyHolder | None = None,
    ) -> None:
        super().__init__(ops)
        self.paths, self.clock, self.ops, self.settings = paths, clock, ops, settings
        self.keys = keys or KeyHolder()  # the session's: the one place the key is kept
        self.forgotten = False  # locked: nothing running may open the data again
        self.daily: Worker | None = None
        self._daily_running = False
        self._changed_meanwhile = False
        self._covered: date | None = None  # the day the newest automatic backup is from
        ops.bus.changed.connect(self._data_changed)  # until forgotten
        self.undo_path: Path | None = None  # the data a restore set aside, while undo is possible
        self.undo_key: bytes | None = None  # the key that opens it

    @property
    def key(self) -> bytes | None:
        return self.keys.key

    def forget(self) -> None:
        """The data is locking or closing: work still running finishes without reopening it."""
        if not self.forgotten:
            with contextlib.suppress(RuntimeError):  # the bus is already gone (closing)
                self.ops.bus.changed.disconnect(self._data_changed)
        self.forgotten = True
        self.undo_key = None
        self.undo_path = None

    def _tiers(self) -> Tiers:
        from recovery_app.storage.backup.retention import Tiers

        v = self.settings.values
        return Tiers(v.backups_keep, v.backups_weekly, v.backups_monthly)

    def second_folder(self) -> Path | None:
        folder = self.settings.values.second_backup_folder
        return Path(folder) if folder else None

    def _backup_job(self, manual: bool) -> Callable[[ProgressFn], Made | None]:
        source, folder, keys = self.paths.database, self.paths.backups, self.keys
        tiers, second, now = self._tiers(), self.second_folder(), self.clock.now()

        def work(progress: ProgressFn) -> Made | None:
            from recovery_app.storage.backup.ops import back_up

            # The key is asked for when the job runs, not when it was queued: a
            # passphrase change that ran first is followed, and after a lock there
            # is no key, so nothing is opened.
            if self.forgotten:
                return None
            return back_up(source, folder, now, manual, keys.key, tiers, second, progress)

        return work

    def start_daily_backup(self) -> Worker | None:
        """Today's automatic backup, in the background, if due and there is something to keep.

        Tried when the data opens and again after each change until today has one,
        so the first backup comes once there is something to keep, and a window
        left open over midnight makes the next day's with the first change.
        """
        today = self.clock.now().date()
        if self.forgotten or self._daily_running or self._covered == today:
            return None
        job, folder = self._backup_job(manual=False), self.paths.backups

        def work(progress: ProgressFn) -> bool:
            made = job(progress)
            if made is not None and made.copy_problem:
                log.warning("daily backup not copied to the second folder")
            return made is not None or not backup.daily_backup_due(folder, today)

        def ended(covered: object) -> None:
            self._daily_running = False
            if covered is True:
                self._covered = today
            elif self._changed_meanwhile:  # the data changed while this one looked
                self._changed_meanwhile = False
                self.start_daily_backup()

        self.daily = Worker(work, self, self.ops.pool)
        self.daily.done.connect(ended)
        self.daily.failed.connect(lambda text: ended(False))
        self.daily.failed.connect(lambda text: log.warning("daily backup not made"))
        self._daily_running = True
        self.daily.start()
        return self.daily

    @property
    def daily_running(self) -> bool:
        return self._daily_running

    def _data_changed(self, changes: Changes, initiator: object) -> None:
        if not any(record.value in KEPT for record in changes.records):
            return  # reminders shown, reading places: not what makes a first backup worth it
        if self._daily_running:
            self._changed_meanwhile = True
        else:
            self.start_daily_backup()

    def backup_now(self) -> Worker:
        """A backup on demand, started once control returns to the event loop."""
        worker = Worker(self._backup_job(manual=True), self, self.ops.pool)
        worker.start_soon()
        return worker

    def restore(self, db: Database, backup_file: Path, backup_key: bytes | None = None) -> str:
        """Replace the data with ``backup_file``, keeping the current file aside.

        ``backup_key`` opens a backup made with another passphrase. Returns what to
        tell the person, whether it worked or not.
        """
        from recovery_app.storage.backup.ops import restore_backup

        self.ops.pool.waitForDone()  # no backup or export may be reading the file
        previous_key = db.key
        try:
            done = self.ops.run(
                lambda: restore_backup(db, backup_file, self.clock.now(), backup_key), self
            )
        except KnownError as exc:
            return exc.message
        log.info("restored from a backup")
        # The data set aside opens with the key it had: Undo restore needs that one.
        self.undo_path, self.undo_key = done.aside, previous_key
        words = translate("ui.data.safety", "Restored from the backup of {backup_words}.").format(
            backup_words=backup_words(backup_file)
        )
        if done.aside is not None:
            words += translate(
                "ui.data.safety", " Your data from before is kept, and Undo restore brings it back."
            )
        if done.passphrase_changed:
            self.keyChanged.emit(done.key)
            words += translate(
                "ui.data.safety",
                " Your data now opens with the passphrase this backup was made with. "
                "You can change it below.",
            )
        return words

    def undo_restore(self, db: Database) -> str:
        """Put back the data the last restore set aside (while nothing new was written)."""
        aside, key = self.undo_path, self.undo_key
        if aside is None or not aside.exists():
            self.undo_path = None
            return translate("ui.data.safety", "There is no restore to undo.")
        message = self.restore(db, aside, key)
        self.undo_path = None  # the undo itself is not undone the same way
        return message.replace("Restored from the backup of", "Put back your data from", 1)

    def unlock_backup(self, path: Path, passphrase: str) -> Worker:
        """The key for a backup made with another passphrase, derived off the UI thread."""
        database = self.paths.database

        def work(progress: ProgressFn) -> bytes:
            from recovery_app.storage.backup.ops import key_for_backup

            return key_for_backup(path, passphrase, database)

        worker = Worker(work, self, self.ops.pool)
        worker.start_soon()
        return worker

    def put_back(self, copy: Path) -> bool:
        """The data file is missing: put ``copy`` (a backup or a set-aside copy) in its place."""
        from recovery_app.storage.backup.backups import opens_with
        from recovery_app.storage.backup.restore import restore as restore_file
        from recovery_app.storage.security.keys import file_is_encrypted as backup_is_encrypted

        key = self.key if opens_with(copy, self.key) else None
        # An encrypted copy is put back as it is: the unlock page then asks for the
        # passphrase it was made with (its key settings travel inside it).
        checked = key is not None or not backup_is_encrypted(copy)
        try:
            restore_file(self.paths.database, self.paths.backups, copy, self.clock.now(),
                         key, key, check=checked)  # fmt: skip
        except KnownError:
            return False
        log.info("put a copy back in place of a missing data file")
        return True

    def recover_damaged(self) -> bool:
        """After a failed open: put the newest good backup in place, keeping the damaged file."""
        from recovery_app.storage.backup.restore import restore as restore_file

        good = backup.newest_good_backup(self.paths.backups, self.key)
        if good is None:
            return False
        try:
            restore_file(self.paths.database, self.paths.backups, good.path, self.clock.now(),
                         self.key, self.key)  # fmt: skip
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
        from recovery_app.storage.security.rekey import RekeyReport, change_key

        path, folder, old_key = db.path, self.paths.backups, db.key
        action, typed_current, typed_new = request.action, request.current, request.new
        db.close()

        def work(progress: ProgressFn) -> tuple[bytes | None, RekeyReport]:
            import hmac

            if typed_current is not None:
                current = crypto.derive_key(typed_current, crypto.load_params(path))
                if old_key is None or not hmac.compare_digest(current, old_key):
                    raise crypto.WrongPassphrase(
                        translate(
                            "ui.data.safety",
                            "That is not your current passphrase. Nothing was changed.",
                        )
                    )
            params = crypto.new_params() if typed_new else None
            new_key = crypto.derive_key(typed_new, params) if typed_new and params else None
            report = change_key(path, folder, old_key, new_key, params, progress)
            return new_key, report

        def done(result: object) -> str:
            assert isinstance(result, tuple)
            key, report = result
            assert isinstance(report, RekeyReport)
            log.info("passphrase %s", action)
            if self.forgotten:  # locked meanwhile: the data stays closed, the key unkept
                return translate(
                    "ui.data.safety", "Your passphrase was changed. Unlock with the new one."
                )
            db.key = key if isinstance(key, bytes) else None  # the session's holder
            db.reopen()
            self.keyChanged.emit(db.key)
            return (
                translate("ui.data.safety", "Your data and backups are no longer encrypted.")
                if db.key is None
                else translate(
                    "ui.data.safety", "Your data and backups are encrypted with your passphrase."
                )
            ) + report.summary()

        def failed(text: str) -> None:
            if self.forgotten:
                return
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
