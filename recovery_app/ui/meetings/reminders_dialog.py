"""The in-app reminder list: every reminder lands here, whatever the desktop can show.

Meeting and check-in reminders can be snoozed or dismissed; "Did you go?"
takes went / missed / cancelled and an optional note.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.clock import today
from recovery_app.core.i18n import translate
from recovery_app.core.meetings.reminders import ReminderKind
from recovery_app.core.meetings.schedule import ATTENDED_WORDS, Attended
from recovery_app.core.questionnaires.forms import FORMS, Kind
from recovery_app.storage.meetings.ops import (
    answer_attendance,
    dismiss_reminder,
    showing_reminders,
    snooze_reminder,
)
from recovery_app.storage.meetings.reminders import Notice
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.requests import OpenCheckIn, TakeQuestionnaire
from recovery_app.ui.common.style import heading, scroll_area, wrapped
from recovery_app.ui.common.windowing import bring_to_front, fit_on_screen

SNOOZE = timedelta(minutes=10)


class RemindersDialog(QDialog):
    requested = Signal(object)  # a ui.common.requests value

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        self.setWindowTitle(translate("ui.meetings.reminders_dialog", "Reminders"))
        self.setAccessibleName(translate("ui.meetings.reminders_dialog", "Reminders"))
        fit_on_screen(self, 560, 520)
        self.items = QVBoxLayout()
        self.items.setSpacing(10)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(heading(translate("ui.meetings.reminders_dialog", "Reminders"), 1.3))
        self.empty = wrapped(
            translate(
                "ui.meetings.reminders_dialog",
                "No reminders right now. Reminders for your meetings and your daily check-in "
                "appear here, and stay until you dismiss them.",
            )
        )
        inner.addWidget(self.empty)
        inner.addLayout(self.items)
        inner.addStretch(1)
        scroll = scroll_area()
        scroll.setWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        RefreshOnChange(self, ctx.bus, (Record.REMINDERS,), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        while (item := self.items.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        notices = showing_reminders(self.db, self.clock.now())
        self.empty.setVisible(not notices)
        for notice in notices:
            self.items.addWidget(self._row(notice))

    def _row(self, notice: Notice) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")
        frame.setAccessibleName(notice.title)
        layout = QVBoxLayout(frame)
        title = QLabel(f"<b>{escape(notice.title)}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        layout.addWidget(title)
        if notice.body:
            layout.addWidget(wrapped(notice.body))
        row = QHBoxLayout()
        if notice.kind is ReminderKind.ATTENDANCE:
            note = QLineEdit()
            note.setPlaceholderText(
                translate("ui.meetings.reminders_dialog", "A note, if you like")
            )
            note.setAccessibleName(
                translate("ui.meetings.reminders_dialog", "Note for {title}").format(
                    title=notice.title
                )
            )
            layout.addWidget(note)
            for status, words in ATTENDED_WORDS.items():
                button = QPushButton(words)
                button.setAccessibleName(f"{words}: {notice.title}")
                button.clicked.connect(
                    lambda _=False, s=status, n=note: self.answer(notice, s, n.text())
                )
                row.addWidget(button)
        else:
            if notice.kind is ReminderKind.CHECKIN:
                open_button = QPushButton(translate("ui.meetings.reminders_dialog", "Check in now"))
                open_button.clicked.connect(lambda: self._check_in(notice))
                row.addWidget(open_button)
            if notice.kind is ReminderKind.QUESTIONNAIRE:
                for kind in Kind:
                    form = QPushButton(
                        translate("ui.meetings.reminders_dialog", "Fill in the {name}").format(
                            name=FORMS[kind].name
                        )
                    )
                    form.clicked.connect(lambda _=False, k=kind: self._fill_in(notice, k))
                    row.addWidget(form)
            snooze = QPushButton(translate("ui.meetings.reminders_dialog", "Snooze 10 minutes"))
            snooze.setAccessibleName(
                translate("ui.meetings.reminders_dialog", "Snooze: {title}").format(
                    title=notice.title
                )
            )
            snooze.clicked.connect(lambda: self.snooze(notice))
            row.addWidget(snooze)
        dismiss = QPushButton(translate("ui.meetings.reminders_dialog", "Dismiss"))
        dismiss.setAccessibleName(
            translate("ui.meetings.reminders_dialog", "Dismiss: {title}").format(title=notice.title)
        )
        dismiss.clicked.connect(lambda: self.dismiss(notice))
        row.addStretch(1)
        row.addWidget(dismiss)
        layout.addLayout(row)
        return frame

    def dismiss(self, notice: Notice) -> None:
        self.ctx.ops.run(lambda: dismiss_reminder(self.db, notice.id, self.clock.now()), self)

    def snooze(self, notice: Notice) -> None:
        until = self.clock.now() + SNOOZE
        self.ctx.ops.run(lambda: snooze_reminder(self.db, notice.id, until), self)

    def answer(self, notice: Notice, status: Attended, note: str) -> None:
        self.ctx.ops.run(
            lambda: answer_attendance(self.db, notice, status, note, self.clock.now()), self
        )

    def _check_in(self, notice: Notice) -> None:
        self.dismiss(notice)
        self.requested.emit(OpenCheckIn(today(self.clock)))

    def _fill_in(self, notice: Notice, kind: Kind) -> None:
        # Kept until a form is filled in (then the next check lets it go): the other
        # form's button stays, and cancelling loses nothing.
        self.requested.emit(TakeQuestionnaire(kind.value))

    @classmethod
    def present(cls, parent: QWidget, ctx: AppContext) -> RemindersDialog:
        existing = parent.findChild(RemindersDialog)
        dialog = existing or cls(ctx, parent)
        dialog.refresh()
        bring_to_front(dialog)
        return dialog
