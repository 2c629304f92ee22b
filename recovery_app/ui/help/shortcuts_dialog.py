"""Every keyboard shortcut of the app in one list (Ctrl+/, or from Get help)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.ui.common.style import wrapped
from recovery_app.ui.common.windowing import fit_on_screen

_C = "ui.help.shortcuts_dialog"


def shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do), the ones that work everywhere first."""
    return [
        (
            translate(_C, "F1"),
            translate(_C, "Get help: crisis lines and your people, from every window"),
        ),
        (
            translate(_C, "Ctrl+Shift+H"),
            translate(_C, "I'm having a craving: the timer and skills"),
        ),
        (
            translate(_C, "Ctrl+L"),
            translate(_C, "Lock (with a passphrase) or hide the window at once"),
        ),
        (translate(_C, "Ctrl+N"), translate(_C, "Log a craving in a few words")),
        (translate(_C, "Ctrl+1 … Ctrl+9"), translate(_C, "Go to a page, in the sidebar's order")),
        (translate(_C, "Ctrl+R"), translate(_C, "Your reminders")),
        (translate(_C, "Ctrl+,"), translate(_C, "Appearance: colours, contrast and text size")),
        (translate(_C, "Ctrl+/"), translate(_C, "This list")),
        (translate(_C, "Ctrl+Q"), translate(_C, "Quit")),
        (translate(_C, "Alt+underlined letter"), translate(_C, "Go to that field or button")),
        (
            translate(_C, "Ctrl+Enter, Ctrl+S"),
            translate(_C, "Save the check-in or the form you are in"),
        ),
        (translate(_C, "1 … 5"), translate(_C, "In the check-in: choose your mood")),
        (translate(_C, "Ctrl+F"), translate(_C, "In the journal: find")),
        (
            translate(_C, "Delete, Ctrl+Z"),
            translate(_C, "In the journal and meetings: delete, and undo it"),
        ),
        (translate(_C, "Ctrl+H"), translate(_C, "In the craving timer: hide it at once")),
        (
            translate(_C, "Ctrl+= / Ctrl+-"),
            translate(_C, "In Learn: larger or smaller article text"),
        ),
        (
            translate(_C, "Page Down, Page Up"),
            translate(_C, "Scroll the page, from any button on it"),
        ),
        (
            translate(_C, "Esc"),
            translate(_C, "Close the form or list you are in"),
        ),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = translate(_C, "Keyboard shortcuts")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                translate(
                    _C,
                    "Everything in the app can be done with the keyboard alone. Tab moves "
                    "between fields; Space or Enter presses the button that has the focus.",
                )
            )
        )
        rows = shortcuts()
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels([translate(_C, "Keys"), translate(_C, "What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, (keys, words) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(words))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 640, 560)
        self.table.setFocus()
