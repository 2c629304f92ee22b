"""Timing marks for benchmarks/: printed only when RECOVERY_APP_BENCH_MARKS=1."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from recovery_app.ui.main_window import MainWindow


def current_rss_kb() -> int:
    """Resident memory now (Linux), in KB: the steady state, not the start-up peak."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


class BenchMarks(QObject):
    """Prints 'painted T' at the window's first paint, 'today-data T' once Today shows data."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        window.installEventFilter(self)
        window.dataReady.connect(self._data_ready)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            print(f"painted {time.perf_counter()}", flush=True)
        return False

    def _data_ready(self) -> None:
        self.window.today_page.repaint()
        print(f"today-data {time.perf_counter()}", flush=True)
        print(f"rss {current_rss_kb()}", flush=True)
        QTimer.singleShot(0, QApplication.quit)
