"""The palettes hold WCAG contrast, and the appearance settings reach every window."""

from __future__ import annotations

from dataclasses import fields

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QStyle

from recovery_app.core.contrast import ratio
from recovery_app.settings import Settings
from recovery_app.ui.common.theme import THEMES, Theme
from recovery_app.ui.shell.appearance import chosen_theme


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.key)
def test_every_pair_the_app_draws_with_holds_its_contrast(theme: Theme) -> None:
    failures = [
        f"{fg} on {bg}: {ratio(getattr(theme, fg), getattr(theme, bg)):.2f} < {need}"
        for fg, bg, need in theme.pairs()
        if ratio(getattr(theme, fg), getattr(theme, bg)) < need
    ]
    assert failures == []


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.key)
def test_the_qt_palette_carries_the_checked_colours(theme: Theme) -> None:
    palette = theme.palette()
    roles = QPalette.ColorRole
    # Text on each background Qt draws it on, read back from the palette Qt will use.
    for fg, bg in (
        (roles.WindowText, roles.Window),
        (roles.Text, roles.Base),
        (roles.Text, roles.AlternateBase),
        (roles.ButtonText, roles.Button),
        (roles.HighlightedText, roles.Highlight),
        (roles.PlaceholderText, roles.Base),
        (roles.Link, roles.Base),
    ):
        assert ratio(palette.color(fg).name(), palette.color(bg).name()) >= 4.5, (fg, bg)
    # Fusion draws control frames from Mid/Dark: they must show against the window.
    assert ratio(palette.color(roles.Mid).name(), palette.color(roles.Window).name()) >= 3


def test_every_colour_of_every_theme_is_checked_somewhere() -> None:
    checked = {name for t in THEMES for pair in t.pairs() for name in pair[:2]}
    colours = {f.name for f in fields(Theme) if f.name not in ("key", "dark")}
    assert colours - checked == {"line"}  # decorative edges of cards only


def test_choices_and_the_remembered_system_pick_the_theme() -> None:
    assert chosen_theme(Settings()).key == "light"
    assert chosen_theme(Settings(system_dark=True)).key == "dark"
    assert chosen_theme(Settings(colour_scheme="light", system_dark=True)).key == "light"
    assert chosen_theme(Settings(colour_scheme="dark", contrast="high")).key == "contrast-dark"
    assert chosen_theme(Settings(system_high_contrast=True)).key == "contrast-light"
    assert chosen_theme(Settings(contrast="normal", system_high_contrast=True)).key == "light"
    assert chosen_theme(Settings(colour_scheme="purple")).key == "light"  # hand-edited file


def test_the_appearance_setting_changes_every_window_live(make_window) -> None:
    window = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    base = app.font().pointSizeF()
    window.settings.update(colour_scheme="dark", text_size=150)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#17191c"
    assert app.font().pointSizeF() == pytest.approx(base * 1.5)
    headings = [w for w in window.findChildren(QLabel) if w.property("fontScale")]
    assert headings, "Today has headings"
    for label in headings:
        expected = base * 1.5 * float(label.property("fontScale"))
        assert label.font().pointSizeF() == pytest.approx(expected)
    window.settings.update(colour_scheme="light", text_size=100)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#f5f4f0"
    assert app.font().pointSizeF() == pytest.approx(base)


def test_dialog_buttons_have_no_icons_on_any_desktop(make_window) -> None:  # type: ignore[no-untyped-def]
    """Save and Cancel look the same in every dialog: where the desktop's theme gives
    standard buttons icons (xcb), some dialogs had them and others not."""
    window = make_window()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save, window)
    hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
    assert box.style().styleHint(hint, None, box) == 0
    assert box.button(QDialogButtonBox.StandardButton.Save).icon().isNull()
