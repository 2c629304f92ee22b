"""Notice when the person has stepped away, without a fast polling timer.

User input only records the time. One single-shot timer is armed for the
moment the lock would be due; when it fires, it checks the clock and either
locks or re-arms for the time still left.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from recovery_app.core.clock import Clock

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timeout = timedelta(0)
        self.last_activity: datetime = clock.now()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    def start(self, minutes: int) -> None:
        self.timeout = timedelta(minutes=minutes)
        self.last_activity = self.clock.now()
        app = QApplication.instance()
        if minutes <= 0 or app is None:
            return
        app.installEventFilter(self)
        self._arm(self.timeout)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.last_activity = self.clock.now()
        return False

    def check(self) -> None:
        """Lock if the idle time has passed; otherwise wait for the rest of it."""
        if self.timeout <= timedelta(0):
            return
        left = self.timeout - (self.clock.now() - self.last_activity)
        if left <= timedelta(0):
            self.stop()
            self.idle.emit()
        else:
            self._arm(left)

    def _arm(self, delay: timedelta) -> None:
        self.timer.start(max(1000, int(delay.total_seconds() * 1000)))
