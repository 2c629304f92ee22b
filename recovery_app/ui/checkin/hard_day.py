"""After a hard check-in, the reply is a hand, not "Done": the person's own people, then
Get help.

A hard check-in is mood "very low", a craving of 7 or more, or use outside the plan
(``CheckIn.is_hard``). The words never judge; they offer.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from recovery_app.core.checkin.checkin import HARD_CRAVING, CheckIn
from recovery_app.core.errors import KnownError
from recovery_app.core.help.contacts import ContactKind
from recovery_app.core.i18n import translate
from recovery_app.storage.help.ops import contacts
from recovery_app.storage.toolkit.ops import current_plan
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.requests import GetHelp, LogCraving, RideOutCraving
from recovery_app.ui.common.style import Card, set_primary, wrapped


def reply_words(c: CheckIn) -> str:
    if c.is_slip:
        return translate(
            "ui.checkin.hard_day",
            "Thank you for telling the truth about today. A slip doesn't undo the days you "
            "have done, and you don't have to carry it alone: talking to someone now can help.",
        )
    if (c.craving or 0) >= HARD_CRAVING:
        return translate(
            "ui.checkin.hard_day",
            "That is a strong craving. Cravings rise and pass, often within half an hour. "
            "Reaching someone, or logging it and what set it off, can help you ride it out.",
        )
    return translate(
        "ui.checkin.hard_day",
        "It sounds like a hard day. You don't have to get through it alone: the people "
        "below, or a help line, are a message or a call away.",
    )


class HardDayReply(Card):
    """Shown under the check-in after it is saved, only on a hard day."""

    requested = Signal(object)  # a ui.common.requests value

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("ui.checkin.hard_day", "You're not alone today"), parent)
        self.ctx = ctx
        self.words = wrapped()
        self.words.setAccessibleName(translate("ui.checkin.hard_day", "A reply to your check-in"))
        self.body.addWidget(self.words)
        self.people = QGridLayout()
        self.people.setColumnStretch(0, 1)
        self.body.addLayout(self.people)
        self.no_people = wrapped(
            translate(
                "ui.checkin.hard_day",
                "You can add the people you'd call on a hard day (a sponsor, a friend, your "
                "doctor) in Get help. They stay on this computer.",
            )
        )
        self.body.addWidget(self.no_people)
        self.copied = wrapped()
        self.copied.setAccessibleName(translate("ui.checkin.hard_day", "Copy status"))
        self.body.addWidget(self.copied)
        self.help_button = QPushButton(translate("ui.checkin.hard_day", "Get help now (F1)"))
        self.help_button.setAccessibleName(translate("ui.checkin.hard_day", "Get help now"))
        self.help_button.clicked.connect(lambda: self.requested.emit(GetHelp()))
        self.craving_button = QPushButton(translate("ui.checkin.hard_day", "Log a craving"))
        self.craving_button.setAccessibleName(translate("ui.checkin.hard_day", "Log a craving"))
        self.craving_button.clicked.connect(lambda: self.requested.emit(LogCraving()))
        self.ride_button = QPushButton(
            translate("ui.checkin.hard_day", "Ride it out: timer and skills (Ctrl+Shift+H)")
        )
        self.ride_button.setAccessibleName(
            translate("ui.checkin.hard_day", "Ride out the craving with a timer and skills")
        )
        self.ride_button.clicked.connect(lambda: self.requested.emit(RideOutCraving()))
        self.plan_button = QPushButton(translate("ui.checkin.hard_day", "My safety plan"))
        self.plan_button.setAccessibleName(
            translate("ui.checkin.hard_day", "My safety plan, in Get help")
        )
        self.plan_button.clicked.connect(lambda: self.requested.emit(GetHelp()))
        row = FlowRow()
        row.addWidget(self.ride_button)
        row.addWidget(self.plan_button)
        row.addWidget(self.help_button)
        row.addWidget(self.craving_button)
        row.add_stretch()
        self.body.addLayout(row)
        self.hide()

    def answer(self, c: CheckIn | None) -> None:
        """Show the reply for a check-in just saved (hidden when the day wasn't hard)."""
        if c is None or not c.is_hard:
            self.hide()
            return
        self.words.setText(reply_words(c))
        # A strong craving now: riding it out comes first.
        set_primary(self.ride_button, (c.craving or 0) >= HARD_CRAVING)
        plan = current_plan(self.ctx.db)
        self.plan_button.setVisible(plan is not None and plan.has_safety_plan())
        self._show_people()
        self.copied.hide()
        self.show()

    def _show_people(self) -> None:
        while (item := self.people.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        try:
            people = [p for p in contacts(self.ctx.db) if p.kind is ContactKind.PERSONAL]
        except KnownError:
            people = []
        self.no_people.setVisible(not people)
        for row, person in enumerate(people[:5]):
            who = " · ".join(p for p in (person.name, person.role) if p)
            label = QLabel(f"{who}: {person.phone}")
            label.setWordWrap(True)
            label.setAccessibleName(f"{who}, {person.phone}")
            copy = QPushButton(translate("ui.checkin.hard_day", "Copy number"))
            copy.setAccessibleName(
                translate("ui.checkin.hard_day", "Copy the number for {name}").format(
                    name=person.name
                )
            )
            copy.clicked.connect(lambda _=False, p=person: self._copy(p.name, p.phone))
            self.people.addWidget(label, row, 0)
            self.people.addWidget(copy, row, 1)

    def _copy(self, name: str, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.copied.setText(
            translate("ui.checkin.hard_day", "Copied {name}'s number, {number}.").format(
                name=name, number=number
            )
        )
        self.copied.show()
