"""The left column: the pages, the reminders button, and Get help, always at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QFrame, QListWidget, QPushButton, QVBoxLayout

from recovery_app.core.i18n import translate
from recovery_app.ui.common.wrapping import WrappingButton


class Sidebar(QFrame):
    """As wide as its longest label needs at the app's text size, and no wider."""

    def __init__(self) -> None:
        super().__init__()
        self.nav = QListWidget()
        self.nav.setObjectName("sidebar")
        self.nav.setAccessibleName(translate("ui.shell.sidebar", "Pages"))
        self.nav.setIconSize(QSize(22, 22))
        # Capped at a quarter of the screen, a long name ends in "…" (its tooltip has it
        # whole) instead of the list scrolling sideways.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.help_button = QPushButton(translate("ui.shell.sidebar", "&Get help"))
        self.help_button.setObjectName("getHelp")
        self.help_button.setAccessibleName(translate("ui.shell.sidebar", "Get help now"))
        self.help_button.setToolTip(translate("ui.shell.sidebar", "Crisis lines and support (F1)"))
        # Their words wrap: a long translation at 200 % would otherwise be cut.
        self.reminders_button = WrappingButton(
            translate("ui.shell.sidebar", "Reminders"), centred=True
        )
        self.reminders_button.setAccessibleName(translate("ui.shell.sidebar", "Reminders"))
        self.reminders_button.setToolTip(translate("ui.shell.sidebar", "Your reminders (Ctrl+R)"))
        self.reminders_button.hide()
        self.craving_button = WrappingButton(
            translate("ui.shell.sidebar", "I'm having a craving"), centred=True
        )
        self.craving_button.setObjectName("craving")
        self.craving_button.setAccessibleName(
            translate("ui.shell.sidebar", "I'm having a craving: ride it out")
        )
        self.craving_button.setToolTip(
            translate("ui.shell.sidebar", "A timer, breathing and quick skills (Ctrl+Shift+H)")
        )
        self.appearance_button = WrappingButton(
            translate("ui.shell.sidebar", "Appearance"), centred=True
        )
        self.appearance_button.setAccessibleName(
            translate("ui.shell.sidebar", "Appearance: colours and text size")
        )
        self.appearance_button.setToolTip(
            translate("ui.shell.sidebar", "Light, dark, contrast and text size (Ctrl+,)")
        )
        side = QVBoxLayout(self)
        side.setContentsMargins(12, 16, 8, 16)
        side.addWidget(self.nav, 1)
        side.addStretch(0)  # holds Get help at the bottom while the page list is hidden
        side.addWidget(self.appearance_button)
        side.addWidget(self.craving_button)
        side.addWidget(self.reminders_button)
        side.addWidget(self.help_button)
        self.fit_width()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_width()

    def fit_width(self) -> None:
        """Call again once the pages are listed. As wide as the longest page name or
        button needs, but never more than a quarter of the screen: the page comes
        first (a long translation at 200 % took a third)."""
        fm = self.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)  # the selected page is drawn bold
        labels = [self.nav.item(i).text() for i in range(self.nav.count())]
        icon = round(fm.height() * 1.4)  # icons grow with the text
        self.nav.setIconSize(QSize(icon, icon))
        # item padding and border, the icon's gap, the margins around the list
        pages = max([bold_fm.horizontalAdvance(text) for text in labels] or [0])
        pages += icon + 3 * fm.height() + 24
        buttons = max(
            bold_fm.horizontalAdvance(translate("ui.shell.sidebar", "Get help")) + icon,
            fm.horizontalAdvance(translate("ui.shell.sidebar", "Reminders (10)")),
            fm.horizontalAdvance(translate("ui.shell.sidebar", "Appearance")),
        )
        buttons += 2 * fm.height() + 24  # the button's padding, the margins
        screen = self.screen() or QGuiApplication.primaryScreen()
        most = screen.availableGeometry().width() // 4 if screen is not None else 400
        self.setFixedWidth(max(180, min(most, max(pages, buttons))))
