"""Insights and report timings on the reference set, in this process (offscreen Qt).

Insights: reading every figure for a range (the SQL and the sums), as the page does
before drawing. Report: reading the figures for ten years and writing the whole PDF.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from recovery_app.core.insights.period import Period, RangeChoice
from recovery_app.storage.db import Database
from recovery_app.storage.insights.ops import insights
from recovery_app.storage.insights.queries import earliest_day
from recovery_app.storage.insights.report import report_data
from recovery_app.ui.report.document import ReportRequest, write_report

RUNS = 9
REPORT_RUNS = 3
RANGES = (RangeChoice.DAYS_30, RangeChoice.DAYS_90, RangeChoice.DAYS_365, RangeChoice.ALL)


def insights_timings(folder: Path, key: bytes | None = None) -> dict[str, list[float]]:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    db = Database.open(folder / "recovery.db", key)
    today = date.today()
    times: dict[str, list[float]] = {}
    try:
        for _ in range(RUNS):  # interleaved, so noise falls on every range alike
            for choice in RANGES:
                t0 = time.perf_counter()
                insights(db, choice, today)
                times.setdefault(choice.value, []).append(time.perf_counter() - t0)
        with db.reading() as conn:
            first = earliest_day(conn) or today
        period = Period(first, today)
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(REPORT_RUNS):
                t0 = time.perf_counter()
                data = report_data(db, period, today, include_notes=False)
                write_report(Path(tmp) / "report.pdf", data, ReportRequest(period), today)
                times.setdefault("report", []).append(time.perf_counter() - t0)
    finally:
        db.close()
    return times
