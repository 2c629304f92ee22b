"""Get help: crisis lines, always one click or F1 away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.ui.crisis import COUNTRY_NOTE, CRISIS_LINES
from recovery_app.ui.style import heading, wrapped
from recovery_app.ui.windowing import bring_to_front


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Get help now")
        self.setAccessibleName("Get help now")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading("You don't have to face this alone", 1.3))
        layout.addWidget(
            wrapped(
                "If things feel bad right now, reaching out is a strong step. "
                "These services are free and confidential."
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        for row, line in enumerate(CRISIS_LINES):
            name = QLabel(f"<b>{line.name}</b><br>{line.detail}")
            name.setWordWrap(True)
            name.setTextFormat(Qt.TextFormat.RichText)
            number = QLabel(line.number)
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            number.setFont(font)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            number.setAccessibleName(f"{line.name}: {line.number}")
            copy = QPushButton("Copy")
            copy.setAccessibleName(f"Copy the number for {line.name}")
            copy.clicked.connect(lambda _=False, n=line.number: self._copy(n))
            grid.addWidget(name, row, 0)
            grid.addWidget(number, row, 1)
            grid.addWidget(copy, row, 2)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        layout.addWidget(wrapped(COUNTRY_NOTE))
        self.status = QLabel("")
        self.status.setAccessibleName("Copy status")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close Get help")
        layout.addWidget(buttons)

    def _copy(self, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.status.setText(f"Copied {number}.")

    @classmethod
    def present(cls, parent: QWidget | None) -> HelpDialog:
        """Show the dialog without blocking, reusing one already open."""
        existing = parent.findChild(HelpDialog) if parent is not None else None
        dialog = existing or cls(parent)
        bring_to_front(dialog)
        return dialog
