"""When a craving hits: a hand, not a form.

The flow opens on the timer and the breathing at once, asking nothing first. From
there: quick skills, the person's own people, Get help, and a quick hide for when
someone walks in (it keeps its state). At the end, "How strong is it now?" and one
click to a craving entry filled in from the ride, which the person checks and saves.

Its own window, so it opens over any form that is open (a modal form blocks the
main window). While the app is locked it offers only what holds no personal data:
the timer, the breathing and the skills.
"""

from __future__ import annotations

import html
import math
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.clock import Clock, to_local
from recovery_app.core.help.contacts import Contact
from recovery_app.core.i18n import translate
from recovery_app.core.toolkit.reasons import Reason
from recovery_app.core.toolkit.skills import BY_KEY, CALLED_COPING, SKILLS
from recovery_app.core.toolkit.urge import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    Ride,
    clock_words,
    remaining,
)
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import (
    Card,
    heading,
    scrolling_content,
    set_font_scale,
    set_primary,
    wrapped,
)
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import fit_on_screen
from recovery_app.ui.common.wrapping import WrappingCheckBox
from recovery_app.ui.toolkit.breathing import BreathingGuide
from recovery_app.ui.toolkit.page import steps_html

TICK_MS = 200  # the breathing circle moves smoothly; the clock is read each time


def _t(text: str) -> str:
    return translate("ui.toolkit.craving_flow", text)


