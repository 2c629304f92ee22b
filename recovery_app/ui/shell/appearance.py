"""Applies the person's appearance to the whole app: colours, contrast and text size.

Before the first paint it uses the settings and what the system said last time
(reading the system's colour scheme touches Qt's namespace enums, ~25 ms, which
the first frame must not wait for). Right after the first paint it asks the
system and follows its changes live; if the answer differs from last time, the
app changes colours once and remembers, so the next launch starts right.

Text size: the application font is the system's size times the chosen percent.
Widgets that are drawn larger (headings, the hero figure, the article reader)
carry a ``fontScale`` property and are re-sized from the application font here,
so one setting scales every page.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from recovery_app.settings import Settings, SettingsStore
from recovery_app.ui.common import theme as themes
from recovery_app.ui.common.style import base_point_size, rescale

SCHEMES = ("system", "light", "dark")
CONTRASTS = ("system", "normal", "high")
MIN_TEXT, MAX_TEXT = 100, 200
NAMES = frozenset({"colour_scheme", "contrast", "text_size", "system_dark", "system_high_contrast"})


def text_percent(values: Settings) -> int:
    return max(MIN_TEXT, min(MAX_TEXT, values.text_size))


def chosen_theme(values: Settings) -> themes.Theme:
    scheme = values.colour_scheme if values.colour_scheme in SCHEMES else "system"
    contrast = values.contrast if values.contrast in CONTRASTS else "system"
    dark = values.system_dark if scheme == "system" else scheme == "dark"
    high = values.system_high_contrast if contrast == "system" else contrast == "high"
    return themes.pick(dark, high)


def apply(app: QApplication, theme: themes.Theme, percent: int) -> None:
    """Colours and text size for every window the app has, now and later."""
    font = QFont(app.font())
    font.setPointSizeF(base_point_size(app) * percent / 100)
    size_changed = abs(font.pointSizeF() - app.font().pointSizeF()) > 0.01
    if size_changed:
        app.setFont(font)
    if app.property("recoveryTheme") != theme.key or size_changed:
        app.setProperty("recoveryTheme", theme.key)
        app.setPalette(theme.palette())
        # The size in the comment makes the sheet new, so ``em`` lengths are worked out again.
        app.setStyleSheet(f"/* {theme.key} {percent} */" + themes.style_sheet(theme))
    if size_changed:
        for widget in app.allWidgets():
            rescale(widget)


class Appearance(QObject):
    """Keeps the app's look in step with the settings and the system."""

    def __init__(self, settings: SettingsStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app: QApplication = app
        self._watching = False
        settings.on_change(self._settings_changed)
        self.apply()

    @property
    def theme(self) -> themes.Theme:
        return chosen_theme(self.settings.values)

    def apply(self) -> None:
        apply(self.app, self.theme, text_percent(self.settings.values))

    def watch_system(self) -> None:
        """After the first paint: ask the system, and follow it from now on."""
        if self._watching:
            return
        self._watching = True
        hints = self.app.styleHints()
        hints.colorSchemeChanged.connect(lambda *_: self._read_system())
        hints.accessibility().contrastPreferenceChanged.connect(lambda *_: self._read_system())
        self._read_system()

    def _read_system(self) -> None:
        from PySide6.QtCore import Qt

        hints = self.app.styleHints()
        scheme = hints.colorScheme()
        contrast = hints.accessibility().contrastPreference()
        values = self.settings.values
        # An unknown scheme (offscreen, plain xcb) keeps what was remembered.
        dark = (
            values.system_dark
            if scheme == Qt.ColorScheme.Unknown
            else (scheme == Qt.ColorScheme.Dark)
        )
        high = contrast == Qt.ContrastPreference.HighContrast
        if (dark, high) != (values.system_dark, values.system_high_contrast):
            self.settings.update(system_dark=dark, system_high_contrast=high)

    def _settings_changed(self, _values: Settings, names: frozenset[str]) -> None:
        if names & NAMES:
            self.apply()
