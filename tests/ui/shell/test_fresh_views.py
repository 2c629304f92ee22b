"""No view is ever stale: what an import, a restore or a calendar file brings in is shown,
whether its page was on screen at the time or waiting hidden."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.core.meetings.schedule import Meeting, MeetingKind, Repeat, Schedule
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.calendar import export_ics
from recovery_app.storage.exchange.document import export_json
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.ui.common.file_dialogs import OpenFileDialog
from recovery_app.ui.data.page import DataPage
from recovery_app.ui.journal.page import JournalPage
from recovery_app.ui.meetings.page import MeetingsPage
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import accept_import_preview, page_of, window_ctx


@pytest.fixture
def export_with_entries(tmp_path: Path, clock: FixedClock) -> Path:
    """An export made on another computer, holding three journal entries."""
    other = Database.open(tmp_path / "other.db")
    with other.transaction() as conn:
        for i in range(3):
            entry = JournalEntry(
                EntryKind.CRAVING, clock.now(), intensity=4 + i, text=f"from my old laptop {i}"
            )
            Journal(conn).save(entry, clock.now())
    path = tmp_path / "export.json"
    export_json(other, path, clock.now())
    other.close()
    return path


def summaries(page: JournalPage) -> list[str]:
    return [page.model.data(page.model.index(row, 5)) for row in range(page.model.rowCount())]


def import_from_data_page(window, qtbot: QtBot, source: Path, monkeypatch) -> DataPage:
    data = page_of(window, "data", DataPage)
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: source))
    data.import_button.click()
    qtbot.waitUntil(lambda: "Added" in data.exchange_status.text(), timeout=10000)
    return data


def test_imported_entries_show_on_a_journal_page_that_was_hidden(
    make_window: WindowFactory,
    qtbot: QtBot,
    export_with_entries: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    journal = page_of(window, "journal", JournalPage)  # visited once, then hidden
    assert journal.model.rowCount() == 0
    import_from_data_page(window, qtbot, export_with_entries, monkeypatch)
    window.show_page("journal")
    assert sorted(summaries(journal)) == [f"from my old laptop {i}" for i in range(3)]
    assert journal.count.text() == "3 entries"


def test_imported_entries_show_on_a_journal_page_that_is_open(
    make_window: WindowFactory, qtbot: QtBot, export_with_entries: Path
) -> None:
    window = make_window()
    journal = page_of(window, "journal", JournalPage)
    assert journal.isVisible()
    safety = window.session.safety
    assert safety is not None and window.db is not None
    worker = safety.import_from(window.db, export_with_entries)  # e.g. from the command line
    with qtbot.waitSignal(worker.done, timeout=10000):
        pass
    assert journal.isVisible() and journal.model.rowCount() == 3


def test_a_restore_shows_the_restored_journal(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window()
    ctx = window_ctx(window)
    data = page_of(window, "data", DataPage)
    with qtbot.waitSignal(data.back_up_now().done, timeout=10000):
        pass  # a backup with an empty journal
    journal = page_of(window, "journal", JournalPage)
    with ctx.db.transaction() as conn:
        Journal(conn).save(
            JournalEntry(EntryKind.CRAVING, clock.now(), intensity=3, text="after the backup"),
            clock.now(),
        )
    journal.refresh()
    assert journal.model.rowCount() == 1
    window.show_page("data")
    data.refresh()
    rows = [data.backups.list.item(i).text() for i in range(data.backups.list.count())]
    [manual] = [i for i, text in enumerate(rows) if "made by you" in text]
    data.backups.list.setCurrentRow(manual)
    data.backups.restore_button.click()
    assert "Restored" in data.status.text()
    window.show_page("journal")
    assert journal.model.rowCount() == 0  # exactly what the backup holds


def test_meetings_from_a_calendar_file_show_at_once(
    make_window: WindowFactory,
    qtbot: QtBot,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = Database.open(tmp_path / "other.db")
    schedule = Schedule(Repeat.WEEKLY, date(2026, 11, 3), time(19, 0), 60, "America/New_York", 1,
                        (1,))  # fmt: skip
    with other.transaction() as conn:
        Meetings(conn).save(Meeting("SMART Recovery", MeetingKind.SMART, schedule), clock.now())
    calendar = tmp_path / "meetings.ics"
    export_ics(other, calendar, clock.now())
    other.close()

    window = make_window()
    meetings = page_of(window, "meetings", MeetingsPage)
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: calendar))
    accept_import_preview(monkeypatch)
    meetings.import_button.click()
    qtbot.waitUntil(lambda: "Added 1 meeting." in meetings.status.text(), timeout=10000)
    assert meetings.list.count() == 1 and "SMART Recovery" in meetings.list.item(0).text()


def test_a_file_import_reaches_every_page_built_so_far(
    make_window: WindowFactory,
    qtbot: QtBot,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "export.json"
    source.write_text(
        json.dumps(
            {
                "format": "recovery-companion-export",
                "version": 3,
                "meetings": [
                    {
                        "uid": "3c1f5a4e-1111-4d8a-9f0e-2b7a5c9d1e01",
                        "name": "NA Home Group",
                        "kind": "twelve_step",
                        "repeat": "weekly",
                        "first_day": "2026-11-03",
                        "start_time": "19:00",
                        "duration_minutes": 60,
                        "zone": "America/New_York",
                        "weekdays": [1],
                        "reminders": [],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    window = make_window()
    meetings = page_of(window, "meetings", MeetingsPage)
    assert meetings.list.count() == 0
    import_from_data_page(window, qtbot, source, monkeypatch)
    window.show_page("meetings")
    assert meetings.list.count() == 1
