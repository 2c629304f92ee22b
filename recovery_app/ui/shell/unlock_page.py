"""Unlock: the passphrase is asked before any of the person's data is read."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.ui.common.style import heading, wrapped


class UnlockPage(QWidget):
    unlockRequested = Signal(str)  # the passphrase; the window derives the key off the UI thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("ui.shell.unlock_page", "Unlock"))
        # A narrow column in the middle of the window, like a sign-in form.
        outer = QHBoxLayout(self)
        column = QWidget()
        column.setMaximumWidth(520)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 48, 24, 48)
        layout.addStretch(1)
        layout.addWidget(heading(translate("ui.shell.unlock_page", "Your data is locked"), 1.5))
        layout.addWidget(
            wrapped(
                translate(
                    "ui.shell.unlock_page",
                    "Enter your passphrase to open it. Get help is available without it.",
                )
            )
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(translate("ui.shell.unlock_page", "Passphrase"))
        self.passphrase.setPlaceholderText(translate("ui.shell.unlock_page", "Passphrase"))
        self.unlock_button = QPushButton(translate("ui.shell.unlock_page", "Unlock"))
        self.unlock_button.setAccessibleName(translate("ui.shell.unlock_page", "Unlock"))
        self.unlock_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("ui.shell.unlock_page", "Unlock status"))
        layout.addWidget(self.status)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.setFocusProxy(self.passphrase)
        self.passphrase.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _submit(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.status.setText(translate("ui.shell.unlock_page", "Please enter your passphrase."))
            return
        self.set_busy(True)
        self.unlockRequested.emit(text)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        if busy:
            self.status.setText(translate("ui.shell.unlock_page", "Unlocking…"))

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.status.setText(message)

    def reset(self) -> None:
        self.passphrase.clear()
        self.status.setText("")
        self.set_busy(False)
