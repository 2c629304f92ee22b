"""Python's cycle collector, run only on the main thread.

Left automatic, a collection can start on whichever thread happens to allocate,
a backup or export worker included; a Qt object freed there (a window with a
running timer, a cursor that blinks) is destroyed on the wrong thread, which Qt
warns about and which can crash. So automatic collection is off while the app
runs, and this collects on the main thread, at the thresholds Python itself uses
(checked a few times a second; a collection of the young generation is quick).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


def collect_due() -> int | None:
    """Collect the oldest generation whose count passed its threshold; which one, if any."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = None
    for generation in range(3):
        if counts[generation] > thresholds[generation]:
            due = generation
    if due is not None:
        gc.collect(due)
    return due


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(collect_due)
        self.timer.start()
