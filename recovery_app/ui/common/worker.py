"""Run long work (backup, export, import, key derivation) off the UI thread, with progress."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.log import bug_report

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
# Jobs stay referenced here while they run, so Python never frees one mid-run.
_running: set[_Job] = set()


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)


def _finished(progress: ProgressFn) -> None:
    raise RuntimeError("this work has already run")


class _Job(QRunnable):
    def __init__(self, work: Callable[[ProgressFn], Any], signals: _Signals) -> None:
        super().__init__()
        self.work, self.signals = work, signals

    def _send(self, signal: str, *args: Any) -> None:
        # If the window is already gone (the app is closing), there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            getattr(self.signals, signal).emit(*args)

    def run(self) -> None:
        try:
            result = self.work(lambda done, total: self._send("progress", done, total))
        except KnownError as exc:
            self._send("failed", exc.message)
        except Exception as exc:  # a bug: its code path, never its message (user text)
            log.error("background work failed: %s", bug_report(type(exc), exc, exc.__traceback__))
            self._send(
                "failed",
                translate(
                    "ui.common.worker",
                    "Something went wrong. Your data has not been changed; please try again.",
                ),
            )
        else:
            self._send("done", result)
        finally:
            # Nothing the work held (a passphrase, a key) outlives it.
            self.work = _finished
            _running.discard(self)


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
        finish: Callable[[Any], Any] | None = None,
    ) -> None:
        """``finish`` turns the work's result into what ``done`` carries, on the UI thread."""
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._finish = finish
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self.failed)
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)

    def _done(self, result: object) -> None:
        finish, self._finish = self._finish, None  # what it closed over (a passphrase) goes
        self.done.emit(result if finish is None else finish(result))

    def report_to(
        self,
        owner: QObject,
        done: Callable[[Any], object] | None = None,
        failed: Callable[[str], object] | None = None,
        progress: Callable[[int, int], object] | None = None,
    ) -> Worker:
        """Connect handlers that run only while ``owner`` (a page) still exists.

        Work started by a page can outlive it: locking deletes every page while a
        passphrase change or a backup goes on.
        """
        for signal, handler in ((self.done, done), (self.failed, failed),
                                (self.progress, progress)):  # fmt: skip
            if handler is not None:
                signal.connect(_while_alive(owner, handler))
        return self

    def start(self) -> None:
        _running.add(self._job)
        self._pool.start(self._job)

    def start_soon(self) -> None:
        """Start once control returns to the event loop, after the caller connects signals."""
        QTimer.singleShot(0, self.start)


def _while_alive(owner: QObject, handler: Callable[..., object]) -> Callable[..., None]:
    from shiboken6 import isValid

    def call(*args: Any) -> None:
        if isValid(owner):
            handler(*args)

    return call


def one_at_a_time() -> QThreadPool:
    """A pool that runs its jobs one after another, in the order they were started."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
