"""A row of controls that wraps onto the next line when the window is narrow.

Rows of buttons and filters are what made pages wider than the window at large
text sizes (a QHBoxLayout's minimum is the sum of its parts). In a ``FlowRow`` the
minimum width is its widest single item, and the height follows the width.
A stretch added with ``add_stretch`` pushes the items after it to the right edge
of their line, the way ``QHBoxLayout.addStretch`` does.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)


class FlowRow(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout ------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_stretch(self) -> None:
        """The items after this go to the right end of the line they are on."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        width = height = 0
        for item in self._shown():
            hint = item.sizeHint()
            width += hint.width() + (self._gap if width else 0)
            height = max(height, hint.height())
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest single item: everything else can wrap."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing -------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or item.spacerItem() is not None]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            if item.spacerItem() is not None:
                lines[-1].append(item)
                continue
            w = min(item.sizeHint().width(), width)
            if lines[-1] and used and used + self._gap + w > width:
                lines.append([])
                used = 0
            lines[-1].append(item)
            used += w + (self._gap if used else 0)
        return lines

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        for line in self._lines(max(1, area.width())):
            widgets = [item for item in line if item.spacerItem() is None]
            if not widgets:
                continue
            widths = [min(item.sizeHint().width(), area.width()) for item in widgets]
            height = max(
                item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                for item, w in zip(widgets, widths, strict=True)
            )
            spare = area.width() - sum(widths) - self._gap * (len(widgets) - 1)
            stretches = sum(1 for item in line if item.spacerItem() is not None)
            x = area.x()
            for item in line:
                if item.spacerItem() is not None:
                    x += spare // stretches if stretches else 0
                    continue
                w = widths[widgets.index(item)]
                own = item.heightForWidth(w) if item.hasHeightForWidth() else 0
                h = min(height, max(own, item.sizeHint().height()))
                if move:  # centred on the line, at its own height
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + self._gap
            y += height + self._gap
        return y - self._gap - area.y() + m.top() + m.bottom() if y > area.y() else 0


def button_row(*buttons: QAbstractButton) -> FlowRow:
    """The buttons of a card on one wrapping row, left-aligned; each named for screen
    readers by its own words (without the mnemonic's & and a trailing …)."""
    row = FlowRow()
    for button in buttons:
        button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        row.addWidget(button)
    row.add_stretch()
    return row
