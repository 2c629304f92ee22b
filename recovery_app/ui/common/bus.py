"""The one place views hear that data changed, with who changed it; no view calls another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # loaded with the first operation, not before the first paint
    from recovery_app.core.changes import Changes


class ChangeBus(QObject):
    changed = Signal(object, object)  # Changes, and the initiator (a view, or None)

    def announce(self, changes: Changes, initiator: object | None = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)
