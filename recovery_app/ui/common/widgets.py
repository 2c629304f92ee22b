"""Small widgets more than one feature uses."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)


def secret_field(name: str) -> QLineEdit:
    """A field whose text is never shown (a passphrase)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


def narrow(combo: QComboBox, characters: int = 14) -> QComboBox:
    """A combo box that does not ask for its longest item's width: a long item
    (or a long translation, or 200 % text) would otherwise widen the whole form."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def accepted(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; whether the person accepted it. The dialog is deleted once
    the event loop runs again, so its values can still be read right after."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class WrappingCheckBox(QCheckBox):
    """A check box whose words wrap onto more lines instead of widening the window (a long
    question at large text). It keeps its text, so it reads and tests like any check box."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)  # a check box's own policy never lets it shrink

    def _indicator(self) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        style = self.style()
        width = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, self)
        height = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, option, self)
        gap = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, option, self)
        return QSize(width + gap + 4, height)

    def _text_height(self, width: int) -> int:
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
        bound = QRect(0, 0, max(1, width), 100_000)
        return self.fontMetrics().boundingRect(bound, int(flags), self.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        indicator = self._indicator()
        return max(indicator.height(), self._text_height(width - indicator.width())) + 4

    def sizeHint(self) -> QSize:
        indicator = self._indicator()
        width = indicator.width() + min(
            self.fontMetrics().horizontalAdvance(self.text()) + 2,
            self.fontMetrics().averageCharWidth() * 60,
        )
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        indicator = self._indicator()
        width = indicator.width() + self.fontMetrics().averageCharWidth() * 12
        return QSize(width, indicator.height())

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        indicator = self._indicator()
        box = QRect(option.rect.x(), option.rect.y() + 2, indicator.height(), indicator.height())
        option.rect = box
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option)
        text_rect = self.rect().adjusted(indicator.width(), 0, 0, 0)
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(text_rect, int(flags | Qt.AlignmentFlag.AlignTop), self.text())
        if self.hasFocus():
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
