"""The Toolkit page: every quick skill to read on a good day, and the way in to the
craving flow on a bad one."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.toolkit.skills import SKILLS
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import RideOutCraving
from recovery_app.ui.toolkit.page import ToolkitPage
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
