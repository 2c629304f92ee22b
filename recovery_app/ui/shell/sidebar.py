"""The left column: the pages, the reminders button, and Get help, always at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QListWidget, QPushButton, QVBoxLayout


class Sidebar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setFixedWidth(214)
        self.nav = QListWidget()
        self.nav.setObjectName("sidebar")
        self.nav.setAccessibleName("Pages")
        self.nav.setIconSize(QSize(22, 22))
        self.help_button = QPushButton("&Get help")
        self.help_button.setObjectName("getHelp")
        self.help_button.setAccessibleName("Get help now")
        self.help_button.setToolTip("Crisis lines and support (F1)")
        self.reminders_button = QPushButton("Reminders")
        self.reminders_button.setAccessibleName("Reminders")
        self.reminders_button.setToolTip("Your reminders (Ctrl+R)")
        self.reminders_button.hide()
        side = QVBoxLayout(self)
        side.setContentsMargins(12, 16, 8, 16)
        side.addWidget(self.nav, 1)
        side.addStretch(0)  # holds Get help at the bottom while the page list is hidden
        side.addWidget(self.reminders_button)
        side.addWidget(self.help_button)
