"""Move one date of a meeting: a new day and time, perhaps another place, a note."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.core.meetings.schedule import DateChange, Occurrence
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.style import wrapped
from recovery_app.ui.common.widgets import accepted


class MoveDateDialog(QDialog):
    def __init__(
        self, occurrence: Occurrence, here: str = "", parent: QWidget | None = None
    ) -> None:
        """``here``: the person's own zone; times are the meeting's, named when they differ."""
        super().__init__(parent)
        self.occurrence = occurrence
        zone = occurrence.meeting.schedule.tz
        self.zone = zone
        local = occurrence.start.astimezone(zone)
        original = occurrence.original.astimezone(zone)
        name = occurrence.meeting.name
        self.setWindowTitle(translate("ui.meetings.move_dialog", "Move {name}").format(name=name))
        self.setAccessibleName(
            translate("ui.meetings.move_dialog", "Move one date of {name}").format(name=name)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                translate(
                    "ui.meetings.move_dialog",
                    (
                        "Only the date of {original:%A %d %B %Y, %H:%M} moves; the rest of the "
                        "schedule stays as it is. Reminders follow the new time."
                    ),
                ).format(original=original)
            )
        )
        form = Form()
        self.when = QDateTimeEdit(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        )
        self.when.setDisplayFormat("dddd d MMMM yyyy, HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(translate("ui.meetings.move_dialog", "New day and time"))
        zone_words = (
            ""
            if zone.key == here or not here
            else translate("ui.meetings.move_dialog", " ({key} time)").format(key=zone.key)
        )
        when_label = QLabel(
            translate("ui.meetings.move_dialog", "New &day and time{zone_words}").format(
                zone_words=zone_words
            )
        )
        when_label.setBuddy(self.when)
        form.addRow(when_label, self.when)
        kept = occurrence.meeting.change_for(occurrence.original)
        self.place = QLineEdit(kept.location if kept is not None else "")
        self.place.setPlaceholderText(
            occurrence.meeting.location or translate("ui.meetings.move_dialog", "The usual place")
        )
        self.place.setAccessibleName(
            translate("ui.meetings.move_dialog", "Where, if somewhere else")
        )
        place_label = QLabel(translate("ui.meetings.move_dialog", "&Where, if different"))
        place_label.setBuddy(self.place)
        form.addRow(place_label, self.place)
        self.note = QLineEdit(occurrence.note)
        self.note.setPlaceholderText(
            translate("ui.meetings.move_dialog", "For example: holiday hours (optional)")
        )
        self.note.setAccessibleName(translate("ui.meetings.move_dialog", "A note about this date"))
        note_label = QLabel(translate("ui.meetings.move_dialog", "&Note"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("ui.meetings.move_dialog", "&Move this date")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.when.setFocus(Qt.FocusReason.OtherFocusReason)

    def change(self) -> DateChange:
        value = self.when.dateTime()
        day, at = value.date(), value.time()
        start = datetime(day.year(), day.month(), day.day(), at.hour(), at.minute(),
                         tzinfo=self.zone)  # fmt: skip
        return DateChange(self.occurrence.original, start, self.place.text().strip(),
                          self.note.text().strip())  # fmt: skip

    @classmethod
    def ask(cls, occurrence: Occurrence, here: str, parent: QWidget | None) -> DateChange | None:
        dialog = cls(occurrence, here, parent)
        return dialog.change() if accepted(dialog) else None
