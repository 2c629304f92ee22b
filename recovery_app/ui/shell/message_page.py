"""A calm full-window message: opening, or why the data can't be opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.ui.common.style import heading, wrapped


class MessagePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Centred and selectable through the style sheet: this page shows before
        # the first paint, when the Qt enum namespace is not loaded yet.
        self.setStyleSheet(
            "QLabel { qproperty-alignment: AlignCenter; "
            "qproperty-textInteractionFlags: TextSelectableByMouse; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        self.title = heading("", 1.4)
        self.text = wrapped()
        self.text.setAccessibleName(translate("ui.shell.message_page", "Message"))
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.action = QPushButton()
        self.action.hide()
        self._on_action: Callable[[], None] | None = None
        self.action.clicked.connect(self._act)
        self.second = QPushButton()  # a second choice, when there is one
        self.second.hide()
        self.on_second: Callable[[], None] | None = None
        self.second.clicked.connect(self._second)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.second)
        row.addWidget(self.action)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_message(
        self,
        title: str,
        text: str,
        action: str = "",
        on_action: Callable[[], None] | None = None,
    ) -> None:
        """Show ``title`` and ``text``; with ``action``, a button that calls ``on_action``."""
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.text.setText(text)
        self.action.setText(action)
        self.action.setAccessibleName(action)
        self.action.setVisible(bool(action))
        self._on_action = on_action
        self.second.hide()
        self.on_second = None

    def _act(self) -> None:
        act, self._on_action = self._on_action, None  # once: a second click does nothing
        if act is not None:
            act()

    def _second(self) -> None:
        act, self.on_second = self.on_second, None
        if act is not None:
            act()
