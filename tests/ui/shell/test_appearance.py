"""Appearance: chosen in one dialog, applied at once everywhere, remembered for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from recovery_app import settings
from recovery_app.paths import AppPaths
from recovery_app.ui.shell.appearance import base_point_size
from recovery_app.ui.shell.appearance_dialog import AppearanceDialog
from recovery_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory


def window_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


def test_dark_and_double_text_by_keyboard_apply_now_and_at_the_next_start(
    qtbot: QtBot, make_window: WindowFactory, app_paths: AppPaths, clock
) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(AppearanceDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    dark = next(b for b in dialog.findChildren(QRadioButton) if b.text() == "&Dark")
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dark.isChecked)  # a mnemonic clicks with a short animation
    assert window_colour() == "#17191c"
    dialog.text_size.setFocus()
    dialog.text_size.selectAll()
    qtbot.keyClicks(dialog.text_size, "200")
    qtbot.keyClick(dialog.text_size, Qt.Key.Key_Return)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.font().pointSizeF() == pytest.approx(2 * base_point_size(app))
    saved = settings.load(app_paths.settings)
    assert (saved.colour_scheme, saved.text_size) == ("dark", 200)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    window.close()

    # The next start: the first frame is already dark and large, before any data opens.
    from recovery_app.ui.common.theme import LIGHT
    from recovery_app.ui.shell.appearance import apply

    apply(app, LIGHT, 100)
    again = MainWindow(app_paths, clock)
    qtbot.addWidget(again)
    assert window_colour() == "#17191c"
    assert app.font().pointSizeF() == pytest.approx(2 * base_point_size(app))
    again.deleteLater()


def test_following_the_system_uses_what_it_said_last_and_then_asks(
    make_window: WindowFactory, app_paths: AppPaths
) -> None:
    current = settings.load(app_paths.settings)
    from dataclasses import replace

    settings.save(app_paths.settings, replace(current, system_dark=True))
    window = make_window()
    # Offscreen reports no scheme: what the system said last time stands.
    window.appearance.watch_system()
    assert window_colour() == "#17191c"
    window.settings.update(colour_scheme="light")
    assert window_colour() == "#f5f4f0"


def test_a_heading_opened_after_the_change_is_scaled_too(make_window: WindowFactory) -> None:
    window = make_window()
    window.settings.update(text_size=180)
    window.show_page("journal")  # built after the change
    page = window.page("journal")
    titles = [w for w in page.findChildren(QLabel) if w.property("fontScale")]
    app_size = QApplication.font().pointSizeF()
    assert titles and all(
        w.font().pointSizeF() == pytest.approx(app_size * float(w.property("fontScale")))
        for w in titles
    )
