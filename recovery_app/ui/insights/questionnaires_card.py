"""The questionnaires on Insights: the PHQ-9 and GAD-7 totals over time, and the way in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.insights.charts import Line
from recovery_app.core.insights.period import Period
from recovery_app.core.questionnaires.forms import FORMS, Kind, Taken, band
from recovery_app.ui.common.charts import ChartView
from recovery_app.ui.common.flow import button_row
from recovery_app.ui.common.requests import TakeQuestionnaire
from recovery_app.ui.common.style import Card, wrapped

_t = translate


def latest_words(kind: Kind, taken: list[Taken]) -> str:
    form = FORMS[kind]
    mine = [t for t in taken if t.kind is kind]
    if not mine:
        return _t("ui.insights.questionnaires_card", "{name}: not taken yet.").format(
            name=form.name
        )
    last = mine[-1]
    return _t(
        "ui.insights.questionnaires_card",
        "{name}: {total} of {most} on {day} (its published {band} range); taken {count} "
        "times in all.",
    ).format(
        name=form.name,
        total=last.total,
        most=form.most,
        day=f"{last.taken_at.day} {last.taken_at:%b %Y}",
        band=band(form, last.total).name,
        count=len(mine),
    )


class QuestionnairesCard(Card):
    requested = Signal(object)

    def __init__(self, taken: list[Taken], period: Period, parent: QWidget | None = None) -> None:
        super().__init__(_t("ui.insights.questionnaires_card", "Questionnaires"), parent)
        self.body.addWidget(
            wrapped(
                _t(
                    "ui.insights.questionnaires_card",
                    "Two short, widely used questionnaires, in their published words: the "
                    "PHQ-9 about mood and the GAD-7 about anxiety. Taken every couple of "
                    "weeks, they give you and your doctor a shared measure over time. They "
                    "are not a diagnosis. A reminder every two weeks can be turned on under "
                    "Meetings, in Reminders and calendars.",
                )
            )
        )
        for kind in Kind:
            self.body.addWidget(wrapped(latest_words(kind, taken)))
            inside = [
                t
                for t in taken
                if t.kind is kind and period.first <= t.taken_at.date() <= period.last
            ]
            if len(inside) >= 2:
                form = FORMS[kind]
                chart = Line(
                    _t("ui.insights.questionnaires_card", "{name} total (0–{most})").format(
                        name=form.name, most=form.most
                    ),
                    tuple(f"{t.taken_at.day} {t.taken_at:%b}" for t in inside),
                    tuple(float(t.total) for t in inside),
                    0,
                    form.most,
                )
                self.body.addWidget(ChartView(chart.name, chart, latest_words(kind, taken)))
        self.phq9 = QPushButton(_t("ui.insights.questionnaires_card", "Take the &PHQ-9 (mood)…"))
        self.gad7 = QPushButton(_t("ui.insights.questionnaires_card", "Take the G&AD-7 (anxiety)…"))
        self.phq9.clicked.connect(lambda: self.requested.emit(TakeQuestionnaire(Kind.PHQ9.value)))
        self.gad7.clicked.connect(lambda: self.requested.emit(TakeQuestionnaire(Kind.GAD7.value)))
        self.body.addLayout(button_row(self.phq9, self.gad7))
