"""The shell's own work: the flows that cross pages, the start, the end, damaged data."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.core.meetings.schedule import Attended, Meeting
from recovery_app.paths import AppPaths
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.backup.backups import BackupKind
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.journal.ops import save_entry
from recovery_app.storage.learn.reading import SelfChecks
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.start_date import StartDateChoice, StartDateDialog
from recovery_app.ui.data.delete_all_dialog import DeleteAllDialog
from recovery_app.ui.data.page import DataPage
from recovery_app.ui.help.dialog import HelpDialog
from recovery_app.ui.journal.page import JournalPage
from recovery_app.ui.learn.page import LearnPage
from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog
from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
from recovery_app.ui.meetings.page import MeetingsPage
from recovery_app.ui.meetings.reminders_dialog import RemindersDialog
from recovery_app.ui.shell.main_window import MainWindow
from recovery_app.ui.today.page import TodayPage
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import page_of, save_checkin, window_ctx
from tests.ui.meetings.test_meetings import fill_na

NY = ZoneInfo("America/New_York")
KLONOPIN = "is-klonopin-a-benzodiazepine"


def wait_for_daily_backup(window: MainWindow, qtbot: QtBot) -> None:
    safety = window.session.safety
    if safety is not None and safety.daily is not None:
        qtbot.waitUntil(lambda: bool(backup.list_backups(window.paths.backups)), timeout=10000)


def add_entry(ctx: AppContext, text: str) -> JournalEntry:
    entry = JournalEntry(EntryKind.CRAVING, ctx.clock.now(), intensity=2, text=text)
    return ctx.ops.run(lambda: save_entry(ctx.db, entry, ctx.clock.now()))


def press(
    qtbot: QtBot, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, mod)


def test_start_date_can_be_set_later(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    today = page_of(window, "today", TodayPage)
    monkeypatch.setattr(
        StartDateDialog, "ask", classmethod(lambda cls, *a: StartDateChoice(date(2026, 11, 18)))
    )
    qtbot.mouseClick(today.start_button, Qt.MouseButton.LeftButton)
    assert "7 days" in today.time_label.text()
    assert "Today marks 1 week" in today.milestone_label.text()


def test_start_date_cancel_changes_nothing(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(start=date(2026, 1, 1))
    today = page_of(window, "today", TodayPage)
    monkeypatch.setattr(StartDateDialog, "ask", classmethod(lambda cls, *a: None))
    qtbot.mouseClick(today.start_button, Qt.MouseButton.LeftButton)
    assert "since Thursday 1 January 2026" in today.time_label.text()


def test_a_day_tile_opens_that_days_check_in(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    from recovery_app.ui.checkin.page import CheckInPage
    from recovery_app.ui.common.start_date import from_qdate

    window = make_window()
    today = page_of(window, "today", TodayPage)
    qtbot.mouseClick(today.day_buttons[5], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "checkin"
    page = window.page("checkin")
    assert isinstance(page, CheckInPage)
    assert from_qdate(page.date_edit.date()) == clock.now().date() - timedelta(days=1)


def test_ctrl_n_logs_a_craving_from_any_page(make_window: WindowFactory, qtbot: QtBot) -> None:
    from recovery_app.ui.journal.quick_capture import QuickCaptureDialog

    window = make_window()
    for key in ("today", "learn", "data"):
        window.show_page(key)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert window.journal is not None
        dialog = window.journal.dialog
        assert isinstance(dialog, QuickCaptureDialog)
        qtbot.waitUntil(dialog.isVisible)
        dialog.reject()


def test_a_daily_backup_is_made_once_a_day(
    make_window: WindowFactory, qtbot: QtBot, app_paths: AppPaths
) -> None:
    window = make_window()
    ctx = window_ctx(window)
    # Nothing of the person's yet: no backup of an empty database.
    assert window.session.safety.daily is not None
    with qtbot.waitSignal(window.session.safety.daily.done, timeout=10000):
        pass
    assert backup.list_backups(app_paths.backups) == []
    # The first thing worth keeping is backed up without waiting for tomorrow.
    first = window.session.safety.daily
    save_checkin(ctx, date(2026, 11, 25), "first day")
    assert window.session.safety.daily is not first
    with qtbot.waitSignal(window.session.safety.daily.done, timeout=10000):
        pass
    [made] = backup.list_backups(app_paths.backups)
    assert made.made.date() == date(2026, 11, 25) and made.kind is BackupKind.AUTO
    covered = window.session.safety.daily
    save_checkin(ctx, date(2026, 11, 24), "the day before")
    assert window.session.safety.daily is covered  # no second run today
    window.close()
    again = make_window()
    with qtbot.waitSignal(again.session.safety.daily.done, timeout=10000):
        pass
    assert backup.list_backups(app_paths.backups) == [made]  # already made today


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
    # The damaged file is kept, listed with the backups; never deleted by the app.
    kept = [
        b for b in backup.list_backups(app_paths.backups) if b.kind is BackupKind.BEFORE_RESTORE
    ]
    assert [b.path.read_bytes() for b in kept] == [damaged]


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


def test_delete_all_removes_every_file_and_writes_nothing_back(
    make_window: WindowFactory,
    qtbot: QtBot,
    clock: FixedClock,
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = make_window()
    save_checkin(window_ctx(window), date(2026, 11, 25), "private")
    wait_for_daily_backup(window, qtbot)  # made with the first thing worth keeping
    outside = tmp_path / "my-export.json"
    outside.write_text("{}")
    page = page_of(window, "data", DataPage)
    monkeypatch.setattr(DeleteAllDialog, "ask", classmethod(lambda cls, parent: True))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "deleted" in window.message_page.title.text()
    assert window.help_button.isVisible() and window.nav.isHidden()
    window.close()
    assert sorted(p.name for p in app_paths.data_dir.iterdir()) == []
    assert outside.exists()


def test_add_see_dates_get_reminded_mark_attendance(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    page = page_of(window, "meetings", MeetingsPage)
    assert page.empty.isVisible()

    def add(cls: type, parent: object, clk: FixedClock, meeting: Meeting | None = None) -> Meeting:
        dialog = MeetingDialog(meeting, clk)
        fill_na(dialog)
        assert "Next: Thu 26 Nov 19:00, Tue 01 Dec 19:00" in dialog.preview.text()
        dialog.save()
        assert dialog.result_meeting is not None
        return dialog.result_meeting

    monkeypatch.setattr(MeetingDialog, "ask", classmethod(add))
    page.add_button.click()
    assert "NA Tuesday and Thursday\nTuesdays and Thursdays at 19:00" in page.list.item(0).text()
    assert "next: Thu 26 Nov, 19:00" in page.list.item(0).text()
    assert page.agenda.item(0).text().startswith("Thu 26 Nov, 19:00  NA Tuesday")
    # Today lists this week's meetings.
    today = page_of(window, "today", TodayPage)
    qtbot.waitUntil(lambda: "Thu 26 Nov, 19:00" in today.meetings_label.text())

    # The reminder, with a fake clock. One single-shot timer is armed for the next
    # reminder (18:45 Thursday), waking every 5 minutes at most on the way there
    # (Qt timers stop while a computer sleeps).
    scheduler = window.reminders.scheduler
    assert scheduler is not None
    qtbot.waitUntil(lambda: scheduler.next_wait_ms is not None)
    wakeups = 0
    while window.reminders_button.text() == "Reminders":
        wait = scheduler.next_wait_ms
        # Never longer than 5 minutes; shorter only for the last step to the due time.
        assert wait is not None and wait <= 301_000
        clock.current += timedelta(milliseconds=wait)
        scheduler.timer.timeout.emit()
        wakeups += 1
    assert wakeups <= 33 * 12 + 3  # about one every 5 minutes for 33 hours, no more
    assert (
        datetime(2026, 11, 26, 18, 45, tzinfo=NY)
        <= clock.now()
        < datetime(2026, 11, 26, 18, 46, tzinfo=NY)
    )
    assert window.reminders_button.text() == "Reminders (1)"
    # After the meeting: "Did you go?"
    clock.current = datetime(2026, 11, 26, 20, 1, tzinfo=NY)
    scheduler.check()
    dialog = window.show_reminders()
    assert isinstance(dialog, RemindersDialog)
    titles = [dialog.items.itemAt(i).widget().accessibleName() for i in range(dialog.items.count())]
    assert titles[0] == "Did you go to NA Tuesday and Thursday?"
    went = next(
        b
        for b in dialog.findChildren(type(page.add_button))
        if b.accessibleName() == "I went: Did you go to NA Tuesday and Thursday?"
    )
    went.click()
    assert window.db is not None
    with window.db.reading() as conn:
        [record] = Meetings(conn).history()
    assert record.status is Attended.WENT
    assert record.starts_at == datetime(2026, 11, 26, 19, 0, tzinfo=NY)
    window.show_page("meetings")  # a hidden page catches up when it is shown again
    assert "I went" in page.history.item(0).text()


def test_find_read_larger_follow_a_link_then_self_check_and_help(
    make_window: WindowFactory, qtbot: QtBot, app_paths: AppPaths
) -> None:
    window = make_window()
    page = page_of(window, "learn", LearnPage)
    # Find "Is Klonopin a benzodiazepine?" by searching, and open it with Enter.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "klonopin benzo")
    assert page.results.item(0).data(Qt.ItemDataRole.UserRole) == KLONOPIN
    press(qtbot, Qt.Key.Key_Return)
    reader = page.reader
    assert reader.article is not None and reader.article.slug == KLONOPIN
    assert len(reader.browser.extraSelections()) >= 2  # the words are highlighted
    # Read it larger; the size is remembered.
    size = reader.browser.font().pointSizeF()
    press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert reader.browser.font().pointSizeF() > size
    assert settings.load(app_paths.settings).reader_zoom == 2
    # Follow a link to the withdrawal article, then come back and go forward again.
    reader.browser.anchorClicked.emit(QUrl("withdrawal.md"))
    assert reader.article.slug == "withdrawal"
    reader.back()
    assert reader.article.slug == KLONOPIN
    reader.forward()
    assert reader.article.slug == "withdrawal"
    # Web addresses are never opened.
    reader.browser.anchorClicked.emit(QUrl("https://example.org/"))
    assert "doesn't open web pages" in reader.status.text()
    # From the signs article, the self-check; then Get help by keyboard.
    page.open_article("signs-of-a-problem")
    reader.browser.anchorClicked.emit(QUrl("app:self-check"))
    check = window.findChild(SelfCheckDialog)
    assert isinstance(check, SelfCheckDialog)
    qtbot.waitUntil(check.isVisible)
    check.activateWindow()
    qtbot.waitUntil(check.isActiveWindow)
    check.boxes[2].setChecked(True)  # drowsy or unsteady: an effect to tell the prescriber
    check.boxes[5].setChecked(True)  # strong urges
    check.show_result()
    result = check.result_label.text()
    assert "drowsy or unsteady" in result and "not a diagnosis" in result
    assert "seizures" in result and "addict" not in result.lower()
    check.keep()
    assert window.db is not None
    with window.db.reading() as conn:
        [kept] = SelfChecks(conn).all()
    assert kept.answers == (False, False, True, False, False, True, False, False, False, False)
    assert "strong urges" in check.history.item(0).text()
    check.boxes[0].setFocus()
    press(qtbot, Qt.Key.Key_F1)
    help_dialog = window.findChild(HelpDialog)
    assert isinstance(help_dialog, HelpDialog)
    qtbot.waitUntil(help_dialog.isVisible)


def test_closing_keeps_running_in_the_tray_when_asked(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    notifier = window.reminders.notifier
    assert notifier is not None
    monkeypatch.setattr(notifier, "tray", object())  # as on a desktop with a tray
    window.settings.update(keep_in_tray=True)
    window.close()
    assert window.isHidden() and window.db is not None  # still running, data open
    window.settings.update(keep_in_tray=False)
    window.close()
    assert window.db is None
    from PySide6.QtWidgets import QApplication

    assert QApplication.quitOnLastWindowClosed()  # closing for real ends the app again


def test_deleted_entries_are_gone_after_the_next_start(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    page = page_of(window, "journal", JournalPage)
    entry = add_entry(window_ctx(window), "private words")
    page.view.selectRow(0)
    page.delete_current()
    window.close()
    second = make_window()

    def left() -> tuple[int, int]:
        assert second.db is not None
        with second.db.reading() as conn:
            count = conn.exec_driver_sql(
                "SELECT count(*) FROM journal_entry WHERE uid = ?", (entry.uid,)
            ).scalar_one()
            hits = conn.exec_driver_sql(
                "SELECT count(*) FROM journal_search WHERE body LIKE '%private%'"
            ).scalar_one()
        return count, hits

    qtbot.waitUntil(lambda: left() == (0, 0))  # purged just after the start
