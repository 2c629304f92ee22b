"""The app's palettes (light, dark and high contrast) and the style sheet drawn from them.

The platform's own dark mode can't be relied on (offscreen and xcb ignore
``setColorScheme``, and Fusion draws borders from the window colour, so they
vanish on dark), so the app brings its own palettes. One accent colour, a muted
text colour, a border colour that holds 3:1 against the window, and a warning
colour kept for real warnings. ``tests/ui/test_theme.py`` checks every pair that
text or a control border is drawn with against WCAG's 4.5:1 and 3:1. The note
in ``docs/design.md`` explains the choices.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from recovery_app import resources
from recovery_app.core.contrast import luminance


@dataclass(frozen=True)
class Theme:
    key: str  # "light", "dark", "contrast-light", "contrast-dark"
    dark: bool
    window: str  # the page background
    base: str  # fields, cards, lists
    alt_base: str  # every other row of a list
    text: str
    muted: str  # secondary text, placeholders
    button: str
    border: str  # the edge of every control: 3:1 against window and base
    line: str  # decorative edges (cards, separators): may be softer
    accent: str  # primary buttons, selection, focus rings
    on_accent: str  # text on the accent
    soft: str  # the selected sidebar item, hover
    link: str
    warning: str  # only for real warnings

    # (foreground, background, minimum ratio): every pair the app draws text or an edge with.
    def pairs(self) -> list[tuple[str, str, float]]:
        text, edge = 4.5, 3.0
        return [
            ("text", "window", text),
            ("text", "base", text),
            ("text", "alt_base", text),
            ("text", "button", text),
            ("text", "soft", text),
            ("muted", "window", text),
            ("muted", "base", text),
            ("muted", "alt_base", text),  # the details of a selected card row
            ("on_accent", "accent", text),
            ("link", "base", text),
            ("link", "window", text),
            ("warning", "base", text),
            ("warning", "window", text),
            ("accent", "window", edge),
            ("accent", "base", edge),
            ("accent", "soft", edge),
            ("accent", "alt_base", edge),  # a selected card row's edge
            ("border", "window", edge),
            ("border", "base", edge),
            ("border", "button", edge),
        ]

    def palette(self) -> QPalette:
        p = QPalette()
        c = QColor
        roles = QPalette.ColorRole
        for role, colour in (
            (roles.Window, self.window),
            (roles.WindowText, self.text),
            (roles.Base, self.base),
            (roles.AlternateBase, self.alt_base),
            (roles.Text, self.text),
            (roles.Button, self.button),
            (roles.ButtonText, self.text),
            (roles.BrightText, self.warning),
            (roles.Highlight, self.accent),
            (roles.HighlightedText, self.on_accent),
            (roles.Link, self.link),
            (roles.LinkVisited, self.link),
            (roles.PlaceholderText, self.muted),
            (roles.ToolTipBase, self.base),
            (roles.ToolTipText, self.text),
            (roles.Accent, self.accent),
            # Fusion draws bevels and frames from these.
            (roles.Light, self.base),
            (roles.Midlight, self.line),
            (roles.Mid, self.border),
            (roles.Dark, self.border),
            (roles.Shadow, self.border),
        ):
            p.setColor(role, c(colour))
        disabled = QPalette.ColorGroup.Disabled
        for role in (roles.WindowText, roles.Text, roles.ButtonText):
            p.setColor(disabled, role, c(self.muted))
        p.setColor(disabled, roles.Button, c(self.window))
        p.setColor(disabled, roles.Base, c(self.window))
        p.setColor(disabled, roles.Highlight, c(self.line))
        return p


LIGHT = Theme(
    key="light",
    dark=False,
    window="#f5f4f0",
    base="#ffffff",
    alt_base="#f8f7f4",
    text="#1d2125",
    muted="#545b63",
    button="#ffffff",
    border="#858b93",
    line="#d6d3cc",
    accent="#0b6e66",
    on_accent="#ffffff",
    soft="#d9ede9",
    link="#0a6059",
    warning="#a3262a",
)
DARK = Theme(
    key="dark",
    dark=True,
    window="#17191c",
    base="#202328",
    alt_base="#262a30",
    text="#e8e6e3",
    muted="#a9b0b8",
    button="#2b2f36",
    border="#7c848e",
    line="#3b4049",
    accent="#5cc2b4",
    on_accent="#0b1a18",
    soft="#1f3b38",
    link="#7fd3c8",
    warning="#ff9b8f",
)
CONTRAST_LIGHT = Theme(
    key="contrast-light",
    dark=False,
    window="#ffffff",
    base="#ffffff",
    alt_base="#f0f0f0",
    text="#000000",
    muted="#2b2b2b",
    button="#ffffff",
    border="#000000",
    line="#000000",
    accent="#00524b",
    on_accent="#ffffff",
    soft="#ffffff",
    link="#00407a",
    warning="#8a0000",
)
CONTRAST_DARK = Theme(
    key="contrast-dark",
    dark=True,
    window="#000000",
    base="#000000",
    alt_base="#141414",
    text="#ffffff",
    muted="#e0e0e0",
    button="#000000",
    border="#ffffff",
    line="#ffffff",
    accent="#ffd84d",
    on_accent="#000000",
    soft="#000000",
    link="#8ad4ff",
    warning="#ffb3a8",
)
THEMES = (LIGHT, DARK, CONTRAST_LIGHT, CONTRAST_DARK)


def pick(dark: bool, high_contrast: bool) -> Theme:
    if high_contrast:
        return CONTRAST_DARK if dark else CONTRAST_LIGHT
    return DARK if dark else LIGHT


def _icon_url(name: str) -> str:
    return resources.path("icons", f"{name}.svg").as_posix()


def style_sheet(t: Theme) -> str:
    """The whole app's style sheet for ``t``. Sizes are in ``em`` where text sets them,
    so they grow with the app's text size."""
    mark = "dark" if luminance(t.on_accent) < 0.5 else "light"  # the tick drawn on the accent
    check, dot = _icon_url(f"check-{mark}"), _icon_url(f"dot-{mark}")
    arrow = "light" if t.dark else "dark"
    down, up = _icon_url(f"down-{arrow}"), _icon_url(f"up-{arrow}")
    bold_edges = t.key.startswith("contrast")
    card_edge = f"2px solid {t.line}" if bold_edges else f"1px solid {t.line}"
    return f"""
QFrame#card {{
    border: {card_edge};
    border-radius: 12px;
    background: {t.base};
}}
QFrame#hero {{
    border: none;
    border-radius: 14px;
    background: {t.soft};
}}
QFrame#callout {{
    border: none;
    border-left: 4px solid {t.accent};
    border-radius: 6px;
    background: {t.alt_base};
}}
QLabel#muted, QLabel#hint {{ color: {t.muted}; }}
QLabel#warning {{ color: {t.warning}; font-weight: bold; }}
QLabel#heroFigure {{ color: {t.text}; }}
QListWidget#sidebar {{
    border: none;
    background: transparent;
    outline: 0;
}}
QListWidget#sidebar::item {{
    padding: 0.55em 0.5em;
    margin: 1px 0;
    border-radius: 8px;
    border: 2px solid transparent;
    color: {t.text};
}}
QListWidget#sidebar::item:hover {{ background: {t.alt_base}; }}
QListWidget#sidebar::item:selected {{
    background: {t.soft};
    border-left: 5px solid {t.accent};
    color: {t.text};
    font-weight: bold;
}}
QListWidget#sidebar::item:selected:focus {{
    border: 2px solid {t.accent};
    border-left: 5px solid {t.accent};
}}
QListWidget#sidebar:focus {{ border: none; }}
QListWidget#cardList, QListWidget#cardList:focus {{
    border: none;
    background: {t.base};
    outline: 0;
}}
QPushButton {{
    padding: 0.4em 1em;
    border: 1px solid {t.border};
    border-radius: 6px;
    background: {t.button};
    color: {t.text};
    min-height: 1.3em;
}}
QPushButton:hover {{ background: {t.soft}; }}
QPushButton:pressed {{ background: {t.line}; }}
QPushButton:focus {{ border: 2px solid {t.accent}; }}
QPushButton:disabled {{ color: {t.muted}; background: {t.window}; border-color: {t.line}; }}
QPushButton:checked {{
    background: {t.accent};
    color: {t.on_accent};
    border: 1px solid {t.accent};
}}
QPushButton[primary="true"] {{
    background: {t.accent};
    color: {t.on_accent};
    border: 1px solid {t.accent};
    font-weight: bold;
    padding: 0.5em 1.2em;
}}
QPushButton[primary="true"]:hover {{ border: 2px solid {t.text}; }}
QPushButton[primary="true"]:focus {{ border: 3px solid {t.text}; }}
QPushButton[primary="true"]:disabled {{
    background: {t.line}; color: {t.muted}; border-color: {t.line};
}}
QPushButton#getHelp {{ padding: 0.7em 1em; font-weight: bold; }}
QPushButton#craving {{
    padding: 0.7em 1em;
    font-weight: bold;
    background: {t.soft};
    border: 2px solid {t.accent};
    border-radius: 10px;
}}
QPushButton#craving:focus {{ border: 3px solid {t.text}; }}
QPushButton#dayTile {{ padding: 0.4em 0.6em; min-width: 4.2em; min-height: 2.8em; }}
QPushButton#numberTile {{ padding: 0.3em 0.2em; min-width: 1.6em; }}
QPushButton#entryLink, QPushButton#row {{
    text-align: left;
    padding: 0.55em 0.8em;
    border: 1px solid {t.line};
    border-radius: 8px;
    background: {t.base};
}}
QPushButton#entryLink:hover, QPushButton#row:hover {{ background: {t.soft}; }}
QPushButton#entryLink:focus, QPushButton#row:focus {{ border: 2px solid {t.accent}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QDateEdit, QTimeEdit,
QDateTimeEdit {{
    border: 1px solid {t.border};
    border-radius: 5px;
    background: {t.base};
    color: {t.text};
    padding: 0.2em 0.35em;
    selection-background-color: {t.accent};
    selection-color: {t.on_accent};
}}
QComboBox {{
    border: 1px solid {t.border};
    border-radius: 5px;
    padding: 0.2em 0.4em;
    background: {t.base};
    color: {t.text};
}}
QComboBox::drop-down {{ border: none; width: 1.5em; }}
QComboBox::down-arrow {{ image: url({down}); width: 0.8em; height: 0.8em; }}
QComboBox QAbstractItemView {{
    border: 1px solid {t.border};
    background: {t.base};
    selection-background-color: {t.accent};
    selection-color: {t.on_accent};
}}
QSpinBox::up-button, QDateEdit::up-button, QTimeEdit::up-button, QDateTimeEdit::up-button,
QDoubleSpinBox::up-button {{
    subcontrol-origin: border; subcontrol-position: top right; width: 1.4em; border: none;
}}
QSpinBox::down-button, QDateEdit::down-button, QTimeEdit::down-button,
QDateTimeEdit::down-button, QDoubleSpinBox::down-button {{
    subcontrol-origin: border; subcontrol-position: bottom right; width: 1.4em; border: none;
}}
QSpinBox::up-arrow, QDateEdit::up-arrow, QTimeEdit::up-arrow, QDateTimeEdit::up-arrow,
QDoubleSpinBox::up-arrow {{ image: url({up}); width: 0.7em; height: 0.7em; }}
QSpinBox::down-arrow, QDateEdit::down-arrow, QTimeEdit::down-arrow,
QDateTimeEdit::down-arrow, QDoubleSpinBox::down-arrow {{
    image: url({down}); width: 0.7em; height: 0.7em;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDateEdit:focus,
QTimeEdit:focus, QDateTimeEdit:focus, QComboBox:focus, QDoubleSpinBox:focus {{
    border: 2px solid {t.accent};
}}
QTextBrowser {{ border: none; background: {t.base}; }}
QTextBrowser:focus {{ border: 2px solid {t.accent}; }}
QCheckBox, QRadioButton {{ spacing: 0.5em; }}
QCheckBox::indicator, QRadioButton::indicator {{
    width: 1.05em;
    height: 1.05em;
    border: 2px solid {t.border};
    background: {t.base};
}}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator {{ border-radius: 0.5em; }}
QCheckBox::indicator:checked {{
    background: {t.accent}; border-color: {t.accent}; image: url({check});
}}
QRadioButton::indicator:checked {{
    background: {t.accent}; border-color: {t.accent}; image: url({dot});
}}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {t.accent}; }}
QCheckBox:focus, QRadioButton:focus {{ color: {t.text}; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {t.line}; }}
QSlider::groove:horizontal {{
    height: 6px;
    border-radius: 3px;
    background: {t.border};
}}
QSlider::sub-page:horizontal {{ background: {t.accent}; border-radius: 3px; }}
QSlider::handle:horizontal {{
    background: {t.base};
    border: 2px solid {t.accent};
    width: 1em;
    margin: -0.4em 0;
    border-radius: 0.5em;
}}
QSlider::handle:horizontal:focus {{ background: {t.accent}; border-color: {t.text}; }}
QSlider[recorded="false"]::sub-page:horizontal {{ background: {t.border}; }}
QSlider[recorded="false"]::handle:horizontal {{ border-color: {t.border}; }}
QTableView, QListView, QTreeView {{
    border: 1px solid {t.line};
    border-radius: 6px;
    background: {t.base};
    alternate-background-color: {t.alt_base};
    selection-background-color: {t.accent};
    selection-color: {t.on_accent};
    gridline-color: {t.line};
}}
QTableView:focus, QListView:focus, QTreeView:focus {{ border: 2px solid {t.accent}; }}
QHeaderView::section {{
    background: {t.window};
    color: {t.text};
    border: none;
    border-bottom: 1px solid {t.line};
    padding: 0.35em 0.5em;
    font-weight: bold;
}}
QToolTip {{ background: {t.base}; color: {t.text}; border: 1px solid {t.border}; }}
QGroupBox {{ border: 1px solid {t.line}; border-radius: 8px; margin-top: 1.2em; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 0.6em; padding: 0 0.3em; }}
*[formField="true"] {{ min-width: 12em; }}
QLabel#lineName {{ min-width: 9em; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QProgressBar {{ border: 1px solid {t.border}; border-radius: 5px; text-align: center; }}
QProgressBar::chunk {{ background: {t.accent}; border-radius: 4px; }}
"""
