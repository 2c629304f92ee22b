"""Bringing a window to the front, the same way everywhere."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    # The offscreen platform (tests, screenshots) has no stacking order to change.
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
    window.activateWindow()
