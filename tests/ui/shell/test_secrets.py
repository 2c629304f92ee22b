"""Secrets outlive nothing: the passphrase leaves the unlock field once the key is made,
the key lives in one zeroed holder, and after a lock no object of the app refers to the
key, its hex form or a passphrase. Locking during a passphrase change never reopens.

``bytes`` and ``str`` are not tracked by ``gc``, but everything that could hold one
is: every tracked object's referents are searched for the secrets.
"""

from __future__ import annotations

import gc
import sys
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.security import keys as crypto
from recovery_app.storage.security.rekey import change_key
from recovery_app.ui.checkin.page import CheckInPage
from recovery_app.ui.common.worker import Worker
from recovery_app.ui.data.page import DataPage
from recovery_app.ui.data.passphrase_dialog import PassphraseDialog, PassphraseRequest
from recovery_app.ui.data.safety import DataSafety
from recovery_app.ui.shell.main_window import MainWindow
from tests.kdf import fast_params, use_fast_params
from tests.ui.helpers import page_of

# Built at run time, so no constant of this module is the very object searched for.
WORDS = ("sea", "glass", "and", "a", "slow", "tide")


def passphrase() -> str:
    return " ".join(WORDS)


def new_passphrase() -> str:
    return "-".join(reversed(WORDS))


@pytest.fixture
def window(qtbot: QtBot, app_paths: AppPaths, clock: FixedClock) -> MainWindow:
    db = Database.open(app_paths.database)
    with db.transaction() as conn:
        CheckIns(conn).save(CheckIn(date(2026, 11, 25), 3, 3, 3, UsedToday.NO), clock.now())
    db.close()
    params = fast_params()
    key = crypto.derive_key(passphrase(), params)
    change_key(app_paths.database, app_paths.backups, None, key, params)
    settings.save(app_paths.settings, settings.Settings(welcome_done=True))
    main = MainWindow(app_paths, clock)
    qtbot.addWidget(main)
    main.show()
    main.open_data()
    return main


def unlock(window: MainWindow, qtbot: QtBot, words: str) -> None:
    page = window.session.unlock_page
    assert page is not None
    page.passphrase.setText(words)
    with qtbot.waitSignal(window.dataReady, timeout=10000):
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)


def holders(*secrets: bytes | str) -> list[str]:
    """The types of tracked objects that refer to one of ``secrets`` (or contain one)."""
    gc.collect()
    mine = {id(sys._getframe()), id(sys._getframe(1)), id(secrets)}  # the test's own
    found = []
    for obj in gc.get_objects():
        if id(obj) in mine:
            continue
        for ref in gc.get_referents(obj):
            if not isinstance(ref, (bytes, bytearray, str)) or len(ref) > 100_000:
                continue
            for secret in secrets:
                same_kind = isinstance(ref, str) == isinstance(secret, str)
                if same_kind and ref and secret in ref:  # type: ignore[operator]
                    by = {type(r).__qualname__ for r in gc.get_referrers(obj)} - {"list"}
                    found.append(f"{type(obj).__module__}.{type(obj).__qualname__} in {by}")
                    print(
                        "HOLDER",
                        type(obj),
                        getattr(obj, "__qualname__", ""),
                        getattr(obj, "__self__", None).__class__,
                    )
    return found


def test_after_a_lock_nothing_of_the_app_holds_the_key_or_the_passphrase(
    window: MainWindow, qtbot: QtBot, app_paths: AppPaths
) -> None:
    main = window
    params = crypto.file_params(app_paths.database)
    assert params is not None
    key = crypto.derive_key(passphrase(), params)
    unlock(main, qtbot, passphrase())
    page = main.session.unlock_page
    assert page is not None and page.passphrase.text() == ""  # gone once the key was made
    page_of(main, "data", DataPage)  # pages that could keep a key: built and used
    page_of(main, "checkin", CheckInPage)
    holder = main.session.keys
    assert holder.holds(key)
    inside = holder._key  # the one place the key was kept
    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main.db is None
    assert not holder.holds(key) and set(inside) <= {0}  # zeroed, not just dropped
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the pages go
    hexed, words = key.hex(), passphrase()
    found = holders(key, hexed, words)  # (outside an assert, whose rewriting keeps operands)
    assert found == []


def test_a_finished_passphrase_change_keeps_neither_passphrase(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = window
    use_fast_params(monkeypatch)
    unlock(main, qtbot, passphrase())
    data = page_of(main, "data", DataPage)
    answers = [PassphraseRequest("change", passphrase(), new_passphrase())]
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, *a: answers.pop()))
    safety = main.session.safety
    assert safety is not None
    with qtbot.waitSignal(safety.keyChanged, timeout=20000):
        qtbot.mouseClick(data.change_button, Qt.MouseButton.LeftButton)
    found = holders(passphrase(), new_passphrase())
    assert found == []


def test_the_passphrase_dialog_forgets_what_was_typed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[PassphraseDialog] = []

    def typed_and_accepted(dialog: PassphraseDialog) -> int:
        shown.append(dialog)
        dialog.current.setText(passphrase())
        dialog.new.setText(new_passphrase())
        dialog.again.setText(new_passphrase())
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PassphraseDialog, "exec", typed_and_accepted)
    request = PassphraseDialog.ask(None, "change")
    assert request == PassphraseRequest("change", passphrase(), new_passphrase())
    [dialog] = shown
    assert dialog.current.text() == dialog.new.text() == dialog.again.text() == ""


def test_locking_during_a_passphrase_change_never_reopens_the_data(
    window: MainWindow,
    qtbot: QtBot,
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main = window
    use_fast_params(monkeypatch)
    unlock(main, qtbot, passphrase())
    data = page_of(main, "data", DataPage)
    request = PassphraseRequest("change", passphrase(), new_passphrase())
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, *a: request))
    started: list[Worker] = []
    real = DataSafety.change_passphrase

    def change(self: DataSafety, *args: object) -> Worker:
        started.append(real(self, *args))  # type: ignore[arg-type]
        return started[-1]

    monkeypatch.setattr(DataSafety, "change_passphrase", change)
    qtbot.mouseClick(data.change_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # while it runs
    assert main.db is None and main.stack.currentWidget() is main.session.unlock_page
    with qtbot.waitSignal(started[0].done, timeout=20000):
        pass  # the change finishes in the background
    assert main.db is None and main.session.key is None  # ...without opening anything
    assert main.stack.currentWidget() is main.session.unlock_page
    # It was finished whole: the data opens with the new passphrase, not the old.
    unlock(main, qtbot, new_passphrase())
    assert main.db is not None
