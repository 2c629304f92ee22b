"""Shows a reminder outside the window where the desktop can: D-Bus on Linux, else the tray.

Whether or not this works, every reminder is also in the in-app list.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from recovery_app import APP_NAME
from recovery_app.core.i18n import translate

log = logging.getLogger(__name__)


class DesktopNotifier(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon(), self)
            self.tray.setToolTip(APP_NAME)
            # No argument: the reason is a ``Qt`` enum, which may not be loaded yet.
            self.tray.activated.connect(self._raise)
            from PySide6.QtWidgets import QMenu

            menu = QMenu(window)
            menu.addAction(translate("ui.shell.notifier", "Open Recovery Companion"), self._raise)
            cravings = getattr(window, "cravings", None)
            if cravings is not None:
                menu.addAction(
                    translate("ui.shell.notifier", "I'm having a craving"), cravings.open
                )
            quit_app = getattr(window, "quit_app", None)
            if quit_app is not None:
                menu.addAction(translate("ui.shell.notifier", "Quit"), quit_app)
            self.tray.setContextMenu(menu)
            self.tray.show()

    def _raise(self) -> None:
        from recovery_app.ui.common.windowing import bring_to_front

        bring_to_front(self.window)

    def show(self, title: str, body: str) -> str:
        """Try each way; returns the one that took it ("" if none: the list still has it)."""
        if sys.platform.startswith("linux") and self._dbus(title, body):
            return "dbus"
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15000)
            return "tray"
        return ""

    def _dbus(self, title: str, body: str) -> bool:
        try:
            from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        service = "org.freedesktop.Notifications"
        face = QDBusInterface(service, "/org/freedesktop/Notifications", service, bus)
        if not face.isValid():
            return False
        arguments = [APP_NAME, 0, "", title, body, [], {}, 15000]
        reply = face.callWithArgumentList(
            QDBus.CallMode.Block,
            "Notify",
            arguments,  # the D-Bus method: never translated
        )
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            log.info("desktop notification refused over D-Bus")
            return False
        return True
