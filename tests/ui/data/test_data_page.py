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

from recovery_app.paths import AppPaths
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog
from recovery_app.ui.data.page import DataPage, OpenFileDialog, SaveFileDialog
from recovery_app.ui.data.safety import DataSafety
from recovery_app.ui.today.page import TodayPage
from tests.ui.helpers import save_checkin

Shown = Callable[[QWidget], QWidget]


@pytest.fixture
def page(ctx: AppContext, shown: Shown) -> DataPage:
    safety = DataSafety(ctx.paths, ctx.clock, ctx.ops, ctx.settings)
    data = DataPage(ctx, safety)
    shown(data)
    return data


def test_back_up_now_shows_progress_then_the_new_backup(page: DataPage, qtbot: QtBot) -> None:
    assert page.empty_hint.isVisible()
    before = page.backup_list.count()
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        assert not page.backup_button.isEnabled()
    assert page.backup_list.count() == before + 1
    assert "Backed up" in page.status.text()
    assert page.backup_button.isEnabled()


def test_restore_from_the_page_brings_back_the_backup(
    ctx: AppContext, page: DataPage, qtbot: QtBot, app_paths: AppPaths
) -> None:
    save_checkin(ctx, date(2026, 11, 20), "kept in the backup")
    with qtbot.waitSignal(page.back_up_now().done, timeout=10000):
        pass
    save_checkin(ctx, date(2026, 11, 21), "written after the backup")
    page.backup_list.setCurrentRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    with ctx.db.reading() as s:
        assert [c.note for c in CheckIns(s).all()] == ["kept in the backup"]
    assert "kept as" in page.status.text()
    aside = [p for p in app_paths.data_dir.iterdir() if "before-restore" in p.name]
    assert len([p for p in aside if p.suffix == ".db"]) == 1


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
    qtbot.waitUntil(lambda: "Exported 1 check-ins and journal" in page.status.text(), timeout=10000)
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
    qtbot.waitUntil(lambda: "Added 1 check-in and" in page.status.text(), timeout=10000)
    assert "start date was set" in page.status.text()
    assert "Low" in today.day_buttons[5].text()  # yesterday, imported
    assert "since Thursday 1 October 2026" in today.time_label.text()

    export.write_text("{ truncated", encoding="utf-8")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not a complete export" in page.status.text(), timeout=10000)
