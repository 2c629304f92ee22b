"""Shared look: calm spacing from the system palette, so light and dark both work."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from recovery_app import resources

STYLE_SHEET = """
QFrame#card {
    border: 1px solid palette(mid);
    border-radius: 10px;
    background: palette(base);
}
QListWidget#sidebar {
    border: none;
    background: transparent;
    outline: 0;
}
QListWidget#sidebar::item { padding: 10px 8px; border-radius: 8px; }
QListWidget#sidebar::item:selected {
    background: palette(button);
    border-left: 4px solid palette(highlight);
    color: palette(button-text);
}
QPushButton { padding: 6px 14px; }
QPushButton:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: 1px solid palette(highlight);
    border-radius: 4px;
}
QPushButton#getHelp { padding: 10px 14px; font-weight: bold; }
QPushButton#dayTile { padding: 6px 4px; }
QPushButton#entryLink { text-align: left; padding: 6px 10px; }
"""


def icon(name: str) -> QIcon:
    """An icon that keeps its colours when selected (the default tint hides it)."""
    file = str(resources.path("icons", f"{name}.svg"))
    result = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        result.addFile(file, QSize(), mode)
    return result


def heading(text: str, scale: float = 1.5, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
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


def scrolling_content(page: QWidget, spacing: int = 16) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area; returns the layout to fill with its content."""
    content = QWidget()
    layout = QVBoxLayout(content)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(spacing)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return layout
