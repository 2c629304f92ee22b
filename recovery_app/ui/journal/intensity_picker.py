"""Craving strength 0-10 as a row of buttons, with nothing chosen until the person chooses.

Keyboard: type a digit (1 then 0 makes 10), or use the arrow keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.journal.entries import INTENSITY_MAX, INTENSITY_MIN


class IntensityPicker(QWidget):
    valueChanged = Signal(object)  # int, or None when cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(
            translate("ui.journal.intensity_picker", "Craving strength, 0 to 10")
        )
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(2)
        layout = QHBoxLayout()
        layout.setSpacing(4)
        ends = QHBoxLayout()  # the words under the ends of the row, so the row stays narrow
        ends.addWidget(QLabel(translate("ui.journal.intensity_picker", "0 · none")))
        ends.addStretch(1)
        ends.addWidget(QLabel(translate("ui.journal.intensity_picker", "10 · extreme")))
        self.buttons: list[QPushButton] = []
        for value in range(INTENSITY_MIN, INTENSITY_MAX + 1):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row takes focus as one control
            button.setObjectName("numberTile")
            button.setAccessibleName(
                translate("ui.journal.intensity_picker", "Strength {value}").format(value=value)
            )
            self.group.addButton(button, value)
            self.buttons.append(button)
            layout.addWidget(button)
        outer.addLayout(layout)
        outer.addLayout(ends)
        self.group.idClicked.connect(self._chosen)
        self._value: int | None = None
        self._typed_one = False
        self.setStyleSheet("IntensityPicker:focus { border: 2px solid palette(highlight); }")

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)
        self._chosen(value)

    def _chosen(self, value: int | None) -> None:
        if value == self._value:
            return
        self._value = value
        self.setAccessibleDescription(
            translate("ui.journal.intensity_picker", "not chosen yet")
            if value is None
            else translate("ui.journal.intensity_picker", "{value} out of {INTENSITY_MAX}").format(
                value=value, INTENSITY_MAX=INTENSITY_MAX
            )
        )
        self.valueChanged.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            self.setValue(10 if digit == 0 and self._typed_one else digit)
            self._typed_one = digit == 1
            return
        self._typed_one = False
        current = self._value
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.setValue(INTENSITY_MIN if current is None else min(current + 1, INTENSITY_MAX))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.setValue(INTENSITY_MIN if current is None else max(current - 1, INTENSITY_MIN))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.setValue(INTENSITY_MIN if key == Qt.Key.Key_Home else INTENSITY_MAX)
        else:
            super().keyPressEvent(event)
