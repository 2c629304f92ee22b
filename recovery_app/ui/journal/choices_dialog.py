"""Manage the trigger and coping-strategy lists: add, rename, archive, merge.

None of these change an entry's history: entries keep pointing at what was
chosen at the time; a merged item simply counts as the one it was merged into.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import Choice, ChoiceList
from recovery_app.storage.journal.choices import Choices
from recovery_app.storage.journal.ops import change_choices, load_choices
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.style import wrapped
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import fit_on_screen

UID_ROLE = Qt.ItemDataRole.UserRole
TITLES = {
    ChoiceList.TRIGGERS: translate("ui.journal.choices_dialog", "Triggers"),
    ChoiceList.COPING: translate("ui.journal.choices_dialog", "Coping strategies"),
}


class ChoicesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        self.setWindowTitle(
            translate("ui.journal.choices_dialog", "Triggers and coping strategies")
        )
        self.setAccessibleName(
            translate("ui.journal.choices_dialog", "Triggers and coping strategies")
        )
        fit_on_screen(self, 520, 560)
        self.tabs = QTabWidget()
        self.lists: dict[ChoiceList, QListWidget] = {}
        for kind, title in TITLES.items():
            listing = QListWidget()
            listing.setAccessibleName(title)
            self.lists[kind] = listing
            self.tabs.addTab(listing, title)
        self.status = StatusLine(translate("ui.journal.choices_dialog", "Message"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                translate(
                    "ui.journal.choices_dialog",
                    "Make these lists your own. Renaming, merging or archiving never changes "
                    "what you already logged.",
                )
            )
        )
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        actions: tuple[tuple[str, Callable[[], None]], ...] = (
            (translate("ui.journal.choices_dialog", "&Add…"), self.add),
            (translate("ui.journal.choices_dialog", "&Rename…"), self.rename),
            (translate("ui.journal.choices_dialog", "Archive / &bring back"), self.toggle_archived),
            (translate("ui.journal.choices_dialog", "&Merge into…"), self.merge),
        )
        for text, slot in actions:
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(translate("ui.journal.choices_dialog", "Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        RefreshOnChange(self, ctx.bus, (Record.CHOICES,), self.reload)
        self.reload()

    # Patchable in tests, like every dialog question.
    @classmethod
    def ask_text(cls, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        return Confirm.ask_text(parent, title, label, text)

    @classmethod
    def ask_item(cls, parent: QWidget, title: str, label: str, items: list[str]) -> str | None:
        value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
        return value if ok else None

    @property
    def kind(self) -> ChoiceList:
        return list(TITLES)[self.tabs.currentIndex()]

    def reload(self) -> None:
        self.choices = {kind: load_choices(self.db, kind) for kind in TITLES}
        names = {c.uid: c.name for kind in TITLES for c in self.choices[kind]}
        for kind, listing in self.lists.items():
            current = listing.currentItem().data(UID_ROLE) if listing.currentItem() else None
            listing.clear()
            for choice in self.choices[kind]:
                text = choice.name
                if choice.merged_into:
                    text += translate("ui.journal.choices_dialog", "  → counts as {get}").format(
                        get=names.get(choice.merged_into, "?")
                    )
                elif choice.archived:
                    text += "  (archived)"
                item = QListWidgetItem(text)
                item.setData(UID_ROLE, choice.uid)
                listing.addItem(item)
                if choice.uid == current:
                    listing.setCurrentItem(item)

    def _selected(self) -> Choice | None:
        item = self.lists[self.kind].currentItem()
        if item is None:
            self.status.setText(
                translate("ui.journal.choices_dialog", "Please choose an item in the list first.")
            )
            return None
        return next(c for c in self.choices[self.kind] if c.uid == item.data(UID_ROLE))

    def _change(self, work: Callable[[Choices], object]) -> None:
        kind = self.kind
        try:
            self.ctx.ops.run(lambda: change_choices(self.db, kind, work), self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.clear()

    def add(self) -> None:
        name = self.ask_text(
            self,
            translate("ui.journal.choices_dialog", "Add"),
            translate("ui.journal.choices_dialog", "A new item for {lower}:").format(
                lower=TITLES[self.kind].lower()
            ),
        )
        if name is not None:
            self._change(lambda repo: repo.add(name, self.clock.now()))

    def rename(self) -> None:
        choice = self._selected()
        if choice is None:
            return
        name = self.ask_text(
            self,
            translate("ui.journal.choices_dialog", "Rename"),
            translate("ui.journal.choices_dialog", "New name:"),
            choice.name,
        )
        if name is not None:
            self._change(lambda repo: repo.rename(choice.uid, name))

    def toggle_archived(self) -> None:
        choice = self._selected()
        if choice is not None:
            self._change(lambda repo: repo.set_archived(choice.uid, not choice.archived))

    def merge(self) -> None:
        choice = self._selected()
        if choice is None:
            return
        targets = [c for c in self.choices[self.kind] if c.active and c.uid != choice.uid]
        name = self.ask_item(
            self,
            translate("ui.journal.choices_dialog", "Merge"),
            translate("ui.journal.choices_dialog", "From now on, count “{name}” as:").format(
                name=choice.name
            ),
            [c.name for c in targets],
        )
        target = next((c for c in targets if c.name == name), None)
        if target is not None:
            self._change(lambda repo: repo.merge(choice.uid, target.uid))
