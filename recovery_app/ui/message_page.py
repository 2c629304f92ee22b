"""A calm full-window message: opening, or why the data can't be opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from recovery_app.ui.style import heading, wrapped


class MessagePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        self.title = heading("", 1.4)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = wrapped()
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("Message")
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(2)

    def show_message(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.text.setText(text)
