"""Timing marks for benchmarks/, from an event filter on the main window (see launch.py)."""

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
    """Prints 'painted T' at the window's first paint, 'today-data T' once Today shows data."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        window.installEventFilter(self)
        window.dataReady.connect(self._data_ready)  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            print(f"painted {time.perf_counter()}", flush=True)
            # Nothing of the data layer may be paid for before the window first appears.
            early = [m for m in ("sqlalchemy", "alembic", "dateutil") if m in sys.modules]
            print(f"loaded-at-paint {','.join(early) or '-'}", flush=True)
        return False

    def _data_ready(self) -> None:
        self.window.repaint()
        print(f"today-data {time.perf_counter()}", flush=True)
        print(f"rss {current_rss_kb()}", flush=True)
        # What the launch path must not have paid for by the time Today shows its data.
        heavy = [m for m in ("alembic", "sqlalchemy.orm", "dateutil.rrule") if m in sys.modules]
        print(f"loaded {','.join(heavy) or '-'}", flush=True)
        QTimer.singleShot(0, QApplication.quit)
