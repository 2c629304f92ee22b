"""Learn timings, in this process with an offscreen Qt (DESIGN.md budget: 50 ms each).

"open" is from the click to the article painted; "search" is one keystroke's
search over every article, results listed and painted.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from devtools.context import make_context
from recovery_app.core.clock import SystemClock
from recovery_app.storage.db import Database
from recovery_app.storage.learn.library import library
from recovery_app.ui.learn.page import LearnPage

RUNS = 15
ARTICLES = ("withdrawal", "glossary", "is-klonopin-a-benzodiazepine", "getting-help-now")
WORDS = ("k", "kl", "klo", "klonopin", "klonopin b", "klonopin benzo")


def learn_timings(folder: Path) -> dict[str, list[float]]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    db = Database.open(folder / "recovery.db")
    times: dict[str, list[float]] = {}
    try:
        t0 = time.perf_counter()
        books = library()
        times["load"] = [time.perf_counter() - t0]
        page = LearnPage(make_context(db, SystemClock()), books)
        page.resize(1000, 700)
        page.show()
        app.processEvents()
        for i in range(RUNS):
            slug = ARTICLES[i % len(ARTICLES)]
            t0 = time.perf_counter()
            page.open_article(slug)
            app.processEvents()
            times.setdefault("open", []).append(time.perf_counter() - t0)
        for _ in range(RUNS):
            page.search.clear()
            app.processEvents()
            for words in WORDS:  # typing, one keystroke at a time
                t0 = time.perf_counter()
                page.search.setText(words)
                app.processEvents()
                times.setdefault("search", []).append(time.perf_counter() - t0)
        page.deleteLater()
        app.processEvents()
    finally:
        db.close()
    return times
