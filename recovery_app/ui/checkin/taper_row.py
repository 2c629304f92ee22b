"""The check-in's taper question, shown only while there is a taper plan: were today's
doses taken as planned, different (the day's total, as typed) or missed? A different
dose is recorded as just that, never as a slip."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.taper.plan import DOSE_WORDS, DoseDay, DoseTaken
from recovery_app.storage.db import Database
from recovery_app.storage.taper.ops import current_plan, dose_days
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import wrapped

_t = translate


class TaperToday(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.question = wrapped(_t("ui.checkin.taper_row", "My taper today"))
        self.question.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.question)
        self.planned = wrapped()
        layout.addWidget(self.planned)
        self.group = QButtonGroup(self)
        row = FlowRow()
        self.buttons: dict[DoseTaken, QRadioButton] = {}
        for value in DoseTaken:
            button = QRadioButton(DOSE_WORDS[value])
            button.setAccessibleName(
                _t("ui.checkin.taper_row", "My taper today: {words}").format(
                    words=DOSE_WORDS[value]
                )
            )
            self.group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button)
            button.toggled.connect(lambda _on: self._toggled())
        layout.addLayout(row)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(_t("ui.checkin.taper_row", "all you took today, e.g. 0.75"))
        self.amount.setAccessibleName(_t("ui.checkin.taper_row", "Total taken today"))
        self.amount.textChanged.connect(lambda _t: self.changed.emit())
        amount_label = QLabel(_t("ui.checkin.taper_row", "&Total taken today"))
        amount_label.setBuddy(self.amount)
        layout.addWidget(amount_label)
        layout.addWidget(self.amount)
        self.not_a_slip = wrapped(
            _t(
                "ui.checkin.taper_row",
                "A dose different from your plan is kept as just that, never as a slip. If "
                "the plan is hard to follow, your prescriber can slow or pause it.",
            )
        )
        self.not_a_slip.setObjectName("muted")
        layout.addWidget(self.not_a_slip)
        self.amount_label = amount_label
        self._note = ""

    def _toggled(self) -> None:
        different = self.buttons[DoseTaken.DIFFERENT].isChecked()
        for widget in (self.amount, self.amount_label, self.not_a_slip):
            widget.setVisible(different)
        self.changed.emit()

    def load(self, db: Database, day: date) -> None:
        """Show the question only while there is a plan, with that day's answer."""
        plan = current_plan(db)
        step = plan.step_on(day) if plan else None
        self.setVisible(step is not None)
        if plan is None or step is None:
            return
        doses = "; ".join(f"{d.when} {d.amount} {plan.unit}".strip() for d in step.doses)
        self.planned.setText(_t("ui.checkin.taper_row", "Planned: {doses}.").format(doses=doses))
        noted = dose_days(db, day, day)
        known = noted[0] if noted else None
        self.group.setExclusive(False)
        for value, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(known is not None and known.taken is value)
            button.blockSignals(False)
        self.group.setExclusive(True)
        self.amount.blockSignals(True)
        self.amount.setText(known.amount if known else "")
        self.amount.blockSignals(False)
        self._note = known.note if known else ""
        self._toggled()

    def answer(self, day: date) -> DoseDay | None:
        """The day's answer, or None when the question is hidden or not answered."""
        if not self.isVisibleTo(self.parentWidget() or self):
            return None
        chosen = next((v for v, b in self.buttons.items() if b.isChecked()), None)
        if chosen is None:
            return None
        return DoseDay(day, chosen, self.amount.text(), self._note)
