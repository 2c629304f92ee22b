"""Make a report: choose the days and the parts, then save a PDF for an appointment or
the figures as CSV. The person's own words go in only when they tick "include my notes".
The work runs off the UI thread with its own connection, with a progress bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.clock import today
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.insights.period import Period
from recovery_app.storage.insights.report import report_data
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import SaveFileDialog, saved_unencrypted
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.start_date import from_qdate, to_qdate
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import fit_on_screen
from recovery_app.ui.common.worker import ProgressFn, Worker
from recovery_app.ui.common.wrapping import WrappingCheckBox
from recovery_app.ui.report.document import REPORT_KEYS, ReportRequest, write_report

_t = translate
SECTION_WORDS = {
    "cravings": _t("ui.report.dialog", "Cravings over time"),
    "triggers": _t("ui.report.dialog", "Top triggers"),
    "times": _t("ui.report.dialog", "When cravings came (day and hour)"),
    "coping": _t("ui.report.dialog", "Coping strategies"),
    "checkins": _t("ui.report.dialog", "Mood, anxiety, craving and sleep"),
    "recovery": _t("ui.report.dialog", "Days in recovery"),
    "meetings": _t("ui.report.dialog", "Meetings"),
    "taper": _t("ui.report.dialog", "Taper: the plan, each day, and withdrawal symptoms"),
    "questionnaires": _t("ui.report.dialog", "PHQ-9 and GAD-7 totals"),
}


class ReportDialog(QDialog):
    def __init__(
        self, ctx: AppContext, first: date, last: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self.setWindowTitle(_t("ui.report.dialog", "Make a report"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _t(
                "ui.report.dialog",
                "A short summary of your records to bring to an appointment: a first page "
                "with the main figures, then the parts you choose, with charts and tables. "
                "It says it is self-reported and not a diagnosis.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        dates = Form()
        self.first = QDateEdit(to_qdate(first))
        self.last = QDateEdit(to_qdate(last))
        for words, edit in (
            (_t("ui.report.dialog", "&From"), self.first),
            (_t("ui.report.dialog", "T&o"), self.last),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            dates.addRow(words, edit)
        layout.addLayout(dates)
        parts = QGroupBox(_t("ui.report.dialog", "Parts to include"))
        parts_layout = QVBoxLayout(parts)
        self.parts = {key: WrappingCheckBox(SECTION_WORDS[key]) for key in REPORT_KEYS}
        for box in self.parts.values():
            box.setChecked(True)
            parts_layout.addWidget(box)
        layout.addWidget(parts)
        self.notes = WrappingCheckBox(
            _t(
                "ui.report.dialog",
                "Include my &notes: my own words from entries and check-ins in these days",
            )
        )
        layout.addWidget(self.notes)
        private = QLabel(
            _t(
                "ui.report.dialog",
                "Trigger and coping names are in it as labels, also those you added. The "
                "file is not encrypted: keep it somewhere private, and share it only with "
                "people you choose.",
            )
        )
        private.setWordWrap(True)
        private.setObjectName("muted")
        layout.addWidget(private)
        layout.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_t("ui.report.dialog", "Making the report"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = StatusLine(_t("ui.report.dialog", "Message"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = QPushButton(_t("ui.report.dialog", "Save as &PDF…"))
        self.csv_button = QPushButton(_t("ui.report.dialog", "Save the figures as CS&V…"))
        self.pdf_button.setDefault(True)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.csv_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(lambda: self.save(as_csv=False))
        self.csv_button.clicked.connect(lambda: self.save(as_csv=True))
        layout.addWidget(buttons)
        fit_on_screen(self, 560, self.sizeHint().height())
        self.first.setFocus()

    @classmethod
    def present(cls, ctx: AppContext, first: date, last: date, parent: QWidget) -> ReportDialog:
        dialog = cls(ctx, first, last, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def request(self) -> ReportRequest:
        """What to make; ``InvalidInput`` for dates the wrong way round or no parts."""
        period = Period(from_qdate(self.first.date()), from_qdate(self.last.date()))
        keys = tuple(k for k, box in self.parts.items() if box.isChecked())
        if not keys:
            raise InvalidInput(_t("ui.report.dialog", "Please choose at least one part."))
        return ReportRequest(period, keys, self.notes.isChecked())

    def _target(self, as_csv: bool) -> Path | None:
        return SaveFileDialog.ask_typed(
            self,
            _t("ui.report.dialog", "Save the figures")
            if as_csv
            else _t("ui.report.dialog", "Save the report"),
            Path.home()
            / (
                _t("ui.report.dialog", "recovery-figures.csv")
                if as_csv
                else _t("ui.report.dialog", "recovery-report.pdf")
            ),
            _t("ui.report.dialog", "CSV files (*.csv)")
            if as_csv
            else _t("ui.report.dialog", "PDF files (*.pdf)"),
        )

    def save(self, as_csv: bool) -> None:
        if self.worker is not None:
            return
        try:
            request = self.request()
        except InvalidInput as exc:
            self.status.setText(exc.message)
            return
        target = self._target(as_csv)
        if target is None:
            return
        db, made = self.ctx.db, today(self.ctx.clock)

        def work(progress: ProgressFn) -> Path:
            progress(0, 0)
            data = report_data(db, request.period, made, request.include_notes)
            write_report(target, data, request, made, as_csv, progress)
            return target

        self.status.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._busy(True)
        self.worker = Worker(work, self, self.ctx.ops.pool)
        self.worker.report_to(self, done=self._saved, failed=self._failed, progress=self._step)
        self.worker.start()

    def _busy(self, busy: bool) -> None:
        for widget in (self.pdf_button, self.csv_button, self.first, self.last):
            widget.setEnabled(not busy)

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.worker = None
        self.progress.hide()
        self._busy(False)

    def _saved(self, target: Path) -> None:
        self._finish()
        self.status.setText(saved_unencrypted(target))

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.setText(message)
