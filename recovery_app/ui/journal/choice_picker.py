"""Pick several triggers or coping strategies: type to narrow the list, Space to tick.

Typing a name that isn't in the list offers "Add …", so a person's own
trigger is one keystroke away. Archived and merged items are hidden, but an
entry that already uses one still shows it ticked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import Choice

UID_ROLE = Qt.ItemDataRole.UserRole


class _FilterField(QLineEdit):
    """Down moves into the list; Enter picks what was typed (it never saves the form)."""

    down = Signal()
    picked = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.picked.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ChoicePicker(QWidget):
    changed = Signal()
    addRequested = Signal(str)  # a new name the person typed

    def __init__(self, what: str, parent: QWidget | None = None, rows: int = 7) -> None:
        super().__init__(parent)
        self.what = what
        self.filter = _FilterField()
        self.filter.setPlaceholderText(
            translate("ui.journal.choice_picker", "Type to find {what}, or to add your own").format(
                what=what
            )
        )
        self.filter.setAccessibleName(
            translate("ui.journal.choice_picker", "Find {what}").format(what=what)
        )
        self.filter.setClearButtonEnabled(True)
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(
            translate("ui.journal.choice_picker", "Add to {what}").format(what=what)
        )
        self.add_button.hide()
        self.list = QListWidget()
        self.list.setAccessibleName(what.capitalize())
        self.list.setMinimumHeight(rows * 24)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._narrow)
        self.filter.down.connect(self._into_list)
        self.filter.picked.connect(self._pick_typed)
        self.add_button.clicked.connect(lambda: self.addRequested.emit(self.filter.text()))
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.setFocusProxy(self.filter)

    def set_choices(self, choices: Iterable[Choice], checked: Iterable[str] = ()) -> None:
        ticked = set(checked) | set(self.checked())
        self.list.blockSignals(True)
        self.list.clear()
        group = None
        for choice in choices:
            if not choice.active and choice.uid not in ticked:
                continue
            if choice.group and choice.group != group:
                group = choice.group
                header = QListWidgetItem(group.upper())
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(header)
            item = QListWidgetItem(choice.name)
            item.setData(UID_ROLE, choice.uid)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if choice.uid in ticked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._narrow(self.filter.text())

    def _items(self) -> Iterable[QListWidgetItem]:
        for row in range(self.list.count()):
            yield self.list.item(row)

    def checked(self) -> list[str]:
        return [
            i.data(UID_ROLE)
            for i in self._items()
            if i.data(UID_ROLE) and i.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, uids: Iterable[str]) -> None:
        wanted = set(uids)
        for item in self._items():
            if item.data(UID_ROLE):
                item.setCheckState(
                    Qt.CheckState.Checked
                    if item.data(UID_ROLE) in wanted
                    else Qt.CheckState.Unchecked
                )

    def tick(self, uid: str) -> None:
        self.set_checked([*self.checked(), uid])
        self.filter.clear()

    def _narrow(self, text: str) -> None:
        words = text.casefold().strip()
        exact = False
        for item in self._items():
            if not item.data(UID_ROLE):
                item.setHidden(bool(words))  # group headers only without a filter
                continue
            name = item.text().casefold()
            item.setHidden(bool(words) and words not in name)
            exact = exact or name == words
        self.add_button.setVisible(bool(words) and not exact)
        self.add_button.setText(
            translate("ui.journal.choice_picker", "Add “{strip}”").format(strip=text.strip())
        )

    def _pick_typed(self) -> None:
        """Enter in the search box: tick the first match, or add the typed name."""
        for item in self._items():
            if item.data(UID_ROLE) and not item.isHidden():
                self.tick(item.data(UID_ROLE))
                return
        self.addRequested.emit(self.filter.text())

    def _into_list(self) -> None:
        for item in self._items():
            if item.data(UID_ROLE) and not item.isHidden():
                self.list.setCurrentItem(item)
                break
        self.list.setFocus()

    def connect_adding(self, add: Callable[[str], str | None]) -> None:
        """``add(name)`` stores a new choice and returns its uid (None if refused)."""

        def added(name: str) -> None:
            uid = add(name)
            if uid is not None:
                self.tick(uid)

        self.addRequested.connect(added)
