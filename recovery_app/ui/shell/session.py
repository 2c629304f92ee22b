"""Opening the data, and locking and unlocking it: the key is held here and nowhere else.

With a passphrase, the key is derived off the UI thread (Argon2id takes about
half a second on purpose); locking closes the database, forgets the key and
shows the unlock page. Without one, the data opens straight away.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from recovery_app.core.errors import KnownError
from recovery_app.settings import Settings

if TYPE_CHECKING:
    from recovery_app.storage.db import Database
    from recovery_app.ui.common.context import AppContext
    from recovery_app.ui.data.safety import DataSafety
    from recovery_app.ui.shell.idle_lock import IdleLock
    from recovery_app.ui.shell.main_window import MainWindow
    from recovery_app.ui.shell.unlock_page import UnlockPage

log = logging.getLogger(__name__)


class DataSession(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.key: bytes | None = None
        self.ctx: AppContext | None = None
        self.safety: DataSafety | None = None
        self.unlock_page: UnlockPage | None = None
        self._idle: IdleLock | None = None
        window.settings.on_change(self._settings_changed)

    @property
    def db(self) -> Database | None:
        return None if self.ctx is None or self.ctx.db.closed else self.ctx.db

    # -- opening -----------------------------------------------------------------------
    def open(self) -> None:
        """Open the database and show the pages; on a refusal, say why calmly."""
        # Imported here, after the first paint: SQLAlchemy takes a good part of a second.
        from recovery_app.storage.security.keys import needs_passphrase

        if needs_passphrase(self.window.paths.database) and self.key is None:
            self._show_unlock()
            return
        self._open_with_key(self.key)

    def _open_with_key(self, key: bytes | None) -> None:
        from recovery_app.storage.db import Database
        from recovery_app.ui.common.context import AppContext
        from recovery_app.ui.data.safety import DataSafety

        w = self.window
        self.safety = DataSafety(w.paths, w.clock, w.ops, w.settings)
        self.safety.key = key
        self.safety.keyChanged.connect(self._key_changed)
        try:
            db = Database.open(w.paths.database, key)
        except KnownError as exc:
            from recovery_app.ui.shell.recovery import explain_refusal

            explain_refusal(w, self.safety, exc, key)
            return
        self.ctx = AppContext(db, w.clock, w.bus, w.ops, w.settings, w.paths)
        if key is not None:
            self.idle.start(w.settings.values.lock_minutes)
        w.show_data(self.ctx, self.safety)

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
        """Derive the key off the UI thread."""
        from recovery_app.storage.security.unlock import key_that_opens
        from recovery_app.ui.common.worker import ProgressFn, Worker

        path, folder = self.window.paths.database, self.window.paths.backups

        def work(progress: ProgressFn) -> bytes:
            return key_that_opens(path, folder, passphrase)

        self._unlocking = Worker(work, self)
        self._unlocking.done.connect(self._unlocked)
        assert self.unlock_page is not None
        self._unlocking.failed.connect(self.unlock_page.failed)
        self._unlocking.start()

    def _unlocked(self, key: object) -> None:
        assert isinstance(key, bytes)
        self.key = key
        log.info("unlocked")
        self._open_with_key(key)

    def lock(self) -> None:
        """Hide everything, close the database and forget the key (Ctrl+L, or when idle)."""
        if self.key is None or self.ctx is None:
            return
        self.idle.stop()
        self.window.hide_data()
        self.ctx.db.close()
        self.ctx = None
        self.key = None
        if self.safety is not None:
            self.safety.key = None
        log.info("locked")
        self._show_unlock()

    def close(self) -> None:
        """The window is closing, or everything was deleted: the data closes for good."""
        if self._idle is not None:
            self._idle.stop()
        if self.ctx is not None:
            self.ctx.db.close()
            self.ctx = None

    def _key_changed(self, key: object) -> None:
        self.key = key if isinstance(key, bytes) else None
        if self.key is None:
            self.idle.stop()
        else:
            self.idle.start(self.window.settings.values.lock_minutes)

    def _settings_changed(self, settings: Settings, names: frozenset[str]) -> None:
        if "lock_minutes" in names and self.key is not None:
            self.idle.stop()
            self.idle.start(settings.lock_minutes)
