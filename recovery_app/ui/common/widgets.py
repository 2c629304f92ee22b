"""Small widgets more than one feature uses."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit


def secret_field(name: str) -> QLineEdit:
    """A field whose text is never shown (a passphrase)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


def accepted(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; whether the person accepted it. The dialog is deleted once
    the event loop runs again, so its values can still be read right after."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
