"""The journal list as a Qt table model that fetches lazily.

Filtering gives the ordered ids of every match (one small integer query);
rows are read a page at a time only when the view shows them, and only a
few pages are kept. Twenty thousand entries never become objects at once.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from recovery_app.core.clock import Clock, day_start, to_local
from recovery_app.core.i18n import translate
from recovery_app.core.journal.entries import KIND_WORDS, OUTCOME_WORDS, EntryKind, JournalFilter
from recovery_app.storage.db import Database
from recovery_app.storage.journal.ops import entry_rows, find_entries, id_of_entry
from recovery_app.storage.journal.queries import EntryListRow

PAGE_SIZE = 100
PAGES_KEPT = 8
UID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = (
    translate("ui.journal.model", "When"),
    translate("ui.journal.model", "Kind"),
    translate("ui.journal.model", "Strength"),
    translate("ui.journal.model", "Triggers"),
    translate("ui.journal.model", "Outcome"),
    translate("ui.journal.model", "Summary"),
)
Index = QModelIndex | QPersistentModelIndex
_Cached = tuple[EntryListRow, tuple[str, ...]]
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        UID_ROLE,
    }
)


class JournalModel(QAbstractTableModel):
    filtered = Signal(int)  # how many entries match

    def __init__(self, db: Database, clock: Clock, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.clock = db, clock
        self.filter = JournalFilter()
        self.ids: list[int] = []
        # Page number -> id -> (row, its six cells already formatted).
        self._pages: OrderedDict[int, dict[int, _Cached]] = OrderedDict()

    # -- loading -------------------------------------------------------------
    def bounds(self) -> tuple[datetime | None, datetime | None]:
        f = self.filter
        since = day_start(f.first_day, self.clock) if f.first_day else None
        before = day_start(f.last_day + timedelta(days=1), self.clock) if f.last_day else None
        return since, before

    def set_filter(self, f: JournalFilter) -> None:
        self.filter = f
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.ids = find_entries(self.db, self.filter, *self.bounds())
        self._pages.clear()
        self.endResetModel()
        self.filtered.emit(len(self.ids))

    def _cached(self, row: int) -> _Cached | None:
        if not 0 <= row < len(self.ids):
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            wanted = self.ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
            rows = entry_rows(self.db, wanted)
            page = {
                i: (r, tuple(self._text(r, c) for c in range(len(COLUMNS))))
                for i, r in rows.items()
            }
            self._pages[number] = page
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        return page.get(self.ids[row])

    def row_at(self, row: int) -> EntryListRow | None:
        cached = self._cached(row)
        return None if cached is None else cached[0]

    def row_of(self, uid: str) -> int | None:
        wanted = id_of_entry(self.db, uid)
        try:
            return self.ids.index(wanted) if wanted is not None else None
        except ValueError:
            return None

    # -- the Qt model ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for about ten roles per cell on every paint; answer the
        # ones we don't use before looking anything up.
        if role not in _ROLES or not index.isValid():
            return None
        cached = self._cached(index.row())
        if cached is None:
            return None
        row, cells = cached
        if role == UID_ROLE:
            return row.uid
        if role == Qt.ItemDataRole.ToolTipRole:
            return (row.summary or None) if index.column() == len(COLUMNS) - 1 else None
        return cells[index.column()]

    def _text(self, row: EntryListRow, column: int) -> str:
        if column == 0:
            return f"{to_local(row.occurred_at, self.clock):%a %d %b %Y, %H:%M}"
        if column == 1:
            return KIND_WORDS[row.kind]
        if column == 2:
            return "" if row.intensity is None else f"{row.intensity}/10"
        if column == 3:
            return row.triggers
        if column == 4:
            return OUTCOME_WORDS[row.outcome] if row.outcome else ""
        if row.summary:
            return row.summary
        return translate("ui.journal.model", "(no words)") if row.kind is EntryKind.CRAVING else ""
