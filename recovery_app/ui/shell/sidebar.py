"""The left column: the pages, the reminders button, and Get help, always at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QListWidget, QPushButton, QVBoxLayout


class Sidebar(QFrame):
    """As wide as its longest label needs at the app's text size, and no wider."""

    def __init__(self) -> None:
        super().__init__()
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
        self.appearance_button = QPushButton("Appearance")
        self.appearance_button.setAccessibleName("Appearance: colours and text size")
        self.appearance_button.setToolTip("Light, dark, contrast and text size (Ctrl+,)")
        side = QVBoxLayout(self)
        side.setContentsMargins(12, 16, 8, 16)
        side.addWidget(self.nav, 1)
        side.addStretch(0)  # holds Get help at the bottom while the page list is hidden
        side.addWidget(self.appearance_button)
        side.addWidget(self.reminders_button)
        side.addWidget(self.help_button)
        self.fit_width()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_width()

    def fit_width(self) -> None:
        """Call again once the pages are listed."""
        fm = self.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)  # the selected page is drawn bold
        labels = [self.nav.item(i).text() for i in range(self.nav.count())]
        widest = max(
            [bold_fm.horizontalAdvance(text) for text in labels]
            + [fm.horizontalAdvance(text) for text in ("Reminders (10)", "Appearance", "Get help")]
        )
        icon = round(fm.height() * 1.4)  # icons grow with the text
        self.nav.setIconSize(QSize(icon, icon))
        # item padding and border, the icon's gap, the margins around the list
        self.setFixedWidth(max(180, widest + icon + 3 * fm.height() + 24))
