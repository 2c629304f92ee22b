"""Journal timings on the reference set, in this process with an offscreen Qt.

Each is the wall time from the action to the page having painted its rows.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from devtools.context import make_context
from recovery_app.core.clock import SystemClock
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.storage.db import Database
from recovery_app.storage.journal.entries import Journal
from recovery_app.ui.journal.page import JournalPage

RUNS = 15


def _timed(app: QApplication, action: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    action()
    app.processEvents()  # the pending paint: visible rows fetch their page of data
    return time.perf_counter() - t0


def journal_timings(folder: Path, key: bytes | None = None) -> dict[str, list[float]]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    db = Database.open(folder / "recovery.db", key)
    ctx = make_context(db, SystemClock())
    stress = default_uid(ChoiceList.TRIGGERS, "Stress")
    times: dict[str, list[float]] = {}
    try:
        pages: list[JournalPage] = []

        def open_page() -> None:
            page = JournalPage(ctx)
            page.resize(1000, 700)
            page.show()
            pages.append(page)

        for _ in range(RUNS):
            times.setdefault("open", []).append(_timed(app, open_page))
            pages.pop().deleteLater()
            app.processEvents()
        open_page()
        page = pages[-1]
        trigger_row = page.trigger.findData(stress)

        def search(words: str) -> Callable[[], None]:
            def run() -> None:
                page.search.setText(words)
                page.apply_filters()

            return run

        actions = {
            "filter by trigger": lambda: page.trigger.setCurrentIndex(trigger_row),
            "search one word": search("sponsor"),
            "search two words, rare": search("Nach müde"),
            "search a 2-letter word": search("ok"),
            "scroll to the end": lambda: page.view.scrollToBottom(),
        }
        for _ in range(RUNS):
            for name, action in actions.items():
                page.clear_filters()
                page.view.scrollToTop()
                app.processEvents()
                times.setdefault(name, []).append(_timed(app, action))
        saves = []
        now = datetime.now().astimezone()
        for i in range(60):
            entry = JournalEntry(
                EntryKind.CRAVING, now, intensity=i % 11, triggers=(stress,), text=f"bench {i}"
            )
            t0 = time.perf_counter()
            with db.transaction() as conn:
                Journal(conn).save(entry, now)
            saves.append(time.perf_counter() - t0)
        times["save"] = saves
        page.deleteLater()
        app.processEvents()
    finally:
        db.close()
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)
