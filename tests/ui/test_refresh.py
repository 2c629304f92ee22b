"""A view that follows the day reads again on a new day or a change, not on every show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QWidget

from recovery_app.core.changes import Changes, Record
from recovery_app.ui.common.bus import ChangeBus
from recovery_app.ui.common.refresh import RefreshOnChange


def test_reads_on_first_show_a_change_and_a_new_day_only(
    shown: Callable[[QWidget], QWidget],
) -> None:
    bus, loads, day = ChangeBus(), [], [date(2026, 11, 25)]
    view = QWidget()
    RefreshOnChange(view, bus, (Record.TAPER,), lambda: loads.append(1), day=lambda: day[0])
    shown(view)
    assert len(loads) == 1  # the first look
    view.hide()
    view.show()
    assert len(loads) == 1  # same day, nothing changed: nothing read again
    bus.announce(Changes.of(Record.TAPER))
    assert len(loads) == 2
    view.hide()
    day[0] += timedelta(days=1)
    view.show()
    assert len(loads) == 3  # "the last 30 days" moved
