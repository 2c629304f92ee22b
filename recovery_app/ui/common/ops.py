"""Running storage operations from the screens: the one way the UI changes data.

An operation is a storage function that does one unit of work and returns a
``Result``; the runner hands its value back and announces its ``Changes`` on
the bus, with the view that asked as the initiator. Quick writes (a check-in,
a journal entry) run on the UI thread: every connection has a busy timeout,
so they wait behind a background job rather than fail. Long work (import,
export, a calendar file) runs on the single data pool, one job at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool

from recovery_app.ui.common.bus import ChangeBus
from recovery_app.ui.common.worker import ProgressFn, Worker, one_at_a_time

if TYPE_CHECKING:  # SQLAlchemy loads after the window's first paint, not with the shell
    from recovery_app.core.changes import Result
    from recovery_app.storage.db import Database

T = TypeVar("T")


class Ops(QObject):
    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        # Backups, exports, imports and passphrase changes all touch the data
        # files: they run one at a time, never side by side.
        self.pool: QThreadPool = one_at_a_time()

    def run(self, op: Callable[[], Result[T]], initiator: object | None = None) -> T:
        """Run a quick operation now; a ``KnownError`` reaches the caller, nothing changed."""
        result = op()
        self.bus.announce(result.changes, initiator)
        return result.value

    def start(
        self,
        work: Callable[[ProgressFn], Result[Any]],
        initiator: object | None = None,
        parent: QObject | None = None,
    ) -> Worker:
        """Run long work on the data pool, started once control returns to the event loop.

        The work must open its own connection (SQLite connections stay in their
        thread). ``done`` carries the value, after the changes were announced.
        """

        def unwrap(result: object) -> object:
            from recovery_app.core.changes import Result

            assert isinstance(result, Result)
            self.bus.announce(result.changes, initiator)
            return result.value

        worker = Worker(work, parent or self, self.pool, finish=unwrap)
        worker.start_soon()
        return worker

    def start_with(
        self,
        db: Database,
        job: Callable[[Database], Result[Any]],
        initiator: object | None = None,
        parent: QObject | None = None,
    ) -> Worker:
        """``start`` with ``job`` given its own connection to ``db``'s file, closed after.

        SQLite connections stay in the thread that made them.
        """
        from recovery_app.storage.db import Database

        path, key = db.path, db.key

        def work(progress: ProgressFn) -> Result[Any]:
            own = Database(path, key)
            try:
                return job(own)
            finally:
                own.close()

        return self.start(work, initiator, parent)
