"""The full form for one entry: a craving with all its details, or free journal writing.

Kept as a draft while typing (a crash loses nothing); closing keeps the draft
too, and opening the same entry again brings it back.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.checkin.checkin import MOOD_WORDS
from recovery_app.core.clock import to_local
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import ChoiceList
from recovery_app.core.journal.entries import (
    MAX_DURATION_MINUTES,
    OUTCOME_WORDS,
    EntryKind,
    JournalEntry,
    Outcome,
    clean_tags,
)
from recovery_app.storage.journal.ops import add_choice, load_choices, save_entry
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.drafts import DraftKeeper
from recovery_app.ui.common.form_snapshot import mark_form
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.style import heading, scroll_area
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import fit_on_screen
from recovery_app.ui.journal.choice_picker import ChoicePicker
from recovery_app.ui.journal.intensity_picker import IntensityPicker

TEXT_FIELDS = ("place", "people", "situation", "thoughts", "title", "text")


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())


class EntryDialog(QDialog):
    saved = Signal(object)  # JournalEntry

    def __init__(self, ctx: AppContext, entry: JournalEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The When field holds whole seconds; so does the entry it is compared with.
        entry = replace(entry, occurred_at=entry.occurred_at.replace(microsecond=0))
        self.ctx, self.original = ctx, entry
        self.db, self.clock = ctx.db, ctx.clock
        craving = entry.kind is EntryKind.CRAVING
        is_new = entry.created_at is None
        title = (
            (
                translate("ui.journal.entry_dialog", "Log a craving")
                if craving
                else translate("ui.journal.entry_dialog", "Write in your journal")
            )
            if is_new
            else (
                translate("ui.journal.entry_dialog", "Edit craving")
                if craving
                else translate("ui.journal.entry_dialog", "Edit journal entry")
            )
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        fit_on_screen(self, 640, 720)

        form_widget = QWidget()
        form = Form(form_widget)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy  HH:mm")
        self.when.setMinimumDate(QDate(1900, 1, 1))  # stored local times count from 1900
        self.when.setAccessibleName(translate("ui.journal.entry_dialog", "When"))
        form.addRow(translate("ui.journal.entry_dialog", "&When"), self.when)
        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.intensity = IntensityPicker()
        self.duration = QSpinBox()
        self.triggers = ChoicePicker(translate("ui.journal.entry_dialog", "triggers"), rows=6)
        self.coping = ChoicePicker(translate("ui.journal.entry_dialog", "what you did"), rows=5)
        self.outcome = QComboBox()
        self.mood = QComboBox()
        self.tags = QLineEdit()
        if craving:
            form.addRow(translate("ui.journal.entry_dialog", "Stren&gth"), self.intensity)
            self.duration.setRange(0, MAX_DURATION_MINUTES)
            self.duration.setSpecialValueText(translate("ui.journal.entry_dialog", "Not recorded"))
            self.duration.setSuffix(translate("ui.journal.entry_dialog", " minutes"))
            self.duration.setAccessibleName(
                translate("ui.journal.entry_dialog", "How long it lasted, in minutes")
            )
            form.addRow(translate("ui.journal.entry_dialog", "How &long it lasted"), self.duration)
            form.addRow(translate("ui.journal.entry_dialog", "&Triggers"), self.triggers)
            self._label_goes_to(form, self.triggers)
            self._text(
                "place",
                translate("ui.journal.entry_dialog", "Where were you?"),
                form,
                translate("ui.journal.entry_dialog", "Whe&re"),
            )
            self._text(
                "people",
                translate("ui.journal.entry_dialog", "Who were you with?"),
                form,
                translate("ui.journal.entry_dialog", "Who wit&h"),
            )
            self._text(
                "situation",
                translate("ui.journal.entry_dialog", "What was happening?"),
                form,
                translate("ui.journal.entry_dialog", "What was h&appening"),
            )
            self._text(
                "thoughts",
                translate("ui.journal.entry_dialog", "Thoughts and feelings"),
                form,
                translate("ui.journal.entry_dialog", "Thoughts and &feelings"),
                True,
            )
            form.addRow(translate("ui.journal.entry_dialog", "What you &did"), self.coping)
            self._label_goes_to(form, self.coping)
            self.outcome.addItem(translate("ui.journal.entry_dialog", "Not recorded"), None)
            for outcome, words in OUTCOME_WORDS.items():
                self.outcome.addItem(words, outcome.value)
            self.outcome.setAccessibleName(translate("ui.journal.entry_dialog", "Outcome"))
            form.addRow(translate("ui.journal.entry_dialog", "&Outcome"), self.outcome)
            self._text(
                "text",
                translate("ui.journal.entry_dialog", "Anything else"),
                form,
                translate("ui.journal.entry_dialog", "&Note"),
                True,
            )
        else:
            self._text(
                "title",
                translate("ui.journal.entry_dialog", "A title, if you like"),
                form,
                translate("ui.journal.entry_dialog", "T&itle"),
            )
            self._text(
                "text",
                translate("ui.journal.entry_dialog", "Write whatever is on your mind."),
                form,
                translate("ui.journal.entry_dialog", "&Text"),
                True,
            )
            self.mood.addItem(translate("ui.journal.entry_dialog", "Not recorded"), None)
            for value, words in MOOD_WORDS.items():
                self.mood.addItem(words, value)
            self.mood.setAccessibleName(translate("ui.journal.entry_dialog", "Mood"))
            form.addRow(translate("ui.journal.entry_dialog", "&Mood"), self.mood)
            self.tags.setPlaceholderText(
                translate("ui.journal.entry_dialog", "Words to group entries, separated by commas")
            )
            self.tags.setAccessibleName(translate("ui.journal.entry_dialog", "Tags"))
            form.addRow(translate("ui.journal.entry_dialog", "Ta&gs"), self.tags)

        scroll = scroll_area()
        scroll.setWidget(form_widget)
        self.status = StatusLine(translate("ui.journal.entry_dialog", "Message"))
        self.save_button = QPushButton(translate("ui.journal.entry_dialog", "&Save"))
        self.save_button.setAccessibleName(translate("ui.journal.entry_dialog", "Save"))
        self.save_button.setToolTip(translate("ui.journal.entry_dialog", "Ctrl+S or Ctrl+Enter"))
        self.discard_button = QPushButton(
            translate("ui.journal.entry_dialog", "Discard changes")
            if not is_new
            else translate("ui.journal.entry_dialog", "Dis&card")
        )
        self.discard_button.setAccessibleName(
            translate("ui.journal.entry_dialog", "Discard changes")
        )
        # Enter in a one-line field saves; it must never reach Discard.
        self.save_button.setDefault(True)
        self.discard_button.setAutoDefault(False)
        close_button = QPushButton(translate("ui.journal.entry_dialog", "Close, keep draft"))
        close_button.setAutoDefault(False)
        close_button.setAccessibleName(
            translate("ui.journal.entry_dialog", "Close and keep the draft")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1.3))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(close_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)

        self._fill(entry)
        name = f"entry:{entry.uid}" if not is_new else f"new:{entry.kind.value}"
        self.drafts = DraftKeeper(ctx, name, self._draft_fields, self)
        mark_form(self, f"journal:{name}")  # opens again after a lock
        self._restore_draft()
        self._wire(close_button)

    @staticmethod
    def _label_goes_to(form: QFormLayout, picker: ChoicePicker) -> None:
        """Alt+letter focuses the picker's search field: a label's mnemonic only moves
        focus to a field that takes focus itself, not through a focus proxy."""
        label = form.labelForField(picker)
        if isinstance(label, QLabel):
            label.setBuddy(picker.filter)

    def _text(
        self, name: str, hint: str, form: QFormLayout, label: str, long: bool = False
    ) -> None:
        field: QLineEdit | QPlainTextEdit = QPlainTextEdit() if long else QLineEdit()
        field.setPlaceholderText(hint)
        field.setAccessibleName(label.replace("&", ""))
        if isinstance(field, QPlainTextEdit):
            field.setTabChangesFocus(True)
            field.setMinimumHeight(90)
        self.texts[name] = field
        form.addRow(label, field)

    def _wire(self, close_button: QPushButton) -> None:
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        close_button.clicked.connect(self.reject)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.triggers.connect_adding(lambda n: self._add(ChoiceList.TRIGGERS, n))
        self.coping.connect_adding(lambda n: self._add(ChoiceList.COPING, n))
        RefreshOnChange(self, self.ctx.bus, (Record.CHOICES,), self._load_choices)
        edited = self._edited
        self.when.dateTimeChanged.connect(lambda _v: edited())
        self.intensity.valueChanged.connect(lambda _v: edited())
        self.duration.valueChanged.connect(lambda _v: edited())
        self.triggers.changed.connect(edited)
        self.coping.changed.connect(edited)
        self.outcome.currentIndexChanged.connect(lambda _i: edited())
        self.mood.currentIndexChanged.connect(lambda _i: edited())
        self.tags.textEdited.connect(lambda _t: edited())
        for field in self.texts.values():
            field.textChanged.connect(edited)

    # -- filling and reading -------------------------------------------------
    def _load_choices(self) -> None:
        self.triggers.set_choices(load_choices(self.db, ChoiceList.TRIGGERS))
        self.coping.set_choices(load_choices(self.db, ChoiceList.COPING))

    def _fill(self, entry: JournalEntry) -> None:
        self.when.setDateTime(_to_qt(entry.occurred_at))
        self.intensity.setValue(entry.intensity)
        self.duration.setValue(entry.duration_minutes or 0)
        self._load_choices()
        self.triggers.set_checked(entry.triggers)
        self.coping.set_checked(entry.coping)
        self.outcome.setCurrentIndex(
            max(0, self.outcome.findData(entry.outcome.value if entry.outcome else None))
        )
        self.mood.setCurrentIndex(max(0, self.mood.findData(entry.mood)))
        self.tags.setText(", ".join(entry.tags))
        for name, field in self.texts.items():
            value = getattr(entry, name)
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value)
            else:
                field.setText(value)

    def _field_text(self, name: str) -> str:
        field = self.texts.get(name)
        if field is None:
            return getattr(self.original, name)  # type: ignore[no-any-return]
        return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()

    def _texts(self) -> dict[str, Any]:
        return {name: self._field_text(name) for name in TEXT_FIELDS}

    def entry(self) -> JournalEntry:
        local = self.when.dateTime().toSecsSinceEpoch()
        occurred = to_local(datetime.fromtimestamp(local).astimezone(), self.clock)
        # Compared as instants (in a zone's repeated hour, == between zones is False).
        if occurred.timestamp() == self.original.occurred_at.timestamp():
            # Unchanged: keep the offset of where it happened, perhaps another zone.
            occurred = self.original.occurred_at
        outcome = self.outcome.currentData()
        kind = self.original.kind
        return replace(
            self.original,
            occurred_at=occurred,
            intensity=self.intensity.value() if kind is EntryKind.CRAVING else None,
            duration_minutes=self.duration.value() or None,
            triggers=tuple(self.triggers.checked()),
            coping=tuple(self.coping.checked()),
            outcome=Outcome(outcome) if outcome else None,
            mood=self.mood.currentData(),
            tags=clean_tags(self.tags.text()),
            **self._texts(),
        )

    # -- drafts ----------------------------------------------------------------
    def _draft_fields(self) -> dict[str, Any] | None:
        e = self.entry()
        if e == self.original:
            return None
        # A new entry's time is "now" when it is finally written, unless it was set.
        return self._values_of(e, with_time=e.occurred_at != self.original.occurred_at)

    @staticmethod
    def _values_of(e: JournalEntry, with_time: bool) -> dict[str, Any]:
        return {
            "occurred_at": e.occurred_at.isoformat() if with_time else None,
            "intensity": e.intensity,
            "duration_minutes": e.duration_minutes,
            "triggers": list(e.triggers),
            "coping": list(e.coping),
            "outcome": e.outcome.value if e.outcome else None,
            "mood": e.mood,
            "tags": list(e.tags),
            **{name: getattr(e, name) for name in TEXT_FIELDS},
        }

    def form_values(self) -> dict[str, Any]:
        """For a lock (``form_snapshot.NamedValues``). An entry the craving flow filled
        in (when it began, how strong) comes back whole with its time, even untouched:
        its draft alone keeps only what was changed. A blank new form or an entry as
        saved gives nothing (it opens the same again); any other keeps its time only
        when it was set or is the entry's own."""
        e = self.entry()
        filled_in = self.original.created_at is None and self._filled_in(self.original)
        if e == self.original and not filled_in:
            return {}
        keeps_time = filled_in or self.original.created_at is not None
        return self._values_of(e, keeps_time or e.occurred_at != self.original.occurred_at)

    @staticmethod
    def _filled_in(e: JournalEntry) -> bool:
        content = (e.intensity, e.duration_minutes, e.outcome, e.mood)
        lists = (e.triggers, e.coping, e.tags, *(getattr(e, n) for n in TEXT_FIELDS))
        return any(v is not None for v in content) or any(lists)

    def put_form_values(self, values: dict[str, Any]) -> None:
        entry = self._entry_from(values)
        if entry is not None and entry != self.entry():
            self._fill(entry)
            self.drafts.touch()  # kept again as the person's draft

    def _restore_draft(self) -> None:
        draft = self.drafts.load()
        restored = self._entry_from(draft) if draft else None
        if restored is None:
            return  # none, or an unreadable draft: ignored, never an error
        self.drafts.paused = True
        self._fill(restored)
        self.drafts.paused = False
        self.status.setText(
            translate(
                "ui.journal.entry_dialog",
                "We kept what you wrote last time. Save it, or discard the changes.",
            )
        )

    def _entry_from(self, draft: dict[str, Any]) -> JournalEntry | None:
        texts: dict[str, Any] = {name: str(draft.get(name, "")) for name in TEXT_FIELDS}
        try:
            return replace(
                self.original,
                occurred_at=(
                    datetime.fromisoformat(draft["occurred_at"])
                    if draft.get("occurred_at")
                    else self.original.occurred_at
                ),
                intensity=draft.get("intensity"),
                duration_minutes=draft.get("duration_minutes"),
                triggers=tuple(draft.get("triggers", ())),
                coping=tuple(draft.get("coping", ())),
                outcome=Outcome(draft["outcome"]) if draft.get("outcome") else None,
                mood=draft.get("mood"),
                tags=tuple(draft.get("tags", ())),
                **texts,
            )
        except (KeyError, TypeError, ValueError):
            return None

    def _edited(self) -> None:
        self.drafts.touch()

    def _add(self, kind: ChoiceList, name: str) -> str | None:
        try:
            choice = self.ctx.ops.run(
                lambda: add_choice(self.db, kind, name, self.clock.now()), self
            )
        except KnownError as exc:
            self.status.setText(exc.message)
            return None
        return choice.uid

    # -- actions -----------------------------------------------------------------
    def save(self) -> None:
        entry = self.entry()
        if entry.occurred_at > self.clock.now() and not Confirm.ask(
            self,
            translate("ui.journal.entry_dialog", "A time in the future"),
            translate(
                "ui.journal.entry_dialog",
                (
                    "This entry is dated {occurred_at:%d %B %Y, %H:%M}, which hasn't "
                    "happened yet. Save it with that time?"
                ),
            ).format(occurred_at=entry.occurred_at),
            translate("ui.journal.entry_dialog", "Save with this time"),
            translate("ui.journal.entry_dialog", "Change the time"),
        ):
            self.when.setFocus()
            return
        try:
            saved = self.ctx.ops.run(lambda: save_entry(self.db, entry, self.clock.now()), self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.drafts.discard()
        self.saved.emit(saved)
        self.accept()

    def discard(self) -> None:
        self.drafts.discard()
        super().reject()

    def reject(self) -> None:
        if self.drafts.timer.isActive():
            self.drafts.save_now()
        super().reject()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        first = self.intensity if self.original.kind is EntryKind.CRAVING else self.texts["text"]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
