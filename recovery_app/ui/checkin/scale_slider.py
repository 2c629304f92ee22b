"""A 0-10 slider with its value in words beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget


class ScaleSlider(QWidget):
    valueChanged = Signal(int)

    def __init__(self, name: str, low_word: str, high_word: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(name)
        self.slider.setAccessibleDescription(f"0 is {low_word}, 10 is {high_word}")
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(60)
        self.value_label.setAccessibleName(f"{name} value")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(low_word))
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel(high_word))
        layout.addWidget(self.value_label)
        self.slider.valueChanged.connect(self._changed)
        self._changed(0)

    def _changed(self, value: int) -> None:
        self.value_label.setText(f"{value} / 10")
        self.valueChanged.emit(value)

    def value(self) -> int:
        return self.slider.value()

    def setValue(self, value: int) -> None:
        self.slider.setValue(value)
