"""Asking for a passphrase to set, change or remove, with the plain warnings that go with it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.core.passphrase import new_passphrase_problem
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.style import heading, wrapped
from recovery_app.ui.common.widgets import secret_field

TEXTS = {
    "set": (
        translate("ui.data.passphrase_dialog", "Protect your data with a passphrase"),
        translate(
            "ui.data.passphrase_dialog",
            "Your data and backups will be encrypted. You will enter the passphrase each time "
            "the app opens or locks. <b>If you forget it, nobody can recover your data</b> — "
            "not even the people who make this app. Consider writing it down somewhere safe.",
        ),
    ),
    "change": (
        translate("ui.data.passphrase_dialog", "Change your passphrase"),
        translate(
            "ui.data.passphrase_dialog",
            "Your data and backups will be encrypted again with the new passphrase. "
            "<b>If you forget it, nobody can recover your data.</b>",
        ),
    ),
    "remove": (
        translate("ui.data.passphrase_dialog", "Remove the passphrase"),
        translate(
            "ui.data.passphrase_dialog",
            "Your data and backups will no longer be encrypted. Anyone who can open files in "
            "your account on this computer could then read them.",
        ),
    ),
    "backup": (
        translate("ui.data.passphrase_dialog", "The passphrase of this backup"),
        translate(
            "ui.data.passphrase_dialog",
            "This backup was made while your data had another passphrase. Enter the passphrase "
            "it was made with. After the restore, your data opens with that passphrase; you can "
            "change it afterwards.",
        ),
    ),
}
# Asked for: a current passphrase (not for "set"), and a new one twice ("set" and "change").
ASKS_CURRENT = {"change", "remove", "backup"}
ASKS_NEW = {"set", "change"}


@dataclass(frozen=True)
class PassphraseRequest:
    action: str  # "set", "change" or "remove"
    current: str | None
    new: str | None


class PassphraseDialog(QDialog):
    def __init__(self, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        title, warning = TEXTS[action]
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1.2))
        layout.addWidget(wrapped(warning))
        form = Form()
        self.current = secret_field(translate("ui.data.passphrase_dialog", "Current passphrase"))
        self.new = secret_field(translate("ui.data.passphrase_dialog", "New passphrase"))
        self.again = secret_field(translate("ui.data.passphrase_dialog", "New passphrase again"))
        if action in ASKS_CURRENT:
            form.addRow(
                translate("ui.data.passphrase_dialog", "Backup's passphrase")
                if action == "backup"
                else translate("ui.data.passphrase_dialog", "Current passphrase"),
                self.current,
            )
        if action in ASKS_NEW:
            form.addRow(translate("ui.data.passphrase_dialog", "New passphrase"), self.new)
            form.addRow(translate("ui.data.passphrase_dialog", "Type it again"), self.again)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(
            translate("ui.data.passphrase_dialog", "Problem with the passphrase")
        )
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def problem_with_input(self) -> str:
        if self.action in ASKS_CURRENT and not self.current.text():
            return translate("ui.data.passphrase_dialog", "Please enter the passphrase.")
        if self.action in ASKS_NEW:
            return new_passphrase_problem(self.new.text(), self.again.text())
        return ""

    def _check(self) -> None:
        problem = self.problem_with_input()
        self.problem.setText(problem)
        if not problem:
            self.accept()

    def request(self) -> PassphraseRequest:
        return PassphraseRequest(
            self.action,
            self.current.text() if self.action in ASKS_CURRENT else None,
            self.new.text() if self.action in ASKS_NEW else None,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, action: str) -> PassphraseRequest | None:
        from shiboken6 import isValid

        dialog = cls(action, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not isValid(dialog):
            return None  # a lock closed it, and its page with it
        request = dialog.request() if accepted else None
        for field in (dialog.current, dialog.new, dialog.again):
            field.clear()  # nothing typed stays in a window after it was read
        dialog.deleteLater()
        return request
