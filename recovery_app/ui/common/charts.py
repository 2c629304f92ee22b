"""The charts: our own small painter on ``QPainter`` (docs/design.md, "Charts").

One ``paint()`` draws a chart from ``core.insights.charts`` onto any painter: a widget
(``ChartView``), an image (tests and screenshots) or a PDF page, where it stays vectors
(``ChartObject`` puts it inside a ``QTextDocument``). Colours come from the palette, or
black and grey for print, and series differ by pattern too, never by colour alone.

Imported only when Insights or a report is first made, so it costs the launch nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QAccessible,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from recovery_app.core.insights.charts import Bars, Chart, Heat, Line, Mark, Ranked
from recovery_app.ui.common.accessible import give_role

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Ink:
    """What a chart is drawn with."""

    text: QColor
    muted: QColor
    grid: QColor
    fill: QColor  # the bars and dots
    paper: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> Ink:
        role = QPalette.ColorRole
        return cls(
            palette.color(role.Text),
            palette.color(role.PlaceholderText),
            palette.color(role.Midlight),
            palette.color(role.Accent),
            palette.color(role.Base),
        )

    @classmethod
    def for_print(cls) -> Ink:
        """Black, greys and white: readable printed in black and white."""
        return cls(
            QColor("#000000"),
            QColor("#444444"),
            QColor("#bbbbbb"),
            QColor("#333333"),
            QColor("#ffffff"),
        )


def _brush(mark: Mark, ink: Ink) -> QBrush:
    style = {
        Mark.SOLID: Qt.BrushStyle.SolidPattern,
        Mark.HATCHED: Qt.BrushStyle.BDiagPattern,
        Mark.DOTTED: Qt.BrushStyle.Dense6Pattern,
        Mark.OUTLINE: Qt.BrushStyle.NoBrush,
    }[mark]
    return QBrush(ink.fill, style)


def _swatch(painter: QPainter, box: QRectF, mark: Mark, ink: Ink) -> None:
    painter.setPen(QPen(ink.fill, 1))
    painter.setBrush(_brush(mark, ink))
    painter.drawRect(box)


def nice_step(top: float, most_ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving at most ``most_ticks`` lines."""
    if top <= 0:
        return 1.0
    raw = top / most_ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 5.0):
        if factor * power >= raw:
            return max(1.0, factor * power)
    return max(1.0, 10.0 * power)


def _number(value: float) -> str:
    return f"{value:g}" if value < 1000 else f"{value:,.0f}"


