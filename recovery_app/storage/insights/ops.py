"""Insights read for the UI and the report: one connection, one snapshot."""

from __future__ import annotations

from datetime import date

from recovery_app.core.insights.figures import Insights
from recovery_app.core.insights.period import Period, RangeChoice, period_for
from recovery_app.storage.db import Database
from recovery_app.storage.insights.queries import earliest_day, read_insights


def insights(
    db: Database, choice: RangeChoice, today: date, custom: Period | None = None
) -> Insights:
    with db.reading() as conn, conn.begin():
        period = period_for(choice, today, earliest_day(conn), custom)
        return read_insights(conn, period, today)


def insights_for(db: Database, period: Period, today: date) -> Insights:
    with db.reading() as conn, conn.begin():
        return read_insights(conn, period, today)
