"""Controls whose words wrap onto more lines instead of widening the window: a long
question, a long article title, a long word at 200 % text or in a longer language.
Each keeps its text, so it reads and tests like the ordinary control."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPaintEvent, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

HUGE = 100_000


def laid_out(text: str, font: QFont, width: int, centred: bool = False) -> tuple[QTextLayout, int]:
    """``text`` wrapped to ``width``: between words, and inside a word only when one
    word is wider than the line (a long name at 200 % text)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if centred:
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, math.ceil(height)


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


class WrappingButton(QPushButton):
    """A list row (docs/design.md): a full-width, left-aligned button that opens one
    thing, its words wrapping within the width it is given. ``centred``: an ordinary
    button whose words wrap (in a narrow column)."""

    def __init__(self, text: str, parent: QWidget | None = None, centred: bool = False) -> None:
        super().__init__(text, parent)
        self._centred = centred
        if not centred:
            self.setObjectName("entryLink")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        return option

    def _chrome(self) -> QSize:
        """The padding and border around the words (the style sheet's)."""
        words = QSize(100, self.fontMetrics().height())
        whole = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, self._option(), words, self
        )
        return whole - words

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        chrome = self._chrome()
        _layout, height = self._laid_out(width - chrome.width())
        return height + chrome.height()

    def _laid_out(self, width: int) -> tuple[QTextLayout, int]:
        return laid_out(self.text(), self.font(), max(20, width), self._centred)

    def sizeHint(self) -> QSize:
        chrome = self._chrome()
        metrics = self.fontMetrics()
        words = min(metrics.horizontalAdvance(self.text()) + 2, metrics.averageCharWidth() * 60)
        width = words + chrome.width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        chrome = self._chrome()
        width = chrome.width() + self.fontMetrics().averageCharWidth() * 12
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        chrome = self._chrome()
        layout, height = self._laid_out(self.width() - chrome.width())
        left = self.rect().left() + (chrome.width() // 2)
        top = self.rect().top() + max(0, (self.height() - height) // 2)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        layout.draw(painter, QPointF(max(left, inner.left()), top))
