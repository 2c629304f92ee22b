"""The card that puts the right crisis line first, above a form: shown at once, read
aloud for a screen reader, with focus on "Get help now" (PHQ-9 question 9, a
withdrawal warning sign)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.ui.common.style import set_primary, wrapped


class HelpNowCard(QFrame):
    helpRequested = Signal()

    def __init__(self, words: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callout")
        self.setAccessibleName(translate("ui.common.help_now", "Help now"))
        layout = QVBoxLayout(self)
        self.words = wrapped(words)
        self.words.setObjectName("warning")
        layout.addWidget(self.words)
        self.help_button = QPushButton(translate("ui.common.help_now", "&Get help now (F1)"))
        set_primary(self.help_button)
        self.help_button.clicked.connect(self.helpRequested)
        layout.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def present(self, words: str | None = None, announce: bool = True) -> None:
        """Show (with new ``words``); with ``announce``, say it aloud and move focus to Get
        help once the key that led here is done (an arrow key moves focus itself)."""
        if words is not None:
            self.words.setText(words)
        self.show()
        if announce:
            QTimer.singleShot(0, self.help_button.setFocus)
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self.words.text()))
