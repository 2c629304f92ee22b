"""A calm line at the top of the window for things that concern the whole app.

For example, settings that could not be saved because the disk is full.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class NoticeBar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setAccessibleName("Notice")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Notice")
        close = QPushButton("Dismiss")
        close.setAccessibleName("Dismiss the notice")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def say(self, message: str) -> None:
        self.label.setText(message)
        self.show()
