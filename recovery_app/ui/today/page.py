"""Today: a greeting, days in recovery, today's check-in and the last week at a glance."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.checkin.checkin import CheckIn, UsedToday, UseQuestion, scale_words
from recovery_app.core.checkin.milestones import milestone_message
from recovery_app.core.checkin.progress import RecoveryProgress, compute_progress
from recovery_app.core.clock import day_start, to_local, today
from recovery_app.core.durations import describe_span
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.journal.entries import OUTCOME_WORDS
from recovery_app.storage.checkin.summary import TodaySummary
from recovery_app.storage.journal.queries import EntryListRow
from recovery_app.storage.today import read_today
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.formatting import days_words, long_day, short_day
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.requests import (
    ChangeStartDate,
    LogCraving,
    OpenCheckIn,
    OpenEntry,
    RideOutCraving,
)
from recovery_app.ui.common.style import (
    Card,
    Hero,
    heading,
    scrolling_content,
    set_primary,
    wrapped,
)
from recovery_app.ui.common.wrapping import WrappingButton
from recovery_app.ui.today.review_days import REVIEW_OFFER


def greeting(hour: int) -> str:
    if 5 <= hour < 12:
        return translate("ui.today.page", "Good morning")
    if 12 <= hour < 18:
        return translate("ui.today.page", "Good afternoon")
    return translate("ui.today.page", "Good evening")


class TodayPage(QWidget):
    requested = Signal(object)  # a ui.common.requests value
    dataShown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        self.setAccessibleName(translate("ui.today.page", "Today"))
        outer = scrolling_content(self, spacing=16)
        self.greeting = heading("")
        self.date_label = wrapped("")
        outer.addWidget(self.greeting)
        outer.addWidget(self.date_label)
        self.hero = Hero(translate("ui.today.page", "Your recovery at a glance"))
        outer.addWidget(self.hero)
        # On a bad day: a hand, not a form (the craving flow asks nothing first).
        self.ride_button = WrappingButton(
            translate(
                "ui.today.page",
                "I'm having a craving: ride it out with a timer, breathing and quick skills "
                "(Ctrl+Shift+H)",
            ),
            centred=True,
        )
        self.ride_button.setObjectName("craving")
        self.ride_button.setAccessibleName(
            translate("ui.today.page", "I'm having a craving: ride it out")
        )
        self.ride_button.clicked.connect(lambda: self.requested.emit(RideOutCraving()))
        outer.addWidget(self.ride_button)
        self._counting = False

        self.recovery_card = Card(translate("ui.today.page", "Your recovery"))
        self.time_label = wrapped()
        self.time_label.setAccessibleName(translate("ui.today.page", "Time since your start date"))
        self.run_label = wrapped()
        self.run_label.setAccessibleName(translate("ui.today.page", "Current run"))
        self.total_label = wrapped()
        self.total_label.setAccessibleName(translate("ui.today.page", "Days in recovery"))
        self.longest_label = wrapped()
        self.longest_label.setAccessibleName(translate("ui.today.page", "Longest run"))
        self.runs_label = wrapped()
        self.runs_label.setAccessibleName(translate("ui.today.page", "Earlier runs"))
        self.milestone_label = wrapped()
        self.milestone_label.setAccessibleName(translate("ui.today.page", "Milestone"))
        self.start_button = QPushButton()
        self.start_button.clicked.connect(lambda: self.requested.emit(ChangeStartDate()))
        for widget in (self.time_label, self.total_label, self.run_label, self.longest_label,
                       self.runs_label, self.milestone_label):  # fmt: skip
            self.recovery_card.body.addWidget(widget)
        start_row = FlowRow()
        start_row.add_stretch()
        start_row.addWidget(self.start_button)
        self.recovery_card.body.addLayout(start_row)
        outer.addWidget(self.recovery_card)
        outer.addWidget(self._review_card())

        checkin_card = Card(translate("ui.today.page", "Today's check-in"))
        self.checkin_status = wrapped()
        self.checkin_status.setAccessibleName(translate("ui.today.page", "Today's check-in status"))
        self.checkin_button = QPushButton()
        self.checkin_button.clicked.connect(
            lambda: self.requested.emit(OpenCheckIn(today(self.clock)))
        )
        row = QHBoxLayout()  # the words take the width and wrap; the button keeps its size
        row.addWidget(self.checkin_status, 1)
        row.addWidget(self.checkin_button)
        checkin_card.body.addLayout(row)
        outer.addWidget(checkin_card)

        outer.addWidget(self._cravings_card())
        self.meetings_card = Card(translate("ui.today.page", "This week's meetings"))
        self.meetings_label = wrapped()
        self.meetings_label.setAccessibleName(translate("ui.today.page", "This week's meetings"))
        self.meetings_card.body.addWidget(self.meetings_label)
        outer.addWidget(self.meetings_card)

        week_card = Card(translate("ui.today.page", "The last 7 days"))
        self.week_hint = wrapped()
        self.week_hint.setAccessibleName(translate("ui.today.page", "About the last 7 days"))
        week_card.body.addWidget(self.week_hint)
        self.week_grid = FlowRow()  # one row, or two in a narrow window
        self.day_buttons: list[QPushButton] = []
        for column in range(7):
            button = QPushButton()
            button.setObjectName("dayTile")
            button.clicked.connect(lambda _=False, c=column: self._day_clicked(c))
            self.day_buttons.append(button)
            self.week_grid.addWidget(button)
        week_card.body.addLayout(self.week_grid)
        outer.addWidget(week_card)
        outer.addStretch(1)

        self._week_days: list[date] = []
        # Each time it is shown, Today is read again anyway: the day may have changed.
        RefreshOnChange(
            self,
            ctx.bus,
            (Record.CHECKINS, Record.PROFILE, Record.JOURNAL, Record.MEETINGS),
            self.refresh,
            every_show=True,
        )

    def _review_card(self) -> Card:
        """Offered once, while earlier "yes" days answered to the old question are kept."""
        self.review_card = Card(translate("ui.today.page", "Earlier days"))
        self.review_card.body.addWidget(wrapped(REVIEW_OFFER))
        self.review_button = QPushButton(translate("ui.today.page", "Review those days…"))
        self.review_button.setAccessibleName(
            translate("ui.today.page", "Review earlier days marked as use")
        )
        self.review_button.clicked.connect(self.review_earlier_days)
        self.review_later = QPushButton(translate("ui.today.page", "No thanks"))
        self.review_later.setAccessibleName(translate("ui.today.page", "Don't offer this again"))
        self.review_later.clicked.connect(self._put_review_away)
        row = FlowRow()
        row.add_stretch()
        row.addWidget(self.review_later)
        row.addWidget(self.review_button)
        self.review_card.body.addLayout(row)
        self.review_card.hide()
        return self.review_card

    def review_earlier_days(self) -> None:
        from recovery_app.storage.checkin.ops import earlier_question_slips, were_prescribed
        from recovery_app.ui.today.review_days import ReviewDaysDialog

        days = ReviewDaysDialog.ask(earlier_question_slips(self.db), self)
        if days is None:
            return
        try:  # announced as a change of check-ins: Today reads itself again
            self.ctx.ops.run(lambda: were_prescribed(self.db, days, self.clock.now()), self)
        except KnownError:
            return  # the days stay as they were; the offer stays too

    def _put_review_away(self) -> None:
        from recovery_app.storage.checkin.ops import review_offered

        try:
            self.ctx.ops.run(lambda: review_offered(self.db), self)
        except KnownError:
            return
        self.review_card.hide()

    def _cravings_card(self) -> Card:
        card = Card(translate("ui.today.page", "Cravings today"))
        self.cravings_status = wrapped()
        self.cravings_status.setAccessibleName(translate("ui.today.page", "Cravings today"))
        self.craving_button = QPushButton(translate("ui.today.page", "Log a craving (Ctrl+N)"))
        self.craving_button.setAccessibleName(translate("ui.today.page", "Log a craving"))
        self.craving_button.clicked.connect(lambda: self.requested.emit(LogCraving()))
        row = QHBoxLayout()
        row.addWidget(self.cravings_status, 1)
        row.addWidget(self.craving_button)
        card.body.addLayout(row)
        self.craving_list = QVBoxLayout()
        self.craving_list.setSpacing(4)
        card.body.addLayout(self.craving_list)
        return card

    def refresh(self) -> None:
        if self.db.closed:  # locked or deleted since this was queued
            return
        now = self.clock.now()
        data = read_today(
            self.db,
            now.date(),
            day_start(now.date(), self.clock),
            day_start(now.date() + timedelta(days=1), self.clock),
        )
        summary, cravings = data.summary, data.cravings
        self.greeting.setText(greeting(now.hour))
        self.date_label.setText(long_day(summary.today))
        self._show_recovery(summary)
        self.review_card.setVisible(
            bool(summary.earlier_question_slips) and not summary.review_offered
        )
        self._show_checkin(summary.todays_checkin)
        self._show_week(summary)
        self._show_cravings(cravings)
        self.dataShown.emit()
        # Recurrence rules load dateutil: after the page shows, not before.
        QTimer.singleShot(0, self._show_meetings)

    def _show_meetings(self) -> None:
        from recovery_app.core.meetings.schedule import agenda
        from recovery_app.storage.meetings.ops import all_meetings

        if self.db.closed:  # locked or deleted since this was queued
            return
        now = self.clock.now()
        meetings = all_meetings(self.db)
        week = agenda(meetings, now, 7)
        if not meetings:
            self.meetings_label.setText(
                translate(
                    "ui.today.page",
                    "No meetings yet. Add your groups on the Meetings page to get reminders.",
                )
            )
        elif not week:
            self.meetings_label.setText(
                translate("ui.today.page", "No meetings in the next 7 days.")
            )
        else:
            self.meetings_label.setText(
                "<br>".join(
                    f"{to_local(o.start, self.clock):%a %d %b, %H:%M} · {escape(o.meeting.name)}"
                    + (translate("ui.today.page", " (moved)") if o.moved else "")
                    for o in week[:10]
                )
            )

    def _show_cravings(self, cravings: list[EntryListRow]) -> None:
        while (item := self.craving_list.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        if not cravings:
            self.cravings_status.setText(
                translate(
                    "ui.today.page",
                    "None logged today. If one comes, log it here: noticing a craving is a skill.",
                )
            )
            return
        count = len(cravings)
        self.cravings_status.setText(
            translate("ui.today.page", "1 logged today. Each one you get through is a win.")
            if count == 1
            else translate(
                "ui.today.page",
                "{count} logged today (newest first). Each one you get through is a win.",
            ).format(count=count)
        )
        for c in cravings:
            parts = [
                f"{to_local(c.occurred_at, self.clock):%H:%M}",
                translate("ui.today.page", "strength {intensity}/10").format(intensity=c.intensity),
            ]
            parts += [p for p in (c.triggers, OUTCOME_WORDS[c.outcome] if c.outcome else "") if p]
            button = WrappingButton(" · ".join(parts))
            button.setAccessibleName(
                translate("ui.today.page", "Open craving: {what}").format(what=" · ".join(parts))
            )
            button.setToolTip(translate("ui.today.page", "Open to add details"))
            button.clicked.connect(lambda _=False, uid=c.uid: self.requested.emit(OpenEntry(uid)))
            self.craving_list.addWidget(button)

    def _show_recovery(self, s: TodaySummary) -> None:
        counting = self._counting = s.start_date is not None
        for label in (self.run_label, self.total_label, self.milestone_label):
            label.setVisible(counting)
        self.longest_label.hide()
        self.runs_label.hide()
        if s.start_date is None:
            self.time_label.setText(
                translate(
                    "ui.today.page",
                    "You chose not to count days, and that's okay. Every check-in still counts. "
                    "If you ever want a day count, you can set a start date.",
                )
            )
            self.start_button.setText(translate("ui.today.page", "Set a start date"))
            self.start_button.setAccessibleName(
                translate("ui.today.page", "Set a recovery start date")
            )
            return
        self.start_button.setText(translate("ui.today.page", "Change start date"))
        self.start_button.setAccessibleName(
            translate("ui.today.page", "Change recovery start date")
        )
        if s.start_date == s.today:
            # No zero counts on the very first day: just a welcome and the first milestone.
            self.run_label.hide()
            self.total_label.hide()
            self.time_label.setText(
                translate("ui.today.page", "Your recovery starts today. Welcome — this is day one.")
            )
            self.hero.show_figure(
                translate("ui.today.page", "Day one"),
                translate("ui.today.page", "Your recovery starts today. Welcome."),
            )
        else:
            self.time_label.setText(
                translate(
                    "ui.today.page",
                    "Time since you began: <b>{describe_span}</b> (since {long_day})",
                ).format(
                    describe_span=describe_span(s.start_date, s.today),
                    long_day=long_day(s.start_date),
                )
            )
        p = compute_progress(s.start_date, s.today, s.slip_days)
        self.total_label.setText(
            (
                translate(
                    "ui.today.page",
                    "Days in recovery: <b>{total_free_days:,}</b> — a slip never erases these.",
                )
                if p.slip_days
                else translate("ui.today.page", "Days in recovery: <b>{total_free_days:,}</b>")
            ).format(total_free_days=p.total_free_days)
        )
        self.run_label.setText(
            translate("ui.today.page", "Current run: <b>{days_words}</b>").format(
                days_words=days_words(p.current_run_days)
            )
        )
        if s.start_date != s.today:
            self.hero.show_figure(
                days_words(p.total_free_days),
                translate(
                    "ui.today.page", "in recovery · current run {days_words}. One day at a time."
                ).format(days_words=days_words(p.current_run_days)),
            )
        self._show_runs(p)
        if s.today in s.slip_days:
            self.milestone_label.setText(
                translate(
                    "ui.today.page",
                    "Today has been hard. Be gentle with yourself: tomorrow is a fresh start, "
                    "and every day you have already done is still yours.",
                )
            )
        else:
            self.milestone_label.setText(milestone_message(p.run_start, s.today))

    def _show_runs(self, p: RecoveryProgress) -> None:
        """The longest run and the earlier ones: kept, whatever came after them."""
        earlier = p.earlier_runs
        if not earlier:
            return
        self.longest_label.setText(
            translate("ui.today.page", "Longest run: <b>{days_words}</b>").format(
                days_words=days_words(p.longest_run_days)
            )
        )
        self.longest_label.show()
        shown = [
            translate("ui.today.page", "{days_words} ({short_day} to {short_day2})").format(
                days_words=days_words(r.days),
                short_day=short_day(r.first),
                short_day2=short_day(r.last),
            )
            for r in earlier[:3]
        ]
        more = len(earlier) - len(shown)
        self.runs_label.setText(
            (
                translate("ui.today.page", "Earlier runs: {runs}; and {more} more.")
                if more > 0
                else translate("ui.today.page", "Earlier runs: {runs}.")
            ).format(runs="; ".join(shown), more=more)
        )
        self.runs_label.show()

    def _show_checkin(self, c: CheckIn | None) -> None:
        if c is None:
            self.checkin_status.setText(
                translate("ui.today.page", "Not done yet. It takes about 30 seconds.")
            )
            self.checkin_button.setText(translate("ui.today.page", "Do today's check-in"))
            if not self._counting:
                self.hero.show_figure(
                    translate("ui.today.page", "How are you today?"),
                    translate("ui.today.page", "Your check-in takes about 30 seconds."),
                )
        else:
            used = {
                UsedToday.NO: "no use outside your plan",
                UsedToday.YES: "use outside your plan noted",
                UsedToday.PREFER_NOT_TO_SAY: "",
            }[c.used]
            old_question = c.use_question is UseQuestion.USED_TODAY
            if old_question and c.used is not UsedToday.PREFER_NOT_TO_SAY:
                used = translate("ui.today.page", "“used today”: {value}").format(
                    value=c.used.value
                )
            details = translate(
                "ui.today.page",
                "Mood: {mood_word} · anxiety {scale_words} · craving {scale_words2}",
            ).format(
                mood_word=c.mood_word,
                scale_words=scale_words(c.anxiety),
                scale_words2=scale_words(c.craving),
            )
            self.checkin_status.setText(
                translate("ui.today.page", "Done. {details}").format(details=details)
                + (f" · {used}" if used else "")
            )
            self.checkin_button.setText(translate("ui.today.page", "Edit today's check-in"))
            if not self._counting:
                self.hero.show_figure(
                    translate("ui.today.page", "Mood today: {mood_word}").format(
                        mood_word=c.mood_word
                    ),
                    translate("ui.today.page", "Checked in. Well done."),
                )
        set_primary(self.checkin_button, c is None)
        self.checkin_button.setAccessibleName(self.checkin_button.text())

    def _show_week(self, s: TodaySummary) -> None:
        by_day = {c.day: c for c in s.week}
        self._week_days = [s.today - timedelta(days=6 - i) for i in range(7)]
        for button, day in zip(self.day_buttons, self._week_days, strict=True):
            c = by_day.get(day)
            mood = c.mood_word if c else translate("ui.today.page", "No check-in")
            weekday = translate("ui.today.page", "Today") if day == s.today else f"{day:%a}"
            button.setText(f"{weekday}\n{day.day} {day:%b}\n{mood}")
            button.setAccessibleName(
                translate("ui.today.page", "{long_day}: {mood}. Open this day's check-in.").format(
                    long_day=long_day(day), mood=mood
                )
            )
            button.setToolTip(
                translate("ui.today.page", "Open the check-in for {long_day}").format(
                    long_day=long_day(day)
                )
            )
        if s.checkin_count == 0:
            self.week_hint.setText(
                translate(
                    "ui.today.page",
                    "Your week will show here after your first check-in. Start with today's — "
                    "there are no wrong answers.",
                )
            )
        else:
            self.week_hint.setText(
                translate(
                    "ui.today.page",
                    (
                        "You have checked in on {len} of the last 7 days. Choose a day to see "
                        "or fill it in."
                    ),
                ).format(len=len(s.week))
            )

    def _day_clicked(self, column: int) -> None:
        if self._week_days:
            self.requested.emit(OpenCheckIn(self._week_days[column]))
