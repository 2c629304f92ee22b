"""Meetings: my meetings with their next date, the agenda, attendance, calendar files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSystemTrayIcon,
    QTimeEdit,
    QWidget,
)

from recovery_app import autostart
from recovery_app.core.changes import Record
from recovery_app.core.clock import to_local, today, zone_name
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.meetings.ics import IcsImport
from recovery_app.core.meetings.schedule import (
    ATTENDED_WORDS,
    DateChange,
    Meeting,
    Occurrence,
    agenda,
)
from recovery_app.storage.exchange.ops import (
    add_calendar_meetings,
    export_calendar,
    preview_calendar,
)
from recovery_app.storage.meetings.ops import (
    change_date,
    delete_meeting,
    meetings_and_history,
    restore_meeting,
    save_meeting,
    set_paused,
)
from recovery_app.ui.common.card_list import CardList
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import OpenFileDialog, SaveFileDialog
from recovery_app.ui.common.flow import FlowRow, button_row
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.style import Card, heading, scrolling_content, wrapped
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.meetings.import_preview import ImportPreviewDialog
from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
from recovery_app.ui.meetings.move_dialog import MoveDateDialog

UID_ROLE = Qt.ItemDataRole.UserRole


def _timed_reminder(
    words: str, name: str, stored: str, usual: str
) -> tuple[QCheckBox, QTimeEdit, FlowRow]:
    """A reminder's "on" box and its time of day (``stored`` "HH:MM", or "" for off)."""
    box = QCheckBox(words)
    at = QTimeEdit()
    at.setDisplayFormat("HH:mm")
    at.setAccessibleName(name)
    box.setChecked(bool(stored))
    at.setTime(QTime.fromString(stored or usual, "HH:mm"))
    at.setEnabled(bool(stored))
    row = FlowRow()
    row.addWidget(box)
    row.addWidget(at)
    return box, at, row


class MeetingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        settings = ctx.settings.values
        checkin_reminder = settings.checkin_reminder
        # None: this desktop has no tray to keep running in.
        keep_in_tray = settings.keep_in_tray if QSystemTrayIcon.isSystemTrayAvailable() else None
        self.setAccessibleName(translate("ui.meetings.page", "Meetings"))
        self._undo: list[tuple[str, Callable[[], None]]] = []  # what Undo does, newest last
        self._occurrences: list[Occurrence] = []
        outer = scrolling_content(self)
        top = FlowRow()
        top.addWidget(heading(translate("ui.meetings.page", "Meetings")))
        top.add_stretch()
        self.add_button = QPushButton(translate("ui.meetings.page", "&Add a meeting…"))
        self.add_button.setAccessibleName(translate("ui.meetings.page", "Add a meeting"))
        top.addWidget(self.add_button)
        outer.addLayout(top)

        mine = Card(translate("ui.meetings.page", "My meetings"))
        self.empty = wrapped(
            translate(
                "ui.meetings.page",
                "No meetings yet. Add your groups (NA, AA, SMART Recovery, therapy...) and the app "
                "will remind you before each one and ask afterwards how it went.",
            )
        )
        self.empty.setAccessibleName(translate("ui.meetings.page", "No meetings yet"))
        self.list = CardList(translate("ui.meetings.page", "My meetings"), most_rows=6)
        self.edit_button = QPushButton(translate("ui.meetings.page", "&Edit…"))
        self.pause_button = QPushButton(translate("ui.meetings.page", "&Pause / resume"))
        self.delete_button = QPushButton(translate("ui.meetings.page", "De&lete"))
        row = button_row(self.edit_button, self.pause_button, self.delete_button)
        self.undo_bar = QFrame()
        self.undo_label = QLabel()
        self.undo_button = QPushButton(translate("ui.meetings.page", "&Undo"))
        self.undo_button.setAccessibleName(translate("ui.meetings.page", "Undo"))
        bar = QHBoxLayout(self.undo_bar)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        for widget in (self.empty, self.list):
            mine.body.addWidget(widget)
        mine.body.addLayout(row)
        mine.body.addWidget(self.undo_bar)
        outer.addWidget(mine)

        coming = Card(translate("ui.meetings.page", "Coming up"))
        self.span = QComboBox()
        self.span.addItem(translate("ui.meetings.page", "Next 7 days"), 7)
        self.span.addItem(translate("ui.meetings.page", "Next 30 days"), 30)
        self.span.setAccessibleName(translate("ui.meetings.page", "Agenda period"))
        self.agenda = CardList(translate("ui.meetings.page", "Agenda"), most_rows=7)
        coming.body.addWidget(self.span)
        coming.body.addWidget(self.agenda)
        self.skip_button = QPushButton(translate("ui.meetings.page", "S&kip this date"))
        self.move_button = QPushButton(translate("ui.meetings.page", "&Move this date…"))
        self.unchange_button = QPushButton(translate("ui.meetings.page", "As &scheduled"))
        self.unchange_button.setToolTip(
            translate("ui.meetings.page", "Put a skipped or moved date back as scheduled")
        )
        coming.body.addLayout(button_row(self.skip_button, self.move_button, self.unchange_button))
        outer.addWidget(coming)

        went = Card(translate("ui.meetings.page", "Attendance"))
        self.history = CardList(translate("ui.meetings.page", "Attendance history"), most_rows=5)
        went.body.addWidget(self.history)
        outer.addWidget(went)

        options = Card(translate("ui.meetings.page", "Reminders and calendars"))
        self.checkin_on, self.checkin_time, reminder_row = _timed_reminder(
            translate("ui.meetings.page", "Remind me to check in each day at"),
            translate("ui.meetings.page", "Daily check-in reminder time"),
            checkin_reminder,
            "20:00",
        )
        reminder_row.addWidget(QLabel(translate("ui.meetings.page", "(only if you haven't yet)")))
        reminder_row.add_stretch()
        options.body.addLayout(reminder_row)
        self.questionnaires_on, self.questionnaires_time, row = _timed_reminder(
            translate("ui.meetings.page", "Questionnaires every two weeks, at"),
            translate("ui.meetings.page", "Questionnaire reminder time"),
            settings.questionnaire_reminder,
            "19:00",
        )
        row.add_stretch()
        options.body.addLayout(row)
        hint = wrapped(
            translate(
                "ui.meetings.page",
                "A reminder to fill in the PHQ-9 and GAD-7, two weeks from today or from the "
                "last one you filled in, whichever is later.",
            )
        )
        hint.setObjectName("muted")
        options.body.addWidget(hint)
        self.keep_in_tray = QCheckBox(
            translate("ui.meetings.page", "Keep running in the tray when the window is closed")
        )
        self.keep_in_tray.setChecked(bool(keep_in_tray))
        self.keep_in_tray.setEnabled(keep_in_tray is not None)
        if keep_in_tray is None:
            self.keep_in_tray.setToolTip(translate("ui.meetings.page", "This desktop has no tray."))
        options.body.addWidget(self.keep_in_tray)
        self.start_at_login = QCheckBox(
            translate("ui.meetings.page", "Start when I log in, so reminders come")
        )
        self.start_at_login.setChecked(settings.start_at_login)
        if not autostart.available():
            self.start_at_login.setEnabled(False)
            self.start_at_login.setToolTip(
                translate("ui.meetings.page", "Not available on this system yet.")
            )
        options.body.addWidget(self.start_at_login)
        self.reminder_details = QCheckBox(
            translate("ui.meetings.page", "Name the meeting in desktop notices")
        )
        self.reminder_details.setChecked(settings.reminder_details)
        options.body.addWidget(self.reminder_details)
        details_hint = wrapped(
            translate(
                "ui.meetings.page",
                "Off, a notice only says “You have a reminder”: anyone near the screen can "
                "read it. The list in the app always says what each one is.",
            )
        )
        details_hint.setObjectName("muted")
        options.body.addWidget(details_hint)
        files = FlowRow()
        self.export_button = QPushButton(
            translate("ui.meetings.page", "Export to a calendar file (.ics)…")
        )
        self.import_button = QPushButton(
            translate("ui.meetings.page", "Import from a calendar file (.ics)…")
        )
        for button in (self.export_button, self.import_button):
            button.setAccessibleName(button.text().rstrip("…"))
            files.addWidget(button)
        files.add_stretch()
        options.body.addLayout(files)
        self.status = StatusLine(translate("ui.meetings.page", "Message"))
        options.body.addWidget(self.status)
        outer.addWidget(options)
        outer.addStretch(1)
        self._wire()
        self.refresh()

    def _wire(self) -> None:
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(self._edit_current)
        self.list.itemActivated.connect(lambda _item: self._edit_current())
        self.pause_button.clicked.connect(self.toggle_pause)
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button.clicked.connect(self.undo)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo)
        self.skip_button.clicked.connect(self.skip_date)
        self.move_button.clicked.connect(self.move_date)
        self.unchange_button.clicked.connect(self.as_scheduled)
        self.agenda.currentRowChanged.connect(lambda _row: self._date_buttons())
        self.span.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(self.export_calendar)
        self.import_button.clicked.connect(self.import_calendar)
        self.checkin_on.toggled.connect(self._checkin_changed)
        self.checkin_time.timeChanged.connect(lambda _t: self._checkin_changed())
        self.questionnaires_on.toggled.connect(self._questionnaires_changed)
        self.questionnaires_time.timeChanged.connect(lambda _t: self._questionnaires_changed())
        self.keep_in_tray.toggled.connect(lambda on: self.ctx.settings.update(keep_in_tray=on))
        self.start_at_login.toggled.connect(self._start_at_login_changed)
        self.reminder_details.toggled.connect(
            lambda on: self.ctx.settings.update(reminder_details=on)
        )
        RefreshOnChange(self, self.ctx.bus, (Record.MEETINGS,), self.refresh)

    # -- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.clock.now()
        self.meetings, history = meetings_and_history(self.db)
        current = self.current_uid()
        self.list.clear()
        for m in self.meetings:
            next_one = None if m.paused else m.next_occurrence(now)
            upcoming = None if next_one is None else next_one.start
            if m.paused:
                when = translate("ui.meetings.page", "paused")
            elif upcoming is None:
                when = translate("ui.meetings.page", "⚠ no future dates: edit the schedule")
            else:
                when = translate("ui.meetings.page", "next: {when:%a %d %b, %H:%M}").format(
                    when=to_local(upcoming, self.clock)
                )
            text = m.name + "\n"
            text += translate("ui.meetings.page", "{schedule} · {when}").format(
                schedule=m.schedule.describe(), when=when
            )
            if m.location and m.online:
                text += "\n" + translate("ui.meetings.page", "Online: {where}").format(
                    where=m.location
                )
            elif m.location:
                text += "\n" + translate("ui.meetings.page", "At: {where}").format(where=m.location)
            item = QListWidgetItem(text)
            item.setData(UID_ROLE, m.uid)
            self.list.addItem(item)
            if m.uid == current:
                self.list.setCurrentItem(item)
        has = bool(self.meetings)
        self.empty.setVisible(not has)
        self.list.setVisible(has)
        for button in (self.edit_button, self.pause_button, self.delete_button):
            button.setEnabled(has)
        if has and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self._show_agenda(now)
        self.history.clear()
        for record in history:
            local = to_local(record.starts_at, self.clock)
            note = f" · {record.note}" if record.note else ""
            self.history.addItem(
                f"{local:%a %d %b %Y, %H:%M}  {record.meeting_name}\n"
                f"{ATTENDED_WORDS[record.status]}{note}"
            )
        if not history:
            self.history.add_note(
                translate("ui.meetings.page", "After a meeting, the app asks whether you went.")
            )

    def _show_agenda(self, now: datetime) -> None:
        """Coming dates, with the skipped ones shown struck out so they can be put back."""
        days = int(self.span.currentData())
        chosen = self._chosen()
        self._occurrences = agenda(self.meetings, now, days)
        until = now + timedelta(days=days)
        skipped = [
            (c.original, m)
            for m in self.meetings
            if not m.paused
            for c in m.changes
            if c.skipped and now <= c.original < until
        ]
        rows: list[tuple[datetime, str, Occurrence | None, tuple[str, datetime] | None]] = []
        for o in self._occurrences:
            local = to_local(o.start, self.clock)
            details = [o.location] if o.location else []
            if o.moved:
                details.append(
                    translate("ui.meetings.page", "moved from {to_local:%a %d %b, %H:%M}").format(
                        to_local=to_local(o.original, self.clock)
                    )
                )
            if o.note:
                details.append(o.note)
            text = f"{local:%a %d %b, %H:%M}  {o.meeting.name}"
            text += "".join(["\n", " · ".join(details)]) if details else ""
            rows.append((o.start, text, o, (o.meeting.uid, o.original)))
        for original, m in skipped:
            local = to_local(original, self.clock)
            rows.append(
                (
                    original,
                    f"{local:%a %d %b, %H:%M}  {m.name}\n"
                    + translate("ui.meetings.page", "Skipped"),
                    None,
                    (m.uid, original),
                )
            )
        self.agenda.clear()
        for _start, text, _o, key in sorted(rows, key=lambda r: r[0]):
            item = QListWidgetItem(text)
            item.setData(UID_ROLE, key)
            self.agenda.addItem(item)
            if key == chosen:
                self.agenda.setCurrentItem(item)
        if not rows:
            self.agenda.add_note(translate("ui.meetings.page", "Nothing in this period."))
        elif self.agenda.currentRow() < 0:
            self.agenda.setCurrentRow(0)  # the date buttons act on a date that shows
        self._date_buttons()

    def _chosen(self) -> tuple[str, datetime] | None:
        item = self.agenda.currentItem()
        key = item.data(UID_ROLE) if item is not None else None
        return key if isinstance(key, tuple) else None

    def _chosen_occurrence(self) -> tuple[Meeting, datetime, Occurrence | None] | None:
        key = self._chosen()
        if key is None:
            return None
        uid, original = key
        meeting = next((m for m in self.meetings if m.uid == uid), None)
        if meeting is None:
            return None
        found = next((o for o in self._occurrences
                      if o.meeting.uid == uid and o.original == original), None)  # fmt: skip
        return meeting, original, found

    def _date_buttons(self) -> None:
        chosen = self._chosen_occurrence()
        changed = chosen is not None and chosen[0].change_for(chosen[1]) is not None
        self.skip_button.setEnabled(chosen is not None and chosen[2] is not None)
        self.move_button.setEnabled(chosen is not None)
        self.unchange_button.setEnabled(changed)

    def skip_date(self) -> None:
        chosen = self._chosen_occurrence()
        if chosen is None or chosen[2] is None:
            return
        meeting, original, _o = chosen
        when = to_local(original, self.clock)
        self._change(
            meeting,
            original,
            DateChange(original),
            translate("ui.meetings.page", "{name} on {when:%a %d %b} is skipped.").format(
                name=meeting.name, when=when
            ),
        )

    def move_date(self) -> None:
        chosen = self._chosen_occurrence()
        if chosen is None:
            return
        meeting, original, found = chosen
        occurrence = found or Occurrence(meeting, original, original, meeting.location)
        change = MoveDateDialog.ask(occurrence, zone_name(self.clock), self)
        if change is None:
            return
        when = to_local(change.start or original, self.clock)
        self._change(
            meeting,
            original,
            change,
            translate("ui.meetings.page", "{name} moved to {when:%a %d %b, %H:%M}.").format(
                name=meeting.name, when=when
            ),
        )

    def as_scheduled(self) -> None:
        chosen = self._chosen_occurrence()
        if chosen is None:
            return
        meeting, original, _o = chosen
        when = to_local(original, self.clock)
        self._change(
            meeting,
            original,
            None,
            translate("ui.meetings.page", "{name} on {when:%a %d %b} is back as scheduled.").format(
                name=meeting.name, when=when
            ),
        )

    def _change(
        self, meeting: Meeting, original: datetime, change: DateChange | None, done: str
    ) -> None:
        now = self.clock.now()
        try:
            before = self.ctx.ops.run(
                lambda: change_date(self.db, meeting.uid, original, change, now), self
            )
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.refresh()

        def undo() -> None:
            self.ctx.ops.run(
                lambda: change_date(self.db, meeting.uid, original, before, self.clock.now()),
                self,
            )

        self._push_undo(done, undo)

    def _push_undo(self, words: str, action: Callable[[], None]) -> None:
        self._undo.append((words, action))
        self.undo_label.setText(words)
        self.undo_bar.show()

    def current_uid(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(UID_ROLE)) if item is not None else None

    def _current(self) -> Meeting | None:
        uid = self.current_uid()
        return next((m for m in self.meetings if m.uid == uid), None)

    # -- changes ---------------------------------------------------------------------
    def edit(self, meeting: Meeting | None) -> None:
        changed = MeetingDialog.ask(self, self.clock, meeting)
        if changed is not None:
            self.save(changed)

    def save(self, meeting: Meeting) -> None:
        try:
            self.ctx.ops.run(lambda: save_meeting(self.db, meeting, self.clock.now()), self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.refresh()
        self.status.setText(
            translate("ui.meetings.page", "Saved {name}.").format(name=meeting.name)
        )
        for row in range(self.list.count()):
            if self.list.item(row).data(UID_ROLE) == meeting.uid:
                self.list.setCurrentRow(row)

    def _edit_current(self) -> None:
        meeting = self._current()
        if meeting is not None:
            self.edit(meeting)

    def toggle_pause(self) -> None:
        meeting = self._current()
        if meeting is None:
            return
        pause = not meeting.paused
        self.ctx.ops.run(lambda: set_paused(self.db, meeting.uid, pause, self.clock.now()), self)
        self.refresh()
        self.status.setText(
            translate("ui.meetings.page", "{name} is {value}.").format(
                name=meeting.name, value="paused: no reminders" if pause else "active again"
            )
        )

    def delete_current(self) -> None:
        meeting = self._current()
        if meeting is None:
            return
        self.ctx.ops.run(lambda: delete_meeting(self.db, meeting.uid, self.clock.now()), self)
        self.refresh()
        uid = meeting.uid
        self._push_undo(
            translate("ui.meetings.page", "Deleted {name}.").format(name=meeting.name),
            lambda: self.ctx.ops.run(lambda: restore_meeting(self.db, uid), self),
        )

    def undo(self) -> None:
        if not self._undo:
            return
        _words, action = self._undo.pop()
        try:
            action()
        except KnownError as exc:
            self.status.setText(exc.message)
        self.refresh()
        self.undo_label.setText(self._undo[-1][0] if self._undo else "")
        self.undo_bar.setVisible(bool(self._undo))

    def _checkin_changed(self) -> None:
        on = self.checkin_on.isChecked()
        self.checkin_time.setEnabled(on)
        self.ctx.settings.update(
            checkin_reminder=self.checkin_time.time().toString("HH:mm") if on else ""
        )

    def _start_at_login_changed(self, on: bool) -> None:
        try:
            autostart.set_enabled(on, self.ctx.paths.data_dir)
        except OSError:
            self.start_at_login.blockSignals(True)
            self.start_at_login.setChecked(not on)
            self.start_at_login.blockSignals(False)
            self.status.setText(
                translate(
                    "ui.meetings.page",
                    "The start-at-login entry could not be written in your settings folder.",
                )
            )
            return
        self.ctx.settings.update(start_at_login=on)
        self.status.setText(
            translate("ui.meetings.page", "The app will open, minimised, when you log in.")
            if on
            else translate("ui.meetings.page", "The app will no longer open when you log in.")
        )

    def _questionnaires_changed(self) -> None:
        on = self.questionnaires_on.isChecked()
        self.questionnaires_time.setEnabled(on)
        values = self.ctx.settings.values
        since = values.questionnaire_reminder_from
        if on and not values.questionnaire_reminder:  # turned on now: two weeks from today
            since = today(self.clock).isoformat()
        self.ctx.settings.update(
            questionnaire_reminder=self.questionnaires_time.time().toString("HH:mm") if on else "",
            questionnaire_reminder_from=since if on else "",
        )

    # -- calendar files ----------------------------------------------------------------
    def export_calendar(self) -> None:
        target = SaveFileDialog.ask(
            self,
            translate("ui.meetings.page", "Export meetings"),
            Path.home() / "meetings.ics",
            translate("ui.meetings.page", "Calendar files (*.ics)"),
        )
        if target is None:
            return
        now = self.clock.now()

        def done(count: object) -> None:
            self.status.setText(
                translate(
                    "ui.meetings.page",
                    (
                        "Exported {count} meeting{value} to {target}. This file is not "
                        "encrypted: keep it somewhere private."
                    ),
                ).format(count=count, value="" if count == 1 else "s", target=target)
            )

        self.status.setText(translate("ui.meetings.page", "Exporting…"))
        worker = self.ctx.ops.start_with(
            self.db, lambda own: export_calendar(own, target, now), self, self
        )
        worker.done.connect(done)
        worker.failed.connect(self.status.setText)

    def import_calendar(self) -> None:
        source = OpenFileDialog.ask(
            self,
            translate("ui.meetings.page", "Import meetings"),
            translate("ui.meetings.page", "Calendar files (*.ics)"),
        )
        if source is None:
            return
        now, zone = self.clock.now(), zone_name(self.clock)
        self.status.setText(translate("ui.meetings.page", "Reading the calendar file…"))
        worker = self.ctx.ops.start_with(
            self.db, lambda own: preview_calendar(own, source, now, zone), self, self
        )
        worker.done.connect(lambda found: self._preview(source.name, *found))
        worker.failed.connect(self.status.setText)

    def _preview(self, name: str, parsed: IcsImport, present: dict[str, bool]) -> None:
        """Nothing is written until the person has seen what the file holds."""
        chosen = ImportPreviewDialog.ask(name, parsed, present, self)
        if chosen is None:
            self.status.setText(translate("ui.meetings.page", "Nothing was imported."))
            return
        try:
            report = self.ctx.ops.run(
                lambda: add_calendar_meetings(self.db, chosen, self.clock.now()), self
            )
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.refresh()
        self.status.setText(report.summary())
