"""What a screen reader is told a custom-painted widget is (its role).

Qt names a plain ``QWidget`` a "client" area, which says nothing. A widget class
that paints something of its own registers its role here; the factory then gives
its instances an interface with that role, the widget's own accessible name and
description (the reading of a chart, say) and its place in the tree. The factory
is asked only while a screen reader (or another assistive tool) is listening.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_ROLES: dict[type, QAccessible.Role] = {}


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    role = _ROLES.get(type(obj))
    if role is None or not isinstance(obj, QWidget):
        return None
    return QAccessibleWidget(obj, role, "")


def give_role(widget_class: type[QWidget], role: QAccessible.Role) -> None:
    """Instances of ``widget_class`` are presented with ``role`` (Chart, Animation...)."""
    if not _ROLES:
        QAccessible.installFactory(_factory)
    _ROLES[widget_class] = role
