"""Log a craving in a few seconds: strength, triggers, one line, Enter.

What is typed is kept as a draft while typing, so closing the window (or a
crash) loses nothing; the next Ctrl+N brings it back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import ChoiceList
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.storage.journal.ops import add_choice, load_choices, save_entry
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.drafts import DraftKeeper
from recovery_app.ui.common.form_snapshot import mark_form
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.style import heading, wrapped
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.journal.choice_picker import ChoicePicker
from recovery_app.ui.journal.intensity_picker import IntensityPicker

DRAFT_NAME = "quick-capture"


class QuickCaptureDialog(QDialog):
    saved = Signal(object)  # JournalEntry
    detailsRequested = Signal(str)  # uid of the entry just saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        self.setWindowTitle(translate("ui.journal.quick_capture", "Log a craving"))
        self.setAccessibleName(translate("ui.journal.quick_capture", "Log a craving"))
        self.setMinimumWidth(560)
        self.intensity = IntensityPicker()
        self.triggers = ChoicePicker(translate("ui.journal.quick_capture", "triggers"), rows=6)
        self.line = QLineEdit()
        self.line.setPlaceholderText(
            translate("ui.journal.quick_capture", "What's happening? (optional)")
        )
        self.line.setAccessibleName(translate("ui.journal.quick_capture", "What's happening"))
        self.status = StatusLine(translate("ui.journal.quick_capture", "Message"))
        self.save_button = QPushButton(translate("ui.journal.quick_capture", "&Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(translate("ui.journal.quick_capture", "Enter or Ctrl+Enter"))
        self.details_button = QPushButton(
            translate("ui.journal.quick_capture", "Save and add &details…")
        )
        self.discard_button = QPushButton(translate("ui.journal.quick_capture", "Dis&card"))
        self.discard_button.setAccessibleName(
            translate("ui.journal.quick_capture", "Discard this draft")
        )
        for button in (self.save_button, self.details_button, self.discard_button):
            button.setAccessibleName(button.accessibleName() or button.text().replace("&", ""))

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(translate("ui.journal.quick_capture", "Log a craving"), 1.3))
        layout.addWidget(
            wrapped(
                translate(
                    "ui.journal.quick_capture",
                    "You noticed it, and that matters. A few taps now; details can wait.",
                )
            )
        )
        strength = QLabel(translate("ui.journal.quick_capture", "How strong is it? (type 0–10)"))
        strength.setBuddy(self.intensity)
        layout.addWidget(strength)
        layout.addWidget(self.intensity)
        layout.addWidget(
            QLabel(
                translate(
                    "ui.journal.quick_capture", "What set it off? (Space ticks, several are fine)"
                )
            )
        )
        layout.addWidget(self.triggers)
        layout.addWidget(self.line)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.drafts = DraftKeeper(ctx, DRAFT_NAME, self._draft_fields, self)
        mark_form(self, "journal:quick")  # opens again after a lock
        self.save_button.clicked.connect(self.save)
        self.details_button.clicked.connect(lambda: self.save(details=True))
        self.discard_button.clicked.connect(self.discard)
        self.line.returnPressed.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.intensity.valueChanged.connect(lambda _v: self._edited())
        self.triggers.changed.connect(self._edited)
        self.line.textEdited.connect(lambda _t: self._edited())
        self.triggers.connect_adding(self._add_trigger)
        RefreshOnChange(self, ctx.bus, (Record.CHOICES,), self._load_choices)
        self._load_choices()
        self._restore_draft()

    # -- drafts ------------------------------------------------------------
    def _draft_fields(self) -> dict[str, Any] | None:
        fields = {
            "intensity": self.intensity.value(),
            "triggers": self.triggers.checked(),
            "line": self.line.text(),
        }
        return fields if fields["intensity"] is not None or any(fields.values()) else None

    def form_values(self) -> dict[str, Any]:
        """For a lock (``form_snapshot.NamedValues``): what the draft keeps."""
        return self._draft_fields() or {}

    def put_form_values(self, values: dict[str, Any]) -> None:
        if values:
            self._put(values)
            self.drafts.touch()

    def _restore_draft(self) -> None:
        draft = self.drafts.load()
        if draft:
            self._put(draft)

    def _put(self, draft: dict[str, Any]) -> None:
        self.drafts.paused = True
        value = draft.get("intensity")
        self.intensity.setValue(value if isinstance(value, int) and 0 <= value <= 10 else None)
        triggers = draft.get("triggers")
        self.triggers.set_checked(t for t in triggers or [] if isinstance(t, str))
        line = draft.get("line")
        self.line.setText(line if isinstance(line, str) else "")
        self.drafts.paused = False
        self.status.setText(
            translate("ui.journal.quick_capture", "We kept what you started last time.")
        )

    def _edited(self) -> None:
        self.status.clear()
        self.drafts.touch()

    def _load_choices(self) -> None:
        self.triggers.set_choices(load_choices(self.db, ChoiceList.TRIGGERS))

    def _add_trigger(self, name: str) -> str | None:
        try:
            choice = self.ctx.ops.run(
                lambda: add_choice(self.db, ChoiceList.TRIGGERS, name, self.clock.now()), self
            )
        except KnownError as exc:
            self.status.setText(exc.message)
            return None
        return choice.uid

    # -- actions -----------------------------------------------------------
    def entry(self) -> JournalEntry:
        return JournalEntry(
            kind=EntryKind.CRAVING,
            occurred_at=self.clock.now(),
            intensity=self.intensity.value(),
            triggers=tuple(self.triggers.checked()),
            text=self.line.text().strip(),
        )

    def save(self, details: bool = False) -> None:
        try:
            entry = self.ctx.ops.run(
                lambda: save_entry(self.db, self.entry(), self.clock.now()), self
            )
        except KnownError as exc:
            self.status.setText(exc.message)
            (self.intensity if self.intensity.value() is None else self.line).setFocus()
            return
        self.drafts.discard()
        self.saved.emit(entry)
        self.accept()
        if details:
            self.detailsRequested.emit(entry.uid)

    def discard(self) -> None:
        self.drafts.discard()
        self.reject()

    def reject(self) -> None:
        # Closing keeps the draft: it is still there on the next Ctrl+N.
        if self.drafts.timer.isActive():
            self.drafts.save_now()
        super().reject()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.intensity.setFocus(Qt.FocusReason.OtherFocusReason)
