"""Choose or clear the recovery start date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.ui.common.style import wrapped


@dataclass(frozen=True)
class StartDateChoice:
    start: date | None  # None: the person would rather not count days


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class StartDatePicker(QWidget):
    """A date plus the real choice of not counting days at all."""

    def __init__(self, current: date | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit(to_qdate(current or today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setMaximumDate(to_qdate(today))
        self.date_edit.setMinimumDate(QDate(1950, 1, 1))
        self.date_edit.setAccessibleName(translate("ui.common.start_date", "Recovery start date"))
        self.no_count = QCheckBox(translate("ui.common.start_date", "I'd rather not count days"))
        self.no_count.setAccessibleName(
            translate("ui.common.start_date", "I'd rather not count days")
        )
        self.no_count.toggled.connect(lambda on: self.date_edit.setEnabled(not on))
        layout.addWidget(self.date_edit)
        layout.addWidget(self.no_count)

    def choice(self) -> StartDateChoice:
        if self.no_count.isChecked():
            return StartDateChoice(None)
        return StartDateChoice(from_qdate(self.date_edit.date()))


class StartDateDialog(QDialog):
    def __init__(self, current: date | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ui.common.start_date", "Recovery start date"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                translate(
                    "ui.common.start_date",
                    "Counting days helps some people and not others. Either is fine, "
                    "and you can change this any time.",
                )
            )
        )
        self.picker = StartDatePicker(current, today, self)
        self.picker.no_count.setChecked(current is None)
        layout.addWidget(self.picker)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls, parent: QWidget | None, current: date | None, today: date
    ) -> StartDateChoice | None:
        """The new choice, or None if the person cancelled."""
        dialog = cls(current, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.picker.choice()
