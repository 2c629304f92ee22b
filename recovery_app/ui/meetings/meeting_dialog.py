"""Add or edit a meeting: what, where, when it repeats, and its reminders.

A preview shows the next dates as they are typed, and says so plainly when a
schedule has no future dates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.clock import Clock, to_local, zone_name
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.meetings.schedule import (
    KIND_WORDS,
    NTH_WORDS,
    WEEKDAY_NAMES,
    WEEKDAY_SHORT,
    Meeting,
    MeetingKind,
    Repeat,
    Schedule,
    parse_reminders,
    validate_meeting,
)
from recovery_app.core.meetings.zones import zone_names
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.form_snapshot import mark_form
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.style import heading, scroll_area, wrapped
from recovery_app.ui.common.widgets import StatusLine, editable_combo, narrow
from recovery_app.ui.common.windowing import fit_on_screen

REPEAT_WORDS = {
    Repeat.WEEKLY: translate("ui.meetings.meeting_dialog", "Weekly, on the days I choose"),
    Repeat.MONTHLY_WEEKDAY: translate(
        "ui.meetings.meeting_dialog", "Monthly, on a weekday (like the first Tuesday)"
    ),
    Repeat.MONTHLY_DAY: translate(
        "ui.meetings.meeting_dialog", "Monthly, on a date (like the 15th)"
    ),
    Repeat.ONCE: translate("ui.meetings.meeting_dialog", "Just once"),
}


class MeetingDialog(QDialog):
    def __init__(self, meeting: Meeting | None, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        mark_form(self, f"meeting:{meeting.uid}" if meeting is not None else "meeting:new")
        self.clock = clock
        today = clock.now().date()
        self.original = meeting or Meeting(
            "", MeetingKind.TWELVE_STEP,
            Schedule(Repeat.WEEKLY, today, time(19, 0), 60, zone_name(clock),
                     weekdays=(today.weekday(),)),
        )  # fmt: skip
        title = (
            translate("ui.meetings.meeting_dialog", "Add a meeting")
            if meeting is None
            else translate("ui.meetings.meeting_dialog", "Edit meeting")
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        fit_on_screen(self, 600, 720)
        self.result_meeting: Meeting | None = None

        self.name = QLineEdit()
        self.name.setPlaceholderText(
            translate("ui.meetings.meeting_dialog", "e.g. NA Tuesday group")
        )
        self.name.setAccessibleName(translate("ui.meetings.meeting_dialog", "Meeting name"))
        self.kind = narrow(QComboBox())
        self.kind.setAccessibleName(translate("ui.meetings.meeting_dialog", "Kind of meeting"))
        for kind, words in KIND_WORDS.items():
            self.kind.addItem(words, kind.value)
        self.in_person = QRadioButton(translate("ui.meetings.meeting_dialog", "In person"))
        self.online = QRadioButton(translate("ui.meetings.meeting_dialog", "Online"))
        places = QButtonGroup(self)
        places.addButton(self.in_person)
        places.addButton(self.online)
        self.location = QLineEdit()
        self.location.setAccessibleName(translate("ui.meetings.meeting_dialog", "Address or link"))
        self.repeat = narrow(QComboBox())
        self.repeat.setAccessibleName(translate("ui.meetings.meeting_dialog", "How often"))
        for repeat, words in REPEAT_WORDS.items():
            self.repeat.addItem(words, repeat.value)
        self.first_day = QDateEdit()
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("ddd d MMM yyyy")
        self.first_day.setAccessibleName(translate("ui.meetings.meeting_dialog", "First date"))
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(translate("ui.meetings.meeting_dialog", "Start time"))
        self.duration = QSpinBox()
        self.duration.setRange(1, 24 * 60)
        self.duration.setSuffix(translate("ui.meetings.meeting_dialog", " minutes"))
        self.duration.setAccessibleName(
            translate("ui.meetings.meeting_dialog", "How long, in minutes")
        )
        self.zone = narrow(
            editable_combo(
                translate("ui.meetings.meeting_dialog", "Time zone"), sorted(zone_names())
            )
        )
        self.every = QSpinBox()
        self.every.setRange(1, 52)
        self.every.setAccessibleName(
            translate("ui.meetings.meeting_dialog", "Every how many weeks or months")
        )
        self.days: list[QPushButton] = []
        day_row = FlowRow()
        for name, short in zip(WEEKDAY_NAMES, WEEKDAY_SHORT, strict=True):
            button = QPushButton(short)
            button.setCheckable(True)
            button.setAccessibleName(name)
            self.days.append(button)
            day_row.addWidget(button)
        self.day_widget = QWidget()
        self.day_widget.setLayout(day_row)
        self.nth = narrow(QComboBox())
        self.nth.setAccessibleName(
            translate("ui.meetings.meeting_dialog", "Which week of the month")
        )
        for value, words in NTH_WORDS.items():
            self.nth.addItem(words.capitalize(), value)
        self.month_day = QSpinBox()
        self.month_day.setRange(1, 31)
        self.month_day.setAccessibleName(
            translate("ui.meetings.meeting_dialog", "Day of the month")
        )
        self.reminders = QLineEdit()
        self.reminders.setAccessibleName(
            translate("ui.meetings.meeting_dialog", "Reminders, minutes before")
        )
        self.reminders.setPlaceholderText(
            translate("ui.meetings.meeting_dialog", "e.g. 15, 60 (leave empty for none)")
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(translate("ui.meetings.meeting_dialog", "Notes"))
        self.notes.setMaximumHeight(90)
        self.paused = QCheckBox(
            translate("ui.meetings.meeting_dialog", "Paused (no reminders for now)")
        )
        self.preview = wrapped()
        self.preview.setAccessibleName(translate("ui.meetings.meeting_dialog", "Next dates"))
        self.status = StatusLine(translate("ui.meetings.meeting_dialog", "Message"))

        form = Form()
        form.addRow(translate("ui.meetings.meeting_dialog", "&Name"), self.name)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Kind"), self.kind)
        where = QHBoxLayout()
        where.addWidget(self.in_person)
        where.addWidget(self.online)
        where.addStretch(1)
        form.addRow(translate("ui.meetings.meeting_dialog", "Where"), where)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Address or link"), self.location)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Repeats"), self.repeat)
        form.addRow(translate("ui.meetings.meeting_dialog", "&First date"), self.first_day)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Time"), self.start)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Lasts"), self.duration)
        form.addRow(translate("ui.meetings.meeting_dialog", "Time &zone"), self.zone)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Every"), self.every)
        form.addRow(translate("ui.meetings.meeting_dialog", "On"), self.day_widget)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Which"), self.nth)
        form.addRow(translate("ui.meetings.meeting_dialog", "&Day of month"), self.month_day)
        self.ends = QCheckBox(translate("ui.meetings.meeting_dialog", "The series ends on"))
        self.ends.setAccessibleName(translate("ui.meetings.meeting_dialog", "The series ends"))
        self.last_day = QDateEdit()
        self.last_day.setCalendarPopup(True)
        self.last_day.setDisplayFormat("ddd d MMM yyyy")
        self.last_day.setAccessibleName(translate("ui.meetings.meeting_dialog", "Last date"))
        self.last_day.setEnabled(False)
        self.ends.toggled.connect(self.last_day.setEnabled)
        self.end_widget = QWidget()
        end_row = FlowRow(self.end_widget)
        end_row.setContentsMargins(0, 0, 0, 0)
        end_row.addWidget(self.ends)
        end_row.addWidget(self.last_day)
        end_row.add_stretch()
        form.addRow(translate("ui.meetings.meeting_dialog", "Ends"), self.end_widget)
        form.addRow(
            translate("ui.meetings.meeting_dialog", "Re&minders (minutes before)"), self.reminders
        )
        form.addRow(translate("ui.meetings.meeting_dialog", "N&otes"), self.notes)
        form.addRow("", self.paused)
        self.form = form
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(heading(title, 1.3))
        inner.addLayout(form)
        inner.addWidget(self.preview)
        # Room to spare goes below the form, not into its rows (a blank band under Ends).
        inner.addStretch(1)
        scroll = scroll_area()
        scroll.setWidget(content)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._fill(self.original)
        self.name.setFocus()  # the keyboard starts in the first field
        signals = (self.repeat.currentIndexChanged, self.first_day.dateChanged,
                   self.ends.toggled, self.last_day.dateChanged,
                   self.start.timeChanged, self.every.valueChanged,
                   self.nth.currentIndexChanged, self.month_day.valueChanged,
                   self.zone.currentTextChanged, self.paused.toggled)  # fmt: skip
        for signal in signals:
            signal.connect(lambda *_: self._changed())
        for button in self.days:
            button.toggled.connect(lambda _v: self._changed())
        self.online.toggled.connect(lambda _v: self._place_hint())
        self._changed()

    def _fill(self, m: Meeting) -> None:
        s = m.schedule
        self.name.setText(m.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(m.kind.value)))
        (self.online if m.online else self.in_person).setChecked(True)
        self.location.setText(m.location)
        self.repeat.setCurrentIndex(max(0, self.repeat.findData(s.repeat.value)))
        self.first_day.setDate(QDate(s.first_day.year, s.first_day.month, s.first_day.day))
        end = s.last_day or s.first_day + timedelta(days=365)
        self.last_day.setDate(QDate(end.year, end.month, end.day))
        self.ends.setChecked(s.last_day is not None)
        self.start.setTime(QTime(s.start.hour, s.start.minute))
        self.duration.setValue(s.duration_minutes)
        self.zone.setCurrentText(s.zone)
        self.every.setValue(s.interval)
        for index, button in enumerate(self.days):
            button.setChecked(index in s.weekdays)
        self.nth.setCurrentIndex(max(0, self.nth.findData(s.nth)))
        self.month_day.setValue(s.month_day)
        self.reminders.setText(", ".join(str(r) for r in m.reminders))
        self.notes.setPlainText(m.notes)
        self.paused.setChecked(m.paused)
        self._place_hint()

    def _place_hint(self) -> None:
        self.location.setPlaceholderText(
            translate(
                "ui.meetings.meeting_dialog", "A link, kept as text to copy (the app opens nothing)"
            )
            if self.online.isChecked()
            else translate("ui.meetings.meeting_dialog", "An address")
        )

    def schedule(self) -> Schedule:
        """The schedule the form says (not yet checked)."""
        day = self.first_day.date()
        when = self.start.time()
        repeat = Repeat(self.repeat.currentData())
        return Schedule(
            repeat=repeat,
            first_day=date(day.year(), day.month(), day.day()),
            start=time(when.hour(), when.minute()),
            duration_minutes=self.duration.value(),
            zone=self.zone.currentText().strip(),
            interval=self.every.value(),
            weekdays=tuple(i for i, b in enumerate(self.days) if b.isChecked()),
            nth=int(self.nth.currentData()),
            month_day=self.month_day.value(),
            last_day=self._last_day(repeat),
        )

    def meeting(self) -> Meeting:
        """What the form says; raises ``KnownError`` for what can't be a meeting."""
        schedule = self.schedule()
        meeting = replace(
            self.original,
            # Skipped and moved dates the new schedule still has stay; the others go.
            changes=self.original.changes_that_fit(schedule),
            name=self.name.text().strip(),
            kind=MeetingKind(self.kind.currentData()),
            schedule=schedule,
            location=self.location.text().strip(),
            online=self.online.isChecked(),
            reminders=parse_reminders(self.reminders.text()),
            notes=self.notes.toPlainText().strip(),
            paused=self.paused.isChecked(),
        )
        validate_meeting(meeting)
        return meeting

    def _last_day(self, repeat: Repeat) -> date | None:
        if repeat is Repeat.ONCE or not self.ends.isChecked():
            return None
        day = self.last_day.date()
        return date(day.year(), day.month(), day.day())

    def _changed(self) -> None:
        repeat = Repeat(self.repeat.currentData())
        for widget, shown in ((self.every, repeat is not Repeat.ONCE),
                              (self.day_widget, repeat is Repeat.WEEKLY),
                              (self.nth, repeat is Repeat.MONTHLY_WEEKDAY),
                              (self.month_day, repeat is Repeat.MONTHLY_DAY),
                              (self.end_widget, repeat is not Repeat.ONCE)):  # fmt: skip
            widget.setVisible(shown)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(shown)
        one = self.every.value() == 1
        if repeat is Repeat.WEEKLY:
            week = translate("ui.meetings.meeting_dialog", " week")
            suffix = week if one else translate("ui.meetings.meeting_dialog", " weeks")
        else:
            month = translate("ui.meetings.meeting_dialog", " month")
            suffix = month if one else translate("ui.meetings.meeting_dialog", " months")
        self.every.setSuffix(suffix)
        try:
            # Only the schedule's own problems here: a name not typed yet is said at Save.
            schedule = self.schedule()
            validate_meeting(Meeting("preview", MeetingKind.OTHER, schedule))
        except KnownError as exc:
            self.preview.setText(exc.message)
            return
        now = self.clock.now()
        starts: list[datetime] = []
        moment = now
        for _ in range(4):
            found = schedule.next_start(moment)
            if found is None:
                break
            starts.append(found)
            moment = found + timedelta(minutes=1)
        if not starts:
            self.preview.setText(
                translate(
                    "ui.meetings.meeting_dialog",
                    "⚠ This schedule has no future dates. Check the first date, or choose "
                    "“Just once” for a date still to come.",
                )
            )
            return
        dates = ", ".join(f"{to_local(s, self.clock):%a %d %b %H:%M}" for s in starts)
        self.preview.setText(
            translate("ui.meetings.meeting_dialog", "{describe}.\nNext: {dates}.").format(
                describe=schedule.describe(), dates=dates
            )
        )

    def save(self) -> None:
        try:
            self.result_meeting = self.meeting()
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, clock: Clock, meeting: Meeting | None = None
    ) -> Meeting | None:
        dialog = cls(meeting, clock, parent)
        dialog.exec()
        return dialog.result_meeting
