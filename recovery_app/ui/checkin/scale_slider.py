"""A 0-10 slider with its value in words beside it, "not recorded" until it is used."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from recovery_app.core.i18n import translate

NOT_RECORDED = translate("ui.checkin.scale_slider", "Not recorded")


class _Slider(QSlider):
    """A wheel turned over the form while scrolling it doesn't record a value: only a
    slider that has focus takes the wheel (the form scrolls otherwise)."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            event.ignore()
            return
        super().wheelEvent(event)


class ScaleSlider(QWidget):
    """Left alone, it records nothing (``value()`` is None), so an untouched slider is
    never stored as a 0. Any key or click on it records its value, 0 included;
    Clear returns it to "not recorded"."""

    valueChanged = Signal(object)  # int, or None when not recorded

    def __init__(self, name: str, low_word: str, high_word: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self._recorded = False
        self.slider = _Slider(Qt.Orientation.Horizontal)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(name)
        self.slider.setAccessibleDescription(
            translate(
                "ui.checkin.scale_slider",
                "0 is {low_word}, 10 is {high_word}. Left alone, nothing is recorded.",
            ).format(low_word=low_word, high_word=high_word)
        )
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(90)
        self.value_label.setAccessibleName(
            translate("ui.checkin.scale_slider", "{name} value").format(name=name)
        )
        self.clear_button = QPushButton(translate("ui.checkin.scale_slider", "Clear"))
        self.clear_button.setAccessibleName(
            translate("ui.checkin.scale_slider", "Clear {lower}: not recorded").format(
                lower=name.lower()
            )
        )
        self.clear_button.setToolTip(
            translate("ui.checkin.scale_slider", "Leave this not recorded")
        )
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Hidden while nothing is recorded, without the slider changing length.
        policy = self.clear_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.clear_button.setSizePolicy(policy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(low_word))
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel(high_word))
        layout.addWidget(self.value_label)
        layout.addWidget(self.clear_button)
        # Before the value moves, so a key pressed at 0 still records the 0.
        self.slider.actionTriggered.connect(self._used)
        self.slider.sliderPressed.connect(self._used)
        self.slider.valueChanged.connect(lambda _v: self._show(emit=True))
        self.clear_button.clicked.connect(lambda: self.setValue(None))
        self._show(emit=False)

    def _used(self, *_args: object) -> None:
        if not self._recorded:
            self._recorded = True
            self._show(emit=True)

    def _show(self, emit: bool) -> None:
        value = self.value()
        self.value_label.setText(NOT_RECORDED if value is None else f"{value} / 10")
        self.clear_button.setVisible(value is not None)
        if emit:
            self.valueChanged.emit(value)

    def value(self) -> int | None:
        return self.slider.value() if self._recorded else None

    def setValue(self, value: int | None) -> None:
        self._recorded = value is not None
        self.slider.blockSignals(True)
        self.slider.setValue(value or 0)
        self.slider.blockSignals(False)
        self._show(emit=True)
