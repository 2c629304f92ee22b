"""Run long work (backup, export, restore checks) off the UI thread, with progress."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from recovery_app.core.errors import KnownError

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[ProgressFn], Any], signals: _Signals) -> None:
        super().__init__()
        self.work, self.signals = work, signals

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except KnownError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # a bug: log the kind only, never user text
            log.error("background work failed: %s", type(exc).__name__)
            self.signals.failed.emit(
                "Something went wrong. Your data has not been changed; please try again."
            )
        else:
            self.signals.done.emit(result)


class Worker(QObject):
    """One piece of background work; connect to its signals, then ``start()``.

    The work function gets a ``progress(done, total)`` callback and must open
    its own database connection: SQLite connections stay in their own thread.
    """

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        work: Callable[[ProgressFn], Any],
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self.done)
        self._signals.failed.connect(self.failed)
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)

    def start(self) -> None:
        self._pool.start(self._job)


def one_at_a_time() -> QThreadPool:
    """A pool that runs its jobs one after another, in the order they were started."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
