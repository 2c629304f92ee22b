"""Your data page: automatic and manual backups, restore, damage recovery, export, delete all."""

from __future__ import annotations

import hashlib
import json
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog
from recovery_app.ui.data.page import SaveFileDialog
from recovery_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import open_data_page, save_checkin


def wait_for_daily_backup(window: MainWindow, qtbot: QtBot) -> None:
    if window.safety.daily is not None:
        qtbot.waitUntil(lambda: bool(backup.list_backups(window.paths.backups)), timeout=10000)


def test_a_daily_backup_is_made_once_a_day(
    make_window: WindowFactory, qtbot: QtBot, app_paths: AppPaths
) -> None:
    window = make_window()
    assert window.safety.daily is not None
    with qtbot.waitSignal(window.safety.daily.done, timeout=10000):
        pass
    assert [b.made_on for b in backup.list_backups(app_paths.backups)] == [date(2026, 11, 25)]
    window.close()
    again = make_window()
    assert again.safety.daily is None  # already made today


def test_back_up_now_shows_progress_then_the_new_backup(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    wait_for_daily_backup(window, qtbot)
    page = open_data_page(window)
    before = page.backup_list.count()
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        assert not page.backup_button.isEnabled()
    assert page.backup_list.count() == before + 1
    assert "Backed up" in page.status.text()
    assert page.backup_button.isEnabled()


def test_restore_from_the_page_brings_back_the_backup(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock, app_paths: AppPaths
) -> None:
    window = make_window()
    wait_for_daily_backup(window, qtbot)
    save_checkin(window, clock, date(2026, 11, 20), "kept in the backup")
    page = open_data_page(window)
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    save_checkin(window, clock, date(2026, 11, 21), "written after the backup")
    page.backup_list.setCurrentRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert window.db is not None
    with window.db.reading() as s:
        assert [c.note for c in CheckIns(s).all()] == ["kept in the backup"]
    assert "kept as" in page.status.text()
    aside = [p for p in app_paths.data_dir.iterdir() if "before-restore" in p.name]
    assert len([p for p in aside if p.suffix == ".db"]) == 1


def test_a_damaged_database_is_recovered_from_the_newest_good_backup(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock, app_paths: AppPaths
) -> None:
    db = Database.open(app_paths.database)
    with db.transaction() as s:
        CheckIns(s).save(
            CheckIn(date(2026, 11, 24), 5, 1, 0, UsedToday.NO, note="safe"), clock.now()
        )
    backup.make_backup(app_paths.database, app_paths.backups, clock.now(), manual=False)
    db.close()
    damaged = b"SQLite format 3\x00" + b"\xde\xad" * 3000
    app_paths.database.write_bytes(damaged)
    settings.save(app_paths.settings, settings.Settings(welcome_done=True))
    window = MainWindow(app_paths, clock)
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    assert window.db is None
    assert window.message_page.action.isVisible()
    assert "has not been changed" in window.message_page.text.text()
    with qtbot.waitSignal(window.dataReady):
        qtbot.mouseClick(window.message_page.action, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "today"
    with window.db.reading() as s:  # type: ignore[union-attr]
        assert CheckIns(s).get(date(2026, 11, 24)).note == "safe"  # type: ignore[union-attr]
    kept = [p for p in app_paths.data_dir.iterdir() if p.name.startswith("recovery-before-restore")]
    assert [p.read_bytes() for p in kept if p.suffix == ".db"] == [damaged]


def test_damage_without_a_backup_is_explained_and_untouched(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock, app_paths: AppPaths
) -> None:
    app_paths.database.write_bytes(b"garbage" * 500)
    before = hashlib.sha256(app_paths.database.read_bytes()).hexdigest()
    window = MainWindow(app_paths, clock)
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    assert not window.message_page.action.isVisible()
    assert "could not be opened" in window.message_page.title.text()
    assert window.help_button.isVisible()
    window.close()
    assert hashlib.sha256(app_paths.database.read_bytes()).hexdigest() == before


def test_export_from_the_page(
    make_window: WindowFactory,
    qtbot: QtBot,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    save_checkin(window, clock, date(2026, 11, 25), "to export")
    page = open_data_page(window)
    target = tmp_path / "out.json"
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported 1 check-ins" in page.status.text(), timeout=10000)
    assert "not encrypted" in page.status.text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["checkins"][0]["note"] == "to export"


def test_delete_all_needs_the_word(qtbot: QtBot) -> None:
    dialog = DeleteAllDialog()
    qtbot.addWidget(dialog)
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.word, "delet")
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.word, "e")
    assert dialog.delete_button.isEnabled()


def test_delete_all_removes_every_file_and_writes_nothing_back(
    make_window: WindowFactory,
    qtbot: QtBot,
    clock: FixedClock,
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = make_window()
    wait_for_daily_backup(window, qtbot)
    save_checkin(window, clock, date(2026, 11, 25), "private")
    outside = tmp_path / "my-export.json"
    outside.write_text("{}")
    page = open_data_page(window)
    monkeypatch.setattr(DeleteAllDialog, "ask", classmethod(lambda cls, parent: True))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "deleted" in window.message_page.title.text()
    assert window.help_button.isVisible() and window.nav.isHidden()
    window.close()
    assert sorted(p.name for p in app_paths.data_dir.iterdir()) == []
    assert outside.exists()


def test_import_from_the_page_merges_and_refreshes(
    make_window: WindowFactory,
    qtbot: QtBot,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from recovery_app.ui.data.page import OpenFileDialog

    window = make_window()
    save_checkin(window, clock, date(2026, 11, 25), "today, already here")
    export = tmp_path / "from-elsewhere.json"
    export.write_text(
        json.dumps(
            {
                "format": "recovery-companion-export",
                "version": 1,
                "profile": {"recovery_start_date": "2026-10-01"},
                "checkins": [
                    {
                        "uid": "0b8c1e4e-7d1e-4d8a-9f0e-2b7a5c9d1e01",
                        "day": "2026-11-24",
                        "mood": 2,
                        "anxiety": 6,
                        "craving": 5,
                        "used": "no",
                        "note": "from my old laptop",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    page = open_data_page(window)
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: export))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Added 1 check-in and" in page.status.text(), timeout=10000)
    assert "start date was set" in page.status.text()
    window.show_page("today")
    assert "Low" in window.today_page.day_buttons[5].text()  # yesterday, imported
    assert "since Thursday 1 October 2026" in window.today_page.time_label.text()

    export.write_text("{ truncated", encoding="utf-8")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not a complete export" in page.status.text(), timeout=10000)
