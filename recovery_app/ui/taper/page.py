"""The taper diary: the plan exactly as the prescriber wrote it, today's doses as
planned, and what was taken each day (a different dose is recorded as that, never as
a slip). The app never suggests or changes a dose."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.clock import today
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.insights.charts import Line
from recovery_app.core.questionnaires.forms import FORMS, Kind
from recovery_app.core.taper.plan import (
    DOSE_WORDS,
    STANDING_NOTICE,
    DoseDay,
    DoseTaken,
    TaperPlan,
    as_number,
    doses_words,
    total,
)
from recovery_app.core.taper.symptoms import RATING_WORDS, SymptomDay
from recovery_app.storage.questionnaires.ops import history
from recovery_app.storage.taper.ops import (
    current_plan,
    dose_days,
    plan_versions,
    record_dose_day,
    symptom_days,
)
from recovery_app.ui.common.card_list import CardList
from recovery_app.ui.common.charts import ChartView
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.dose_answer import DoseAnswer
from recovery_app.ui.common.flow import button_row
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.style import Card, heading, scrolling_content, set_primary, wrapped
from recovery_app.ui.common.widgets import StatusLine, accepted

_t = translate
CHART_DAYS = 90


def plan_html(plan: TaperPlan) -> str:
    """The plan as typed, to print and check with the prescriber."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(f'{s.starts.day} {s.starts:%B %Y}')}</td>"
        f"<td>{e(doses_words(s, plan.unit))}</td><td>{e(s.note)}</td></tr>"
        for s in plan.steps
    )
    saved = f"{plan.saved_at.day} {plan.saved_at:%B %Y}" if plan.saved_at else ""
    facts = " · ".join(p for p in (plan.medicine, plan.form, plan.strength) if p)
    typed = _t("ui.taper.page", "As I typed it from my prescriber on {day}.").format(day=saved)
    return (
        f"<h1>{e(_t('ui.taper.page', 'My taper plan'))}</h1>"
        f"<p>{e(facts)}</p>"
        f"<p>{e(plan.changed_by)}</p>"
        f"<p>{e(typed)}</p>"
        '<table border="1" cellspacing="0" cellpadding="4">'
        f"<tr><th>{e(_t('ui.taper.page', 'From'))}</th><th>{e(_t('ui.taper.page', 'Doses'))}</th>"
        f"<th>{e(_t('ui.taper.page', 'Note'))}</th></tr>{rows}</table>"
        f"<p>{e(STANDING_NOTICE)}</p>"
    )


def taken_total(plan: TaperPlan, entry: DoseDay) -> float | None:
    """What was taken that day, summed only from amounts typed as plain numbers."""
    if entry.taken is DoseTaken.MISSED:
        return 0.0
    if entry.taken is DoseTaken.DIFFERENT:
        number = as_number(entry.amount)
        return float(number) if number is not None else None
    step = plan.step_on(entry.day)
    planned = total(step.doses) if step else None
    return float(planned) if planned is not None else None


