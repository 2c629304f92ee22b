"""Starting after something went wrong: the data file missing beside its copies, or a
restore that a kill interrupted. The window never starts empty without asking, and
says what it finished."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.backup.backups import BackupKind
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.ui.shell.main_window import MainWindow
from tests.storage.killed_child import KILLED
from tests.storage.test_kill_at_every_step import run_child
from tests.ui.helpers import save_checkin, window_ctx


def start(qtbot: QtBot, app_paths: AppPaths, clock: FixedClock) -> MainWindow:
    settings.save(app_paths.settings, settings.Settings(welcome_done=True))
    window = MainWindow(app_paths, clock)
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    return window


def data_with_a_backup(app_paths: AppPaths, clock: FixedClock, qtbot: QtBot) -> None:
    window = start(qtbot, app_paths, clock)
    save_checkin(window_ctx(window), date(2026, 11, 24), "kept in the backup")
    qtbot.waitUntil(lambda: bool(backup.list_backups(app_paths.backups)), timeout=10000)
    safety = window.session.safety
    assert safety is not None
    qtbot.waitUntil(lambda: not safety.daily_running, timeout=10000)
    window.close()


def test_a_missing_data_file_is_never_replaced_by_empty_data_without_asking(
    qtbot: QtBot, app_paths: AppPaths, clock: FixedClock
) -> None:
    data_with_a_backup(app_paths, clock, qtbot)
    app_paths.database.unlink()
    window = start(qtbot, app_paths, clock)
    page = window.message_page
    assert window.stack.currentWidget() is page and window.nav.isHidden()
    assert "missing" in page.title.text() and "automatic" in page.text.text()
    assert not app_paths.database.exists()  # nothing created while asking
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        qtbot.mouseClick(page.action, Qt.MouseButton.LeftButton)  # Put the copy back
    with window.db.reading() as conn:  # type: ignore[union-attr]
        assert [c.note for c in CheckIns(conn).all()] == ["kept in the backup"]
    assert len(backup.list_backups(app_paths.backups)) == 1  # the copy itself stays


def test_starting_empty_instead_keeps_every_backup(
    qtbot: QtBot, app_paths: AppPaths, clock: FixedClock
) -> None:
    data_with_a_backup(app_paths, clock, qtbot)
    app_paths.database.unlink()
    before = [b.path for b in backup.list_backups(app_paths.backups)]
    window = start(qtbot, app_paths, clock)
    assert window.message_page.second.isVisible()
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        qtbot.mouseClick(window.message_page.second, Qt.MouseButton.LeftButton)
    with window.db.reading() as conn:  # type: ignore[union-attr]
        assert CheckIns(conn).count() == 0
    assert [b.path for b in backup.list_backups(app_paths.backups)] == before


def test_a_restore_a_kill_interrupted_is_finished_and_said(
    qtbot: QtBot, app_paths: AppPaths, clock: FixedClock
) -> None:
    data_with_a_backup(app_paths, clock, qtbot)
    db = Database.open(app_paths.database)
    with db.transaction() as conn:
        CheckIns(conn).save(CheckIn(date(2026, 11, 25), 2, 2, 2, UsedToday.NO, note="later"),
                            clock.now())  # fmt: skip
    db.close()
    [made] = backup.list_backups(app_paths.backups)
    spec = {
        "op": "restore",
        "backup": str(made.path),
        "now": clock.now().isoformat(),
        "backup_key": None,
        "data_key": None,
        "at": "restore: set aside recovery.db",
    }
    assert run_child(spec, app_paths.data_dir).returncode == KILLED
    assert not app_paths.database.exists()  # between the renames, as a kill would leave it
    window = start(qtbot, app_paths, clock)
    assert window.db is not None and window.current_page_key() == "today"
    assert "restore was interrupted" in window.notice.label.text()
    assert window.notice.isVisible()
    with window.db.reading() as conn:
        assert [c.note for c in CheckIns(conn).all()] == ["kept in the backup"]
    [aside] = [b for b in backup.list_backups(app_paths.backups)
               if b.kind is BackupKind.BEFORE_RESTORE]  # fmt: skip
    aside_db = Database.open(aside.path)
    with aside_db.reading() as conn:  # what was there before the restore, kept
        assert [c.note for c in CheckIns(conn).all()] == ["kept in the backup", "later"]
    aside_db.close()
