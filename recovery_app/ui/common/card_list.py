"""A list whose rows are small cards: a bold first line, the rest under it in the
secondary colour, wrapped to the width. Used for meetings, the agenda, attendance
and search results (docs/design.md, "List row").

A row is an ordinary ``QListWidgetItem``: its text is the title, a line break,
then the details, so screen readers and tests read it like any list.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from recovery_app.ui.common.wrapping import laid_out

Index = QModelIndex | QPersistentModelIndex


class _CardDelegate(QStyledItemDelegate):
    def __init__(self, view: CardList) -> None:
        super().__init__(view)
        self.view = view

    @staticmethod
    def _parts(index: Index) -> tuple[str, str]:
        title, _, detail = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        return title, detail

    @staticmethod
    def _is_note(index: Index) -> bool:
        return not index.flags() & Qt.ItemFlag.ItemIsSelectable

    @staticmethod
    def _metrics(font: QFont) -> tuple[QFont, int, int]:
        bold = QFont(font)
        bold.setBold(True)
        unit = QFontMetrics(font).height()
        return bold, max(8, unit * 2 // 3), max(3, unit // 4)  # title font, padding, gap

    def _blocks(self, index: Index, font: QFont, width: int) -> list[tuple[QTextLayout, int]]:
        """The laid-out title and details (a note: one plain block)."""
        bold, pad, gap = self._metrics(font)
        title, detail = self._parts(index)
        if self._is_note(index):
            return [laid_out(title + ("\n" + detail if detail else ""), font, width)]
        inner = max(20, width - 2 * pad - 2 * max(2, gap // 2) - 2)  # the card, its ring
        blocks = [laid_out(title, bold, inner)]
        if detail:
            blocks.append(laid_out(detail, font, inner))
        return blocks

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font: QFont = option.font
        _bold, pad, gap = self._metrics(font)
        width = max(60, self.view.viewport().width())
        heights = [h for _layout, h in self._blocks(index, font, width)]
        if self._is_note(index):
            return QSize(width, heights[0] + 2 * gap)
        return QSize(width, sum(heights) + gap * (len(heights) - 1) + 2 * pad + gap)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        font: QFont = option.font
        state = option.state
        rect: QRect = option.rect
        palette = QApplication.palette()
        roles = QPalette.ColorRole
        _bold, pad, gap = self._metrics(font)
        blocks = self._blocks(index, font, rect.width())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._is_note(index):
            painter.setPen(palette.color(roles.PlaceholderText))
            blocks[0][0].draw(painter, QPointF(rect.left(), rect.top() + gap))
            painter.restore()
            return
        ring = max(2, gap // 2)  # room for the focus ring around the card
        box = rect.adjusted(ring + 1, ring, -ring - 1, -ring)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        current = bool(state & QStyle.StateFlag.State_HasFocus) or (
            selected and self.view.hasFocus()
        )
        hover = bool(state & QStyle.StateFlag.State_MouseOver)
        radius = pad * 0.8
        if current and self.view.hasFocus():  # the keyboard is here: a ring, as on buttons
            painter.setPen(QPen(palette.color(roles.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            outer = box.adjusted(-ring, -ring, ring, ring)
            painter.drawRoundedRect(outer, radius + ring, radius + ring)
        edge_role = roles.Highlight if selected else roles.Mid if hover else roles.Midlight
        painter.setPen(QPen(palette.color(edge_role), 2 if selected else 1))
        painter.setBrush(palette.color(roles.AlternateBase if selected else roles.Base))
        painter.drawRoundedRect(box, radius, radius)
        if selected:  # a bar on the left: the choice shows without colour alone
            bar = QRect(box.left(), box.top(), max(4, pad // 3), box.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(roles.Highlight))
            painter.drawRoundedRect(bar, radius / 2, radius / 2)
        top = box.top() + pad - 1
        for number, (layout, height) in enumerate(blocks):
            painter.setPen(palette.color(roles.Text if number == 0 else roles.PlaceholderText))
            layout.draw(painter, QPointF(box.left() + pad, top))
            top += height + gap
        painter.restore()


class CardList(QListWidget):
    """A list of card rows. With ``most_rows`` it is as tall as its rows, up to that
    many, so a short list needs no scroll bar of its own inside a scrolled page."""

    def __init__(self, name: str, most_rows: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cardList")
        self.setAccessibleName(name)
        self.setItemDelegate(_CardDelegate(self))
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self._most_rows = most_rows
        if most_rows is not None:
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        model: QAbstractItemModel = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._rows_changed)

    def _rows_changed(self) -> None:
        # Only notes (an empty state): nothing to choose, so no tab stop that shows nothing.
        choosable = any(
            self.item(row).flags() & Qt.ItemFlag.ItemIsSelectable for row in range(self.count())
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if choosable else Qt.FocusPolicy.NoFocus)
        if self._most_rows is not None:
            self.updateGeometry()

    def add_note(self, text: str) -> QListWidgetItem:
        """A line that is not a row to choose (an empty state): plain, and skipped by
        the keyboard and the selection."""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.addItem(item)
        return item

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._most_rows is None:
            return hint
        rows = min(self.count(), self._most_rows)
        height = sum(self.sizeHintForRow(row) for row in range(rows))
        if self.count() > rows:  # show that more follow: half of the next row
            height += self.sizeHintForRow(rows) // 2
        return QSize(hint.width(), max(height, self.fontMetrics().height()) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._most_rows is not None and event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped rows are taller or shorter at the new width
