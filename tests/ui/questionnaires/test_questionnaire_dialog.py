"""Filling in the PHQ-9 and GAD-7 by keyboard; question 9 routes to crisis help first."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.questionnaires.forms import Kind
from recovery_app.storage.questionnaires.ops import history
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import GetHelp
from recovery_app.ui.insights.page import InsightsPage
from recovery_app.ui.questionnaires.dialog import QuestionnaireDialog
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import requests_of

Shown = Callable[[QWidget], QWidget]


def opened(shown: Shown, qtbot: QtBot, dialog: QuestionnaireDialog) -> QuestionnaireDialog:
    shown(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def answer(qtbot: QtBot, dialog: QuestionnaireDialog, question: int, value: int) -> None:
    """Focus the question's first answer, Space, then Down arrows, as by keyboard alone.
    ``question`` -1 is the last one, how difficult it was."""
    first = (dialog.questions[question] if question >= 0 else dialog.difficulty).buttons[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Space)
    for _ in range(value):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Down)


def card_text(page: InsightsPage) -> str:
    return " ".join(label.text() for label in page.questionnaires.findChildren(QLabel))


@pytest.mark.parametrize("value", [1, 2, 3])
def test_question_9_above_not_at_all_shows_crisis_help_at_once(
    ctx: AppContext, shown: Shown, qtbot: QtBot, value: int
) -> None:
    dialog = opened(shown, qtbot, QuestionnaireDialog(ctx, Kind.PHQ9))
    asked = requests_of(dialog)
    assert not dialog.crisis.isVisible()
    answer(qtbot, dialog, 8, value)  # question 9, before any other answer and any total
    assert dialog.questions[8].value() == value
    assert dialog.crisis.isVisible() and not dialog.total_label.isVisible()
    assert "988" in dialog.crisis_words.text() and "911" in dialog.crisis_words.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.help_button)
    qtbot.keyClick(dialog.help_button, Qt.Key.Key_Space)
    assert asked == [GetHelp()]


def test_not_at_all_to_question_9_shows_no_card_and_the_total_is_kept(
    ctx: AppContext, shown: Shown, qtbot: QtBot
) -> None:
    dialog = opened(shown, qtbot, QuestionnaireDialog(ctx, Kind.PHQ9))
    for i, value in enumerate((1, 1, 2, 2, 2, 3, 0, 0, 0)):
        answer(qtbot, dialog, i, value)
    assert not dialog.crisis.isVisible() and dialog.keep_button.isEnabled()
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.total_label.isVisible)  # a mnemonic clicks after a short flash
    assert dialog.total_label.text().startswith("11 of 27.")
    [kept] = history(ctx.db)
    assert kept.answers == (1, 1, 2, 2, 2, 3, 0, 0, 0) and kept.difficulty is None


def test_after_a_hard_answer_the_card_stays_first_once_kept(
    ctx: AppContext, shown: Shown, qtbot: QtBot
) -> None:
    dialog = opened(shown, qtbot, QuestionnaireDialog(ctx, Kind.PHQ9))
    for i in range(9):
        answer(qtbot, dialog, i, 1)
    dialog.keep_button.click()
    assert dialog.crisis.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.help_button)
    assert history(ctx.db)[0].self_harm_answered


def test_the_gad7_has_seven_questions_and_never_the_card(
    ctx: AppContext, shown: Shown, qtbot: QtBot
) -> None:
    dialog = opened(shown, qtbot, QuestionnaireDialog(ctx, Kind.GAD7))
    assert len(dialog.questions) == 7
    for i in range(7):
        answer(qtbot, dialog, i, 3)
    answer(qtbot, dialog, -1, 2)
    assert not dialog.crisis.isVisible()
    dialog.keep_button.click()
    assert dialog.total_label.text().startswith("21 of 21.")
    assert history(ctx.db)[0].difficulty == 2


def test_insights_offers_both_and_shows_the_latest(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.show_page("insights")
    page = window.page("insights")
    assert isinstance(page, InsightsPage)
    assert "PHQ-9: not taken yet." in card_text(page)
    page.questionnaires.phq9.click()
    dialog = window.findChild(QuestionnaireDialog)
    assert isinstance(dialog, QuestionnaireDialog) and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for i in range(9):
        answer(qtbot, dialog, i, 0)
    dialog.keep_button.click()
    dialog.close()
    texts = card_text(page)  # the page read the new answers again
    assert "PHQ-9: 0 of 27 on" in texts and "GAD-7: not taken yet." in texts
