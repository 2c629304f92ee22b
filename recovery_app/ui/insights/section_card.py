"""One part of Insights: its title, the plain reading, the charts, and the numbers as a
table a screen reader can read (shown on request)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.core.insights.charts import Table
from recovery_app.core.insights.sections import Section
from recovery_app.ui.common.charts import ChartView
from recovery_app.ui.common.style import Card, wrapped

MOST_TABLE_ROWS = 14  # taller tables scroll inside themselves


def table_widget(table: Table, name: str) -> QTableWidget:
    widget = QTableWidget(len(table.rows), len(table.headers))
    widget.setAccessibleName(name)
    widget.setHorizontalHeaderLabels(list(table.headers))
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(False)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            widget.setItem(r, c, QTableWidgetItem(value))
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    rows = min(len(table.rows), MOST_TABLE_ROWS)
    height = header.sizeHint().height() + sum(widget.rowHeight(r) for r in range(rows))
    widget.setFixedHeight(height + 2 * widget.frameWidth() + 4)
    return widget


class SectionCard(Card):
    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(section.title, parent)
        self.section = section
        self.reading = wrapped(section.reading)
        self.reading.setAccessibleName(section.reading)
        self.body.addWidget(self.reading)
        self.charts = [ChartView(name, chart, section.reading) for name, chart in section.charts]
        for view in self.charts:
            self.body.addWidget(view)
        self.table: QTableWidget | None = None
        self.numbers = QPushButton(translate("ui.insights.section_card", "Show the numbers"))
        self.numbers.setCheckable(True)
        self.numbers.setAccessibleName(
            translate("ui.insights.section_card", "Show the numbers: {title}").format(
                title=section.title
            )
        )
        self.numbers.toggled.connect(self._show_numbers)
        if section.table.rows:
            self.body.addWidget(self.numbers, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.numbers.hide()

    def _show_numbers(self, shown: bool) -> None:
        if shown and self.table is None:
            self.table = table_widget(
                self.section.table,
                translate("ui.insights.section_card", "{title}: the numbers").format(
                    title=self.section.title
                ),
            )
            self.body.addWidget(self.table)
        if self.table is not None:
            self.table.setVisible(shown)
        self.numbers.setText(
            translate("ui.insights.section_card", "Hide the numbers")
            if shown
            else translate("ui.insights.section_card", "Show the numbers")
        )
