"""Get help: the public lines always, the person's own people once unlocked."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.help.contacts import Contact
from recovery_app.storage.help.contacts import Contacts
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.help.contact_dialog import ContactDialog
from recovery_app.ui.help.dialog import HelpDialog


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def test_get_help_with_your_own_people(
    ctx: AppContext, host: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = HelpDialog.present(host, ctx)
    assert "Add the people you can call" in dialog.own_hint.text()
    monkeypatch.setattr(
        ContactDialog,
        "ask",
        classmethod(lambda cls, parent, c=None: Contact("Sam", "+1 555 010 2233", role="Sponsor")),
    )
    dialog.add_button.click()
    copy = next(
        b
        for b in dialog.findChildren(QPushButton)
        if b.accessibleName() == "Copy the number for Sam"
    )
    copy.click()
    assert QGuiApplication.clipboard().text() == "+1 555 010 2233"
    with ctx.db.reading() as conn:
        assert [c.name for c in Contacts(conn).all()] == ["Sam"]
    for number in ("911", "988", "1-800-662-4357", "1-800-487-4889"):
        assert any(number in label.text() for label in dialog.findChildren(QLabel))
    assert HelpDialog.present(host, ctx) is dialog  # one Get help, however often it is asked


def test_while_locked_help_shows_public_lines_only(host: QWidget) -> None:
    dialog = HelpDialog.present(host, None)
    assert "Unlock the app" in dialog.own_hint.text()
    assert not dialog.add_button.isVisible()
    assert any("988" in label.text() for label in dialog.findChildren(QLabel))


def test_contact_text_is_shown_as_typed(
    ctx: AppContext, host: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = HelpDialog.present(host, ctx)
    person = Contact("Dr <Lee>", "555 0100", note="call <after 6pm>")
    monkeypatch.setattr(ContactDialog, "ask", classmethod(lambda cls, parent, c=None: person))
    dialog.add_button.click()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("&lt;after 6pm&gt;" in t and "Dr &lt;Lee&gt;" in t for t in texts)


def test_poison_help_is_among_the_lines(host: QWidget) -> None:
    dialog = HelpDialog.present(host, None)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t == "1-800-222-1222" for t in texts)
    assert any("Poison Help" in t and "taken too much" in t for t in texts)


def test_your_own_people_come_first(ctx: AppContext, host: QWidget) -> None:
    from recovery_app.storage.help.ops import save_contact

    dialog = HelpDialog.present(host, ctx)
    layout = dialog.sections
    assert layout.indexOf(dialog.public) < layout.indexOf(dialog.own)  # nobody added yet
    ctx.ops.run(lambda: save_contact(ctx.db, Contact("Sam", "555 0100"), ctx.clock.now()))
    dialog = HelpDialog.present(host, ctx)
    assert layout.indexOf(dialog.own) < layout.indexOf(dialog.public)
    layout.activate()
    own_top = dialog.own.mapTo(dialog, dialog.own.rect().topLeft()).y()
    public_top = dialog.public.mapTo(dialog, dialog.public.rect().topLeft()).y()
    assert own_top < public_top
