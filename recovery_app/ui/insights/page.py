"""Insights: patterns in what the person logged, over a range of their choosing, each
with one plain sentence, a chart and its numbers. Patterns, never causes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.clock import today
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.insights.figures import Insights
from recovery_app.core.insights.period import RANGE_WORDS, Period, RangeChoice
from recovery_app.core.insights.sections import sections
from recovery_app.storage.insights.ops import insights
from recovery_app.storage.questionnaires.ops import history
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.requests import MakeReport, OpenCheckIn
from recovery_app.ui.common.start_date import from_qdate, to_qdate
from recovery_app.ui.common.style import Card, heading, scrolling_content, wrapped
from recovery_app.ui.common.widgets import StatusLine, narrow
from recovery_app.ui.insights.questionnaires_card import QuestionnairesCard
from recovery_app.ui.insights.section_card import SectionCard

SHOWN_BY = (
    Record.CHECKINS,
    Record.JOURNAL,
    Record.CHOICES,
    Record.MEETINGS,
    Record.PROFILE,
    Record.QUESTIONNAIRES,
)


class InsightsPage(QWidget):
    requested = Signal(object)  # a ui.common.requests value

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: Insights | None = None
        self.setAccessibleName(translate("ui.insights.page", "Insights"))
        outer = scrolling_content(self)
        outer.addWidget(heading(translate("ui.insights.page", "Insights")))
        outer.addWidget(
            wrapped(
                translate(
                    "ui.insights.page",
                    "Patterns in what you logged: when cravings came, what was going on, and "
                    "what you did to cope. They show what happened together, not why; your "
                    "own sense of it matters most.",
                )
            )
        )
        self.status = StatusLine(translate("ui.insights.page", "Message"))
        self.sections = QVBoxLayout()
        self.sections.setSpacing(16)
        outer.addLayout(self._controls())
        outer.addWidget(self.status)
        outer.addLayout(self.sections)
        outer.addStretch(1)
        # Read when first shown, when what it shows changes, and on a new day.
        RefreshOnChange(self, ctx.bus, SHOWN_BY, self.refresh, day=lambda: today(ctx.clock))

    def _controls(self) -> FlowRow:
        row = FlowRow()  # wraps at large text or in a longer language
        self.range = narrow(QComboBox(), 16)
        for choice in RangeChoice:
            self.range.addItem(RANGE_WORDS[choice], choice.value)
        self.range.setCurrentIndex(self.range.findData(RangeChoice.DAYS_90.value))
        label = QLabel(translate("ui.insights.page", "&Show:"))
        label.setBuddy(self.range)
        self.first = QDateEdit()
        self.last = QDateEdit()
        self.first_label = QLabel(translate("ui.insights.page", "&From"))
        self.last_label = QLabel(translate("ui.insights.page", "T&o"))
        for edit, buddy in ((self.first, self.first_label), (self.last, self.last_label)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            buddy.setBuddy(edit)
        end = today(self.ctx.clock)
        self.first.setDate(to_qdate(end).addDays(-29))
        self.last.setDate(to_qdate(end))
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _d: self._dates_changed())
        self.range.currentIndexChanged.connect(lambda _i: self._range_changed())
        self.report_button = QPushButton(translate("ui.insights.page", "Make a &report…"))
        self.report_button.setToolTip(
            translate(
                "ui.insights.page",
                "A PDF summary of this range to bring to an appointment, or the figures as CSV",
            )
        )
        self.report_button.clicked.connect(self._make_report)
        for widget in (label, self.range, self.first_label, self.first, self.last_label, self.last):
            row.addWidget(widget)
        row.add_stretch()
        row.addWidget(self.report_button)
        self._show_dates(False)
        return row

    def choice(self) -> RangeChoice:
        return RangeChoice(self.range.currentData())

    def _show_dates(self, shown: bool) -> None:
        for widget in (self.first_label, self.first, self.last_label, self.last):
            widget.setVisible(shown)

    def _dates_changed(self) -> None:
        if self.choice() is RangeChoice.CUSTOM:
            self.refresh()

    def _range_changed(self) -> None:
        self._show_dates(self.choice() is RangeChoice.CUSTOM)
        self.refresh()

    def set_range(self, choice: RangeChoice) -> None:
        self.range.setCurrentIndex(self.range.findData(choice.value))  # reads it again

    def refresh(self) -> None:
        custom = None
        if self.choice() is RangeChoice.CUSTOM:
            first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
            if last < first:
                self.status.setText(
                    translate(
                        "ui.insights.page",
                        "The first day is after the last day. Please choose the dates again.",
                    )
                )
                return
            custom = Period(first, last)
        try:
            found = insights(self.ctx.db, self.choice(), today(self.ctx.clock), custom)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.clear()
        self.current = found
        self._show(found)

    def _clear(self) -> None:
        while self.sections.count():
            item = self.sections.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _show(self, found: Insights) -> None:
        self._clear()
        nothing = found.craving_count == 0 and found.checkin_days == 0 and found.went == 0
        cards: list[QWidget] = (
            [self._empty_card()] if nothing else [SectionCard(s) for s in sections(found)]
        )
        self.questionnaires = QuestionnairesCard(history(self.ctx.db), found.period)
        self.questionnaires.requested.connect(self.requested)
        cards.append(self.questionnaires)
        for card in cards:
            self.sections.addWidget(card)
            card.show()  # now, not when the event loop next runs

    def _empty_card(self) -> Card:
        card = Card(translate("ui.insights.page", "Nothing to show for these days yet"))
        card.body.addWidget(
            wrapped(
                translate(
                    "ui.insights.page",
                    "Insights shows patterns once there are a few check-ins or cravings "
                    "logged. A daily check-in takes about 30 seconds; a craving can be "
                    "logged from Today or the Journal. Or choose a longer range above.",
                )
            )
        )
        start = QPushButton(translate("ui.insights.page", "Do today's &check-in"))
        start.clicked.connect(lambda: self.requested.emit(OpenCheckIn(today(self.ctx.clock))))
        card.body.addWidget(start)
        return card

    def _make_report(self) -> None:
        period = self.current.period if self.current is not None else None
        if period is not None:
            self.requested.emit(MakeReport(period.first, period.last))
