"""The Insights page: what a person sees for a range, the numbers as a table, the empty
state, and that the chart code costs the launch nothing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.changes import Changes, Record
from recovery_app.core.insights.period import RangeChoice
from recovery_app.ui.common.charts import ChartView
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import MakeReport, OpenCheckIn
from recovery_app.ui.insights.page import InsightsPage
from recovery_app.ui.insights.section_card import SectionCard
from tests.insights_data import fill
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import requests_of


def cards(page: InsightsPage) -> dict[str, SectionCard]:
    found = page.findChildren(SectionCard)
    return {c.section.key: c for c in found if c.isVisibleTo(page)}


def test_the_last_30_days_read_as_sentences_charts_and_numbers(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], qtbot: QtBot
) -> None:
    fill(ctx.db)
    page = shown(InsightsPage(ctx))
    assert isinstance(page, InsightsPage)
    page.set_range(RangeChoice.DAYS_30)  # 27 October to 25 November
    shown_cards = cards(page)
    assert list(shown_cards) == [
        "cravings", "triggers", "times", "coping", "checkins", "recovery", "meetings"
    ]  # fmt: skip
    # 1, 6, 9, 13 and 16 November.
    assert shown_cards["cravings"].reading.text().startswith("5 cravings logged")
    assert "You went to 1 meeting." in shown_cards["meetings"].reading.text()
    assert len(shown_cards["times"].charts) == 1
    bars = shown_cards["cravings"].charts
    assert len(bars) == 1 and isinstance(bars[0], ChartView) and bars[0].isVisible()
    assert bars[0].accessibleDescription() == shown_cards["cravings"].reading.text()
    # The numbers, for a screen reader: a table a row a week.
    numbers = shown_cards["cravings"].numbers
    qtbot.mouseClick(numbers, Qt.MouseButton.LeftButton)
    table = shown_cards["cravings"].findChild(QTableWidget)
    assert table is not None and table.isVisible()
    counts = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert sum(map(int, counts)) == 5 and numbers.text() == "Hide the numbers"


def test_chosen_dates_and_dates_the_wrong_way_round(
    ctx: AppContext, shown: Callable[[QWidget], QWidget]
) -> None:
    fill(ctx.db)
    page = shown(InsightsPage(ctx))
    assert isinstance(page, InsightsPage)
    assert not page.first.isVisible()
    page.range.setCurrentIndex(page.range.findData(RangeChoice.CUSTOM.value))
    assert page.first.isVisible() and page.last.isVisible()
    page.first.setDate(QDate(2026, 11, 9))
    page.last.setDate(QDate(2026, 11, 15))
    found = cards(page)
    assert found["cravings"].reading.text().startswith("2 cravings logged")
    # Two cravings are too few for a pattern: no heat map and no trigger shares drawn.
    assert found["times"].charts == [] and "too few" in found["times"].reading.text()
    assert found["triggers"].charts == []
    page.first.setDate(QDate(2026, 11, 20))
    assert "after the last day" in page.status.text()
    assert page.current is not None and page.current.period.first == date(2026, 11, 9)
    asked = requests_of(page)
    page.first.setDate(QDate(2026, 11, 9))
    page.report_button.click()
    assert asked == [MakeReport(date(2026, 11, 9), date(2026, 11, 15))]


def test_with_nothing_logged_it_says_what_to_do_first(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], qtbot: QtBot
) -> None:
    page = shown(InsightsPage(ctx))
    assert isinstance(page, InsightsPage)
    assert cards(page) == {}
    [button] = [b for b in page.findChildren(QPushButton) if b.text() == "Do today's &check-in"]
    asked = requests_of(page)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [OpenCheckIn(date(2026, 11, 25))]


def test_insights_is_in_the_sidebar_and_a_new_craving_shows_at_once(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles.index("Insights") == titles.index("Toolkit") + 1
    window.show_page("insights")
    page = window.page("insights")
    assert isinstance(page, InsightsPage) and cards(page) == {}
    assert window.services is not None
    fill(window.services.ctx.db)
    # Saved elsewhere in the app, which says so on the bus, as every save does.
    window.services.ctx.bus.announce(Changes.of(Record.JOURNAL))
    window.show_page("today")
    window.show_page("insights")
    assert "cravings" in cards(page)


def test_the_chart_code_is_not_loaded_until_insights_is_shown() -> None:
    """The launch pays nothing for Insights: a fresh process opens the window and Today,
    and only showing Insights imports the chart painter."""
    code = """
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(["x", "-platform", "offscreen"])
from recovery_app.paths import AppPaths, ensure_data_dir
from recovery_app.core.clock import SystemClock
from recovery_app.ui.shell.main_window import MainWindow
paths = ensure_data_dir(AppPaths(Path(tempfile.mkdtemp())))
paths.settings.write_text('{"welcome_done": true}', encoding="utf-8")
window = MainWindow(paths, SystemClock())
window.firstPainted.connect(window.open_data)  # as app.run_gui does
window.show()
while not window.services:
    app.processEvents()
window.show_page("today")
app.processEvents()
before = "recovery_app.ui.common.charts" in sys.modules
window.show_page("insights")
after = "recovery_app.ui.common.charts" in sys.modules
print(before, after)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "True"]
