"""Learn and Get help as a new person uses them: find, read, follow links, self-check, help."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.clock import FixedClock
from recovery_app.core.help.contacts import Contact
from recovery_app.paths import AppPaths
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.learn.reading import SelfChecks
from recovery_app.ui.help.dialog import HelpDialog
from recovery_app.ui.learn.page import LearnPage
from recovery_app.ui.learn.self_check_dialog import SelfCheckDialog
from recovery_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

KLONOPIN = "is-klonopin-a-benzodiazepine"


def learn(window: MainWindow) -> LearnPage:
    window.show_page("learn")
    page = window.page("learn")
    assert isinstance(page, LearnPage)
    return page


def press(
    qtbot: QtBot, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, mod)


def test_find_read_larger_follow_a_link_then_self_check_and_help(
    make_window: WindowFactory, qtbot: QtBot, app_paths: AppPaths
) -> None:
    window = make_window()
    page = learn(window)
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
    check.boxes[0].setChecked(True)
    check.boxes[3].setChecked(True)
    check.show_result()
    result = check.result_label.text()
    assert "2 of the six signs" in result and "not a diagnosis" in result
    assert "seizures" in result and "addict" not in result.lower()
    check.keep()
    assert window.db is not None
    with window.db.reading() as conn:
        [kept] = SelfChecks(conn).all()
    assert kept.answers == (True, False, False, True, False, False)
    assert "2 of 6" in check.history.item(0).text()
    check.boxes[0].setFocus()
    press(qtbot, Qt.Key.Key_F1)
    help_dialog = window.findChild(HelpDialog)
    assert isinstance(help_dialog, HelpDialog)
    qtbot.waitUntil(help_dialog.isVisible)


def test_read_and_bookmarks_and_where_you_left_off_survive_a_restart(
    make_window: WindowFactory, qtbot: QtBot, clock: FixedClock
) -> None:
    window = make_window()
    page = learn(window)
    page.open_article("glossary")
    page.reader.read_button.click()
    page.reader.bookmark_button.click()
    page.reader.browser.verticalScrollBar().setValue(200)
    window.show_page("today")  # leaving the page keeps the reading position
    window.close()
    second = make_window()
    page = learn(second)
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


def test_search_with_no_match_says_so(make_window: WindowFactory) -> None:
    page = learn(make_window())
    page.search.setText("qwertyuiop")
    assert "No article has all of these words" in page.results.item(0).text()
    page.search.clear()
    assert page.lists.currentWidget() is page.tree


def test_get_help_with_your_own_people(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.ui.help.contact_dialog import ContactDialog

    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert isinstance(dialog, HelpDialog)
    assert "Add the people you can call" in dialog.own_hint.text()
    monkeypatch.setattr(
        ContactDialog,
        "ask",
        classmethod(lambda cls, parent, c=None: Contact("Sam", "+1 555 010 2233", role="Sponsor")),
    )
    dialog.add_button.click()
    copy = next(
        b
        for b in dialog.findChildren(type(dialog.add_button))
        if b.accessibleName() == "Copy the number for Sam"
    )
    copy.click()
    assert QGuiApplication.clipboard().text() == "+1 555 010 2233"
    assert window.db is not None
    with window.db.reading() as conn:
        assert [c.name for c in Contacts(conn).all()] == ["Sam"]
    for number in ("911", "988", "1-800-662-4357", "1-800-487-4889"):
        assert any(number in label.text() for label in dialog.findChildren(type(dialog.status)))


def test_while_locked_help_shows_public_lines_only(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.db = None  # as when locked: the database is closed
    window.show_help()
    dialog = window.findChild(HelpDialog)
    assert isinstance(dialog, HelpDialog)
    assert "Unlock the app" in dialog.own_hint.text()
    assert not dialog.add_button.isVisible()


def test_highlight_positions_survive_folding_and_emoji() -> None:
    from recovery_app.ui.learn.article_reader import folded_with_positions

    folded, spans = folded_with_positions("🙂 Straße café")
    assert folded == "🙂 strasse cafe"
    at = folded.find("cafe")
    assert spans[at] == (10, 11)  # the emoji counts as two positions in Qt
    assert spans[folded.find("ss")] == spans[folded.find("ss") + 1] == (7, 8)


def test_changing_an_answer_hides_the_old_result(make_window: WindowFactory) -> None:
    window = make_window()
    check = window.open_self_check()
    check.boxes[0].setChecked(True)
    check.show_result()
    assert not check.result_label.isHidden()
    check.boxes[1].setChecked(True)
    assert check.result_label.isHidden() and check.keep_button.isHidden()
    check.close()


def test_contact_text_is_shown_as_typed(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.ui.help.contact_dialog import ContactDialog

    window = make_window()
    window.show_help()
    dialog = window.findChild(HelpDialog)
    assert isinstance(dialog, HelpDialog)
    person = Contact("Dr <Lee>", "555 0100", note="call <after 6pm>")
    monkeypatch.setattr(ContactDialog, "ask", classmethod(lambda cls, parent, c=None: person))
    dialog.add_button.click()
    texts = [label.text() for label in dialog.findChildren(type(dialog.status))]
    assert any("&lt;after 6pm&gt;" in t and "Dr &lt;Lee&gt;" in t for t in texts)
