"""Timing marks for benchmarks/, from an event filter on the application (see launch.py)."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def current_rss_kb() -> int:
    """Resident memory now (Linux), in KB: the steady state, not the start-up peak."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


class BenchMarks(QObject):
    """Prints 'painted T' at the main window's first paint, 'today-data T' once Today shows."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            print(f"painted {time.perf_counter()}", flush=True)
            self.app.removeEventFilter(self)  # nothing more to watch: no cost from here on
            watched.dataReady.connect(lambda: self._data_ready(watched))  # type: ignore[attr-defined]
        return False

    def _data_ready(self, window: QMainWindow) -> None:
        window.repaint()
        print(f"today-data {time.perf_counter()}", flush=True)
        print(f"rss {current_rss_kb()}", flush=True)
        # What the launch path must not have paid for by the time Today shows its data.
        heavy = [m for m in ("alembic", "sqlalchemy.orm", "dateutil.rrule") if m in sys.modules]
        print(f"loaded {','.join(heavy) or '-'}", flush=True)
        QTimer.singleShot(0, QApplication.quit)
