"""Paced breathing: a circle that grows while you breathe in and shrinks while you
breathe out, with the words and a count beside it. With motion off, only the words
and the count change (for people whom moving shapes unsettle)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSizePolicy, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.toolkit.urge import Breath, breath_at
from recovery_app.ui.common.accessible import give_role
from recovery_app.ui.common.style import set_font_scale

PHASE_WORDS = {
    Breath.IN: translate("ui.toolkit.breathing", "Breathe in"),
    Breath.OUT: translate("ui.toolkit.breathing", "Breathe out, slowly"),
}


class _Circle(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.size_now = 0.5  # 0 to 1 of the widest the circle gets
        self.setAccessibleName(
            translate(
                "ui.toolkit.breathing",
                "A circle that grows as you breathe in and shrinks as you breathe out",
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        side = self.fontMetrics().height() * 6
        return QSize(side, side)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = QApplication.palette()
        side = min(self.width(), self.height()) - 4
        centre = self.rect().center()
        outer = QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(outer)  # the edge shows how far the breath goes
        inner = side * (0.3 + 0.7 * self.size_now)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawEllipse(QRectF(centre.x() - inner / 2, centre.y() - inner / 2, inner, inner))


give_role(_Circle, QAccessible.Role.Animation)


class BreathingGuide(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.circle = _Circle()
        self.words = QLabel()
        set_font_scale(self.words, 1.4)
        self.words.setWordWrap(True)
        self.count = QLabel()
        set_font_scale(self.count, 2.0)
        self.motion = True
        self._phase: Breath | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.circle)
        layout.addSpacing(16)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.count)
        self.setAccessibleName(translate("ui.toolkit.breathing", "Paced breathing"))

    def set_motion(self, on: bool) -> None:
        self.motion = on
        self.circle.setVisible(on)

    def show_at(self, elapsed: float) -> bool:
        """Show the breath ``elapsed`` seconds in; whether it just turned (in to out, or
        out to in), when the words change."""
        now = breath_at(elapsed)
        grow = now.fraction if now.phase is Breath.IN else 1 - now.fraction
        self.circle.size_now = grow
        if self.motion:
            self.circle.update()
        self.count.setText(str(now.seconds_left))
        if now.phase is self._phase:  # words change twice a breath, not every frame
            return False
        self._phase = now.phase
        self.words.setText(PHASE_WORDS[now.phase])
        self.setAccessibleDescription(PHASE_WORDS[now.phase])
        return True
