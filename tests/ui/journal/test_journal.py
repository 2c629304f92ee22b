"""The journal as a person uses it: quick capture by keyboard, find, edit, delete, undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry, JournalFilter
from recovery_app.storage.db import Database
from recovery_app.storage.drafts import Drafts
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.journal.ops import save_entry
from recovery_app.storage.journal.queries import matching_ids
from recovery_app.ui.common import requests as r
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.journal.actions import JournalActions
from recovery_app.ui.journal.entry_dialog import EntryDialog
from recovery_app.ui.journal.model import UID_ROLE, JournalModel
from recovery_app.ui.journal.page import JournalPage
from recovery_app.ui.journal.quick_capture import DRAFT_NAME, QuickCaptureDialog
from recovery_app.ui.today.page import TodayPage

STRESS = default_uid(ChoiceList.TRIGGERS, "Stress")
PAIN = default_uid(ChoiceList.TRIGGERS, "Pain")
Shown = Callable[[QWidget], QWidget]


class Desk:
    """The journal as the shell shows it: its page, and its forms opened over it."""

    def __init__(self, ctx: AppContext, shown: Shown) -> None:
        self.ctx = ctx
        self.window = QWidget()  # stands in for the main window: pages show inside it
        self.page = JournalPage(ctx, self.window)
        QVBoxLayout(self.window).addWidget(self.page)
        shown(self.window)
        self.window.activateWindow()
        self.journal = JournalActions(ctx, self.window)
        self.page.requested.connect(self.answer)

    def answer(self, request: object) -> None:
        match request:
            case r.LogCraving():
                self.journal.log_craving()
            case r.WriteEntry():
                self.journal.write()
            case r.OpenEntry(uid):
                self.journal.edit(uid)
            case r.ManageChoices():
                self.journal.manage_choices()

    @property
    def db(self) -> Database:
        return self.ctx.db


@pytest.fixture
def desk(ctx: AppContext, shown: Shown) -> Desk:
    return Desk(ctx, shown)


def stored(desk: Desk) -> list[JournalEntry]:
    with desk.db.reading() as conn:
        return list(Journal(conn).all())


def add(desk: Desk, clock: FixedClock, **kw: object) -> JournalEntry:
    """An entry saved elsewhere in the app (announced, as every save is)."""
    values: dict[str, object] = {"kind": EntryKind.CRAVING, "occurred_at": clock.now()}
    values.update(kw)
    entry = JournalEntry(**values)  # type: ignore[arg-type]
    return desk.ctx.ops.run(lambda: save_entry(desk.db, entry, clock.now()))


def open_capture(desk: Desk, qtbot: QtBot) -> QuickCaptureDialog:
    qtbot.mouseClick(
        next(b for b in desk.page.findChildren(QWidget) if b.accessibleName() == "Log a craving"),
        Qt.MouseButton.LeftButton,
    )
    dialog = desk.journal.dialog
    assert isinstance(dialog, QuickCaptureDialog)
    dialog.activateWindow()  # the offscreen platform doesn't hand focus over by itself
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.intensity.hasFocus())
    return dialog


def type_keys(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_log_a_craving_with_the_keyboard_only(desk: Desk, qtbot: QtBot, shown: Shown) -> None:
    today = TodayPage(desk.ctx)
    shown(today)
    dialog = open_capture(desk, qtbot)
    type_keys(qtbot, "7")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.triggers.filter.hasFocus()
    type_keys(qtbot, "stre")
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.triggers.list.currentItem().text() == "Stress"
    press(qtbot, Qt.Key.Key_Space)
    dialog.line.setFocus()
    type_keys(qtbot, "argument with my brother")
    dialog.line.insert(" 😞")  # QTest can only type ASCII keys
    with qtbot.waitSignal(dialog.saved):
        press(qtbot, Qt.Key.Key_Return)
    [entry] = stored(desk)
    assert (entry.intensity, entry.triggers, entry.text) == (
        7,
        (STRESS,),
        "argument with my brother 😞",
    )
    assert not dialog.isVisible()
    # It shows on Today and at the top of the journal.
    assert "strength 7/10" in today.craving_list.itemAt(0).widget().text()
    page = desk.page
    assert page.model.data(page.model.index(0, 5)) == "argument with my brother 😞"


def test_ten_is_two_keys_and_arrows_work(desk: Desk, qtbot: QtBot) -> None:
    dialog = open_capture(desk, qtbot)
    type_keys(qtbot, "10")
    assert dialog.intensity.value() == 10
    press(qtbot, Qt.Key.Key_Left)
    assert dialog.intensity.value() == 9
    dialog.discard()


def test_an_empty_craving_is_refused_with_a_message(desk: Desk, qtbot: QtBot) -> None:
    dialog = open_capture(desk, qtbot)
    press(qtbot, Qt.Key.Key_Return)
    assert "how strong" in dialog.status.text()
    assert dialog.isVisible() and stored(desk) == []
    dialog.discard()


def test_a_draft_survives_a_crash(desk: Desk, qtbot: QtBot, shown: Shown) -> None:
    dialog = open_capture(desk, qtbot)
    with qtbot.waitSignal(dialog.drafts.saved, timeout=5000):
        type_keys(qtbot, "8")
        dialog.line.setFocus()
        type_keys(qtbot, "shaking, want to call Sam")
    # A crash: nothing is closed or saved; a new process opens the same file.
    other = Database.open(desk.db.path)
    with other.reading() as s:
        draft = Drafts(s).get(DRAFT_NAME)
    other.close()
    assert draft is not None and draft["line"] == "shaking, want to call Sam"
    dialog.drafts.timer.stop()
    desk.journal.dialog = None  # the first form is gone with its process, unsaved
    other.reopen()
    second = Desk(replace(desk.ctx, db=other), shown)
    again = open_capture(second, qtbot)
    assert again.intensity.value() == 8 and again.line.text() == "shaking, want to call Sam"
    assert "kept" in again.status.text()
    with qtbot.waitSignal(again.saved):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with second.db.reading() as s:
        assert Drafts(s).get(DRAFT_NAME) is None
    other.close()


def test_closing_keeps_the_draft_and_discard_removes_it(desk: Desk, qtbot: QtBot) -> None:
    dialog = open_capture(desk, qtbot)
    type_keys(qtbot, "5")
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    again = open_capture(desk, qtbot)
    assert again.intensity.value() == 5
    again.discard()
    third = open_capture(desk, qtbot)
    assert third.intensity.value() is None
    third.discard()


def test_add_your_own_trigger_while_logging(desk: Desk, qtbot: QtBot) -> None:
    dialog = open_capture(desk, qtbot)
    type_keys(qtbot, "3")
    dialog.triggers.filter.setFocus()
    type_keys(qtbot, "Night shift")
    assert dialog.triggers.add_button.isVisible()
    dialog.triggers.add_button.click()
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    [entry] = stored(desk)
    page = desk.page
    assert page.model.data(page.model.index(0, 3)) == "Night shift"
    assert page.trigger.findText("Night shift") >= 0
    assert len(entry.triggers) == 1


def test_find_by_word_and_by_trigger(desk: Desk, qtbot: QtBot, clock: FixedClock) -> None:
    add(desk, clock, intensity=4, triggers=(PAIN,), text="back ache at work")
    add(desk, clock, intensity=6, triggers=(STRESS,), text='Bills arrived (again) — "payday"')
    page = desk.page
    assert page.model.rowCount() == 2
    page.search.setFocus()
    type_keys(qtbot, '"payday"')
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.count.text() == "1 entry matches"
    page.search.clear()
    page.trigger.setCurrentIndex(page.trigger.findData(PAIN))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, 5)) == "back ache at work"
    page.search.setText("nothing like this")
    page.apply_filters()
    assert page.empty.isVisible() and "No entries match" in page.empty.text()
    page.clear_filters()
    assert page.model.rowCount() == 2


def test_edit_then_delete_and_undo_by_keyboard(desk: Desk, qtbot: QtBot, clock: FixedClock) -> None:
    entry = add(desk, clock, intensity=5, text="first words")
    page = desk.page
    page.hide()  # the person comes back to the page
    page.show()
    qtbot.waitUntil(page.view.hasFocus)
    press(qtbot, Qt.Key.Key_Return)
    form = desk.journal.dialog
    assert isinstance(form, EntryDialog)
    qtbot.waitUntil(form.isVisible)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.texts["text"].setFocus()
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, ", then a walk")
    with qtbot.waitSignal(form.saved):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(desk)[0].text == "first words, then a walk"
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow)
    page.view.setFocus()
    page.view.selectRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 0 and page.undo_bar.isVisible()
    assert stored(desk) == []
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 1
    assert page.current_uid() == entry.uid
    assert stored(desk)[0].text == "first words, then a walk"


def test_a_future_time_asks_first(
    desk: Desk, qtbot: QtBot, clock: FixedClock, no_modal_questions: list[str]
) -> None:
    form = desk.journal.write()
    assert isinstance(form, EntryDialog)
    form.texts["text"].setPlainText("planning ahead")
    form.when.setDateTime(form.when.dateTime().addDays(2))
    with qtbot.waitSignal(form.saved):
        form.save()
    assert no_modal_questions == ["A time in the future"]
    assert stored(desk)[0].occurred_at > clock.now()


def test_an_empty_journal_entry_is_refused(desk: Desk, qtbot: QtBot) -> None:
    form = desk.journal.write()
    assert isinstance(form, EntryDialog)
    form.save()
    assert "empty" in form.status.text() and form.isVisible()
    assert stored(desk) == []


def test_a_megabyte_of_text_is_kept_intact(desk: Desk, qtbot: QtBot) -> None:
    form = desk.journal.write()
    assert isinstance(form, EntryDialog)
    text = ("Línea 🌱 " * 125_000)[:1_000_000]
    form.texts["text"].setPlainText(text)
    with qtbot.waitSignal(form.saved):
        form.save()
    assert stored(desk)[0].text == text
    reopened = desk.journal.edit(stored(desk)[0].uid)
    assert isinstance(reopened, EntryDialog)
    assert reopened.texts["text"].toPlainText() == text
    reopened.close()


@pytest.mark.parametrize("count", [0, 3, 250])
def test_the_journal_model_is_a_proper_qt_model(
    qtmodeltester: object, db: Database, clock: FixedClock, count: int
) -> None:
    with db.transaction() as s:
        for i in range(count):
            Journal(s).save(
                JournalEntry(
                    EntryKind.CRAVING,
                    clock.now() - timedelta(hours=i),
                    intensity=i % 11,
                    triggers=(STRESS,) if i % 2 else (),
                    text=f"entry {i}",
                ),
                clock.now(),
            )
    model = JournalModel(db, clock)
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == count
    if count:
        assert model.data(model.index(count - 1, 5)) == f"entry {count - 1}"
        assert model.data(model.index(0, 0), UID_ROLE)
    model.set_filter(JournalFilter(trigger=STRESS))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    with db.reading() as conn:
        assert model.rowCount() == len(matching_ids(conn, JournalFilter(trigger=STRESS)))


def test_manage_triggers_without_rewriting_history(
    desk: Desk, qtbot: QtBot, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.ui.journal.choices_dialog import ChoicesDialog

    entry = add(desk, clock, intensity=3, triggers=(PAIN,))
    page = desk.page
    dialog = desk.journal.manage_choices()
    assert isinstance(dialog, ChoicesDialog)
    listing = dialog.lists[ChoiceList.TRIGGERS]
    answers = iter(["Body pain", "Stress"])
    monkeypatch.setattr(ChoicesDialog, "ask_text", classmethod(lambda *a, **k: next(answers)))
    row = next(i for i in range(listing.count()) if listing.item(i).text() == "Pain")
    listing.setCurrentRow(row)
    dialog.rename()
    assert listing.currentItem().text() == "Body pain"
    dialog.rename()  # to "Stress", which exists: refused kindly
    assert "already have" in dialog.status.text()
    monkeypatch.setattr(ChoicesDialog, "ask_item", classmethod(lambda *a, **k: "Stress"))
    dialog.merge()
    assert listing.currentItem().text() == "Body pain  → counts as Stress"
    # The entry still says what was chosen then; filtering by Stress now finds it.
    assert page.model.data(page.model.index(0, 3)) == "Body pain"
    page.trigger.setCurrentIndex(page.trigger.findData(STRESS))
    assert page.model.rowCount() == 1 and page.current_uid() in (None, entry.uid)
    assert page.trigger.findData(PAIN) == -1  # merged items leave the filter list
    dialog.close()


def test_enter_in_a_one_line_field_saves_never_discards(desk: Desk, qtbot: QtBot) -> None:
    form = desk.journal.write()
    qtbot.waitUntil(form.isVisible)
    form.texts["title"].setFocus()
    qtbot.keyClicks(form.texts["title"], "A calmer evening")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.texts["title"], Qt.Key.Key_Return)
    assert stored(desk)[0].title == "A calmer evening"


def test_enter_in_the_trigger_search_picks_it_and_keeps_the_form(desk: Desk, qtbot: QtBot) -> None:
    dialog = open_capture(desk, qtbot)
    type_keys(qtbot, "4")
    dialog.triggers.filter.setFocus()
    type_keys(qtbot, "payd")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and stored(desk) == []
    assert dialog.triggers.checked() == [default_uid(ChoiceList.TRIGGERS, "Payday or having cash")]
    assert dialog.triggers.filter.text() == ""
    dialog.discard()


def test_the_table_lets_tab_out_and_delete_only_acts_in_it(
    desk: Desk, qtbot: QtBot, clock: FixedClock
) -> None:
    add(desk, clock, intensity=3, text="keep me")
    page = desk.page
    assert not page.view.tabKeyNavigation()
    page.view.selectRow(0)
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 1 and len(stored(desk)) == 1


def test_an_unchanged_form_leaves_no_draft(desk: Desk, qtbot: QtBot) -> None:
    form = desk.journal.write()
    form.texts["text"].setPlainText("x")
    form.texts["text"].setPlainText("")
    form.drafts.save_now()
    form.reject()
    with desk.db.reading() as s:
        assert Drafts(s).get("new:journal") is None


def test_the_kind_filter_shows_only_that_kind_and_search_keeps_working(
    desk: Desk, qtbot: QtBot, clock: FixedClock
) -> None:
    add(desk, clock, intensity=6, text="after work")
    add(desk, clock, kind=EntryKind.JOURNAL, text="a calm walk after work")
    page = desk.page
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_Down)  # "Cravings", chosen by keyboard
    assert page.kind.currentText() == "Cravings"
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Craving"
    qtbot.keyClicks(page.search, "work")
    page.apply_filters()  # as the search delay would
    assert page.count.text() == "1 entry matches"
    qtbot.keyClick(page.kind, Qt.Key.Key_Down)  # "Journal entries"
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Journal"


@pytest.mark.parametrize("fold", [0, 1])
def test_opening_an_entry_from_the_repeated_hour_changes_nothing(
    desk: Desk, clock: FixedClock, fold: int
) -> None:
    """1 November 2026, 01:30 in New York happens twice. An entry from either one, opened
    and left as it was, is not an edit: no draft, the same offset (Python's == between
    zones is False in that hour, so the form once took it for a new time)."""
    when = datetime(2026, 11, 1, 1, 30, tzinfo=ZoneInfo("America/New_York"), fold=fold)
    entry = add(desk, clock, intensity=4, occurred_at=when)
    [saved] = stored(desk)
    form = desk.journal.edit(entry.uid)
    assert isinstance(form, EntryDialog)
    assert form.entry().occurred_at.utcoffset() == saved.occurred_at.utcoffset()
    assert form._draft_fields() is None
    form.close()
