"""Your data: where it lives, backups (automatic and on demand), restore, export, delete all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import OpenFileDialog, SaveFileDialog
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import Card, heading, scrolling_content, wrapped
from recovery_app.ui.common.worker import Worker
from recovery_app.ui.data.backups_card import BackupsCard
from recovery_app.ui.data.passphrase_dialog import PassphraseDialog, PassphraseRequest
from recovery_app.ui.data.safety import DataSafety


def left_aligned(*buttons: QPushButton) -> FlowRow:
    row = FlowRow()
    for button in buttons:
        row.addWidget(button)
    row.add_stretch()
    return row


class DataPage(QWidget):
    deleteAllRequested = Signal()  # the shell closes everything first

    def __init__(self, ctx: AppContext, safety: DataSafety, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.safety = ctx, safety
        self.paths, self.clock = ctx.paths, ctx.clock
        paths = ctx.paths
        self.setAccessibleName(translate("ui.data.page", "Your data"))
        self._worker: Worker | None = None
        outer = scrolling_content(self)
        outer.addWidget(heading(translate("ui.data.page", "Your data")))
        where = wrapped(
            translate(
                "ui.data.page",
                (
                    "Everything you enter is kept only on this computer, in "
                    "<b>{data_dir}</b>. The app never sends it anywhere."
                ),
            ).format(data_dir=paths.data_dir)
        )
        where.setAccessibleName(translate("ui.data.page", "Where your data is kept"))
        outer.addWidget(where)

        self.backups = BackupsCard(ctx, safety)
        outer.addWidget(self.backups)
        # The card's status line says how every data action went, near the buttons.
        self.status = self.backups.status

        lock = Card(translate("ui.data.page", "Passphrase"))
        self.lock_status = wrapped("")
        self.lock_status.setAccessibleName(translate("ui.data.page", "Encryption status"))
        lock.body.addWidget(self.lock_status)
        self.lock_progress = QProgressBar()
        self.lock_progress.setAccessibleName(translate("ui.data.page", "Encryption progress"))
        self.lock_progress.hide()
        lock.body.addWidget(self.lock_progress)
        lock_row = FlowRow()
        self.set_button = QPushButton(translate("ui.data.page", "Set a passphrase…"))
        self.change_button = QPushButton(translate("ui.data.page", "Change passphrase…"))
        self.remove_button = QPushButton(translate("ui.data.page", "Remove passphrase…"))
        for button, action in (
            (self.set_button, "set"),
            (self.change_button, "change"),
            (self.remove_button, "remove"),
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            button.clicked.connect(lambda _=False, a=action: self._ask_passphrase(a))
            lock_row.addWidget(button)
        lock_row.add_stretch()
        lock.body.addLayout(lock_row)
        minutes_row = FlowRow()
        self.lock_minutes_label = QLabel(translate("ui.data.page", "Lock when I step away for"))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(translate("ui.data.page", " minutes"))
        self.lock_minutes.setSpecialValueText(translate("ui.data.page", "never"))
        self.lock_minutes.setAccessibleName(
            translate("ui.data.page", "Lock after this many idle minutes")
        )
        self.lock_minutes_label.setBuddy(self.lock_minutes)
        minutes_row.addWidget(self.lock_minutes_label)
        minutes_row.addWidget(self.lock_minutes)
        minutes_row.add_stretch()
        lock.body.addLayout(minutes_row)
        self.lock_minutes.valueChanged.connect(
            lambda minutes: self.ctx.settings.update(lock_minutes=minutes)
        )
        outer.addWidget(lock)

        export = Card(translate("ui.data.page", "Export and import"))
        export.body.addWidget(
            wrapped(
                translate(
                    "ui.data.page",
                    "Save everything to one file you can keep or move to another computer. "
                    "The file is <b>not encrypted</b>: keep it somewhere private. Importing a "
                    "file adds what is not here yet and never replaces what you have.",
                )
            )
        )
        self.export_button = QPushButton(translate("ui.data.page", "Export to a file…"))
        self.export_button.setAccessibleName(
            translate("ui.data.page", "Export all your data to a file")
        )
        self.import_button = QPushButton(translate("ui.data.page", "Import from a file…"))
        self.import_button.setAccessibleName(
            translate("ui.data.page", "Import from an export file")
        )
        row_ie = left_aligned(self.export_button, self.import_button)
        export.body.addLayout(row_ie)
        # Import and export say how they went here, by their buttons (not under the backups).
        self.exchange_status = wrapped("")
        self.exchange_status.setAccessibleName(
            translate("ui.data.page", "Export and import status")
        )
        export.body.addWidget(self.exchange_status)
        outer.addWidget(export)

        delete = Card(translate("ui.data.page", "Delete all my data"))
        delete.body.addWidget(
            wrapped(
                translate(
                    "ui.data.page",
                    "Removes your check-ins, settings and every backup from this computer. "
                    "This can't be undone. Files you exported yourself are not touched.",
                )
            )
        )
        self.delete_button = QPushButton(translate("ui.data.page", "Delete all my data…"))
        self.delete_button.setAccessibleName(translate("ui.data.page", "Delete all my data"))
        delete.body.addLayout(left_aligned(self.delete_button))
        outer.addWidget(delete)
        outer.addStretch(1)

        self.export_button.clicked.connect(self._export_clicked)
        self.import_button.clicked.connect(self._import_clicked)
        self.delete_button.clicked.connect(self.deleteAllRequested)
        safety.keyChanged.connect(lambda key: self.show_encryption(key is not None))
        self.show_encryption(ctx.db.key is not None, ctx.settings.values.lock_minutes)

    def show_encryption(self, encrypted: bool, lock_minutes: int | None = None) -> None:
        if lock_minutes is not None:
            self.lock_minutes.blockSignals(True)
            self.lock_minutes.setValue(lock_minutes)
            self.lock_minutes.blockSignals(False)
        self.lock_minutes_label.setVisible(encrypted)
        self.lock_minutes.setVisible(encrypted)
        self.lock_status.setText(
            translate(
                "ui.data.page",
                "Your data and backups are encrypted. The app locks when you step away "
                "and when you press Ctrl+L.",
            )
            if encrypted
            else translate(
                "ui.data.page",
                "Your data is not encrypted. Anyone who can open files in your account on "
                "this computer could read it. A passphrase protects it.",
            )
        )
        self.set_button.setVisible(not encrypted)
        self.change_button.setVisible(encrypted)
        self.remove_button.setVisible(encrypted)

    def _ask_passphrase(self, action: str) -> None:
        request = PassphraseDialog.ask(self, action)
        if request is not None:
            self.change_passphrase(request)

    def change_passphrase(self, request: PassphraseRequest) -> Worker:
        worker = self.safety.change_passphrase(self.ctx.db, request)
        self._track_passphrase_work(worker)
        return worker

    def _track_passphrase_work(self, worker: Worker) -> None:
        buttons = (self.set_button, self.change_button, self.remove_button)
        for button in buttons:
            button.setEnabled(False)
        self.lock_progress.setRange(0, 0)
        self.lock_progress.show()
        self.lock_status.setText(
            translate("ui.data.page", "Working on it… please keep the app open.")
        )

        def progress(done: int, total: int) -> None:
            self.lock_progress.setRange(0, max(total, 1))
            self.lock_progress.setValue(done)

        def finished(*_: object) -> None:
            self.lock_progress.hide()
            for button in buttons:
                button.setEnabled(True)

        def done(message: object) -> None:
            finished()
            self.status.setText(str(message))

        def failed(text: str) -> None:
            finished()
            if self.ctx.db.closed:
                text += translate("ui.data.page", " Please restart the app.")
            self.lock_status.setText(text)

        worker.report_to(self, done, failed, progress)

    def refresh(self) -> None:
        self.backups.refresh()

    def back_up_now(self) -> Worker:
        return self.backups.back_up_now()

    def _import_clicked(self) -> None:
        source = OpenFileDialog.ask(
            self,
            translate("ui.data.page", "Import from a file"),
            translate("ui.data.page", "JSON files (*.json)"),
        )
        if source is not None:
            said = self.exchange_status
            said.setText(translate("ui.data.page", "Importing…"))
            worker = self.safety.import_from(self.ctx.db, source, self)
            worker.report_to(self, lambda report: said.setText(report.summary()), said.setText)

    def _export_clicked(self) -> None:
        target = SaveFileDialog.ask(
            self,
            translate("ui.data.page", "Export your data"),
            Path.home() / f"recovery-export-{self.clock.now():%Y-%m-%d}.json",
            translate("ui.data.page", "JSON files (*.json)"),
        )
        if target is not None:
            worker = self.safety.export(self.ctx.db, target, self)
            worker.report_to(
                self,
                lambda count: self.exchange_status.setText(
                    translate(
                        "ui.data.page",
                        (
                            "Exported {count} check-ins and journal entries to {target}. This file "
                            "is not encrypted: keep it somewhere private."
                        ),
                    ).format(count=count, target=target)
                ),
                self.exchange_status.setText,
            )
