"""A deliberate confirmation before deleting everything: the person types a word."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.ui.common.style import heading, wrapped

# The word typed to confirm, in the person's language (compared with what they type).
CONFIRM_WORD = translate("ui.data.delete_all_dialog", "delete")


class DeleteAllDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ui.data.delete_all_dialog", "Delete all my data"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(
                translate("ui.data.delete_all_dialog", "Delete everything from this computer?"), 1.2
            )
        )
        layout.addWidget(
            wrapped(
                translate(
                    "ui.data.delete_all_dialog",
                    "Your check-ins, your recovery start date, your settings and every backup "
                    "will be removed. This can't be undone. If you might want them later, "
                    "export them first.",
                )
            )
        )
        layout.addWidget(
            wrapped(
                translate(
                    "ui.data.delete_all_dialog", "To go ahead, type <b>{CONFIRM_WORD}</b> below."
                ).format(CONFIRM_WORD=CONFIRM_WORD)
            )
        )
        self.word = QLineEdit()
        self.word.setAccessibleName(
            translate("ui.data.delete_all_dialog", "Type {CONFIRM_WORD} to confirm").format(
                CONFIRM_WORD=CONFIRM_WORD
            )
        )
        layout.addWidget(self.word)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = self.buttons.addButton(
            translate("ui.data.delete_all_dialog", "Delete everything"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.word.textChanged.connect(
            lambda text: self.delete_button.setEnabled(text.strip().lower() == CONFIRM_WORD)
        )
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        return cls(parent).exec() == QDialog.DialogCode.Accepted
