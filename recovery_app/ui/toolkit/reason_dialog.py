"""Write or change one reason for recovery, in the person's own words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.toolkit.reasons import Reason, validate_reason
from recovery_app.ui.common.form_snapshot import mark_form
from recovery_app.ui.common.style import heading, wrapped
from recovery_app.ui.common.widgets import StatusLine, accepted
from recovery_app.ui.common.windowing import fit_on_screen


class ReasonDialog(QDialog):
    def __init__(self, reason: Reason | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if reason is None:
            mark_form(self, "reason:new")
        self.original = reason or Reason("")
        title = (
            translate("ui.toolkit.reason_dialog", "A reason for recovery")
            if reason is None
            else translate("ui.toolkit.reason_dialog", "Change this reason")
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        fit_on_screen(self, 520, 360)
        self.text = QPlainTextEdit(self.original.text)
        self.text.setAccessibleName(translate("ui.toolkit.reason_dialog", "The reason"))
        self.text.setPlaceholderText(
            translate(
                "ui.toolkit.reason_dialog",
                "e.g. Being there for my kids. Waking up without the fog. My health.",
            )
        )
        self.text.setTabChangesFocus(True)
        self.status = StatusLine(translate("ui.toolkit.reason_dialog", "Message"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1.2))
        layout.addWidget(
            wrapped(
                translate(
                    "ui.toolkit.reason_dialog",
                    "In your own words: why recovery matters to you. It stays on this "
                    "computer and is shown when a craving comes.",
                )
            )
        )
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.result_reason: Reason | None = None
        self.text.setFocus()

    def _check(self) -> None:
        try:
            self.result_reason = validate_reason(Reason(self.text.toPlainText(), self.original.uid))
        except InvalidInput as exc:
            self.status.setText(exc.message)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, reason: Reason | None = None) -> Reason | None:
        dialog = cls(reason, parent)
        return dialog.result_reason if accepted(dialog) else None
