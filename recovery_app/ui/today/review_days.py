"""The one-time review of days answered "yes" to the old question, "Did you use today?".

That question never said that a prescribed dose is not use, so some of those days
may be a taper taken as prescribed. The person ticks the ones that were, and
only those become No; the earlier answer stays in each day's history.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.checkin.checkin import CheckIn
from recovery_app.core.i18n import translate
from recovery_app.ui.common.formatting import long_day
from recovery_app.ui.common.style import heading, scroll_area, wrapped
from recovery_app.ui.common.widgets import accepted
from recovery_app.ui.common.windowing import fit_on_screen

REVIEW_OFFER = translate(
    "ui.today.review_days",
    "Some earlier days were marked as use. If that was your prescribed medicine, you can "
    "change them.",
)


class ReviewDaysDialog(QDialog):
    def __init__(self, days: list[CheckIn], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ui.today.review_days", "Review earlier days"))
        self.setAccessibleName(translate("ui.today.review_days", "Review earlier days"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("ui.today.review_days", "Review earlier days"), 1.2))
        layout.addWidget(
            wrapped(
                translate(
                    "ui.today.review_days",
                    "These days were answered Yes to “Did you use today?”, a question that "
                    "didn't say what “use” meant. Tick each day when what you took was your "
                    "prescribed medicine, a taper included: those days become No. Days you leave "
                    "unticked stay as they are. You can change any day later from its check-in.",
                )
            )
        )
        content = QWidget()
        boxes = QVBoxLayout(content)
        self.boxes: dict[date, QCheckBox] = {}
        for c in days:
            words = translate("ui.today.review_days", "{long_day} · mood {lower}").format(
                long_day=long_day(c.day), lower=c.mood_word.lower()
            )
            if c.note:
                words += f" · “{c.note[:60]}{'…' if len(c.note) > 60 else ''}”"
            box = QCheckBox(words)
            box.setAccessibleName(
                translate("ui.today.review_days", "{long_day} was my prescribed medicine").format(
                    long_day=long_day(c.day)
                )
            )
            boxes.addWidget(box)
            self.boxes[c.day] = box
        boxes.addStretch(1)
        scroll = scroll_area()
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.change_button = buttons.addButton(
            translate("ui.today.review_days", "&Change ticked days to No"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.keep_button = buttons.addButton(
            translate("ui.today.review_days", "&Leave them as they are"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 560, 420)
        if self.boxes:
            next(iter(self.boxes.values())).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Enter takes the safe answer (the button box would pick the change otherwise).
        self.keep_button.setDefault(True)

    def ticked(self) -> list[date]:
        return [day for day, box in self.boxes.items() if box.isChecked()]

    @classmethod
    def ask(cls, days: list[CheckIn], parent: QWidget | None) -> list[date] | None:
        """The days the person ticked, or None when they left them all as they were."""
        dialog = cls(days, parent)
        return dialog.ticked() if accepted(dialog) else None
