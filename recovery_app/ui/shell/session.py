"""Opening the data, and locking and unlocking it: the key is held here and nowhere else.

With a passphrase, the key is derived off the UI thread (Argon2id takes about
half a second on purpose); locking closes the database, zeroes the key and
shows the unlock page. Without one, the data opens straight away. Before
anything opens, an operation a crash interrupted (a restore, a passphrase
change) is finished, and the person is told.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from recovery_app.core.errors import KnownError
from recovery_app.settings import Settings
from recovery_app.storage.security.holder import KeyHolder

if TYPE_CHECKING:
    from recovery_app.storage.db import Database
    from recovery_app.ui.common.context import AppContext
    from recovery_app.ui.common.worker import Worker
    from recovery_app.ui.data.safety import DataSafety
    from recovery_app.ui.shell.idle_lock import IdleLock
    from recovery_app.ui.shell.main_window import MainWindow
    from recovery_app.ui.shell.unlock_page import UnlockPage

log = logging.getLogger(__name__)
LOCK_WAIT_MS = 3000  # how long a lock waits for background work holding the key


class DataSession(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.keys = KeyHolder()  # the key of the open data, while unlocked
        self.ctx: AppContext | None = None
        self.safety: DataSafety | None = None
        self._return_to: str | None = None  # the page shown when the data locked
        self.unlock_page: UnlockPage | None = None
        self._idle: IdleLock | None = None
        self._idle_held = False  # the craving flow is showing
        self._unlocking: Worker | None = None
        window.settings.on_change(self._settings_changed)

    @property
    def key(self) -> bytes | None:
        return self.keys.key

    @property
    def db(self) -> Database | None:
        return None if self.ctx is None or self.ctx.db.closed else self.ctx.db

    # -- opening -----------------------------------------------------------------------
    def open(self) -> None:
        """Open the database and show the pages; on a refusal, say why calmly."""
        # Imported here, after the first paint: SQLAlchemy takes a good part of a second.
        from recovery_app.storage.oplog import recover
        from recovery_app.storage.security.unlock import is_locked

        paths = self.window.paths
        note = recover(paths.data_dir, paths.backups)
        if note:
            self.window.notice.say(note)
        if not paths.database.exists():
            from recovery_app.ui.shell.recovery import offer_set_aside_copy

            if offer_set_aside_copy(self.window, self._new_safety()):
                return
        if self.keys.key is None and is_locked(paths.database, paths.backups):
            self._show_unlock()
            return
        self._open_with_key()

    def _new_safety(self) -> DataSafety:
        from recovery_app.ui.data.safety import DataSafety

        w = self.window
        if self.safety is not None:
            self.safety.forget()  # one safety per opening of the data
        self.safety = DataSafety(w.paths, w.clock, w.ops, w.settings, self.keys)
        self.safety.keyChanged.connect(self._key_changed)
        return self.safety

    def _open_with_key(self) -> None:
        from recovery_app.storage.db import Database
        from recovery_app.ui.common.context import AppContext

        w = self.window
        safety = self._new_safety()
        try:
            db = Database.open(w.paths.database, self.keys)
        except KnownError as exc:
            from recovery_app.ui.shell.recovery import explain_refusal

            explain_refusal(w, safety, exc, self.keys.key)
            return
        self.ctx = AppContext(db, w.clock, w.bus, w.ops, w.settings, w.paths)
        self._watch_idle()
        w.show_data(self.ctx, safety)
        if self._return_to is not None:  # back where the person was when it locked
            w.show_page(self._return_to)
            self._return_to = None
        from recovery_app.ui.shell.reopen import reopen_forms

        reopen_forms(w)  # and the forms that were open, as they were

    # -- locking -----------------------------------------------------------------------
    @property
    def idle(self) -> IdleLock:
        """Watches for idle time; made on first use, only ever needed with a passphrase."""
        if self._idle is None:
            from recovery_app.ui.shell.idle_lock import IdleLock

            self._idle = IdleLock(self.window.clock, self)
            self._idle.idle.connect(self.lock)
        return self._idle

    def _show_unlock(self) -> None:
        from recovery_app.ui.shell.unlock_page import UnlockPage

        w = self.window
        if self.unlock_page is None:
            self.unlock_page = UnlockPage()
            self.unlock_page.unlockRequested.connect(self._unlock)
            w.stack.addWidget(self.unlock_page)
        w.nav.hide()
        self.unlock_page.reset()
        w.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.setFocus()

    def _unlock(self, passphrase: str) -> None:
        """Derive the key off the UI thread; data locked by the first version is moved to
        the current format on the way (its key settings then travel inside every file)."""
        from recovery_app.storage.security.unlock import unlock
        from recovery_app.ui.common.worker import ProgressFn, Worker

        path, folder = self.window.paths.database, self.window.paths.backups

        def work(progress: ProgressFn) -> bytes:
            return unlock(path, folder, passphrase)

        self._unlocking = Worker(work, self, self.window.ops.pool)
        self._unlocking.done.connect(self._unlocked)
        assert self.unlock_page is not None
        self._unlocking.failed.connect(self.unlock_page.failed)
        self._unlocking.start()

    def _unlocked(self, key: object) -> None:
        assert isinstance(key, bytes)
        if self.unlock_page is not None:
            self.unlock_page.reset()  # the typed passphrase goes as soon as the key is made
        self.keys.set(key)
        del key
        log.info("unlocked")
        self._open_with_key()

    def lock(self) -> None:
        """Hide everything, close the database and forget the key (Ctrl+L, or when idle)."""
        if self.keys.key is None or self.ctx is None:
            return
        self.idle.stop()
        if self.safety is not None:
            self.safety.forget()  # a passphrase change still running must not reopen the data
        from recovery_app.ui.shell.closing import keep_unsaved_work

        keep_unsaved_work(self.window)
        self._return_to = self.window.current_page_key()
        self.window.hide_data()
        self.ctx.db.close()
        self.ctx = None
        self.keys.forget()
        self.safety = None
        # A backup started before the lock holds the key in its connection until it
        # ends: the screen is hidden already; give it a moment to finish. (A long
        # passphrase change goes on, drops its keys when it ends, and never reopens.)
        self.window.ops.pool.waitForDone(LOCK_WAIT_MS)
        log.info("locked")
        self._show_unlock()

    def close(self) -> None:
        """The window is closing, or everything was deleted: the data closes for good."""
        if self._idle is not None:
            self._idle.stop()
        if self.safety is not None:
            self.safety.forget()
        if self.ctx is not None:
            self.ctx.db.close()
            self.ctx = None
        self.keys.forget()

    def hold_idle(self, hold: bool) -> None:
        """While the craving flow shows the app does not lock for idleness: a person
        breathing with the timer for 20 minutes touches nothing."""
        self._idle_held = hold
        if hold:
            if self._idle is not None:
                self._idle.stop()
        else:
            self._watch_idle()

    def _watch_idle(self, minutes: int | None = None) -> None:
        """Start the idle lock, unless there is no passphrase or the craving flow holds it."""
        if self.keys.key is not None and self.ctx is not None and not self._idle_held:
            self.idle.start(
                self.window.settings.values.lock_minutes if minutes is None else minutes
            )

    def _key_changed(self, key: object) -> None:
        if self.keys.key is None:
            self.idle.stop()
        else:
            self._watch_idle()

    def _settings_changed(self, settings: Settings, names: frozenset[str]) -> None:
        if "lock_minutes" in names and self.keys.key is not None:
            self.idle.stop()
            self._watch_idle(settings.lock_minutes)
