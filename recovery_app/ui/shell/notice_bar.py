"""A calm line at the top of the window for things that concern the whole app.

For example, settings that could not be saved because the disk is full.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from recovery_app.core.i18n import translate


class NoticeBar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setAccessibleName(translate("ui.shell.notice_bar", "Notice"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(translate("ui.shell.notice_bar", "Notice"))
        close = QPushButton(translate("ui.shell.notice_bar", "Dismiss"))
        close.setAccessibleName(translate("ui.shell.notice_bar", "Dismiss the notice"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def say(self, message: str) -> None:
        self.label.setText(message)
        self.show()
