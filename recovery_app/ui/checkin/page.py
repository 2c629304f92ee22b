"""The daily check-in: about 30 seconds, one per day, editable later."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.checkin.checkin import (
    MOOD_WORDS,
    PRESCRIBED_IS_RECOVERY,
    SLEEP_QUALITY_WORDS,
    USE_QUESTION_WORDS,
    USED_WORDS,
    CheckIn,
    Halt,
    UsedToday,
    UseQuestion,
    use_question_words,
)
from recovery_app.core.clock import local_instant, to_local, today
from recovery_app.core.errors import InvalidInput, KnownError
from recovery_app.core.i18n import translate
from recovery_app.storage.checkin.ops import checkin_on, save_checkin
from recovery_app.storage.taper.ops import current_plan, dose_days
from recovery_app.ui.checkin import draft
from recovery_app.ui.checkin.hard_day import HardDayReply
from recovery_app.ui.checkin.scale_slider import ScaleSlider
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.dose_answer import DoseAnswer
from recovery_app.ui.common.drafts import DraftKeeper
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.formatting import long_day
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.start_date import from_qdate, to_qdate
from recovery_app.ui.common.style import heading, scrolling_content, wrapped

log = logging.getLogger(__name__)

NO_SLEEP = -0.5  # the spin box's lowest value, shown as "Not recorded"
SLIP_NOTE = translate(
    "ui.checkin.page",
    "Thank you for being honest. Slips happen in many recovery journeys, and "
    "this one doesn't erase your progress: your days in recovery are kept. If it would "
    "help, reach out to someone you trust, or press Get help. If you take a prescribed "
    "medicine, please don't stop it suddenly: talk with your prescriber first.",
)


class CheckInPage(QWidget):
    requested = Signal(object)  # a ui.common.requests value (from the hard-day reply)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        self.setAccessibleName(translate("ui.checkin.page", "Daily check-in"))
        self._loading = False
        self._dirty = False
        self._existing: CheckIn | None = None
        self._shown_day = today(self.clock)

        outer = scrolling_content(self, spacing=14)
        outer.addWidget(heading(translate("ui.checkin.page", "Daily check-in")))
        outer.addWidget(
            wrapped(
                translate(
                    "ui.checkin.page",
                    "A few quick questions about your day. There are no wrong answers.",
                )
            )
        )

        form = Form()
        form.setVerticalSpacing(14)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setMinimumDate(QDate(1950, 1, 1))
        self.date_edit.setAccessibleName(translate("ui.checkin.page", "Day of this check-in"))
        form.addRow(translate("ui.checkin.page", "&Day"), self.date_edit)

        self.mood_group = QButtonGroup(self)
        self.mood_box = QWidget()
        mood_row = FlowRow(self.mood_box)
        mood_row.setContentsMargins(0, 0, 0, 0)
        for value, word in MOOD_WORDS.items():
            button = QPushButton(f"{value} · {word}")
            button.setCheckable(True)
            button.setAccessibleName(translate("ui.checkin.page", "Mood: {word}").format(word=word))
            button.setToolTip(
                translate("ui.checkin.page", "Press {value} while a mood has focus").format(
                    value=value
                )
            )
            self.mood_group.addButton(button, value)
            mood_row.addWidget(button)
            # While a mood has focus, its number picks it.
            QShortcut(
                QKeySequence(str(value)),
                self.mood_box,
                lambda b=button: (b.setChecked(True), b.setFocus()),
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self.mood_group.setExclusive(True)
        form.addRow(translate("ui.checkin.page", "Mood"), self.mood_box)

        self.anxiety = ScaleSlider(
            translate("ui.checkin.page", "Anxiety"),
            translate("ui.checkin.page", "calm"),
            translate("ui.checkin.page", "extreme"),
        )
        form.addRow(translate("ui.checkin.page", "Anxiety"), self.anxiety)
        self.craving = ScaleSlider(
            translate("ui.checkin.page", "Craving"),
            translate("ui.checkin.page", "none"),
            translate("ui.checkin.page", "intense"),
        )
        form.addRow(translate("ui.checkin.page", "Craving"), self.craving)

        self.sleep_hours = QDoubleSpinBox()
        self.sleep_hours.setRange(NO_SLEEP, 24.0)
        self.sleep_hours.setSingleStep(0.5)
        self.sleep_hours.setDecimals(1)
        self.sleep_hours.setSuffix(translate("ui.checkin.page", " hours"))
        self.sleep_hours.setSpecialValueText(translate("ui.checkin.page", "Not recorded"))
        self.sleep_hours.setAccessibleName(translate("ui.checkin.page", "Hours of sleep"))
        self.sleep_quality = QComboBox()
        self.sleep_quality.addItem(translate("ui.checkin.page", "Quality not recorded"), None)
        for value, word in SLEEP_QUALITY_WORDS.items():
            self.sleep_quality.addItem(word, value)
        self.sleep_quality.setAccessibleName(translate("ui.checkin.page", "Sleep quality"))
        sleep_row = FlowRow()
        sleep_row.addWidget(self.sleep_hours)
        sleep_row.addWidget(self.sleep_quality)
        sleep_row.add_stretch()
        form.addRow(translate("ui.checkin.page", "Sleep"), sleep_row)

        halt_row = FlowRow()
        self.halt_boxes: dict[str, QCheckBox] = {}
        halt_words = {
            "hungry": (translate("ui.checkin.page", "Hungry"),
                       translate("ui.checkin.page", "Feeling hungry")),
            "angry": (translate("ui.checkin.page", "Angry"),
                      translate("ui.checkin.page", "Feeling angry")),
            "lonely": (translate("ui.checkin.page", "Lonely"),
                       translate("ui.checkin.page", "Feeling lonely")),
            "tired": (translate("ui.checkin.page", "Tired"),
                      translate("ui.checkin.page", "Feeling tired")),
        }  # fmt: skip
        for name, (words, accessible) in halt_words.items():
            box = QCheckBox(words)
            box.setAccessibleName(accessible)
            self.halt_boxes[name] = box
            halt_row.addWidget(box)
        halt_hint = wrapped(translate("ui.checkin.page", "tick any that fit"))
        halt_hint.setAccessibleName(
            translate("ui.checkin.page", "Tick any that fit; unticked means not said")
        )
        halt_row.addWidget(halt_hint)
        halt_row.add_stretch()
        form.addRow(translate("ui.checkin.page", "Right now I'm"), halt_row)

        # "Use" means outside one's prescription or plan: a prescribed dose, a
        # taper included, must never be counted as a slip.
        self.use_question = wrapped("")
        self.use_question.setStyleSheet("font-weight: bold;")
        form.addRow(self.use_question)
        self.used_group = QButtonGroup(self)
        used_row = FlowRow()
        for index, (answer, word) in enumerate(USED_WORDS.items()):
            radio = QRadioButton(word)
            radio.setAccessibleName(
                translate("ui.checkin.page", "Use outside my prescription or plan: {word}").format(
                    word=word
                )
            )
            radio.setProperty("answer", answer.value)
            self.used_group.addButton(radio, index)
            used_row.addWidget(radio)
        used_row.add_stretch()
        self.prescribed_note = wrapped(PRESCRIBED_IS_RECOVERY)
        self.prescribed_note.setAccessibleName(
            translate("ui.checkin.page", "About prescribed medicine")
        )
        self.earlier_question = wrapped("")
        self.earlier_question.setAccessibleName(
            translate("ui.checkin.page", "About the earlier answer")
        )
        self.earlier_question.hide()
        self.slip_note = wrapped(SLIP_NOTE)
        self.slip_note.setAccessibleName(translate("ui.checkin.page", "A note about slips"))
        self.slip_note.hide()
        self.slip_box = self._slip_fields()
        self.slip_box.hide()
        use_box = QVBoxLayout()
        use_box.setSpacing(6)
        use_box.addLayout(used_row)
        for label in (self.prescribed_note, self.earlier_question, self.slip_note):
            use_box.addWidget(label)
        use_box.addWidget(self.slip_box)
        form.addRow("", use_box)
        self.taper = DoseAnswer(translate("ui.checkin.page", "My taper today"))
        self.taper.changed.connect(self._mark_dirty)
        form.addRow("", self.taper)

        self.gratitude = QLineEdit()
        self.gratitude.setPlaceholderText(
            translate("ui.checkin.page", "One thing, big or small (optional)")
        )
        self.gratitude.setAccessibleName(translate("ui.checkin.page", "Something I'm grateful for"))
        form.addRow(translate("ui.checkin.page", "Grate&ful for"), self.gratitude)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            translate("ui.checkin.page", "Anything else about today (optional)")
        )
        self.note.setAccessibleName(translate("ui.checkin.page", "Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(90)
        form.addRow(translate("ui.checkin.page", "&Note"), self.note)
        outer.addLayout(form)

        self.error = wrapped("")
        self.error.setAccessibleName(translate("ui.checkin.page", "Problem with this check-in"))
        self.error.setStyleSheet("font-weight: bold;")
        self.error.hide()
        self.status = wrapped("")
        self.status.setAccessibleName(translate("ui.checkin.page", "Check-in status"))
        self.save_button = QPushButton(translate("ui.checkin.page", "Save check-in"))
        self.save_button.setAccessibleName(translate("ui.checkin.page", "Save check-in"))
        self.save_button.setToolTip(translate("ui.checkin.page", "Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.setProperty("primary", True)
        actions = FlowRow()
        actions.addWidget(self.status)
        actions.add_stretch()
        actions.addWidget(self.save_button)
        outer.addWidget(self.error)
        outer.addLayout(actions)
        self.reply = HardDayReply(ctx)
        self.reply.requested.connect(self.requested)
        outer.addWidget(self.reply)
        outer.addStretch(1)

        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys),
                self,
                self.save,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self.date_edit.dateChanged.connect(self._day_changed)
        for signal in (
            self.mood_group.idToggled,
            self.used_group.idToggled,
            self.anxiety.valueChanged,
            self.craving.valueChanged,
            self.sleep_hours.valueChanged,
            self.sleep_quality.currentIndexChanged,
            self.gratitude.textChanged,
            self.note.textChanged,
            self.slip_time.timeChanged,
            self.slip_time_unknown.toggled,
            self.slip_words.textChanged,
            *(box.toggled for box in self.halt_boxes.values()),
        ):
            signal.connect(self._mark_dirty)
        self.used_group.idToggled.connect(self._used_toggled)
        # After an import or a restore, show what is stored now (unless editing).
        RefreshOnChange(self, ctx.bus, (Record.CHECKINS,), self._data_changed, skip_own=True)
        RefreshOnChange(self, ctx.bus, (Record.TAPER,), self._taper_changed, skip_own=True)
        # What is typed is kept as a draft, so a lock or a crash loses none of it.
        self.drafts = DraftKeeper(ctx, draft.DRAFT_NAME, self._draft_fields, self)
        self.load_day(today(self.clock))
        self._bring_back_draft()

    def _slip_fields(self) -> QWidget:
        box = QWidget()
        box.setAccessibleName(translate("ui.checkin.page", "About the slip"))
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.slip_time = QTimeEdit()
        self.slip_time.setDisplayFormat("HH:mm")
        self.slip_time.setAccessibleName(translate("ui.checkin.page", "About what time"))
        self.slip_time_unknown = QCheckBox(translate("ui.checkin.page", "I'm not sure"))
        self.slip_time_unknown.setAccessibleName(
            translate("ui.checkin.page", "Not sure of the time")
        )
        # Not sure until the person gives a time: a time nobody chose is never stored.
        self.slip_time.timeChanged.connect(self._slip_time_given)
        row = FlowRow()
        row.addWidget(self.slip_time)
        row.addWidget(self.slip_time_unknown)
        row.add_stretch()
        time_label = QLabel(translate("ui.checkin.page", "About &what time"))
        time_label.setBuddy(self.slip_time)
        form.addRow(time_label, row)
        self.slip_words = QLineEdit()
        self.slip_words.setPlaceholderText(
            translate("ui.checkin.page", "What happened, if you want to note it (optional)")
        )
        self.slip_words.setAccessibleName(
            translate("ui.checkin.page", "A few words about the slip")
        )
        form.addRow(translate("ui.checkin.page", "A few wo&rds"), self.slip_words)
        return box

    @property
    def shown_day(self) -> date:
        return self._shown_day

    # -- the draft -------------------------------------------------------
    def _draft_fields(self) -> dict[str, object] | None:
        return draft.fields_of(self) if self._dirty else None

    def _bring_back_draft(self) -> None:
        try:
            kept = self.drafts.load()
        except KnownError:
            return
        day = None if kept is None else draft.day_of(kept, today(self.clock))
        if kept is None or day is None:
            return
        self.load_day(day)
        self._loading = True
        draft.apply(self, kept)
        self._loading = False
        self._dirty = True
        self.status.setText(
            translate(
                "ui.checkin.page",
                (
                    "Your check-in for {day_words} was not saved yet. It was kept for you: "
                    "save it when you are ready."
                ),
            ).format(day_words=self._day_words())
        )

    def keep_draft(self) -> None:
        """Write what is typed now (before the app locks or closes the data)."""
        if self._dirty:
            self.drafts.save_now()

    def discard_draft(self) -> None:
        with contextlib.suppress(KnownError):
            self.drafts.discard()

    # -- loading ---------------------------------------------------------
    def load_day(self, day: date) -> None:
        """Show the check-in for ``day`` (empty if there is none yet)."""
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(to_qdate(today(self.clock)))
        self.date_edit.setDate(to_qdate(day))
        self.date_edit.blockSignals(False)
        self._shown_day = day
        self._fill(checkin_on(self.db, day))
        self._load_taper(day)

    def _taper_changed(self) -> None:
        """A plan or a day's doses kept on the taper page: shown, unless answered here."""
        if not self.taper.touched:
            self._load_taper(self._shown_day)

    def _load_taper(self, day: date) -> None:
        loading, self._loading = self._loading, True  # the taper answer is not an edit
        plan = current_plan(self.db)
        is_today = day == today(self.clock)
        self.taper.question.setText(
            translate("ui.checkin.page", "My taper today")
            if is_today
            else translate("ui.checkin.page", "My taper that day")
        )
        asks = plan is not None and self.taper.show_plan(plan, day, is_today)
        self.taper.setVisible(asks)  # only while there is a plan with a step that day
        if asks:
            noted = dose_days(self.db, day, day)
            self.taper.set_answer(noted[0] if noted else None)
        self._loading = loading

    def asks_taper(self) -> bool:
        return self.taper.isVisibleTo(self)

    def request_day(self, day: date) -> bool:
        """Switch to ``day``, asking first if that would drop unsaved changes."""
        if day == self._shown_day:
            return True
        if self._dirty and not Confirm.ask(
            self,
            translate("ui.checkin.page", "Unsaved check-in"),
            translate(
                "ui.checkin.page",
                "You have changes that are not saved yet. Switch days and leave them?",
            ),
            translate("ui.checkin.page", "Switch days"),
            translate("ui.checkin.page", "Keep editing"),
        ):
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(to_qdate(self._shown_day))
            self.date_edit.blockSignals(False)
            return False
        if self._dirty:
            self.discard_draft()  # the person chose to leave those changes
        self.load_day(day)
        return True

    def _data_changed(self) -> None:
        # After a restore (or a save elsewhere), show what is stored now, unless
        # the person is in the middle of editing.
        if not self._dirty:
            self.load_day(self._shown_day)

    def _day_changed(self, qdate: QDate) -> None:
        self.request_day(from_qdate(qdate))

    def _fill(self, c: CheckIn | None) -> None:
        self._loading = True
        self._existing = c
        for group in (self.mood_group, self.used_group):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        if c is not None:
            self.mood_group.button(c.mood).setChecked(True)
            for button in self.used_group.buttons():
                button.setChecked(button.property("answer") == c.used.value)
        self.anxiety.setValue(c.anxiety if c else None)
        self.craving.setValue(c.craving if c else None)
        self._fill_slip(c)
        self.sleep_hours.setValue(c.sleep_hours if c and c.sleep_hours is not None else NO_SLEEP)
        self.sleep_quality.setCurrentIndex(
            max(0, self.sleep_quality.findData(c.sleep_quality)) if c else 0
        )
        halt = c.halt if c else Halt()
        for name, box in self.halt_boxes.items():
            box.setChecked(getattr(halt, name))
        self.gratitude.setText(c.gratitude if c else "")
        self.note.setPlainText(c.note if c else "")
        self.use_question.setText(use_question_words(self._shown_day, today(self.clock)))
        self.use_question.setAccessibleName(self.use_question.text())
        # An earlier "yes" was to a question that never said what "use" meant.
        old_yes = (
            c is not None and c.use_question is UseQuestion.USED_TODAY and c.used is UsedToday.YES
        )
        if old_yes:
            self.earlier_question.setText(
                translate(
                    "ui.checkin.page",
                    (
                        "This day was answered before the question said “outside your "
                        "prescription or plan”: it asked “{value}” and you answered Yes. If "
                        "that was your prescribed medicine, you can change the answer to No."
                    ),
                ).format(value=USE_QUESTION_WORDS[UseQuestion.USED_TODAY])
            )
        self.earlier_question.setVisible(old_yes)
        self.slip_note.setVisible(c is not None and c.used is UsedToday.YES)
        self.slip_box.setVisible(c is not None and c.used is UsedToday.YES)
        self.reply.answer(None)
        self.error.hide()
        self.save_button.setText(
            translate("ui.checkin.page", "Update check-in")
            if c
            else translate("ui.checkin.page", "Save check-in")
        )
        self.save_button.setAccessibleName(self.save_button.text())
        self.status.setText(
            translate(
                "ui.checkin.page", "Saved check-in for {day_words}. You can change it any time."
            ).format(day_words=self._day_words())
            if c
            else translate("ui.checkin.page", "No check-in yet for {day_words}.").format(
                day_words=self._day_words()
            )
        )
        self._dirty = False
        self._loading = False

    def _fill_slip(self, c: CheckIn | None) -> None:
        at = c.slip_at if c is not None else None
        now = self.clock.now()
        if at is not None:
            local = to_local(at, self.clock)
            self.slip_time.setTime(QTime(local.hour, local.minute))
        elif self._shown_day == now.date():
            self.slip_time.setTime(QTime(now.hour, now.minute))
        else:
            self.slip_time.setTime(QTime(12, 0))
        self.slip_time_unknown.setChecked(at is None)
        self.slip_words.setText(c.slip_note if c is not None else "")

    def _slip_time_given(self, _time: QTime) -> None:
        if not self._loading:
            self.slip_time_unknown.setChecked(False)

    def _slip_at(self) -> datetime | None:
        """The slip's instant (None when the person isn't sure); ``InvalidInput`` if later
        than now."""
        if self.slip_time_unknown.isChecked():
            return None
        t = self.slip_time.time()
        at = local_instant(self._shown_day, time(t.hour(), t.minute()), self.clock)
        if at > self.clock.now():
            raise InvalidInput(
                translate(
                    "ui.checkin.page",
                    "That time hasn't come yet today. Please choose an earlier time.",
                )
            )
        return at

    def _day_words(self) -> str:
        day = self._shown_day
        return "today" if day == today(self.clock) else long_day(day)

    # -- editing ---------------------------------------------------------
    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True
            self.drafts.touch()

    def _used_toggled(self, _id: int, _checked: bool) -> None:
        slip = self._answer() is UsedToday.YES
        self.slip_note.setVisible(slip)
        self.slip_box.setVisible(slip)

    def _answer(self) -> UsedToday | None:
        button = self.used_group.checkedButton()
        return None if button is None else UsedToday(button.property("answer"))

    def _collect(self) -> CheckIn | None:
        mood = self.mood_group.checkedId()
        if mood < 1:
            self._show_error(
                translate("ui.checkin.page", "Please choose how your mood is — any answer is okay.")
            )
            return None
        used = self._answer()
        if used is None:
            self._show_error(
                translate(
                    "ui.checkin.page",
                    "Please answer whether you used anything outside your prescription or plan. "
                    "“I'd rather not say” is a fine answer too.",
                )
            )
            return None
        hours = self.sleep_hours.value()
        try:
            slip_at = self._slip_at() if used is UsedToday.YES else None
        except InvalidInput as exc:
            self._show_error(exc.message)
            return None
        checkin = CheckIn(
            day=self._shown_day,
            mood=mood,
            anxiety=self.anxiety.value(),
            craving=self.craving.value(),
            used=used,
            sleep_hours=None if hours < 0 else hours,
            sleep_quality=self.sleep_quality.currentData(),
            halt=Halt(**{name: box.isChecked() for name, box in self.halt_boxes.items()}),
            gratitude=self.gratitude.text(),
            note=self.note.toPlainText(),
            slip_at=slip_at,
            slip_note=self.slip_words.text().strip() if used is UsedToday.YES else "",
        )
        if self._existing is not None:
            # An answer left as it was keeps the question it was given to.
            asked = (
                self._existing.use_question
                if used is self._existing.used
                else UseQuestion.OUTSIDE_PLAN
            )
            checkin = replace(checkin, uid=self._existing.uid, use_question=asked)
        return checkin

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        # Beside Save, which large text or a small window can put below the fold.
        QTimer.singleShot(0, lambda: self._bring_into_view(self.error))

    def save(self) -> bool:
        checkin = self._collect()
        if checkin is None:
            return False
        try:
            saved = self.ctx.ops.run(
                lambda: save_checkin(
                    self.db,
                    checkin,
                    self.clock.now(),
                    # Only an answer given here: one kept since on the taper page stays.
                    self.taper.answer(checkin.day)
                    if self.asks_taper() and self.taper.touched
                    else None,
                ),
                initiator=self,
            )
        except KnownError as exc:
            self._show_error(exc.message)
            return False
        log.info("check-in saved")
        self.discard_draft()
        self._fill(saved)
        self.taper.touched = False  # kept: from now on, the stored answer is what shows
        self.status.setText(
            translate(
                "ui.checkin.page", "Saved for {day_words}. Thank you for checking in."
            ).format(day_words=self._day_words())
        )
        self.reply.answer(saved)
        if self.reply.isVisible():  # below the form: brought into view once laid out
            QTimer.singleShot(0, lambda: self._bring_into_view(self.reply))
        return True

    def _bring_into_view(self, widget: QWidget) -> None:
        scroll = self.findChild(QScrollArea)
        if scroll is not None and widget.isVisible():
            scroll.ensureWidgetVisible(widget, 0, 24)

    def has_unsaved_changes(self) -> bool:
        return self._dirty
