"""The symptoms a person added to the withdrawal diary: add, rename, remove.

Renaming one renames it on every day it was rated; removing one takes it off the
form and keeps what was already noted. The common symptoms are always offered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from recovery_app.core.changes import Record, Result
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.taper.symptoms import symptom_name
from recovery_app.storage.taper.ops import (
    add_symptom,
    own_symptoms,
    remove_symptom,
    rename_symptom,
)
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.style import wrapped
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import fit_on_screen

_C = "ui.taper.own_symptoms_dialog"


class OwnSymptomsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = translate(_C, "My own symptoms")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                translate(
                    _C,
                    "The symptoms you added to the diary's list. Renaming one renames it on "
                    "every day you noted it; removing one keeps what you already noted.",
                )
            )
        )
        self.listing = QListWidget()
        self.listing.setAccessibleName(title)
        layout.addWidget(self.listing, 1)
        self.status = StatusLine(translate(_C, "Message"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        actions: tuple[tuple[str, Callable[[], None]], ...] = (
            (translate(_C, "&Add…"), self.add),
            (translate(_C, "&Rename…"), self.rename),
            (translate(_C, "Re&move"), self.remove),
        )
        for text, slot in actions:
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(translate(_C, "&Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        fit_on_screen(self, 460, 440)
        RefreshOnChange(self, ctx.bus, (Record.TAPER,), self.reload)
        self.reload()
        self.listing.setFocus()

    def reload(self) -> None:
        current = self.listing.currentItem().text() if self.listing.currentItem() else None
        self.listing.clear()
        names = own_symptoms(self.ctx.db)
        self.listing.addItems(names)
        if current in names:
            self.listing.setCurrentRow(names.index(current))
        elif names:
            self.listing.setCurrentRow(0)
        if not names:
            self.status.setText(
                translate(_C, "No symptoms of your own yet. Add one, or type it in the diary.")
            )

    def _selected(self) -> str | None:
        item = self.listing.currentItem()
        if item is None:
            self.status.setText(translate(_C, "Please choose a symptom in the list first."))
            return None
        return item.text()

    def _change(self, work: Callable[[], Result[Any]], done: str) -> None:
        try:
            self.ctx.ops.run(work, self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(done)

    def add(self) -> None:
        text = Confirm.ask_text(self, translate(_C, "Add a symptom"), translate(_C, "Symptom:"))
        if text is None:
            return
        try:
            name = symptom_name(text)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self._change(
            lambda: add_symptom(self.ctx.db, name),
            translate(_C, "“{name}” is in the list.").format(name=name),
        )

    def rename(self) -> None:
        old = self._selected()
        if old is None:
            return
        new = Confirm.ask_text(
            self, translate(_C, "Rename a symptom"), translate(_C, "New name:"), old
        )
        if new is not None:
            self._change(
                lambda: rename_symptom(self.ctx.db, old, new),
                translate(_C, "Renamed, on every day you noted it too."),
            )

    def remove(self) -> None:
        name = self._selected()
        if name is None:
            return
        if Confirm.ask(
            self,
            translate(_C, "Remove a symptom"),
            translate(
                _C,
                "Take “{name}” off the diary's list? The days you already noted it keep it.",
            ).format(name=name),
            translate(_C, "Remove it"),
            translate(_C, "Keep it"),
        ):
            self._change(
                lambda: remove_symptom(self.ctx.db, name),
                translate(_C, "Removed from the list. What you noted is kept."),
            )
