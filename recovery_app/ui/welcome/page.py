"""First run: what the app is, the privacy promise, safety, and an optional start date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.passphrase import new_passphrase_problem
from recovery_app.ui.common.start_date import StartDateChoice, StartDatePicker
from recovery_app.ui.common.style import Card, heading, scrolling_content, wrapped
from recovery_app.ui.common.widgets import secret_field

WELCOME_TEXT = translate(
    "ui.welcome.page",
    "This is a private companion for your recovery. Each day you can do a short "
    "check-in and see how you are doing over time.",
)
PRIVACY_TEXT = translate(
    "ui.welcome.page",
    "Everything you enter stays on this computer. The app never connects to the "
    "internet, and nothing leaves this computer unless you export it yourself.",
)
SAFETY_TEXT = translate(
    "ui.welcome.page",
    "This app is not medical advice and does not replace your doctor or counsellor. "
    "It never tells you how to change a medicine. Stopping a benzodiazepine suddenly "
    "can be dangerous, so please talk with your prescriber first. In an emergency, "
    "call 911 (in the US) or your local emergency number. The Get help button is "
    "always there, on every screen.",
)


class WelcomePage(QWidget):
    finished = Signal(object)  # StartDateChoice
    helpRequested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("ui.welcome.page", "Welcome"))
        outer = scrolling_content(self)
        outer.addWidget(heading(translate("ui.welcome.page", "Welcome"), 1.8))
        outer.addWidget(wrapped(WELCOME_TEXT))
        privacy = Card(translate("ui.welcome.page", "Your data stays with you"))
        privacy.body.addWidget(wrapped(PRIVACY_TEXT))
        safety = Card(translate("ui.welcome.page", "Staying safe"))
        safety.body.addWidget(wrapped(SAFETY_TEXT))
        start = Card(translate("ui.welcome.page", "When did your recovery start? (optional)"))
        start.body.addWidget(
            wrapped(
                translate(
                    "ui.welcome.page",
                    "If you like, the app can count your days. Some people find that "
                    "motivating, others would rather not. Either choice is fine.",
                )
            )
        )
        self.picker = StartDatePicker(None, today)
        start.body.addWidget(self.picker)
        protect = Card(translate("ui.welcome.page", "Protect it with a passphrase? (optional)"))
        protect.body.addWidget(
            wrapped(
                translate(
                    "ui.welcome.page",
                    "A passphrase encrypts everything you write here, and the app locks itself "
                    "when you step away. <b>If you forget it, nobody can recover your data.</b> "
                    "You can also set one later in Your data.",
                )
            )
        )
        self.protect = QCheckBox(
            translate("ui.welcome.page", "Yes, protect my data with a passphrase")
        )
        self.protect.setAccessibleName(
            translate("ui.welcome.page", "Protect my data with a passphrase")
        )
        self.new_passphrase = secret_field(translate("ui.welcome.page", "New passphrase"))
        self.new_passphrase.setPlaceholderText(
            translate("ui.welcome.page", "Passphrase (a few words work well)")
        )
        self.again = secret_field(translate("ui.welcome.page", "New passphrase again"))
        self.again.setPlaceholderText(translate("ui.welcome.page", "Type it again"))
        self.problem = wrapped("")
        self.problem.setAccessibleName(translate("ui.welcome.page", "Problem with the passphrase"))
        protect.body.addWidget(self.protect)
        for widget in (self.new_passphrase, self.again, self.problem):
            protect.body.addWidget(widget)
            widget.setVisible(False)
        self.protect.toggled.connect(self._protect_toggled)
        for card in (privacy, safety, start, protect):
            outer.addWidget(card)
        outer.addStretch(1)
        row = QHBoxLayout()
        self.help_button = QPushButton(translate("ui.welcome.page", "Get help now"))
        self.help_button.setAccessibleName(translate("ui.welcome.page", "Get help now"))
        self.help_button.clicked.connect(self.helpRequested)
        self.begin_button = QPushButton(translate("ui.welcome.page", "Let's begin"))
        self.begin_button.setAccessibleName(translate("ui.welcome.page", "Let's begin"))
        self.begin_button.setDefault(True)
        self.begin_button.clicked.connect(self._begin)
        row.addWidget(self.help_button)
        row.addStretch(1)
        row.addWidget(self.begin_button)
        outer.addLayout(row)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _protect_toggled(self, on: bool) -> None:
        for widget in (self.new_passphrase, self.again):
            widget.setVisible(on)
        self.problem.setVisible(False)
        if on:
            self.new_passphrase.setFocus()

    def passphrase(self) -> str | None:
        return self.new_passphrase.text() if self.protect.isChecked() else None

    def _begin(self) -> None:
        if self.protect.isChecked():
            problem = new_passphrase_problem(self.new_passphrase.text(), self.again.text())
            if problem:
                self.problem.setText(problem)
                self.problem.setVisible(True)
                return
        choice: StartDateChoice = self.picker.choice()
        self.finished.emit(choice)
