"""Today's withdrawal symptoms, each from none to severe, and the warning signs that
open Get help at once instead of waiting for a note."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.clock import today
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.taper.symptoms import (
    COMMON_SYMPTOMS,
    RATING_WORDS,
    RED_FLAG_WORDS,
    RedFlag,
    SymptomDay,
    help_words,
    symptom_name,
)
from recovery_app.storage.taper.ops import record_symptom_day
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.form_snapshot import mark_form
from recovery_app.ui.common.formatting import long_day
from recovery_app.ui.common.help_now import HelpNowCard
from recovery_app.ui.common.requests import GetHelp
from recovery_app.ui.common.style import lines_high, scroll_area, wrapped
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import fit_on_screen

_t = translate


class _Symptom(QWidget):
    def __init__(self, name: str, rating: int) -> None:
        super().__init__()
        self.name = name
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 2, 0, 2)
        column.setSpacing(0)
        label = QLabel(name)
        label.setWordWrap(True)
        column.addWidget(label)
        row = FlowRow()  # the four answers wrap under each other at large text
        self.group = QButtonGroup(self)
        for value, words in enumerate(RATING_WORDS):
            button = QRadioButton(words)
            button.setAccessibleName(f"{name}: {words}")
            self.group.addButton(button, value)
            row.addWidget(button)
        column.addLayout(row)
        self.group.button(rating).setChecked(True)

    def rating(self) -> int:
        return max(0, self.group.checkedId())

    def rate(self, value: int) -> None:
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)


class SymptomsDialog(QDialog):
    requested = Signal(object)  # GetHelp

    def __init__(
        self,
        ctx: AppContext,
        day: date,
        known: SymptomDay | None,
        names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.day = ctx, day
        self.saved: SymptomDay | None = None
        self.added: list[str] = []  # joins the list when the day is kept, rated or not
        on_the_day = day == today(ctx.clock)  # else a form a lock closed on an earlier day
        self.setWindowTitle(
            _t("ui.taper.symptoms_dialog", "Withdrawal symptoms today")
            if on_the_day
            else _t("ui.taper.symptoms_dialog", "Withdrawal symptoms on {day}").format(
                day=long_day(day)
            )
        )
        mark_form(self, f"symptoms:{day.isoformat()}")  # comes back for its own day
        outer = QVBoxLayout(self)
        self.urgent = HelpNowCard()
        self.urgent.helpRequested.connect(lambda: self.requested.emit(GetHelp()))
        self.urgent_words, self.help_button = self.urgent.words, self.urgent.help_button
        outer.addWidget(self.urgent)
        area = scroll_area()
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.addWidget(
            wrapped(
                (
                    _t("ui.taper.symptoms_dialog", "How much has each bothered you today?")
                    if on_the_day
                    else _t("ui.taper.symptoms_dialog", "How much did each bother you that day?")
                )
                + " "
                + _t(
                    "ui.taper.symptoms_dialog",
                    "Symptoms often come and go in waves during a taper; writing them down "
                    "helps you and your prescriber see the pattern.",
                )
            )
        )
        ratings = known.ratings if known else {}
        self.rows: list[_Symptom] = []
        for name in dict.fromkeys([*COMMON_SYMPTOMS, *names, *ratings]):
            self._add_symptom(name, ratings.get(name, 0))
        add_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(_t("ui.taper.symptoms_dialog", "another symptom"))
        self.new_name.setAccessibleName(_t("ui.taper.symptoms_dialog", "Another symptom"))
        add_button = QPushButton(_t("ui.taper.symptoms_dialog", "&Add it"))
        add_button.clicked.connect(self._add_new)
        add_button.setAutoDefault(False)
        self.new_name.installEventFilter(self)  # Enter there adds the symptom
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(add_button)
        self.body.addLayout(add_row)
        flags = QGroupBox(_t("ui.taper.symptoms_dialog", "Warning signs: these need help now"))
        flags_layout = QVBoxLayout(flags)
        self.flags: dict[RedFlag, QCheckBox] = {}
        for flag in RedFlag:
            box = QCheckBox(RED_FLAG_WORDS[flag])
            box.setChecked(known is not None and flag in known.red_flags)
            box.toggled.connect(self._flags_changed)
            self.flags[flag] = box
            flags_layout.addWidget(box)
        self.body.addWidget(flags)
        self.note = QPlainTextEdit(known.note if known else "")
        self.note.setAccessibleName(_t("ui.taper.symptoms_dialog", "Anything else about today"))
        self.note.setPlaceholderText(_t("ui.taper.symptoms_dialog", "Anything else about today"))
        self.note.setMaximumHeight(lines_high(self.note, 5))
        self.body.addWidget(self.note)
        self.body.addStretch(1)
        area.setWidget(body)
        outer.addWidget(area, 1)
        self.status = StatusLine(_t("ui.taper.symptoms_dialog", "Message"))
        outer.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        fit_on_screen(self, 720, 700)
        if self.rows:
            self.rows[0].group.button(self.rows[0].rating()).setFocus()
        self._show_urgent(announce=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in "another symptom" adds it rather than saving and closing the form."""
        if (
            watched is self.new_name
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add_new()
            return True
        return super().eventFilter(watched, event)

    def _add_symptom(self, name: str, rating: int) -> None:
        row = _Symptom(name, rating)
        self.rows.append(row)
        self.body.addWidget(row)

    def _add_new(self) -> None:
        try:
            name = symptom_name(self.new_name.text())
        except KnownError as exc:
            if self.new_name.text().strip():
                self.status.setText(exc.message)
            return
        if any(r.name.casefold() == name.casefold() for r in self.rows):
            self.status.setText(
                _t("ui.taper.symptoms_dialog", "“{name}” is in the list already.").format(name=name)
            )
            return
        self._add_named(name)
        self.status.clear()
        self.new_name.clear()

    def _add_named(self, name: str) -> _Symptom:
        self.added.append(name)
        row = _Symptom(name, 0)  # rated by the person, not by the app
        self.rows.append(row)
        index = self.body.count() - 4  # above "another symptom", the signs, the note, stretch
        self.body.insertWidget(max(1, index), row)
        return row

    def form_values(self) -> dict[str, Any]:
        """What is chosen, by symptom name, for a lock (``form_snapshot.NamedValues``)."""
        return {
            "ratings": {r.name: r.rating() for r in self.rows},
            "added": list(self.added),
            "flags": [str(flag) for flag in self.red_flags()],
            "note": self.note.toPlainText(),
            "new_name": self.new_name.text(),
        }

    def put_form_values(self, values: dict[str, Any]) -> None:
        """Back after the unlock. A warning sign shows its card again without opening
        Get help a second time: that happened when it was ticked."""
        added = values.get("added")
        for name in added if isinstance(added, list) else []:
            if isinstance(name, str) and not any(
                r.name.casefold() == name.casefold() for r in self.rows
            ):
                self._add_named(name)
        ratings = values.get("ratings")
        by_name = {r.name.casefold(): r for r in self.rows}
        for name, value in (ratings if isinstance(ratings, dict) else {}).items():
            row = by_name.get(str(name).casefold())
            if row is not None and isinstance(value, int):
                row.rate(value)
        flags = values.get("flags")
        chosen = set(flags) if isinstance(flags, list) else set()
        for flag, box in self.flags.items():
            box.blockSignals(True)
            box.setChecked(str(flag) in chosen)
            box.blockSignals(False)
        self._show_urgent(announce=True)
        for field, name in ((self.note, "note"), (self.new_name, "new_name")):
            if isinstance(values.get(name), str):
                if isinstance(field, QPlainTextEdit):
                    field.setPlainText(values[name])
                else:
                    field.setText(values[name])

    def red_flags(self) -> tuple[RedFlag, ...]:
        return tuple(f for f, box in self.flags.items() if box.isChecked())

    def _flags_changed(self) -> None:
        self._show_urgent(announce=True)
        if self.red_flags():
            self.requested.emit(GetHelp())  # at once, not after saving

    def _show_urgent(self, announce: bool) -> None:
        flags = self.red_flags()
        if flags:
            self.urgent.present(help_words(flags), announce)
        else:
            self.urgent.hide()

    def entry(self) -> SymptomDay:
        return SymptomDay(
            self.day,
            {r.name: r.rating() for r in self.rows if r.rating() > 0},
            self.red_flags(),
            self.note.toPlainText(),
        )

    def save(self) -> None:
        entry = self.entry()
        try:
            self.saved = self.ctx.ops.run(
                lambda: record_symptom_day(
                    self.ctx.db, entry, self.ctx.clock.now(), tuple(self.added)
                ),
                initiator=self,
            )
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.accept()