def _legend(
    painter: QPainter,
    rect: QRectF,
    items: list[tuple[str, Mark | None]],
    ink: Ink,
    fm: QFontMetricsF,
) -> float:
    """The key along the top (wrapping), returns its height. ``None``: the line's mark."""
    em = fm.height()
    x, y = rect.left(), rect.top()
    for name, mark in items:
        width = em * 1.2 + fm.horizontalAdvance(name) + em
        if x > rect.left() and x + width > rect.right():
            x, y = rect.left(), y + em * 1.3
        box = QRectF(x, y + em * 0.2, em * 0.9, em * 0.6)
        if mark is None:
            painter.setPen(QPen(ink.text, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(box.left(), box.center().y(), box.right(), box.center().y()))
        else:
            _swatch(painter, box, mark, ink)
        painter.setPen(ink.text)
        painter.drawText(QRectF(x + em * 1.2, y, width, em), ALIGN_LEFT, name)
        x += width
    return y + em * 1.4 - rect.top()


def _x_labels(
    painter: QPainter,
    labels: tuple[str, ...],
    left: float,
    width: float,
    y: float,
    fm: QFontMetricsF,
    ink: Ink,
) -> None:
    """Labels under the bars or points, skipping some so none overlap."""
    n = len(labels)
    if not n:
        return
    slot = width / n
    widest = max(fm.horizontalAdvance(label) for label in labels) + fm.height() * 0.6
    every = max(1, math.ceil(widest / slot))
    painter.setPen(ink.muted)
    for i in range(0, n, every):
        centre = left + slot * (i + 0.5)
        painter.drawText(
            QRectF(centre - widest / 2, y, widest, fm.height()), ALIGN_CENTRE, labels[i]
        )


def _y_axis(
    painter: QPainter,
    plot: QRectF,
    low: float,
    high: float,
    step: float,
    ink: Ink,
    fm: QFontMetricsF,
) -> None:
    value = low
    while value <= high + 1e-9:
        y = plot.bottom() - (value - low) / (high - low) * plot.height()
        painter.setPen(QPen(ink.grid, 1))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        painter.setPen(ink.muted)
        label = QRectF(
            plot.left() - fm.height() * 3.2, y - fm.height() / 2, fm.height() * 3, fm.height()
        )
        painter.drawText(label, ALIGN_RIGHT, _number(value))
        value += step


def _polyline(
    painter: QPainter,
    values: tuple[float | None, ...],
    plot: QRectF,
    low: float,
    high: float,
    pen: QPen,
    dots: bool,
) -> None:
    """A line with gaps where nothing was recorded, and a dot on each point when there is room."""
    n = len(values)
    slot = plot.width() / max(1, n)
    path = QPainterPath()
    drawing = False
    points = []
    for i, value in enumerate(values):
        if value is None:
            drawing = False
            continue
        x = plot.left() + slot * (i + 0.5)
        y = plot.bottom() - (min(max(value, low), high) - low) / (high - low) * plot.height()
        if drawing:
            path.lineTo(x, y)
        else:
            path.moveTo(x, y)
            drawing = True
        points.append(QPointF(x, y))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    if dots or len(points) == 1:
        painter.setBrush(pen.color())
        radius = max(2.0, pen.widthF() * 1.3)
        for point in points:
            painter.drawEllipse(point, radius, radius)


def _paint_bars(painter: QPainter, rect: QRectF, chart: Bars, ink: Ink, fm: QFontMetricsF) -> None:
    em = fm.height()
    items: list[tuple[str, Mark | None]] = [(s.name, s.mark) for s in chart.stacks]
    if chart.line:
        items.append((chart.line_name, None))
    legend = _legend(painter, rect, items, ink, fm)
    totals = [sum(s.values[i] for s in chart.stacks) for i in range(len(chart.labels))]
    top = max(totals, default=0) or 1
    step = nice_step(top)
    high = math.ceil(top / step) * step
    right_axis = em * 3.2 if chart.line else em * 0.5
    plot = QRectF(
        rect.left() + em * 3.4,
        rect.top() + legend + em * 0.3,
        rect.width() - em * 3.4 - right_axis,
        rect.height() - legend - em * 1.9,
    )
    _y_axis(painter, plot, 0, high, step, ink, fm)
    n = len(chart.labels)
    slot = plot.width() / max(1, n)
    bar = max(1.0, slot * 0.72)
    outlines = bar >= 4
    for i in range(n):
        bottom = plot.bottom()
        x = plot.left() + slot * i + (slot - bar) / 2
        for stack in chart.stacks:
            value = stack.values[i]
            if not value:
                continue
            height = value / high * plot.height()
            box = QRectF(x, bottom - height, bar, height)
            painter.setPen(
                QPen(ink.fill, 1) if outlines or stack.mark is Mark.OUTLINE else Qt.PenStyle.NoPen
            )
            painter.setBrush(_brush(stack.mark, ink))
            painter.drawRect(box)
            bottom -= height
    if chart.line:
        pen = QPen(ink.text, 2, Qt.PenStyle.DashLine)
        _polyline(painter, chart.line, plot, 0, chart.line_top, pen, dots=slot >= em * 0.6)
        painter.setPen(ink.muted)
        for level in (0.0, chart.line_top / 2, chart.line_top):
            y = plot.bottom() - level / chart.line_top * plot.height()
            painter.drawText(
                QRectF(plot.right() + em * 0.3, y - em / 2, em * 2.8, em),
                ALIGN_LEFT,
                _number(level),
            )
    painter.setPen(QPen(ink.muted, 1))
    painter.drawLine(QLineF(plot.bottomLeft(), plot.bottomRight()))
    _x_labels(painter, chart.labels, plot.left(), plot.width(), plot.bottom() + em * 0.3, fm, ink)


def _paint_line(painter: QPainter, rect: QRectF, chart: Line, ink: Ink, fm: QFontMetricsF) -> None:
    em = fm.height()
    painter.setPen(ink.text)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), em), ALIGN_LEFT, chart.name)
    plot = QRectF(
        rect.left() + em * 3.4,
        rect.top() + em * 1.9,
        rect.width() - em * 3.9,
        rect.height() - em * 3.5,
    )
    _y_axis(painter, plot, chart.low, chart.high, (chart.high - chart.low) / 2, ink, fm)
    if all(v is None for v in chart.values):
        return
    slot = plot.width() / max(1, len(chart.values))
    _polyline(
        painter, chart.values, plot, chart.low, chart.high, QPen(ink.fill, 2), dots=slot >= em * 0.8
    )
    _x_labels(painter, chart.labels, plot.left(), plot.width(), plot.bottom() + em * 0.3, fm, ink)