class TaperPage(QWidget):
    requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: TaperPlan | None = None
        self._form_day: date | None = None  # the day Today's answers were filled for
        self.setAccessibleName(_t("ui.taper.page", "Taper diary"))
        outer = scrolling_content(self)
        outer.addWidget(heading(_t("ui.taper.page", "Taper diary")))
        notice = wrapped(STANDING_NOTICE)
        notice.setObjectName("callout")
        outer.addWidget(notice)
        self.plan_card = Card(_t("ui.taper.page", "My plan"))
        self.plan_words = wrapped()
        self.plan_card.body.addWidget(self.plan_words)
        self.steps = CardList(_t("ui.taper.page", "The steps of my plan"), most_rows=8)
        self.plan_card.body.addWidget(self.steps)
        self.edit_button = QPushButton(_t("ui.taper.page", "&Enter my prescriber's plan…"))
        self.edit_button.clicked.connect(self.edit_plan)
        self.versions_button = QPushButton(_t("ui.taper.page", "Earlier &versions…"))
        self.versions_button.clicked.connect(self.show_versions)
        self.print_button = QPushButton(_t("ui.taper.page", "&Print for my prescriber (PDF)…"))
        self.print_button.clicked.connect(self.print_plan)
        self.plan_card.body.addLayout(
            button_row(self.edit_button, self.versions_button, self.print_button)
        )
        self.plan_status = StatusLine(_t("ui.taper.page", "Message"))
        self.plan_card.body.addWidget(self.plan_status)
        outer.addWidget(self.plan_card)
        outer.addWidget(self._today_card())
        self.days_card = Card(_t("ui.taper.page", "The last two weeks"))
        self.days = CardList(_t("ui.taper.page", "What I took each day"), most_rows=14)
        self.days_card.body.addWidget(self.days)
        self.chart_holder = Card(
            _t("ui.taper.page", "Doses, symptoms and questionnaires, day by day")
        )
        self.charts: list[ChartView] = []
        outer.addWidget(self.days_card)
        outer.addWidget(self._symptoms_card())
        outer.addWidget(self.chart_holder)
        outer.addStretch(1)
        RefreshOnChange(self, ctx.bus, (Record.TAPER,), self.refresh, day=lambda: today(ctx.clock))

    def _today_card(self) -> Card:
        card = Card(_t("ui.taper.page", "Today"))
        self.today = DoseAnswer(with_note=True)
        card.body.addWidget(self.today)
        self.save_button = QPushButton(_t("ui.taper.page", "&Save today"))
        set_primary(self.save_button)
        self.save_button.clicked.connect(self.save_today)
        card.body.addLayout(button_row(self.save_button))
        self.status = StatusLine(_t("ui.taper.page", "Message"))
        card.body.addWidget(self.status)
        self.today_card = card
        return card

    def _symptoms_card(self) -> Card:
        card = Card(_t("ui.taper.page", "Withdrawal symptoms"))
        self.symptom_words = wrapped()
        card.body.addWidget(self.symptom_words)
        self.symptoms_button = QPushButton(_t("ui.taper.page", "&Note today's symptoms…"))
        self.symptoms_button.clicked.connect(lambda: self.note_symptoms())
        self.own_button = QPushButton(_t("ui.taper.page", "My o&wn symptoms…"))
        self.own_button.clicked.connect(self.edit_own_symptoms)
        card.body.addLayout(button_row(self.symptoms_button, self.own_button))
        self.symptom_chart: ChartView | None = None
        self.symptoms_card = card
        return card

    def _show_symptoms(self, days: list[SymptomDay], chart_too: bool) -> None:
        """The last noted day in words; its chart too unless the doses' chart has it."""
        if self.symptom_chart is not None:
            self.symptom_chart.deleteLater()
            self.symptom_chart = None
        if not days:
            self.symptom_words.setText(
                _t(
                    "ui.taper.page",
                    "Note how much each symptom bothered you, from none to severe. Warning "
                    "signs such as a seizure open Get help at once.",
                )
            )
            return
        last = days[-1]
        worst = sorted(last.ratings.items(), key=lambda kv: -kv[1])[:3]
        self.symptom_words.setText(
            _t("ui.taper.page", "Last noted {day}: {symptoms}.").format(
                day=f"{last.day:%a} {last.day.day} {last.day:%b}",
                symptoms=", ".join(f"{n} ({RATING_WORDS[r].lower()})" for n, r in worst)
                or _t("ui.taper.page", "none"),
            )
        )
        if chart_too and len(days) >= 2:
            chart = Line(
                _t("ui.taper.page", "Symptom score each day (the ratings added up)"),
                tuple(f"{d.day.day} {d.day:%b}" for d in days),
                tuple(float(d.total) for d in days),
                0,
                float(max(d.total for d in days) or 1),
            )
            self.symptom_chart = ChartView(chart.name, chart)
            self.symptoms_card.body.addWidget(self.symptom_chart)

    def note_symptoms(self, day: date | None = None) -> None:
        """The symptoms of ``day`` (today unless a lock closed an earlier day's form)."""
        from recovery_app.ui.taper.symptoms_dialog import SymptomsDialog

        day = day or today(self.ctx.clock)
        days, names = symptom_days(self.ctx.db, day, day)
        dialog = SymptomsDialog(self.ctx, day, days[0] if days else None, names, self)
        dialog.requested.connect(self.requested)
        if accepted(dialog):  # not after a lock closed it: the data is closed then
            self.refresh()

    def edit_own_symptoms(self) -> None:
        from recovery_app.ui.taper.own_symptoms_dialog import OwnSymptomsDialog

        accepted(OwnSymptomsDialog(self.ctx, self))

    def refresh(self) -> None:
        self.plan = current_plan(self.ctx.db)
        day = today(self.ctx.clock)
        plan = self.plan
        has_plan = plan is not None
        self.edit_button.setText(
            _t("ui.taper.page", "&Change the plan, as my prescriber changed it…")
            if has_plan
            else _t("ui.taper.page", "&Enter my prescriber's plan…")
        )
        self.versions_button.setVisible(has_plan)
        self.print_button.setVisible(has_plan)
        self.today_card.setVisible(has_plan)
        self.days_card.setVisible(has_plan)
        self.steps.clear()
        noted, _names = symptom_days(self.ctx.db, day - timedelta(days=CHART_DAYS - 1), day)
        if plan is None:
            self._show_symptoms(noted, chart_too=True)
            self.plan_words.setText(
                _t(
                    "ui.taper.page",
                    "If your prescriber has given you a taper plan, type it here exactly as "
                    "written. The app keeps every version, shows each day's doses, and lets "
                    "you note what you took. It never suggests a dose.",
                )
            )
            self.chart_holder.hide()
            return
        self.plan_words.setText(
            " · ".join(
                part for part in (plan.medicine, plan.form, plan.strength, plan.changed_by) if part
            )
        )
        for each in plan.steps:
            title = _t("ui.taper.page", "From {day}").format(
                day=f"{each.starts.day} {each.starts:%b %Y}"
            )
            details = doses_words(each, plan.unit) + (f" · {each.note}" if each.note else "")
            self.steps.addItem(f"{title}\n{details}")
        self.today.show_plan(plan, day)
        logged = {d.day: d for d in dose_days(self.ctx.db, day - timedelta(days=CHART_DAYS), day)}
        if day != self._form_day or not self.today.touched:  # show what is noted, unless
            self._form_day = day  # the person is answering (kept until a new day)
            self.today.set_answer(logged.get(day))
        self._show_days(plan, logged, day)
        charted = self._show_chart(plan, logged, noted, day)
        self._show_symptoms(noted, chart_too=not charted)

    def _show_days(self, plan: TaperPlan, logged: dict[date, DoseDay], day: date) -> None:
        self.days.clear()
        for back in range(14):
            d = day - timedelta(days=back)
            entry = logged.get(d)
            if entry is None:
                continue
            words = DOSE_WORDS[entry.taken]
            if entry.taken is DoseTaken.DIFFERENT:
                words += f": {entry.amount} {plan.unit}".rstrip()
            if entry.note:
                words += f" · {entry.note}"
            self.days.addItem(f"{d:%a} {d.day} {d:%b}\n{words}")
        if self.days.count() == 0:
            self.days.add_note(_t("ui.taper.page", "No days noted yet. Today's is above."))

    def _show_chart(
        self,
        plan: TaperPlan,
        logged: dict[date, DoseDay],
        noted: list[SymptomDay],
        day: date,
    ) -> bool:
        """Draw the days' doses, symptoms and questionnaires; whether anything was drawn."""
        for view in self.charts:
            view.deleteLater()
        self.charts = []
        first = max(day - timedelta(days=CHART_DAYS - 1), plan.steps[0].starts)
        days = [first + timedelta(days=i) for i in range((day - first).days + 1)]
        planned: list[float | None] = []
        for d in days:
            step = plan.step_on(d)
            value = total(step.doses) if step else None
            planned.append(float(value) if value is not None else None)
        taken = [taken_total(plan, logged[d]) if d in logged else None for d in days]
        labels = tuple(f"{d.day} {d:%b}" for d in days)
        if not any(v is not None for v in planned) or len(days) < 2:
            self.chart_holder.hide()
            return False
        top = max([v for v in planned + taken if v is not None] or [1.0]) or 1.0
        # The same days under each other: doses, symptoms and questionnaires on one axis.
        scores = {s.day: float(s.total) for s in noted if s.day >= first}
        symptoms = [scores.get(d) for d in days]
        lines: list[tuple[str, list[float | None], float]] = [
            (_t("ui.taper.page", "Planned each day ({unit})").format(unit=plan.unit), planned, top),
            (_t("ui.taper.page", "Taken each day ({unit})").format(unit=plan.unit), taken, top),
        ]
        if scores:
            most = max(scores.values()) or 1.0
            lines.append((_t("ui.taper.page", "Symptom score"), symptoms, most))
        taken_forms = history(self.ctx.db)
        for kind in Kind:
            totals = {t.taken_at.date(): float(t.total) for t in taken_forms if t.kind is kind}
            values = [totals.get(d) for d in days]
            if any(v is not None for v in values):
                form = FORMS[kind]
                name = _t("ui.taper.page", "{name} total").format(name=form.name)
                lines.append((name, values, float(form.most)))
        for name, values, high in lines:
            chart = Line(name, labels, tuple(values), 0, high)
            view = ChartView(name, chart)
            self.chart_holder.body.addWidget(view)
            self.charts.append(view)
        self.chart_holder.show()
        return True

    def save_today(self) -> None:
        entry = self.today.answer(today(self.ctx.clock))
        if entry is None:
            self.status.setText(_t("ui.taper.page", "Please choose how today's doses went."))
            return
        try:
            self.ctx.ops.run(
                lambda: record_dose_day(self.ctx.db, entry, self.ctx.clock.now()), initiator=self
            )
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(_t("ui.taper.page", "Saved. Only you can see it here."))
        self._form_day = None  # show what was kept
        self.refresh()

    def edit_plan(self) -> None:
        from recovery_app.ui.taper.plan_dialog import TaperPlanDialog

        dialog = TaperPlanDialog(self.ctx, self.plan, today(self.ctx.clock), self)
        accepted(dialog)

    def print_plan(self) -> None:
        from pathlib import Path

        from recovery_app.ui.common.file_dialogs import SaveFileDialog, saved_unencrypted
        from recovery_app.ui.common.pdf import write_pdf

        if self.plan is None:
            return
        target = SaveFileDialog.ask_typed(
            self,
            _t("ui.taper.page", "Save my taper plan"),
            Path.home().joinpath(_t("ui.taper.page", "my-taper-plan.pdf")),
            _t("ui.taper.page", "PDF files (*.pdf)"),
        )
        if target is None:
            return
        try:
            write_pdf(target, plan_html(self.plan), _t("ui.taper.page", "My taper plan"))
        except KnownError as exc:
            self.plan_status.setText(exc.message)
            return
        self.plan_status.setText(saved_unencrypted(target))

    def show_versions(self) -> None:
        from recovery_app.ui.taper.versions_dialog import VersionsDialog

        accepted(VersionsDialog(plan_versions(self.ctx.db), self))
