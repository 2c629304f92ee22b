"""Small widgets more than one feature uses."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def secret_field(name: str) -> QLineEdit:
    """A field whose text is never shown (a passphrase)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit
