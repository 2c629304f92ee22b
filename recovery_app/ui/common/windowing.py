"""Bringing a window to the front, the same way everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from recovery_app.ui.common.style import text_scale

if TYPE_CHECKING:  # loads with the first use: this module is on the launch path
    from PySide6.QtWidgets import QScrollArea


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    # The offscreen platform (tests, screenshots) has no stacking order to change.
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
    window.activateWindow()


def fit_on_screen(window: QWidget, width: int, height: int, grow: bool = True) -> None:
    """Open ``window`` at ``width`` x ``height`` (wider at large text, which needs the
    room; not with ``grow=False``, for a size the person chose), or smaller where the
    screen is smaller (a small laptop, or large text): never with its buttons off
    the screen."""
    width = round(width * text_scale()) if grow else width
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height() - 40)
    window.resize(width, height)


def scrolled_off(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas holding ``widget`` in which none of it shows (its first 20 px)."""
    from PySide6.QtWidgets import QScrollArea

    found = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            viewport = parent.viewport()
            top = widget.mapTo(viewport, widget.rect().topLeft()).y()
            if top + min(widget.height(), 20) <= 0 or top >= viewport.height():
                found.append(parent)
        parent = parent.parentWidget()
    return found


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every area holding ``widget`` until some of it shows (a field reached by
    Alt+letter or Tab while scrolled off). One that shows already is left where it is,
    so a click never makes the page jump."""
    for area in scrolled_off(widget):
        area.ensureWidgetVisible(widget, 0, 24)