def _paint_ranked(
    painter: QPainter, rect: QRectF, chart: Ranked, ink: Ink, fm: QFontMetricsF
) -> None:
    em = fm.height()
    row = em * 1.7
    name_width = min(
        rect.width() * 0.42, max((fm.horizontalAdvance(n) for n in chart.names), default=0) + em
    )
    text_width = max((fm.horizontalAdvance(t) for t in chart.texts), default=0) + em
    track = max(em, rect.width() - name_width - text_width)
    for i, (name, value, text) in enumerate(
        zip(chart.names, chart.values, chart.texts, strict=True)
    ):
        y = rect.top() + i * row
        painter.setPen(ink.text)
        shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, name_width - em * 0.5)
        painter.drawText(QRectF(rect.left(), y, name_width - em * 0.5, row), ALIGN_LEFT, shown)
        length = track * (value / chart.top if chart.top else 0)
        painter.setPen(QPen(ink.grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(rect.left() + name_width, y + row * 0.2, track, row * 0.6))
        if length > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink.fill)
            painter.drawRect(QRectF(rect.left() + name_width, y + row * 0.2, length, row * 0.6))
        painter.setPen(ink.text)
        painter.drawText(
            QRectF(rect.left() + name_width + track + em * 0.4, y, text_width, row),
            ALIGN_LEFT,
            text,
        )


def _paint_heat(painter: QPainter, rect: QRectF, chart: Heat, ink: Ink, fm: QFontMetricsF) -> None:
    em = fm.height()
    left = max(fm.horizontalAdvance(r) for r in chart.rows) + em * 0.6
    columns = len(chart.columns)
    cell_w = (rect.width() - left) / columns
    cell_h = (rect.height() - em * 1.3) / len(chart.rows)
    top = rect.top() + em * 1.3
    painter.setPen(ink.muted)
    for c, label in enumerate(chart.columns):
        if label:
            painter.drawText(
                QRectF(rect.left() + left + c * cell_w - em, rect.top(), em * 2 + cell_w, em),
                ALIGN_CENTRE,
                label,
            )
    highest = max((max(r) for r in chart.counts), default=0) or 1
    radius_most = max(1.5, min(cell_w, cell_h) / 2 - 1)
    for r, (name, counts) in enumerate(zip(chart.rows, chart.counts, strict=True)):
        y = top + r * cell_h
        painter.setPen(ink.text)
        painter.drawText(QRectF(rect.left(), y, left - em * 0.3, cell_h), ALIGN_LEFT, name)
        painter.setPen(QPen(ink.grid, 1))
        painter.drawLine(QLineF(rect.left() + left, y + cell_h / 2, rect.right(), y + cell_h / 2))
        for c, count in enumerate(counts):
            if not count:
                continue
            share = count / highest
            centre = QPointF(rect.left() + left + (c + 0.5) * cell_w, y + cell_h / 2)
            radius = max(1.5, radius_most * math.sqrt(share))  # area follows the count
            colour = QColor(ink.fill)
            colour.setAlphaF(0.35 + 0.65 * share)
            painter.setPen(QPen(ink.fill, 1))
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            text = str(count)
            if count == highest and fm.horizontalAdvance(text) < cell_w:
                painter.setPen(ink.paper if share > 0.6 else ink.text)
                painter.drawText(
                    QRectF(centre.x() - cell_w / 2, centre.y() - em / 2, cell_w, em),
                    ALIGN_CENTRE,
                    text,
                )


