"""The sidebar fits its names, but a long translation never takes the page's room."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from recovery_app.ui.shell.sidebar import Sidebar


def test_a_long_page_name_is_capped_at_a_quarter_of_the_screen(
    shown: Callable[[QWidget], QWidget],
) -> None:
    sidebar = shown(Sidebar())
    assert isinstance(sidebar, Sidebar)
    sidebar.nav.addItem(QListWidgetItem("Today"))
    sidebar.fit_width()
    short = sidebar.width()
    assert short >= 180
    sidebar.nav.addItem(QListWidgetItem("Ein sehr langer Seitenname für Besprechungen " * 2))
    sidebar.fit_width()
    screen = sidebar.screen().availableGeometry().width()
    assert short < sidebar.width() <= screen // 4
    assert sidebar.nav.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    # Its buttons wrap their words instead of being cut.
    sidebar.reminders_button.setText("Erinnerungen und Benachrichtigungen (10)")
    sidebar.reminders_button.show()
    assert sidebar.reminders_button.hasHeightForWidth()
    assert sidebar.reminders_button.minimumSizeHint().width() <= sidebar.width()
