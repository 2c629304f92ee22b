"""The Toolkit page: every quick skill to read on a good day, and the way in to the
craving flow on a bad one."""

from __future__ import annotations

import html
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.clock import FixedClock
from recovery_app.core.toolkit.reasons import Reason
from recovery_app.core.toolkit.skills import SKILLS
from recovery_app.storage.toolkit.ops import favourite_skills, reasons, save_reason
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import RideOutCraving
from recovery_app.ui.toolkit.craving_flow import CravingFlow
from recovery_app.ui.toolkit.page import ToolkitPage
from recovery_app.ui.toolkit.reason_dialog import ReasonDialog
from tests.ui.conftest import WindowFactory


def test_every_skill_shows_its_steps_credit_and_cautions(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], qtbot: QtBot
) -> None:
    page = shown(ToolkitPage(ctx))
    assert isinstance(page, ToolkitPage)
    assert [card.skill.key for card in page.cards] == [s.key for s in SKILLS]
    for card in page.cards:
        texts = html.unescape(" ".join(label.text() for label in card.findChildren(QLabel)))
        assert all(step in texts for step in card.skill.steps)
        assert card.skill.method in texts
    tipp = next(c for c in page.cards if c.skill.key == "tipp")
    warning = next(lab for lab in tipp.findChildren(QLabel) if lab.objectName() == "warning")
    assert warning.isVisible() and "heart" in warning.text()
    asked: list[object] = []
    page.requested.connect(asked.append)
    qtbot.mouseClick(page.ride_button, Qt.MouseButton.LeftButton)
    assert asked == [RideOutCraving()]


def test_the_toolkit_is_in_the_sidebar_and_opens_the_flow(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Toolkit" in titles
    window.show_page("toolkit")
    page = window.page("toolkit")
    assert isinstance(page, ToolkitPage)
    page.ride_button.click()
    assert window.cravings.flow is not None and window.cravings.flow.isVisible()
    window.cravings.flow.reject()


def test_my_reasons_are_added_changed_and_removed(
    ctx: AppContext,
    shown: Callable[[QWidget], QWidget],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = shown(ToolkitPage(ctx))
    assert isinstance(page, ToolkitPage)
    assert page.reasons.count() == 1 and not page.edit_button.isEnabled()  # the empty note
    monkeypatch.setattr(
        ReasonDialog, "ask", classmethod(lambda cls, parent, r=None: Reason("For my son"))
    )
    page.add_button.click()
    assert [page.reasons.item(i).text() for i in range(page.reasons.count())] == ["For my son"]
    [kept] = reasons(ctx.db)
    monkeypatch.setattr(
        ReasonDialog,
        "ask",
        classmethod(lambda cls, parent, r=None: Reason("For my son, and for me", r.uid)),
    )
    page.edit_button.click()
    assert [r.text for r in reasons(ctx.db)] == ["For my son, and for me"]
    assert reasons(ctx.db)[0].uid == kept.uid
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: False))
    page.remove_button.click()
    assert len(reasons(ctx.db)) == 1  # "Keep it"
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    page.remove_button.click()
    assert reasons(ctx.db) == [] and page.reasons.count() == 1


def test_a_favourite_is_kept_and_comes_first_in_the_flow(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], clock: FixedClock
) -> None:
    page = shown(ToolkitPage(ctx))
    assert isinstance(page, ToolkitPage)
    tipp = next(c for c in page.cards if c.skill.key == "tipp")
    tipp.favourite.setChecked(True)
    assert favourite_skills(ctx.db) == ["tipp"]
    save_reason(ctx.db, Reason("Being there for Mia"), clock.now())
    flow = CravingFlow(clock, [], None, reasons(ctx.db), favourite_skills(ctx.db))
    shown(flow)
    first = flow.findChildren(QPushButton)
    titles = [b.text() for b in first if b in flow.skill_buttons.values()]
    assert titles[0] == "★ TIPP: change your body's chemistry"
    texts = [label.text() for label in flow.findChildren(QLabel)]
    assert "Being there for Mia" in texts


def test_an_empty_reason_is_not_kept_and_says_why(shown: Callable[[QWidget], QWidget]) -> None:
    dialog = shown(ReasonDialog(None))
    assert isinstance(dialog, ReasonDialog)
    dialog.text.setPlainText("   ")
    dialog._check()
    assert dialog.result_reason is None and "few words" in dialog.status.text()
    dialog.text.setPlainText("Waking up clear")
    dialog._check()
    assert dialog.result_reason is not None and dialog.result_reason.text == "Waking up clear"
