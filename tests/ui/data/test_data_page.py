"""Your data page: backups on demand, restore, export and import."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import FolderDialog
from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog
from recovery_app.ui.data.page import DataPage, OpenFileDialog, SaveFileDialog
from recovery_app.ui.data.safety import DataSafety
from recovery_app.ui.today.page import TodayPage
from tests.ui.conftest import Asked
from tests.ui.helpers import save_checkin

Shown = Callable[[QWidget], QWidget]


@pytest.fixture
def page(ctx: AppContext, shown: Shown) -> DataPage:
    safety = DataSafety(ctx.paths, ctx.clock, ctx.ops, ctx.settings)
    data = DataPage(ctx, safety)
    shown(data)
    return data


def save(ctx: AppContext, page: DataPage, qtbot: QtBot, day: date, note: str) -> None:
    """Save a check-in; the first thing worth keeping starts the day's automatic backup."""
    before = page.backups.safety.daily
    save_checkin(ctx, day, note)
    started = page.backups.safety.daily
    if started is not None and started is not before:
        with qtbot.waitSignal(started.done, timeout=10000):
            pass


def test_back_up_now_shows_progress_then_the_new_backup(
    ctx: AppContext, page: DataPage, qtbot: QtBot, clock: FixedClock
) -> None:
    card = page.backups
    assert card.empty_hint.isVisible() and not card.list.isVisible()
    save(ctx, page, qtbot, date(2026, 11, 25), "worth keeping")
    card.refresh()
    assert card.list.count() == 1 and not card.empty_hint.isVisible()
    assert card.list.item(0).text().startswith("Wednesday 25 November 2026 at 10:00 · automatic")
    clock.current = clock.current.replace(hour=14, minute=7)
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        assert not card.backup_button.isEnabled() and card.progress.isVisible()
    assert card.list.count() == 2
    # When (to the minute), who made it, how big, what it holds.
    row = card.list.item(0).text()
    assert row.startswith("Wednesday 25 November 2026 at 14:07 · made by you · ")
    assert row.endswith(" KB · nearly empty: 1 check-in")
    assert "Backed up" in page.status.text() and card.backup_button.isEnabled()


def test_two_backups_of_one_day_are_told_apart_and_a_nearly_empty_one_says_so(
    ctx: AppContext, page: DataPage, qtbot: QtBot, clock: FixedClock
) -> None:
    card = page.backups
    clock.current = clock.current.replace(hour=9, minute=0)
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    clock.current = clock.current.replace(hour=9, minute=10)
    for day in range(1, 12):
        save(ctx, page, qtbot, date(2026, 11, day), f"day {day}")
    clock.current = clock.current.replace(hour=9, minute=30)
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    rows = [card.list.item(i).text() for i in range(card.list.count())]
    assert "at 09:30" in rows[0] and rows[0].endswith("11 check-ins")
    assert "at 09:10 · automatic" in rows[1] and rows[1].endswith("nearly empty: 1 check-in")
    assert "at 09:00 · made by you" in rows[2] and rows[2].endswith("· empty")


def restore_selected(page: DataPage, qtbot: QtBot, row: int = 0) -> None:
    page.backups.list.setCurrentRow(row)
    qtbot.mouseClick(page.backups.restore_button, Qt.MouseButton.LeftButton)


def notes(ctx: AppContext) -> list[str]:
    with ctx.db.reading() as s:
        return [c.note for c in CheckIns(s).all()]


def test_restore_names_the_backup_keeps_the_data_aside_and_can_be_undone(
    ctx: AppContext,
    page: DataPage,
    qtbot: QtBot,
    clock: FixedClock,
    no_modal_questions: Asked,
) -> None:
    card = page.backups
    clock.current = clock.current.replace(hour=8, minute=0)
    save(ctx, page, qtbot, date(2026, 11, 20), "kept in the backup")
    clock.current = clock.current.replace(hour=8, minute=15)
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    clock.current = clock.current.replace(hour=11, minute=0)
    save_checkin(ctx, date(2026, 11, 21), "written after the backup")
    restore_selected(page, qtbot)
    [question] = no_modal_questions.texts
    assert "Wednesday 25 November 2026 at 08:15 (nearly empty: 1 check-in)" in question
    assert notes(ctx) == ["kept in the backup"]
    assert "Undo restore brings it back" in page.status.text()
    # The data from before is listed with the backups, and nothing deletes it by itself.
    kinds = [card.list.item(i).text() for i in range(card.list.count())]
    assert any("your data before a restore" in k and "2 check-ins" in k for k in kinds)
    assert card.undo_button.isVisible()
    qtbot.mouseClick(card.undo_button, Qt.MouseButton.LeftButton)
    assert notes(ctx) == ["kept in the backup", "written after the backup"]
    assert "Put back your data" in page.status.text() and not card.undo_button.isVisible()


