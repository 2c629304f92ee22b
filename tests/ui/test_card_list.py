"""Meetings, the agenda, attendance and search results are lists of card rows: a bold
title, the details under it, wrapped to the width, never cut or run past the card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from recovery_app.storage.learn.library import library
from recovery_app.ui.common.card_list import CardList, _CardDelegate
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.learn.page import LearnPage
from recovery_app.ui.meetings.page import MeetingsPage

LONG = "Counselling with Dr. Ortiz-Villanueva-Hernández at the Supercalifragilistic centre"


def _option(view: CardList) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    return option


def _lines_fit(view: CardList, index: QModelIndex) -> bool:
    delegate = view.itemDelegate()
    assert isinstance(delegate, _CardDelegate)
    width = view.viewport().width()
    _bold, pad, _gap = delegate._metrics(view.font())
    for layout, _height in delegate._blocks(index, view.font(), width):
        for n in range(layout.lineCount()):
            if layout.lineAt(n).naturalTextWidth() > width - 2 * pad:
                return False
    return True


def test_a_long_title_wraps_inside_its_card_and_the_row_grows(
    shown: Callable[[QWidget], QWidget],
) -> None:
    view = shown(CardList("Meetings", most_rows=4))
    view.addItem(f"{LONG}\nEvery Tuesday at 19:00")
    view.addItem("NA\nEvery Thursday at 19:00")
    view.resize(220, 400)
    wide, narrow = view.model().index(0, 0), view.model().index(1, 0)
    tall = view.itemDelegate().sizeHint(_option(view), wide).height()
    short = view.itemDelegate().sizeHint(_option(view), narrow).height()
    assert tall > short * 1.5  # the long name took more lines, not a cut-off one
    assert _lines_fit(view, wide) and _lines_fit(view, narrow)
    # As tall as its rows: no scroll bar of its own for two meetings.
    assert view.sizeHint().height() >= tall + short


def test_a_card_row_is_drawn_with_its_title_and_details(
    shown: Callable[[QWidget], QWidget],
) -> None:
    view = shown(CardList("Agenda", most_rows=3))
    view.addItem("Thu 03 Dec, 18:00  SMART Recovery\nCommunity centre")
    view.resize(400, 200)
    image = view.viewport().grab().toImage()
    ink = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, min(image.height(), view.sizeHintForRow(0)), 2)
        if QColor(image.pixel(x, y)).lightness() < 120
    )
    assert ink > 100  # text was drawn in the row, not an empty box


def test_an_empty_state_note_is_no_tab_stop(
    ctx: AppContext, shown: Callable[[QWidget], QWidget]
) -> None:
    page = shown(MeetingsPage(ctx))
    assert isinstance(page, MeetingsPage)
    # No meetings yet: the agenda and attendance only hold a note saying so.
    assert page.agenda.count() == 1 and page.history.count() == 1
    for view in (page.agenda, page.history):
        assert view.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert not view.item(0).flags() & Qt.ItemFlag.ItemIsSelectable


def test_search_results_are_cards_with_the_title_first(
    ctx: AppContext, shown: Callable[[QWidget], QWidget]
) -> None:
    page = shown(LearnPage(ctx, library()))
    assert isinstance(page, LearnPage)
    page.search.setText("sleep")
    assert isinstance(page.results, CardList)
    first = page.results.item(0).text()
    title, _, excerpt = first.partition("\n")
    assert title.startswith("Sleep") and excerpt
    assert page.results.focusPolicy() == Qt.FocusPolicy.StrongFocus
    page.search.setText("zzzz qqqq")
    assert page.results.focusPolicy() == Qt.FocusPolicy.NoFocus
