"""Opens the journal's dialogs (quick capture, the full form, the lists) over a window.

One journal dialog is open at a time; opening another closes the first (which
keeps its draft). The shell gives each form its F1 when it takes focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from recovery_app.ui.common.context import AppContext

if TYPE_CHECKING:
    from recovery_app.core.journal.entries import JournalEntry
    from recovery_app.ui.journal.choices_dialog import ChoicesDialog
    from recovery_app.ui.journal.entry_dialog import EntryDialog
    from recovery_app.ui.journal.quick_capture import QuickCaptureDialog

D = TypeVar("D", bound=QDialog)


class JournalActions(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.dialog: QDialog | None = None

    def _show(self, dialog: D) -> D:
        self.close_dialog()
        self.dialog = dialog
        dialog.open()  # window-modal, returns at once
        return dialog

    def close_dialog(self) -> None:
        """Close the open form (its draft is kept), e.g. before the data closes."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def log_craving(self) -> QuickCaptureDialog:
        from recovery_app.ui.journal.quick_capture import QuickCaptureDialog

        dialog = QuickCaptureDialog(self.ctx, self.window)
        dialog.detailsRequested.connect(self.edit)
        return self._show(dialog)

    # The journal's storage loads with the first form, not before Today shows.
    def write(self) -> EntryDialog:
        from recovery_app.core.journal.entries import EntryKind, JournalEntry

        now = self.ctx.clock.now()
        return self._open_form(JournalEntry(kind=EntryKind.JOURNAL, occurred_at=now))

    def open_new(self, entry: JournalEntry) -> EntryDialog:
        """A new entry, filled in already (from the craving flow), to check and save."""
        return self._open_form(entry)

    def edit(self, uid: str) -> EntryDialog | None:
        from recovery_app.storage.journal.ops import load_entry

        entry = load_entry(self.ctx.db, uid)
        return None if entry is None else self._open_form(entry)

    def _open_form(self, entry: JournalEntry) -> EntryDialog:
        from recovery_app.ui.journal.entry_dialog import EntryDialog

        return self._show(EntryDialog(self.ctx, entry, self.window))

    def manage_choices(self) -> ChoicesDialog:
        from recovery_app.ui.journal.choices_dialog import ChoicesDialog

        return self._show(ChoicesDialog(self.ctx, self.window))
