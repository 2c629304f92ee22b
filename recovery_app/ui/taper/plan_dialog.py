"""Enter or change the taper plan exactly as the prescriber wrote it.

One row per dose: the day its step starts, the time of day, the amount as written, a
note. Rows that start on the same day are one step. Nothing is worked out: what is
typed is what is kept and shown.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.errors import InvalidInput, KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.taper.plan import (
    COMMON_MEDICINES,
    STANDING_NOTICE,
    Dose,
    Step,
    TaperPlan,
    check_plan,
)
from recovery_app.storage.taper.ops import save_plan
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import button_row
from recovery_app.ui.common.form_snapshot import commit_open_editor, mark_form
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.start_date import from_qdate, to_qdate
from recovery_app.ui.common.style import wrapped
from recovery_app.ui.common.widgets import StatusLine, editable_combo
from recovery_app.ui.common.windowing import fit_on_screen

_t = translate
STARTS, WHEN, AMOUNT, NOTE = range(4)


class TaperPlanDialog(QDialog):
    def __init__(
        self, ctx: AppContext, plan: TaperPlan | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.saved: TaperPlan | None = None
        self.setWindowTitle(_t("ui.taper.plan_dialog", "My taper plan, as my prescriber wrote it"))
        mark_form(self, "taper-plan")
        layout = QVBoxLayout(self)
        notice = wrapped(STANDING_NOTICE)
        notice.setObjectName("callout")
        layout.addWidget(notice)
        form = Form()
        self.medicine = editable_combo(
            _t("ui.taper.plan_dialog", "Medicine"), list(COMMON_MEDICINES)
        )
        self.medicine.setCurrentText("")
        completer = self.medicine.completer()
        if completer is not None:  # suggest in a list; never finish the typed name for you
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.form_field = QLineEdit()
        self.strength = QLineEdit()
        self.unit = QLineEdit()
        self.changed_by = QLineEdit()
        self.form_field.setPlaceholderText(_t("ui.taper.plan_dialog", "e.g. tablet"))
        self.strength.setPlaceholderText(_t("ui.taper.plan_dialog", "e.g. 0.5 mg tablets"))
        self.unit.setPlaceholderText(_t("ui.taper.plan_dialog", "e.g. mg"))
        self.changed_by.setPlaceholderText(
            _t("ui.taper.plan_dialog", "e.g. changed by Dr. Ortiz on 3 March")
        )
        form.addRow(_t("ui.taper.plan_dialog", "&Medicine"), self.medicine)
        form.addRow(_t("ui.taper.plan_dialog", "&Form"), self.form_field)
        form.addRow(_t("ui.taper.plan_dialog", "&Strength"), self.strength)
        form.addRow(_t("ui.taper.plan_dialog", "&Unit of the amounts"), self.unit)
        form.addRow(_t("ui.taper.plan_dialog", "&Changed by (this change)"), self.changed_by)
        layout.addLayout(form)
        layout.addWidget(
            wrapped(
                _t(
                    "ui.taper.plan_dialog",
                    "The doses, one row each: the day that step starts, the time of day, "
                    "and the amount exactly as written. Rows starting on the same day are "
                    "one step.",
                )
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(_t("ui.taper.plan_dialog", "The doses of the plan"))
        self.table.setHorizontalHeaderLabels(
            [
                _t("ui.taper.plan_dialog", "Step starts"),
                _t("ui.taper.plan_dialog", "Time of day"),
                _t("ui.taper.plan_dialog", "Amount"),
                _t("ui.taper.plan_dialog", "Note"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # One cell at a time, so the keyboard's place is visible.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        layout.addWidget(self.table, 1)
        self.add_button = QPushButton(_t("ui.taper.plan_dialog", "&Add a dose"))
        self.remove_button = QPushButton(_t("ui.taper.plan_dialog", "&Remove the dose"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        layout.addLayout(button_row(self.add_button, self.remove_button))
        self.status = StatusLine(_t("ui.taper.plan_dialog", "Message"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if plan is not None:
            self._fill(plan)
        else:
            self.add_row()
        fit_on_screen(self, 760, 640)
        self.medicine.setFocus()

    def _fill(self, plan: TaperPlan) -> None:
        self.medicine.setCurrentText(plan.medicine)
        self.form_field.setText(plan.form)
        self.strength.setText(plan.strength)
        self.unit.setText(plan.unit)
        for step in plan.steps:
            for i, dose in enumerate(step.doses):
                # A step's own note (from an older version) stays with its first dose.
                note = "; ".join(n for n in (step.note if i == 0 else "", dose.note) if n)
                self.add_row(step.starts, dose.when, dose.amount, note)

    def form_values(self) -> dict[str, Any]:
        """What is typed, by name, for a lock (``form_snapshot.NamedValues``)."""
        commit_open_editor(self.table)
        return {
            "medicine": self.medicine.currentText(),
            "form": self.form_field.text(),
            "strength": self.strength.text(),
            "unit": self.unit.text(),
            "changed_by": self.changed_by.text(),
            "rows": [
                [self._day(r).isoformat(), *(self._text(r, c) for c in (WHEN, AMOUNT, NOTE))]
                for r in range(self.table.rowCount())
            ],
        }

    def put_form_values(self, values: dict[str, Any]) -> None:
        """Back after the unlock: every field and row as it was typed."""
        for field, name in (
            (self.form_field, "form"),
            (self.strength, "strength"),
            (self.unit, "unit"),
            (self.changed_by, "changed_by"),
        ):
            if isinstance(values.get(name), str):
                field.setText(values[name])
        if isinstance(values.get("medicine"), str):
            self.medicine.setCurrentText(values["medicine"])
        rows = values.get("rows")
        if not isinstance(rows, list):
            return
        self.table.setRowCount(0)
        for row in rows:
            if not (
                isinstance(row, list) and len(row) == 4 and all(isinstance(v, str) for v in row)
            ):
                continue
            try:
                starts = date.fromisoformat(row[0])
            except ValueError:
                continue
            self.add_row(starts, row[1], row[2], row[3])

    def add_row(
        self, starts: date | None = None, when: str = "", amount: str = "", note: str = ""
    ) -> int:
        day = QDateEdit(to_qdate(starts or self._next_start()))
        row = self.table.rowCount()
        self.table.insertRow(row)
        day.setCalendarPopup(True)
        day.setDisplayFormat("d MMM yyyy")
        day.setAccessibleName(_t("ui.taper.plan_dialog", "Step starts"))
        self.table.setCellWidget(row, STARTS, day)
        for column, text in ((WHEN, when), (AMOUNT, amount), (NOTE, note)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCurrentCell(row, WHEN)
        return row

    def _next_start(self) -> date:
        days = [self._day(r) for r in range(self.table.rowCount())]
        return max(days) if days else self.today

    def _day(self, row: int) -> date:
        widget = self.table.cellWidget(row, STARTS)
        assert isinstance(widget, QDateEdit)
        return from_qdate(widget.date())

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def plan(self) -> TaperPlan:
        """The plan exactly as typed; ``InvalidInput`` for what can't be kept."""
        steps: dict[date, list[Dose]] = {}
        for row in range(self.table.rowCount()):
            when, amount, note = (self._text(row, c) for c in (WHEN, AMOUNT, NOTE))
            if not (when or amount or note):
                continue  # an empty row
            steps.setdefault(self._day(row), []).append(Dose(when, amount, note))
        plan = TaperPlan(
            self.medicine.currentText().strip(),
            self.form_field.text().strip(),
            self.strength.text().strip(),
            self.unit.text().strip(),
            tuple(Step(day, tuple(doses)) for day, doses in sorted(steps.items())),
            self.changed_by.text().strip(),
        )
        check_plan(plan)
        return plan

    def save(self) -> None:
        try:
            plan = self.plan()
            self.saved = self.ctx.ops.run(
                lambda: save_plan(self.ctx.db, plan, self.ctx.clock.now()), initiator=self
            )
        except (InvalidInput, KnownError) as exc:
            self.status.setText(exc.message)
            return
        self.accept()
