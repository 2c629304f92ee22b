"""Learn as a new person uses it: find, read, remember the place, the private self-check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage.learn.library import library
from recovery_app.storage.learn.reading import SelfChecks
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import GetHelp, OpenArticle, OpenSelfCheck
from recovery_app.ui.learn.page import LearnPage
from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog
from tests.ui.helpers import requests_of

KLONOPIN = "is-klonopin-a-benzodiazepine"
Shown = Callable[[QWidget], QWidget]


def learn(ctx: AppContext, shown: Shown) -> LearnPage:
    page = LearnPage(ctx, library())
    shown(page)
    return page


def test_find_read_larger_and_follow_links(
    ctx: AppContext, shown: Shown, qtbot: QtBot, app_paths: AppPaths
) -> None:
    page = learn(ctx, shown)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    asked = requests_of(page)
    # Find "Is Klonopin a benzodiazepine?" by searching, and open it with Enter.
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "klonopin benzo")
    assert page.results.item(0).data(Qt.ItemDataRole.UserRole) == KLONOPIN
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    reader = page.reader
    assert reader.article is not None and reader.article.slug == KLONOPIN
    assert len(reader.browser.extraSelections()) >= 2  # the words are highlighted
    # Read it larger; the size is remembered.
    size = reader.browser.font().pointSizeF()
    for _ in range(2):
        qtbot.keyClick(reader.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
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
    # Links into the app ask the shell.
    reader.browser.anchorClicked.emit(QUrl("app:self-check"))
    reader.browser.anchorClicked.emit(QUrl("app:get-help"))
    page.self_check_button.click()
    assert asked == [OpenSelfCheck(), GetHelp(), OpenSelfCheck()]


def test_the_self_check_is_kept_only_when_asked(
    ctx: AppContext, shown: Shown, qtbot: QtBot
) -> None:
    check = SelfCheckDialog(ctx, library())
    shown(check)
    asked = requests_of(check)
    check.boxes[0].setChecked(True)  # the dose working less well
    check.boxes[1].setChecked(True)  # trouble remembering
    check.show_result()
    result = check.result_label.text()
    # Normal effects at a prescribed dose are things to tell the prescriber, not a problem.
    assert "the dose working less well, trouble remembering" in result
    assert "not signs of a problem" in result and "hard to control" not in result
    assert "seizures" in result and "addict" not in result.lower()
    assert not any(ch.isdigit() for ch in result)  # no score
    with ctx.db.reading() as conn:
        assert SelfChecks(conn).all() == []
    check.keep()
    with ctx.db.reading() as conn:
        [kept] = SelfChecks(conn).all()
    assert kept.answers == (True, True) + (False,) * 8
    assert (
        check.history.item(0)
        .text()
        .endswith(
            "Effects to tell your prescriber: the dose working less well, trouble remembering"
        )
    )
    next(b for b in check.findChildren(QWidget) if b.accessibleName().startswith("Read:")).click()
    assert isinstance(asked[0], OpenArticle)


def test_the_self_check_asks_single_questions_with_a_time_frame_in_two_parts(
    ctx: AppContext, shown: Shown
) -> None:
    from recovery_app.core.learn.self_check import GET_HELP_LINE, QUESTIONS, Part

    check = shown(SelfCheckDialog(ctx, library()))
    texts = [b.text() for b in check.boxes]
    assert len(texts) == len(QUESTIONS) == 10
    assert all(t.startswith("In the past month, ") and t.endswith("?") for t in texts)
    assert all(t.count("?") == 1 and " and " not in t for t in texts)  # one thing each
    parts = [q.part for q in QUESTIONS]
    assert parts == sorted(parts, key=list(Part).index)  # boxes laid out in this order
    assert "tolerance" not in " ".join(texts).lower()
    labels = [w.text() for w in check.findChildren(type(check.result_label))]
    assert GET_HELP_LINE in labels  # before any answer
    assert "Effects to tell your prescriber" in labels
    assert "Signs that taking it has become hard to control" in labels


def test_mixing_points_to_the_overdose_article(ctx: AppContext, shown: Shown) -> None:
    check = shown(SelfCheckDialog(ctx, library()))
    asked = requests_of(check)
    mixing = next(b for b in check.boxes if "alcohol, opioids" in b.text())
    mixing.setChecked(True)
    check.show_result()
    assert "stop breathing" in check.result_label.text()
    check.link_for["is-it-an-overdose"].click()
    assert asked == [OpenArticle("is-it-an-overdose")]


def test_answers_kept_from_the_first_version_stay_readable(ctx: AppContext, shown: Shown) -> None:
    from recovery_app.core.learn.self_check import SelfCheck
    from recovery_app.storage.learn.ops import keep_self_check

    old = SelfCheck((False, True, False, False, False, True), ctx.clock.now(), version=1)
    ctx.ops.run(lambda: keep_self_check(ctx.db, old))
    check = shown(SelfCheckDialog(ctx, library()))
    line = check.history.item(0).text()
    assert "earlier version" in line and "cravings, neglecting work, school or family" in line


def test_read_and_bookmarks_and_where_you_left_off_survive_a_restart(
    ctx: AppContext, shown: Shown, qtbot: QtBot, clock: FixedClock
) -> None:
    page = learn(ctx, shown)
    page.open_article("glossary")
    page.reader.read_button.click()
    page.reader.bookmark_button.click()
    page.reader.browser.verticalScrollBar().setValue(200)
    page.hide()  # leaving the page keeps the reading position
    page.close()
    ctx.db.close()
    ctx.db.reopen()
    page = learn(ctx, shown)
    reader = page.reader
    assert reader.article is not None and reader.article.slug == "glossary"
    assert reader.read_button.isChecked() and reader.bookmark_button.isChecked()
    top = page.tree.topLevelItem(0)
    assert top.text(0) == "Bookmarks" and "Glossary" in top.child(0).text(0)
    assert top.child(0).text(0).startswith("✓ ★")
    qtbot.waitUntil(lambda: reader.browser.verticalScrollBar().value() == 200)
    clock.current += timedelta(minutes=5)
    page.open_article("withdrawal")
    assert page.continue_button.isHidden()  # it is the one being read now


def test_search_with_no_match_says_so(ctx: AppContext, shown: Shown) -> None:
    page = learn(ctx, shown)
    page.search.setText("qwertyuiop")
    assert "No article has all of these words" in page.results.item(0).text()
    page.search.clear()
    assert page.lists.currentWidget() is page.tree


def test_highlight_positions_survive_folding_and_emoji() -> None:
    from recovery_app.ui.learn.article_reader import folded_with_positions

    folded, spans = folded_with_positions("🙂 Straße café")
    assert folded == "🙂 strasse cafe"
    at = folded.find("cafe")
    assert spans[at] == (10, 11)  # the emoji counts as two positions in Qt
    assert spans[folded.find("ss")] == spans[folded.find("ss") + 1] == (7, 8)


def test_changing_an_answer_hides_the_old_result(ctx: AppContext, shown: Shown) -> None:
    check = SelfCheckDialog(ctx, library())
    shown(check)
    check.boxes[0].setChecked(True)
    check.show_result()
    assert not check.result_label.isHidden()
    check.boxes[1].setChecked(True)
    assert check.result_label.isHidden() and check.keep_button.isHidden()
    check.close()
