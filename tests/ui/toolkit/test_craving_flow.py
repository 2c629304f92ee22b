"""When a craving hits, by keyboard alone: Ctrl+Shift+H from anywhere, the timer and
the breathing at once, a skill, the end, and one click to a filled-in entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.core.help.contacts import Contact
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind
from recovery_app.storage.help.ops import save_contact
from recovery_app.storage.journal.ops import load_entry
from recovery_app.ui.journal.entry_dialog import EntryDialog
from recovery_app.ui.meetings.meeting_dialog import MeetingDialog
from recovery_app.ui.shell.main_window import MainWindow
from recovery_app.ui.toolkit.craving_flow import CravingFlow
from tests.ui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def key(qtbot: QtBot, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, k, mod)


def shown_flow(window: MainWindow, qtbot: QtBot) -> CravingFlow:
    qtbot.waitUntil(lambda: window.cravings.flow is not None and window.cravings.flow.isVisible())
    flow = window.cravings.flow
    assert flow is not None
    qtbot.waitUntil(flow.isActiveWindow)
    return flow


def test_ride_out_a_craving_and_log_it_by_keyboard(
    make_window: WindowFactory, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make_window()
    key(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    flow = shown_flow(window, qtbot)
    started = clock.now()
    assert flow.time_left.text() == "20:00 left"  # it asks nothing first
    assert flow.breathing.words.text() == "Breathe in"
    clock.current += timedelta(minutes=7, seconds=4)
    flow.tick()
    assert flow.time_left.text() == "12:56 left"
    assert flow.breathing.words.text() == "Breathe out, slowly"
    flow.strength.setFocus()
    for _ in range(9):  # from "not said" up to 8
        key(qtbot, Qt.Key.Key_Up)
    assert flow.ride.strength_at_start == 8
    grounding = flow.skill_buttons["grounding"]
    grounding.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert flow.steps.currentWidget() is flow.skill_step
    assert "five things you can see" in flow.skill_parts["steps"].text()
    key(qtbot, Qt.Key.Key_B, ALT)  # Back to the timer (a mnemonic clicks after a moment)
    qtbot.waitUntil(lambda: flow.steps.currentWidget() is flow.ride_step)
    clock.current += timedelta(minutes=11)
    key(qtbot, Qt.Key.Key_I, ALT)  # It has passed: next
    qtbot.waitUntil(lambda: flow.steps.currentWidget() is flow.end_step)
    assert "18 minutes" in flow.end_words.text()
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Up)  # strength now: 3
    assert set(flow.used) == {
        "Urge surfing (waited for it to pass)",
        "Breathing exercise",
        "Grounding (5 things I can see...)",
    }
    key(qtbot, Qt.Key.Key_L, ALT)  # Log it…
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EntryDialog))
    form = QApplication.activeModalWidget()
    assert isinstance(form, EntryDialog)
    assert window.cravings.flow is None  # the flow is done
    with qtbot.waitSignal(form.saved) as saved:
        form.save()  # one click: the entry is filled in from the ride
    assert window.db is not None
    entry = load_entry(window.db, saved.args[0].uid)  # as stored
    assert entry is not None and entry.kind is EntryKind.CRAVING
    assert entry.occurred_at == started and entry.duration_minutes == 18
    assert entry.intensity == 8 and "Strength at the end: 3/10." in entry.text
    assert default_uid(ChoiceList.COPING, "Grounding (5 things I can see...)") in entry.coping


def test_the_shortcut_works_over_an_open_form_and_quick_hide_keeps_the_ride(
    make_window: WindowFactory, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make_window()
    form = MeetingDialog(None, clock, window)
    form.open()  # window-modal: the window's own shortcuts are blocked
    qtbot.waitUntil(form.isActiveWindow)
    form.name.setText("NA Thursday")
    key(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    flow = shown_flow(window, qtbot)
    flow.open_skill("halt")
    key(qtbot, Qt.Key.Key_H, CTRL)  # someone walks in
    assert not flow.isVisible()
    clock.current += timedelta(minutes=3)
    again = window.cravings.open()
    assert again is flow and flow.isVisible()
    assert flow.ride.skills == ["halt"] and flow.steps.currentWidget() is flow.skill_step
    flow.reject()
    assert form.isVisible() and form.name.text() == "NA Thursday"  # nothing typed is lost
    form.close()


def test_my_people_are_one_step_away(
    make_window: WindowFactory, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.db is not None
    save_contact(window.db, Contact("Sam", "+1 555 010 2233", role="Sponsor"), clock.now())
    flow = window.cravings.open()
    copy = next(
        b for b in flow.findChildren(QWidget) if b.accessibleName() == "Copy the number for Sam"
    )
    copy.click()  # type: ignore[attr-defined]
    assert QApplication.clipboard().text() == "+1 555 010 2233"
    flow.finish()
    assert "Called or texted someone" in flow.used
    flow.reject()


def test_while_locked_the_flow_shows_nothing_personal(
    shown: Callable[[QWidget], QWidget], clock: FixedClock
) -> None:
    # ``shown`` deletes it at a quiet moment: left to the cycle collector, a window with
    # a running timer could be freed on a worker thread.
    flow = shown(CravingFlow(clock, None))
    assert isinstance(flow, CravingFlow)
    names = {w.accessibleName() for w in flow.findChildren(QWidget)}
    assert "My people" not in names and not any(n.startswith("Copy the number") for n in names)
    flow.finish()
    assert not flow.log_button.isVisibleTo(flow) and flow.locked_words.isVisibleTo(flow)


@pytest.mark.parametrize("hold", [True])
def test_the_idle_lock_waits_while_the_flow_is_open(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, hold: bool
) -> None:
    window = make_window()
    calls: list[bool] = []
    monkeypatch.setattr(window.session, "hold_idle", calls.append)
    flow = window.cravings.open()
    assert calls == [hold]
    flow.reject()
    assert calls == [hold, not hold]


def test_a_flow_opened_over_a_form_outlives_the_form(
    make_window: WindowFactory, clock: FixedClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    calls: list[bool] = []
    monkeypatch.setattr(window.session, "hold_idle", calls.append)
    form = MeetingDialog(None, clock, window)
    form.open()
    qtbot.waitUntil(form.isActiveWindow)
    flow = window.cravings.open()
    flow.open_skill("stop")
    form.reject()  # the form closes (and is deleted) while the person rides it out
    form.deleteLater()
    qtbot.waitUntil(lambda: flow.parent() is window)
    assert flow.isVisible() and window.cravings.flow is flow
    assert flow.ride.skills == ["stop"]
    assert calls == [True]  # still held: the ride goes on
    flow.quick_hide()
    assert calls == [True, False]  # hidden: the idle lock counts again
    window.cravings.open()
    assert calls == [True, False, True]
    flow.reject()
    assert calls[-1] is False and window.cravings.flow is None


def test_the_entry_says_the_minutes_the_end_step_said(
    make_window: WindowFactory, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make_window()
    flow = window.cravings.open()
    clock.current += timedelta(minutes=12)
    flow.finish()
    assert "12 minutes" in flow.end_words.text()
    clock.current += timedelta(minutes=9)  # lingering on the last step
    flow.log()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EntryDialog))
    form = QApplication.activeModalWidget()
    assert isinstance(form, EntryDialog)
    assert form.entry().duration_minutes == 12
    form.reject()


def test_a_reason_is_shown_as_the_words_typed(
    make_window: WindowFactory, clock: FixedClock
) -> None:
    from recovery_app.core.toolkit.reasons import Reason
    from recovery_app.storage.toolkit.ops import save_reason

    window = make_window()
    assert window.db is not None
    save_reason(window.db, Reason("<b>Me</b> & my <i>health</i>"), clock.now())
    flow = window.cravings.open()
    shown = [lab for lab in flow.findChildren(QLabel) if "health" in lab.text()]
    assert shown and shown[0].textFormat() == Qt.TextFormat.PlainText
    flow.reject()


def test_the_moving_circle_choice_is_remembered_and_delay_sets_its_own_time(
    make_window: WindowFactory, clock: FixedClock
) -> None:
    window = make_window()
    flow = window.cravings.open()
    flow.motion.setChecked(False)
    assert window.settings.values.breathing_motion is False
    flow.reject()
    again = window.cravings.open()
    assert not again.motion.isChecked() and not again.breathing.circle.isVisibleTo(again)
    clock.current += timedelta(minutes=7, seconds=30)
    again.open_skill("delay")
    assert again.skill_timer.isVisibleTo(again)
    again.skill_timer.click()  # wait 15 more minutes
    assert again.ride.minutes == 23 and again.steps.currentWidget() is again.ride_step
    again.reject()


def test_a_flow_over_two_forms_goes_to_the_one_still_open(
    make_window: WindowFactory, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make_window()
    outer = MeetingDialog(None, clock, window)
    outer.open()
    qtbot.waitUntil(outer.isActiveWindow)
    inner = MeetingDialog(None, clock, outer)
    inner.open()
    qtbot.waitUntil(inner.isActiveWindow)
    flow = window.cravings.open()
    assert flow.parent() is inner
    inner.reject()
    qtbot.waitUntil(lambda: flow.parent() is outer)  # the window is still blocked by outer
    assert flow.isVisible()
    outer.reject()
    qtbot.waitUntil(lambda: flow.parent() is window)
    assert flow.isVisible() and window.cravings.flow is flow
    flow.reject()
