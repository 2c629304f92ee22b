"""Small widgets more than one feature uses."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)


def secret_field(name: str) -> QLineEdit:
    """A field whose text is never shown (a passphrase)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


class StatusLine(QLabel):
    """A message under a form or a card (an error, a result): wrapped, and taking no
    room while it is empty, so a dialog has no blank band above its buttons."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(name)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def narrow(combo: QComboBox, characters: int = 14) -> QComboBox:
    """A combo box that does not ask for its longest item's width: a long item
    (or a long translation, or 200 % text) would otherwise widen the whole form."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def accepted(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; whether the person accepted it. The dialog is deleted once
    the event loop runs again, so its values can still be read right after. A lock that
    closes the form deletes its page, and the form with it, while this still waits."""
    from shiboken6 import isValid

    try:
        return dialog.exec() == QDialog.DialogCode.Accepted and isValid(dialog)
    finally:
        if isValid(dialog):
            dialog.deleteLater()


def editable_combo(name: str, items: list[str]) -> QComboBox:
    """A list to choose from or type in, named for screen readers twice over: the box
    and the field inside it, which a screen reader reaches on its own."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(items)
    combo.setAccessibleName(name)
    field = combo.lineEdit()
    if field is not None:
        field.setAccessibleName(name)
    return combo
