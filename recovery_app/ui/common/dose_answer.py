"""How the day's taper doses went: taken as planned, different (the day's total, as
typed) or missed. One widget for the check-in's question and the taper diary's Today
card. A different dose is recorded as just that, never as a slip."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.taper.plan import DOSE_WORDS, DoseDay, DoseTaken, TaperPlan, doses_words
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import wrapped

_C = "ui.common.dose_answer"


class DoseAnswer(QWidget):
    changed = Signal()

    def __init__(
        self, title: str = "", with_note: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.question = wrapped(title)
        self.question.setStyleSheet("font-weight: bold;")
        self.question.setVisible(bool(title))
        layout.addWidget(self.question)
        self.planned = wrapped()
        layout.addWidget(self.planned)
        self.group = QButtonGroup(self)
        row = FlowRow()
        self.buttons: dict[DoseTaken, QRadioButton] = {}
        for value in DoseTaken:
            button = QRadioButton(DOSE_WORDS[value])
            self.group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button)
            button.toggled.connect(lambda _on: self._toggled())
        layout.addLayout(row)
        self.amount = QLineEdit()
        self.amount.textChanged.connect(lambda _text: self.changed.emit())
        self.amount_label = QLabel()
        self.amount_label.setBuddy(self.amount)
        self._words_for(is_today=True)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.amount)
        self.not_a_slip = wrapped(
            translate(
                _C,
                "A dose different from your plan is kept as just that, never as a slip. If "
                "the plan is hard to follow, tell your prescriber: they can slow or pause it.",
            )
        )
        self.not_a_slip.setObjectName("muted")
        layout.addWidget(self.not_a_slip)
        # Where the note isn't asked for here, the day's stored note is kept as it is.
        self.note: QLineEdit | None = None
        if with_note:
            self.note = QLineEdit()
            self.note.setAccessibleName(translate(_C, "Note about today's doses"))
            self.note.textChanged.connect(lambda _text: self.changed.emit())
            note_label = QLabel(translate(_C, "N&ote"))
            note_label.setBuddy(self.note)
            layout.addWidget(note_label)
            layout.addWidget(self.note)
        self._kept_note = ""
        # Changed by the person since it was filled in: only then is it theirs to save,
        # and a newer answer kept elsewhere (the other page) doesn't replace it.
        self.touched = False
        self.changed.connect(self._touch)
        self._toggled()

    def _touch(self) -> None:
        self.touched = True

    def _toggled(self) -> None:
        different = self.buttons[DoseTaken.DIFFERENT].isChecked()
        for widget in (self.amount, self.amount_label, self.not_a_slip):
            widget.setVisible(different)  # hidden, not a tab stop, when it doesn't apply
        self.changed.emit()

    def _words_for(self, is_today: bool) -> None:
        if is_today:
            total = translate(_C, "Total taken today")
            self.amount.setPlaceholderText(translate(_C, "all you took today, e.g. 0.75"))
            self.amount_label.setText(translate(_C, "&Total taken today"))
        else:
            total = translate(_C, "Total taken that day")
            self.amount.setPlaceholderText(translate(_C, "all you took that day, e.g. 0.75"))
            self.amount_label.setText(translate(_C, "&Total taken that day"))
        self.amount.setAccessibleName(total)
        for value, button in self.buttons.items():
            words = (
                translate(_C, "My taper today: {words}")
                if is_today
                else translate(_C, "My taper that day: {words}")
            )
            button.setAccessibleName(words.format(words=DOSE_WORDS[value]))

    def show_plan(self, plan: TaperPlan, day: date, is_today: bool = True) -> bool:
        """Say what is planned on ``day``; False when the plan has no step that day."""
        self._words_for(is_today)
        step = plan.step_on(day)
        if step is None:
            first = plan.steps[0].starts
            self.planned.setText(
                translate(_C, "Your plan starts on {day}.").format(day=f"{first.day} {first:%b %Y}")
            )
            return False
        planned = (
            translate(_C, "Planned for today: {doses}.")
            if is_today
            else translate(_C, "Planned that day: {doses}.")
        )
        self.planned.setText(planned.format(doses=doses_words(step, plan.unit)))
        return True

    def set_answer(self, known: DoseDay | None) -> None:
        """Show a stored answer (or none), without counting it as an edit."""
        self.set_fields(
            {
                "taken": known.taken.value if known else None,
                "amount": known.amount if known else "",
                "note": known.note if known else "",
            }
        )
        self.touched = False

    def chosen(self) -> DoseTaken | None:
        return next((v for v, b in self.buttons.items() if b.isChecked()), None)

    def answer(self, day: date) -> DoseDay | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        note = self.note.text() if self.note is not None else self._kept_note
        return DoseDay(day, chosen, self.amount.text(), note)

    # -- a draft -----------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        chosen = self.chosen()
        return {
            "taken": chosen.value if chosen else None,
            "amount": self.amount.text(),
            "note": self.note.text() if self.note is not None else self._kept_note,
        }

    def set_fields(self, fields: dict[str, Any]) -> None:
        """Put values back (a draft's: the person's own answer, so ``touched``); anything
        that doesn't fit is left out, never guessed."""
        taken = fields.get("taken")
        chosen = DoseTaken(taken) if taken in {t.value for t in DoseTaken} else None
        self.blockSignals(True)
        self.group.setExclusive(False)  # an exclusive group can't be emptied
        for value, button in self.buttons.items():
            button.setChecked(value is chosen)
        self.group.setExclusive(True)
        amount, note = fields.get("amount"), fields.get("note")
        self.amount.setText(amount if isinstance(amount, str) else "")
        self._kept_note = note if isinstance(note, str) else ""
        if self.note is not None:
            self.note.setText(self._kept_note)
        self._toggled()
        self.blockSignals(False)
        self.touched = True
