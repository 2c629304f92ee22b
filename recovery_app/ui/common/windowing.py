"""Bringing a window to the front, the same way everywhere."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

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


class _OneTabStop(QObject):
    """Tab leaves a date or time field at once. Qt's own Tab walks its day, month and
    year first, three stops where people expect one; the arrow keys still move between
    those parts, and typing goes from one to the next as before."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and isinstance(watched, QDateTimeEdit)
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            backward = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            QWidget.focusNextPrevChild(watched, not backward)
            return True
        return False


@cache
def _tab_filter() -> _OneTabStop:
    return _OneTabStop()


def one_tab_stop(widget: QWidget) -> None:
    """A date or time field that just took focus: Tab moves on from it in one press."""
    if isinstance(widget, QDateTimeEdit):
        widget.installEventFilter(_tab_filter())  # once: installing again replaces it