def preferred_height(chart: Chart, em: float) -> float:
    if isinstance(chart, Bars):
        return em * 13
    if isinstance(chart, Line):
        return em * 7
    if isinstance(chart, Ranked):
        return max(1, len(chart.names)) * em * 1.7
    return em * 1.3 + len(chart.rows) * em * 1.5


def paint(painter: QPainter, rect: QRectF, chart: Chart, ink: Ink) -> None:
    """Draw ``chart`` inside ``rect`` with the painter's font."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fm = QFontMetricsF(painter.font())
    painter.setClipRect(rect)
    if isinstance(chart, Bars):
        _paint_bars(painter, rect, chart, ink, fm)
    elif isinstance(chart, Line):
        _paint_line(painter, rect, chart, ink, fm)
    elif isinstance(chart, Ranked):
        _paint_ranked(painter, rect, chart, ink, fm)
    else:
        _paint_heat(painter, rect, chart, ink, fm)
    painter.restore()


def chart_image(chart: Chart, width: int, ink: Ink, font: QFont) -> QImage:
    """The chart on an image as wide as asked and as tall as it needs (tests, screenshots)."""
    height = math.ceil(preferred_height(chart, QFontMetricsF(font).height()))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(ink.paper)
    painter = QPainter(image)
    painter.setFont(font)
    paint(painter, QRectF(0, 0, width, height), chart, ink)
    painter.end()
    return image


class ChartView(QWidget):
    """A chart on the page. Not a tab stop: the reading and the table say the same."""

    def __init__(
        self, title: str, chart: Chart, reading: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setAccessibleName(title)
        self.setAccessibleDescription(reading)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def _fit(self) -> None:
        self.setFixedHeight(math.ceil(preferred_height(self.chart, self.fontMetrics().height())))

    def set_chart(self, chart: Chart, reading: str) -> None:
        self.chart = chart
        self.setAccessibleDescription(reading)
        self._fit()
        self.update()

    def changeEvent(self, event: object) -> None:  # the text size changed
        super().changeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(480, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint(painter, QRectF(self.rect()), self.chart, Ink.from_palette(self.palette()))
        painter.end()


give_role(ChartView, QAccessible.Role.Chart)  # its name is the title, its description the reading


CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_PROPERTY = QTextFormat.Property.UserProperty + 1


class ChartObject(QPyTextObject):
    """Charts inside a ``QTextDocument``: drawn by ``paint()`` when the document is, so a
    PDF keeps them as vectors. The character format holds the chart's index."""

    def __init__(self, charts: list[Chart], ink: Ink, width: float, font: QFont) -> None:
        super().__init__()
        self.charts, self.ink, self.width, self.font = charts, ink, width, font

    def intrinsicSize(self, doc: QTextDocument, position: int, fmt: QTextFormat) -> QSizeF:
        chart = self.charts[int(fmt.property(CHART_PROPERTY))]
        return QSizeF(self.width, preferred_height(chart, QFontMetricsF(self.font).height()))

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        position: int,
        fmt: QTextFormat,
    ) -> None:
        painter.save()
        painter.setFont(self.font)
        paint(painter, QRectF(rect), self.charts[int(fmt.property(CHART_PROPERTY))], self.ink)
        painter.restore()
