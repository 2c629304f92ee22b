"""The Qt binding itself keeps Python's books straight.

PySide6 6.12.0 dropped one reference to ``True`` at every ``Signal.emit()``. Python frees
nothing it still counts, so after a few thousand signals (a day of typing into a form with
its draft kept, the change bus, reminders) the app stopped with "Fatal Python error:
bool_dealloc". pyproject.toml excludes that version; this test fails on any version that
brings the fault back.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    nothing = Signal()
    number = Signal(int)
    value = Signal(object)


def test_emitting_signals_leaves_true_and_false_as_they_were() -> None:
    sender = _Sender()
    heard: list[object] = []
    sender.value.connect(heard.append)
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(10):  # few: on a faulty binding each emit takes one from a small count
        sender.nothing.emit()
        sender.number.emit(3)
        sender.value.emit(None)
    gc.collect()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
    assert len(heard) == 10
