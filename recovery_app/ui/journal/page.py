"""Journal: every craving and entry, newest first, with filters, search, edit and undo."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.clock import today
from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import ChoiceList
from recovery_app.core.journal.entries import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    OUTCOME_WORDS,
    EntryKind,
    JournalFilter,
    Outcome,
)
from recovery_app.storage.journal.ops import delete_entry, load_choices, restore_entry
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.requests import LogCraving, ManageChoices, OpenEntry, WriteEntry
from recovery_app.ui.common.style import heading, wrapped
from recovery_app.ui.journal.model import UID_ROLE, JournalModel

SEARCH_DELAY_MS = 200
PERIODS = (
    (translate("ui.journal.page", "Any time"), None),
    (translate("ui.journal.page", "Today"), 0),
    (translate("ui.journal.page", "Last 7 days"), 6),
    (translate("ui.journal.page", "Last 30 days"), 29),
    (translate("ui.journal.page", "Last 12 months"), 364),
    (translate("ui.journal.page", "Choose dates…"), -1),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class JournalPage(QWidget):
    requested = Signal(object)  # a ui.common.requests value

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        self.setAccessibleName(translate("ui.journal.page", "Journal"))
        self.model = JournalModel(self.db, self.clock, self)
        self._deleted: list[str] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("ui.journal.page", "Search your words (Ctrl+F)"))
        self.search.setAccessibleName(translate("ui.journal.page", "Search the journal"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(translate("ui.journal.page", "Kind of entry"))
        # Plain strings as item data: Qt hands back a str, never the enum.
        for words, kind in (
            (translate("ui.journal.page", "All entries"), None),
            (translate("ui.journal.page", "Cravings"), EntryKind.CRAVING.value),
            (translate("ui.journal.page", "Journal entries"), EntryKind.JOURNAL.value),
        ):
            self.kind.addItem(words, kind)
        self.period = QComboBox()
        self.period.setAccessibleName(translate("ui.journal.page", "When"))
        for words, days in PERIODS:
            self.period.addItem(words, days)
        self.first_day, self.last_day = QDateEdit(), QDateEdit()
        for edit, name in (
            (self.first_day, translate("ui.journal.page", "From")),
            (self.last_day, translate("ui.journal.page", "To")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(translate("ui.journal.page", "{name} date").format(name=name))
            edit.setDate(_qdate(today(self.clock)))
            edit.hide()
        self.trigger = QComboBox()
        self.trigger.setAccessibleName(translate("ui.journal.page", "Trigger"))
        # A long trigger name is shortened in the box, not allowed to widen the row.
        self.trigger.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.trigger.setMinimumContentsLength(16)
        self.min_strength, self.max_strength = QSpinBox(), QSpinBox()
        for spin, name in (
            (self.min_strength, translate("ui.journal.page", "Lowest")),
            (self.max_strength, translate("ui.journal.page", "Highest")),
        ):
            spin.setRange(INTENSITY_MIN, INTENSITY_MAX)
            spin.setAccessibleName(
                translate("ui.journal.page", "{name} strength").format(name=name)
            )
        self.max_strength.setValue(INTENSITY_MAX)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(translate("ui.journal.page", "Outcome"))
        self.outcome.addItem(translate("ui.journal.page", "Any outcome"), None)
        for outcome, words in OUTCOME_WORDS.items():
            self.outcome.addItem(words, outcome.value)
        self.clear_button = QPushButton(translate("ui.journal.page", "Clear filters"))
        self.clear_button.setAccessibleName(translate("ui.journal.page", "Clear filters"))

        self.view = QTableView()
        self.view.setAccessibleName(translate("ui.journal.page", "Entries, newest first"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)  # the summary takes what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        self.count = wrapped()
        self.count.setAccessibleName(translate("ui.journal.page", "How many entries"))
        self.empty = wrapped()
        self.empty.setAccessibleName(translate("ui.journal.page", "Journal is empty"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(40)

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("card")
        self.undo_label = QLabel()
        self.undo_button = QPushButton(translate("ui.journal.page", "&Undo"))
        self.undo_button.setAccessibleName(translate("ui.journal.page", "Undo delete"))
        self.undo_button.setToolTip("Ctrl+Z")
        bar = QHBoxLayout(self.undo_bar)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()

        self._lay_out()
        self._wire()
        self._fill_triggers()
        self.apply_filters()

    def _lay_out(self) -> None:
        log_button = QPushButton(translate("ui.journal.page", "Log a &craving"))
        log_button.setToolTip(translate("ui.journal.page", "Ctrl+N, from anywhere"))
        log_button.setAccessibleName(translate("ui.journal.page", "Log a craving"))
        write_button = QPushButton(translate("ui.journal.page", "&Write an entry"))
        write_button.setAccessibleName(translate("ui.journal.page", "Write a journal entry"))
        choices_button = QPushButton(translate("ui.journal.page", "Triggers and strategies…"))
        choices_button.setAccessibleName(
            translate("ui.journal.page", "Manage triggers and coping strategies")
        )
        log_button.clicked.connect(lambda: self.requested.emit(LogCraving()))
        write_button.clicked.connect(lambda: self.requested.emit(WriteEntry()))
        choices_button.clicked.connect(lambda: self.requested.emit(ManageChoices()))
        log_button.setProperty("primary", True)
        # Rows that wrap: at large text or in a small window nothing is pushed off the side.
        top = FlowRow()
        top.addWidget(heading(translate("ui.journal.page", "Journal")))
        top.add_stretch()
        for button in (choices_button, write_button, log_button):
            top.addWidget(button)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.clear_button)
        strength = QWidget()
        strength_row = QHBoxLayout(strength)
        strength_row.setContentsMargins(0, 0, 0, 0)
        strength_row.addWidget(QLabel(translate("ui.journal.page", "Strength")))
        strength_row.addWidget(self.min_strength)
        strength_row.addWidget(QLabel(translate("ui.journal.page", "to")))
        strength_row.addWidget(self.max_strength)
        filters = FlowRow()
        for widget in (self.kind, self.period, self.trigger, self.outcome, strength):
            filters.addWidget(widget)
        filters.addWidget(self.first_day)
        filters.addWidget(self.last_day)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.undo_bar)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "view"):
            self._size_columns()

    def _size_columns(self) -> None:
        """Rows with room to breathe, and columns as wide as their words at this text size;
        the summary gets the rest of the width."""
        fm = self.view.fontMetrics()
        self.view.verticalHeader().setDefaultSectionSize(round(fm.height() * 2.1))
        pad = 3 * fm.averageCharWidth() + 16  # headers are bold
        samples = (
            translate("ui.journal.page", "Wed 30 Sep 2026, 22:30"),
            translate("ui.journal.page", "Craving"),
            translate("ui.journal.page", "Strength"),
            "",
            translate("ui.journal.page", "Still going"),
        )
        header = self.view.horizontalHeader()
        for column, sample in enumerate(samples):
            width = fm.horizontalAdvance(sample) if sample else fm.averageCharWidth() * 22
            header.resizeSection(column, width + pad)

    def _wire(self) -> None:
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.kind, self.trigger, self.outcome):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.period.currentIndexChanged.connect(self._period_changed)
        for widget in (self.first_day, self.last_day):
            widget.dateChanged.connect(lambda _d: self.apply_filters())
        for spin in (self.min_strength, self.max_strength):
            spin.valueChanged.connect(lambda _v: self.apply_filters())
        self.clear_button.clicked.connect(self.clear_filters)
        self.view.activated.connect(self._open)
        self.undo_button.clicked.connect(self.undo)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # only in the list itself
        delete.activated.connect(self.delete_current)
        self.model.filtered.connect(self._show_count)
        RefreshOnChange(self, self.ctx.bus, (Record.JOURNAL,), self.refresh)
        RefreshOnChange(self, self.ctx.bus, (Record.CHOICES,), self.reload_choices)

    # -- filters ---------------------------------------------------------------
    def reload_choices(self) -> None:
        """The lists changed (add, rename, merge): refresh the filter and the shown names."""
        current = self.trigger.currentData()
        self._fill_triggers()
        if self.trigger.currentData() != current:
            self.apply_filters()  # the chosen trigger was merged away
        else:
            self.model.reload()

    def _fill_triggers(self) -> None:
        current = self.trigger.currentData()
        self.trigger.blockSignals(True)
        self.trigger.clear()
        self.trigger.addItem(translate("ui.journal.page", "Any trigger"), None)
        for choice in load_choices(self.db, ChoiceList.TRIGGERS):
            if choice.merged_into is None:
                self.trigger.addItem(
                    choice.name + (" (archived)" if choice.archived else ""), choice.uid
                )
        self.trigger.setCurrentIndex(max(0, self.trigger.findData(current)))
        self.trigger.blockSignals(False)

    def current_filter(self) -> JournalFilter:
        days = self.period.currentData()
        first = last = None
        if days == -1:
            first, last = sorted((_day(self.first_day.date()), _day(self.last_day.date())))
        elif days is not None:
            last = today(self.clock)
            first = last - timedelta(days=days)
        low, high = sorted((self.min_strength.value(), self.max_strength.value()))
        outcome, kind = self.outcome.currentData(), self.kind.currentData()
        return JournalFilter(
            words=self.search.text(),
            kind=EntryKind(kind) if kind else None,
            first_day=first,
            last_day=last,
            trigger=self.trigger.currentData(),
            min_intensity=low if low > INTENSITY_MIN else None,
            max_intensity=high if high < INTENSITY_MAX else None,
            outcome=Outcome(outcome) if outcome else None,
        )

    def apply_filters(self) -> None:
        self.search_timer.stop()
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        """Reload with the same filters (after a save elsewhere), keeping the selection."""
        uid = self.current_uid()
        self.model.reload()
        if uid is not None:
            self.select(uid)

    def clear_filters(self) -> None:
        for widget in (
            self.search,
            self.kind,
            self.period,
            self.trigger,
            self.outcome,
            self.min_strength,
            self.max_strength,
        ):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.kind, self.period, self.trigger, self.outcome):
            combo.setCurrentIndex(0)
        self.min_strength.setValue(INTENSITY_MIN)
        self.max_strength.setValue(INTENSITY_MAX)
        for widget in (self.search, self.kind, self.period, self.trigger, self.outcome,
                       self.min_strength, self.max_strength):  # fmt: skip
            widget.blockSignals(False)
        self._period_changed()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == -1
        self.first_day.setVisible(custom)
        self.last_day.setVisible(custom)
        self.apply_filters()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_count(self, count: int) -> None:
        filtering = not self.model.filter.is_empty
        self.view.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        if count == 0 and filtering:
            self.empty.setText(
                translate(
                    "ui.journal.page",
                    "No entries match. Try fewer or shorter words, or clear the filters.",
                )
            )
        elif count == 0:
            self.empty.setText(
                translate(
                    "ui.journal.page",
                    "Nothing here yet.\n\nWhen a craving comes, press Ctrl+N (or “Log a craving”) "
                    "to note it in a few seconds. Over time, your entries show what sets cravings "
                    "off and what helps you through them.",
                )
            )
        words = (
            (
                translate("ui.journal.page", "1 entry matches")
                if count == 1
                else translate("ui.journal.page", "{count:,} entries match")
            )
            if filtering
            else (
                translate("ui.journal.page", "1 entry")
                if count == 1
                else translate("ui.journal.page", "{count:,} entries")
            )
        )
        self.count.setText(words.format(count=count))
        self.count.setVisible(count > 0)

    # -- entries ----------------------------------------------------------------
    def current_uid(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(UID_ROLE) if index.isValid() else None

    def select(self, uid: str) -> None:
        row = self.model.row_of(uid)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _open(self, index: QModelIndex) -> None:
        uid = index.data(UID_ROLE)
        if uid:
            self.requested.emit(OpenEntry(uid))

    def delete_current(self) -> None:
        uid = self.current_uid()
        if uid is None:
            return
        row = self.view.currentIndex().row()
        self.ctx.ops.run(lambda: delete_entry(self.db, uid, self.clock.now()), self)
        self._deleted.append(uid)
        self.undo_label.setText(translate("ui.journal.page", "Entry deleted."))
        self.undo_bar.show()
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        self.view.setFocus()

    def undo(self) -> None:
        if not self._deleted:
            return
        uid = self._deleted.pop()
        self.ctx.ops.run(lambda: restore_entry(self.db, uid), self)
        self.undo_label.setText(translate("ui.journal.page", "Entry restored."))
        self.undo_bar.setVisible(bool(self._deleted))
        self.select(uid)
        self.view.setFocus()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.model.rowCount():
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)
            self.view.setFocus()
        else:
            self.search.setFocus()
