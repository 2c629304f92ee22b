"""A plain yes/no question and a one-line text question, patchable in tests through
``Confirm.ask`` and ``Confirm.ask_text``."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setText(text)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        # Enter (or a stray key) takes the safe answer: doing nothing.
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        from shiboken6 import isValid

        # A lock that came while it asked deletes its page, and the question with it: no.
        return isValid(box) and box.clickedButton() is yes_button

    @classmethod
    def ask_text(cls, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        """What was typed, or None when the person cancelled."""
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None
