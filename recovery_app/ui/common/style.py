"""Shared pieces of the look: icons, headings, cards, scrolling pages.

The colours and the style sheet are in ``theme``; the design note is ``docs/design.md``.
"""

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_app import resources
from recovery_app.core.i18n import translate


def icon(name: str) -> QIcon:
    """An icon that keeps its colours when selected (the default tint hides it)."""
    file = str(resources.path("icons", f"{name}.svg"))
    result = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        result.addFile(file, QSize(), mode)
    return result


_BASE = "recoveryBasePointSize"


def base_point_size(app: QApplication) -> float:
    """The system's font size, as the app found it (kept on the app: text size multiplies it)."""
    base = app.property(_BASE)
    if not base:
        base = app.font().pointSizeF()
        app.setProperty(_BASE, base)
    return float(base)


def text_scale() -> float:
    """The person's text size as a factor: 1.0 at 100 %, 2.0 at 200 %."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 1.0
    return max(1.0, QApplication.font().pointSizeF() / base_point_size(app))


def scaled_font(scale: float, bold: bool = True) -> QFont:
    """The application font times ``scale``."""
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def set_font_scale(widget: QWidget, scale: float, bold: bool = True) -> None:
    """Draw ``widget`` ``scale`` times the app's text size, now and after the size changes."""
    widget.setProperty("fontScale", scale)
    widget.setFont(scaled_font(scale, bold))


def rescale(widget: QWidget) -> None:
    """After the app's text size changed: a widget with ``fontScale`` follows it."""
    scale = widget.property("fontScale")
    if scale:
        widget.setFont(scaled_font(float(scale), widget.font().bold()))


def heading(text: str, scale: float = 1.5, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    set_font_scale(label, scale)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def wrapped(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class Card(QFrame):
    """A rounded panel with a title, holding one part of a page."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(title)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 14, 18, 16)
        self.body.setSpacing(8)
        self.body.addWidget(heading(title, 1.15))


class _ScrolledContent(QWidget):
    """What a page scrolls: never shorter than its wrapped text needs at its width.

    QScrollArea sizes it for the width before a vertical scroll bar takes its
    share, and not again when a label's text changes, so at 200 % text a
    wrapped line came out cut off; its minimum height follows the layout instead."""

    def _fit(self) -> None:
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(self.width())
            if need != self.minimumHeight():
                self.setMinimumHeight(need)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return handled


def scroll_area() -> QScrollArea:
    """A frameless scroll area that sizes its content and takes no focus itself: the
    fields in it do, and it scrolls each into view (no invisible tab stop)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def scrolling_content(page: QWidget, spacing: int = 16) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area; returns the layout to fill with its content."""
    content = _ScrolledContent()
    layout = QVBoxLayout(content)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(spacing)
    scroll = scroll_area()
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return layout


def set_primary(button: QPushButton, primary: bool = True) -> None:
    """The one main action of a card or page, drawn in the accent colour."""
    if bool(button.property("primary")) != primary:
        button.setProperty("primary", primary)
        button.style().unpolish(button)
        button.style().polish(button)


class Hero(QFrame):
    """The friendly figure at the top of a page: one large line and a caption under it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hero")
        self.setAccessibleName(name)
        self.figure = QLabel()
        self.figure.setObjectName("heroFigure")
        set_font_scale(self.figure, 2.4)
        self.figure.setWordWrap(True)
        self.caption = wrapped()
        self.caption.setAccessibleName(
            translate("ui.common.style", "{name}: more").format(name=name)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(4)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)

    def show_figure(self, figure: str, caption: str) -> None:
        self.figure.setText(figure)
        self.figure.setAccessibleName(figure)
        self.caption.setText(caption)


def lines_high(widget: QWidget, lines: int) -> int:
    """The height of ``lines`` lines of the widget's text (grows with the text size)."""
    return widget.fontMetrics().lineSpacing() * lines
