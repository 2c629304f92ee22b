"""The floor: a bare PySide6 window, optionally plus SQLAlchemy and one query.

Prints 'painted T' at the first paint (and 'data T' after the query with
--sql DB), then 'rss KB', and quits. T is time.perf_counter(), which on Linux
is the system-wide monotonic clock, so the parent can subtract its own start.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def current_rss_kb() -> int:
    """Resident memory now (Linux), in KB: the steady state, not the start-up peak."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


class FirstPaint(QObject):
    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self.done = False
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"painted {time.perf_counter()}", flush=True)
            QTimer.singleShot(0, self.then)
        return False


def main() -> int:
    sql_path = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--sql" else None
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1040, 760)

    def after_paint() -> None:
        if sql_path:
            from sqlalchemy import create_engine, text

            engine = create_engine(f"sqlite:///{sql_path}")
            with engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM checkin")).scalar_one()
            window.repaint()
            print(f"data {time.perf_counter()}", flush=True)
        print(f"rss {current_rss_kb()}", flush=True)
        app.quit()

    marks = FirstPaint(after_paint)
    window.installEventFilter(marks)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