class CravingFlow(QDialog):
    logRequested = Signal(object)  # the Ride, the strength now, the coping names kept
    helpRequested = Signal()
    hideRequested = Signal()  # someone walked in: the app goes away, the flow keeps its state
    motionChanged = Signal(bool)  # the moving circle on or off, to remember

    def __init__(
        self,
        clock: Clock,
        people: list[Contact] | None,
        parent: QWidget | None = None,
        reasons: list[Reason] | None = None,
        favourites: list[str] | None = None,
        motion: bool = True,
    ) -> None:
        """``people`` None: the app is locked (nothing personal is shown). ``favourites``:
        skill keys shown first."""
        super().__init__(parent)
        self.reasons = reasons or []
        self.favourites = favourites or []
        self._motion = motion
        self.clock = clock
        self.ride = Ride(clock.now())
        self.locked = people is None
        self.setWindowTitle(_t("Riding out a craving"))
        self.setAccessibleName(_t("Riding out a craving"))
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own, with its own size
        fit_on_screen(self, 760, 760)
        self.steps = QStackedWidget()
        self.ride_step = self._ride_step(people)
        self.skill_step, self.skill_parts = self._skill_step()
        self.end_step = self._end_step()
        for step in (self.ride_step, self.skill_step, self.end_step):
            self.steps.addWidget(step)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self._always_there())
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.setProperty("ownHelpKeys", True)
        QShortcut(QKeySequence("Ctrl+H"), self, self.quick_hide)
        QShortcut(QKeySequence("F1"), self, self.helpRequested.emit)
        self._breathing_since: datetime | None = None
        self._skill_minutes = 0
        self.ended_at: datetime | None = None
        self.tick()
        first = next(iter(self.skill_buttons.values()))
        first.setFocus()  # the keyboard starts on a skill, not on the page

    # -- the steps -----------------------------------------------------------------
    def _ride_step(self, people: list[Contact] | None) -> QWidget:
        page = QWidget()
        body = scrolling_content(page)
        body.addWidget(heading(_t("You can ride this out"), 1.6))
        body.addWidget(
            wrapped(
                _t(
                    "An urge is like a wave: it rises, peaks and passes, usually within 15 "
                    "to 30 minutes. You don't have to act on it. Breathe with the circle "
                    "while the timer runs."
                )
            )
        )
        timer_card = Card(_t("The wave passes"))
        self.time_left = QLabel()
        self.time_left.setObjectName("heroFigure")
        set_font_scale(self.time_left, 2.2)
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(_t(" minutes"))
        self.minutes.setAccessibleName(_t("Timer length"))
        self.minutes.valueChanged.connect(self._minutes_changed)
        minutes_label = QLabel(_t("&Timer"))
        minutes_label.setBuddy(self.minutes)
        row = FlowRow()
        row.addWidget(self.time_left)
        row.add_stretch()
        row.addWidget(minutes_label)
        row.addWidget(self.minutes)
        timer_card.body.addLayout(row)
        self.breathing = BreathingGuide()
        timer_card.body.addWidget(self.breathing)
        options = FlowRow()
        self.motion = QCheckBox(_t("&Moving circle"))
        self.motion.setChecked(self._motion)
        self.breathing.set_motion(self._motion)
        self.motion.toggled.connect(self.breathing.set_motion)
        self.motion.toggled.connect(self.motionChanged.emit)
        self.announce = QCheckBox(_t("Say each breath to my screen &reader"))
        options.addWidget(self.motion)
        options.addWidget(self.announce)
        timer_card.body.addLayout(options)
        self.strength = QSpinBox()
        self.strength.setRange(-1, 10)
        self.strength.setValue(-1)
        self.strength.setSpecialValueText(_t("not said"))
        self.strength.setAccessibleName(_t("How strong the craving is now, 0 to 10 (optional)"))
        self.strength.valueChanged.connect(self._strength_at_start)
        strength_label = QLabel(_t("How strong is it, 0 to 10? (&optional)"))
        strength_label.setBuddy(self.strength)
        strength_row = FlowRow()
        strength_row.addWidget(strength_label)
        strength_row.addWidget(self.strength)
        strength_row.add_stretch()
        timer_card.body.addLayout(strength_row)
        body.addWidget(timer_card)

        skills = Card(_t("Quick skills"))
        skills.body.addWidget(wrapped(_t("Pick one to try while the timer runs.")))
        grid = FlowRow()
        self.skill_buttons: dict[str, QPushButton] = {}
        first = [s for s in SKILLS if s.key in self.favourites]
        for skill in first + [s for s in SKILLS if s not in first]:
            button = QPushButton(
                _t("★ {skill}").format(skill=skill.title) if skill in first else skill.title
            )
            button.setAccessibleName(
                (
                    _t("Try {skill}, a favourite: {summary}")
                    if skill in first
                    else _t("Try {skill}: {summary}")
                ).format(skill=skill.title, summary=skill.summary)
            )
            button.clicked.connect(lambda _=False, key=skill.key: self.open_skill(key))
            grid.addWidget(button)
            self.skill_buttons[skill.key] = button
        skills.body.addLayout(grid)
        body.addWidget(skills)

        if people is not None:
            body.addWidget(self._reasons_card())
            body.addWidget(self._people_card(people))
        self.finish_button = QPushButton(_t("&It has passed, or I'm done: next"))
        self.finish_button.setAccessibleName(_t("Finish: how strong is it now?"))
        self.finish_button.clicked.connect(self.finish)
        end_row = FlowRow()
        end_row.add_stretch()
        end_row.addWidget(self.finish_button)
        body.addLayout(end_row)
        body.addStretch(1)
        return page

    def _reasons_card(self) -> Card:
        card = Card(_t("My reasons"))
        if not self.reasons:
            card.body.addWidget(
                wrapped(
                    _t(
                        "On a good day, write down why recovery matters to you on the "
                        "Toolkit page (Ctrl+6). Your words will be here when you need them."
                    )
                )
            )
            return card
        for reason in self.reasons:
            line = wrapped(reason.text)
            line.setTextFormat(Qt.TextFormat.PlainText)  # the person's words, never markup
            set_font_scale(line, 1.1, bold=False)
            card.body.addWidget(line)
        return card

    def _people_card(self, people: list[Contact]) -> Card:
        card = Card(_t("My people"))
        if not people:
            card.body.addWidget(
                wrapped(
                    _t(
                        "Talking to someone helps. Add the people you can call on a hard "
                        "day in Get help (F1), and they will be here."
                    )
                )
            )
            return card
        card.body.addWidget(wrapped(_t("Call or text someone. Saying it out loud helps.")))
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        for row, person in enumerate(people[:6]):
            name = wrapped(
                f"<b>{html.escape(person.name)}</b>"
                + (f" · {html.escape(person.role)}" if person.role else "")
            )
            number = QLabel(person.phone)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            copy = QPushButton(_t("Copy"))
            copy.setAccessibleName(_t("Copy the number for {name}").format(name=person.name))
            copy.clicked.connect(lambda _=False, p=person: self._copy(p))
            grid.addWidget(name, row, 0)
            grid.addWidget(number, row, 1)
            grid.addWidget(copy, row, 2)
        card.body.addLayout(grid)
        self.copied = StatusLine(_t("Copied"))
        card.body.addWidget(self.copied)
        return card

    def _skill_step(self) -> tuple[QWidget, dict[str, QLabel]]:
        page = QWidget()
        body = scrolling_content(page)
        parts = {
            "title": heading("", 1.5),
            "summary": wrapped(),
            "caution": wrapped(),
            "steps": wrapped(),
            "method": wrapped(),
        }
        parts["caution"].setObjectName("warning")
        parts["method"].setObjectName("muted")
        parts["steps"].setTextFormat(Qt.TextFormat.RichText)
        for key in ("title", "summary", "caution", "steps", "method"):
            body.addWidget(parts[key])
        self.back_button = QPushButton(_t("&Back to the timer"))
        self.back_button.clicked.connect(self.back_to_timer)
        self.skill_timer = QPushButton()  # for a skill that needs its own time
        self.skill_timer.clicked.connect(self._skill_time)
        row = FlowRow()
        row.addWidget(self.back_button)
        row.addWidget(self.skill_timer)
        row.add_stretch()
        body.addLayout(row)
        body.addStretch(1)
        return page, parts

    def _end_step(self) -> QWidget:
        page = QWidget()
        body = scrolling_content(page)
        body.addWidget(heading(_t("How is it now?"), 1.6))
        self.end_words = wrapped()
        body.addWidget(self.end_words)
        self.strength_now = QSpinBox()
        self.strength_now.setRange(-1, 10)
        self.strength_now.setValue(-1)
        self.strength_now.setSpecialValueText(_t("not said"))
        self.strength_now.setAccessibleName(_t("How strong it is now, 0 to 10"))
        now_label = QLabel(_t("How strong is it &now, 0 to 10?"))
        now_label.setBuddy(self.strength_now)
        row = FlowRow()
        row.addWidget(now_label)
        row.addWidget(self.strength_now)
        row.add_stretch()
        body.addLayout(row)
        body.addWidget(heading(_t("What helped (untick what didn't)"), 1.15))
        self.used_box = QVBoxLayout()
        body.addLayout(self.used_box)
        self.used: dict[str, QCheckBox] = {}
        self.log_button = QPushButton(_t("&Log it…"))
        self.log_button.setAccessibleName(_t("Log this craving: check the entry and save it"))
        set_primary(self.log_button)
        self.log_button.clicked.connect(self.log)
        self.locked_words = wrapped(
            _t("Unlock the app to log it. What you did still counts, logged or not.")
        )
        again = QPushButton(_t("Back to the &timer"))
        again.clicked.connect(self.back_to_timer)
        close = QPushButton(_t("&Close without logging"))
        close.clicked.connect(self.reject)
        buttons = FlowRow()
        buttons.addWidget(self.log_button)
        buttons.addWidget(again)
        buttons.add_stretch()
        buttons.addWidget(close)
        body.addWidget(self.locked_words)
        body.addLayout(buttons)
        body.addStretch(1)
        self.log_button.setVisible(not self.locked)
        self.locked_words.setVisible(self.locked)
        return page

    def _always_there(self) -> QWidget:
        """Get help and a quick hide, on every step."""
        bar = QWidget()
        bar.setObjectName("flowBar")
        row = FlowRow(bar)
        row.setContentsMargins(32, 8, 32, 16)
        help_button = QPushButton(_t("&Get help (F1)"))
        help_button.setObjectName("getHelp")
        help_button.setAccessibleName(_t("Get help now"))
        help_button.clicked.connect(self.helpRequested.emit)
        crisis = QLabel(_t("In crisis: call or text <b>988</b>. In danger: call <b>911</b>."))
        crisis.setAccessibleName(_t("In crisis: call or text 988. In danger: call 911."))
        hide = QPushButton(_t("&Hide now (Ctrl+H)"))
        hide.setAccessibleName(_t("Hide the app now; this stays as it is"))
        hide.clicked.connect(self.quick_hide)
        row.addWidget(help_button)
        row.addWidget(crisis)
        row.add_stretch()
        row.addWidget(hide)
        return bar

    # -- what happens ----------------------------------------------------------------
    def tick(self) -> None:
        now = self.clock.now()
        elapsed = (now - self.ride.started).total_seconds()
        left = remaining(self.ride.started, now, self.ride.minutes)
        if left.total_seconds() > 0:
            text = _t("{time} left").format(time=clock_words(left))
        else:
            text = _t("The {minutes} minutes are up. Well done.").format(minutes=self.ride.minutes)
        set_primary(self.finish_button, left.total_seconds() <= 0)
        if text != self.time_left.text():
            self.time_left.setText(text)
        turned = self.breathing.show_at(elapsed)
        if self.steps.currentWidget() is self.ride_step and self.isVisible():
            if self._breathing_since is None:
                self._breathing_since = now
            elif (now - self._breathing_since).total_seconds() >= 10:
                self.ride.breathed = True  # a full breath with the guide in view
        else:
            self._breathing_since = None
        if self.announce.isChecked() and turned and self.isVisible():
            words = self.breathing.words.text()
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.breathing, words))

    def _minutes_changed(self, minutes: int) -> None:
        self.ride.minutes = minutes
        self.tick()

    def _strength_at_start(self, value: int) -> None:
        self.ride.strength_at_start = None if value < 0 else value

    def open_skill(self, key: str) -> None:
        skill = BY_KEY[key]
        self.ride.used(key)
        self.skill_parts["title"].setText(skill.title)
        self.skill_parts["title"].setAccessibleName(skill.title)
        self.skill_parts["summary"].setText(skill.summary)
        self.skill_parts["caution"].setText(skill.caution)
        self.skill_parts["caution"].setVisible(bool(skill.caution))
        self.skill_parts["steps"].setText(steps_html(skill))
        self.skill_parts["steps"].setAccessibleName(" ".join(skill.steps))
        self.skill_parts["method"].setText(skill.method)
        self._skill_minutes = skill.timer_minutes
        self.skill_timer.setVisible(bool(skill.timer_minutes))
        self.skill_timer.setText(
            _t("&Wait {n} more minutes on the timer").format(n=skill.timer_minutes)
        )
        self.steps.setCurrentWidget(self.skill_step)
        self.back_button.setFocus()

    def _skill_time(self) -> None:
        """The timer runs on for the skill's minutes from now (the ride's start stays)."""
        elapsed = (self.clock.now() - self.ride.started).total_seconds() / 60
        self.minutes.setValue(min(MAX_MINUTES, math.ceil(elapsed) + self._skill_minutes))
        self.back_to_timer()

    def back_to_timer(self) -> None:
        self.steps.setCurrentWidget(self.ride_step)
        self.finish_button.setFocus()

    def finish(self) -> None:
        now = self.ended_at = self.clock.now()  # the entry says what this step says
        minutes = self.ride.minutes_until(now)
        since = to_local(self.ride.started, self.clock)
        self.end_words.setText(
            (
                _t("You stayed with it for 1 minute, since {time}. That counts.")
                if minutes == 1
                else _t("You stayed with it for {minutes} minutes, since {time}. That counts.")
            ).format(minutes=minutes, time=f"{since:%H:%M}")
        )
        for box in self.used.values():
            self.used_box.removeWidget(box)
            box.deleteLater()
        self.used = {}
        names = self.ride.coping_names()
        if self.ride.called:
            names.append(CALLED_COPING)
        for name in names:
            box = WrappingCheckBox(name)
            box.setChecked(True)
            self.used_box.addWidget(box)
            self.used[name] = box
        self.steps.setCurrentWidget(self.end_step)
        self.strength_now.setFocus()

    def log(self) -> None:
        kept = [name for name, box in self.used.items() if box.isChecked()]
        value = self.strength_now.value()
        ended = self.ended_at or self.clock.now()
        self.logRequested.emit((self.ride, None if value < 0 else value, kept, ended))
        self.accept()

    def allow_logging(self) -> None:
        """The app was unlocked while this ride went on: it can be logged now (the
        person's people and reasons stay out of it; reopening shows them)."""
        self.locked = False
        self.log_button.show()
        self.locked_words.hide()

    def quick_hide(self) -> None:
        self.hide()
        self.hideRequested.emit()

    def _copy(self, person: Contact) -> None:
        QGuiApplication.clipboard().setText(person.phone)
        self.ride.called = True
        self.copied.setText(_t("Copied {number}.").format(number=person.phone))

    # -- the timer runs only while the flow shows ---------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
        self.tick()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)