def test_undo_restore_ends_with_the_first_new_writing(
    ctx: AppContext, page: DataPage, qtbot: QtBot
) -> None:
    save(ctx, page, qtbot, date(2026, 11, 20), "in the backup")
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    save_checkin(ctx, date(2026, 11, 21), "later")
    restore_selected(page, qtbot)
    assert page.backups.undo_button.isVisible()
    save_checkin(ctx, date(2026, 11, 22), "new since the restore")
    assert not page.backups.undo_button.isVisible()
    # The set-aside copy stays in the list: it can still be restored by choice.
    assert any(
        "before a restore" in page.backups.list.item(i).text()
        for i in range(page.backups.list.count())
    )


def test_delete_a_backup_after_asking(
    ctx: AppContext, page: DataPage, qtbot: QtBot, app_paths: AppPaths, no_modal_questions: Asked
) -> None:
    save(ctx, page, qtbot, date(2026, 11, 20), "x")  # the automatic one
    page.backups.refresh()
    [made] = list(app_paths.backups.iterdir())
    page.backups.list.setCurrentRow(0)
    qtbot.mouseClick(page.backups.delete_button, Qt.MouseButton.LeftButton)
    assert no_modal_questions == ["Delete backup"]
    assert "can't be undone" in no_modal_questions.texts[0]
    assert not made.exists() and page.backups.empty_hint.isVisible()


def test_a_second_backup_folder_gets_a_copy_of_each_backup(
    ctx: AppContext,
    page: DataPage,
    qtbot: QtBot,
    tmp_path: Path,
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    monkeypatch.setattr(FolderDialog, "ask", classmethod(lambda cls, *a: app_paths.backups))
    qtbot.mouseClick(page.backups.second_button, Qt.MouseButton.LeftButton)
    assert "outside your data folder" in page.status.text()
    assert ctx.settings.values.second_backup_folder == ""
    monkeypatch.setattr(FolderDialog, "ask", classmethod(lambda cls, *a: stick))
    qtbot.mouseClick(page.backups.second_button, Qt.MouseButton.LeftButton)
    assert ctx.settings.values.second_backup_folder == str(stick)
    save(ctx, page, qtbot, date(2026, 11, 20), "x")  # the automatic backup is copied too
    [made] = list(app_paths.backups.iterdir())
    assert (stick / made.name).read_bytes() == made.read_bytes()
    assert stat.S_IMODE((stick / made.name).stat().st_mode) == 0o600
    # The stick is unplugged: the backup is still made, and the page says what happened.
    stick.rename(tmp_path / "unplugged")
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    assert (
        len(list(app_paths.backups.iterdir())) == 2 and len(list(stick.parent.glob("unp*/*"))) == 1
    )
    assert "can't be found" in page.status.text() and "next backup" in page.status.text()
    # Plugged in again: the next backup brings the one it missed.
    (tmp_path / "unplugged").rename(stick)
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    assert sorted(p.name for p in stick.iterdir()) == sorted(
        p.name for p in app_paths.backups.iterdir()
    )


def test_export_from_the_page(
    ctx: AppContext,
    page: DataPage,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_checkin(ctx, date(2026, 11, 25), "to export")
    target = tmp_path / "out.json"
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Exported 1 check-ins and journal" in page.exchange_status.text(), timeout=10000
    )
    assert "not encrypted" in page.exchange_status.text()
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


def test_import_from_the_page_merges_and_refreshes(
    ctx: AppContext,
    page: DataPage,
    shown: Shown,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    today = TodayPage(ctx)
    shown(today)
    save_checkin(ctx, date(2026, 11, 25), "today, already here")
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
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: export))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Added 1 check-in and" in page.exchange_status.text(), timeout=10000)
    assert "start date was set" in page.exchange_status.text()
    assert "Low" in today.day_buttons[5].text()  # yesterday, imported
    assert "since Thursday 1 October 2026" in today.time_label.text()

    export.write_text("{ truncated", encoding="utf-8")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not a complete export" in page.exchange_status.text(), timeout=10000)


def test_a_data_folder_inside_a_sync_folder_is_warned_about(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, shown: Shown
) -> None:
    from recovery_app.settings import SettingsStore
    from recovery_app.storage.db import Database
    from recovery_app.ui.common.bus import ChangeBus
    from recovery_app.ui.common.ops import Ops

    synced = AppPaths(tmp_path / "Dropbox" / "recovery")
    synced.data_dir.mkdir(parents=True)
    db = Database.open(synced.database)
    bus = ChangeBus()
    ops = Ops(bus)
    ctx = AppContext(db, clock, bus, ops, SettingsStore(synced.settings), synced)
    page = shown(DataPage(ctx, DataSafety(synced, clock, ops, ctx.settings)))
    warning = page.backups.sync_warning
    assert warning.isVisible() and "Dropbox" in warning.text()
    assert "second backup folder" in warning.text()
    db.close()


def test_no_sync_warning_for_a_private_folder(page: DataPage) -> None:
    assert not page.backups.sync_warning.isVisible()


def test_import_and_export_speak_by_their_own_buttons(page: DataPage) -> None:
    """Issue 18: an import's message appeared under the backup list."""
    from recovery_app.ui.common.style import Card

    card = next(c for c in page.findChildren(Card) if c.accessibleName() == "Export and import")
    assert page.exchange_status.parent() is card
    assert page.exchange_status is not page.status
