"""Cycles are collected on the main thread only, at Python's own thresholds."""

from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from recovery_app.ui.shell.collector import CHECK_MS, MainThreadCollector, collect_due


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_and_the_timer_collects_when_due(qtbot: QtBot) -> None:
    gc.enable()  # as a fresh process has it
    collector = MainThreadCollector()
    try:
        assert not gc.isenabled() and collector.timer.interval() == CHECK_MS
        assert collector.timer.isActive()
        gc.collect()
        assert collect_due() is None  # nothing due right after a collection
        for _ in range(gc.get_threshold()[0] + 10):
            _Cycle()  # garbage that only the cycle collector frees
        assert gc.get_count()[0] > gc.get_threshold()[0]
        assert collect_due() is not None
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        gc.disable()  # as the test session keeps it (tests/conftest.py)
        collector.timer.stop()
        collector.deleteLater()
