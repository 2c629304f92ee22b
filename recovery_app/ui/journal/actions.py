"""Opens the journal's dialogs (quick capture, the full form, the lists) for the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from recovery_app.core.clock import Clock
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.storage.db import Database
from recovery_app.ui.common.bus import DataHub
from recovery_app.ui.journal.store import load_entry

if TYPE_CHECKING:
    from recovery_app.ui.journal.choices_dialog import ChoicesDialog
    from recovery_app.ui.journal.entry_dialog import EntryDialog
    from recovery_app.ui.journal.quick_capture import QuickCaptureDialog

D = TypeVar("D", bound=QDialog)


class JournalActions(QObject):
    def __init__(self, db: Database, hub: DataHub, clock: Clock, window: QWidget) -> None:
        super().__init__(window)
        self.db, self.hub, self.clock, self.window = db, hub, clock, window
        self.dialog: QDialog | None = None

    def _show(self, dialog: D) -> D:
        if self.dialog is not None:
            self.dialog.close()  # closing keeps its draft
            self.dialog.deleteLater()
        self.dialog = dialog
        help_key_for = getattr(self.window, "help_key_for", None)
        if help_key_for is not None:
            help_key_for(dialog)
        dialog.open()  # window-modal, returns at once
        return dialog

    def log_craving(self) -> QuickCaptureDialog:
        from recovery_app.ui.journal.quick_capture import QuickCaptureDialog

        dialog = QuickCaptureDialog(self.db, self.hub, self.clock, self.window)
        dialog.detailsRequested.connect(self.edit)
        return self._show(dialog)

    def write(self) -> EntryDialog:
        return self._open_form(JournalEntry(kind=EntryKind.JOURNAL, occurred_at=self.clock.now()))

    def edit(self, uid: str) -> EntryDialog | None:
        entry = load_entry(self.db, uid)
        return None if entry is None else self._open_form(entry)

    def _open_form(self, entry: JournalEntry) -> EntryDialog:
        from recovery_app.ui.journal.entry_dialog import EntryDialog

        return self._show(EntryDialog(self.db, self.hub, self.clock, entry, self.window))

    def manage_choices(self) -> ChoicesDialog:
        from recovery_app.ui.journal.choices_dialog import ChoicesDialog

        return self._show(ChoicesDialog(self.db, self.hub, self.clock, self.window))
