"""Find keyboard problems on a page or dialog as it is shown: a mnemonic (Alt+letter)
used twice in one window, a label's mnemonic with no field to go to, or one whose
field can't take focus (Alt does nothing).

Run by ``python -m devtools.screenshots OUT --check-keys``, which visits every page
and the dialogs with sample data.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

from recovery_app.ui.common.windowing import scrolled_off

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter after a single &, lower case ("&&" is a plain ampersand)."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _keys(window: QWidget) -> list[tuple[str, str, QWidget]]:
    """(letter, the words it is in, the widget) for every visible mnemonic in the window."""
    found: list[tuple[str, str, QWidget]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton | QLabel):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        for text in texts:
            if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
                continue  # rich text shows & as itself (&amp;), never a mnemonic
            letter = mnemonic(text)
            if letter is not None:
                found.append((letter, text.replace("&", ""), widget))
    return found


def problems(name: str, window: QWidget) -> list[str]:
    found: list[str] = []
    seen: dict[str, str] = {}
    for letter, words, widget in _keys(window):
        if letter in seen and seen[letter] != words:
            found.append(f"{name}: Alt+{letter.upper()} is both “{seen[letter]}” and “{words}”")
        elif letter in seen:
            found.append(f"{name}: Alt+{letter.upper()} is on two “{words}”")
        seen.setdefault(letter, words)
        if isinstance(widget, QLabel):
            buddy = widget.buddy()
            if buddy is None:
                found.append(f"{name}: “{words}” has Alt+{letter.upper()} but no field to go to")
            elif buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:  # QLabel ignores a focus proxy
                found.append(
                    f"{name}: Alt+{letter.upper()} (“{words}”) goes to a field that takes no focus"
                )
    return found


def unreachable(name: str, window: QWidget) -> list[str]:
    """Press each label's Alt+letter, as a person would: the focus must land in its
    field, and the field must be scrolled into view."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    QApplication.processEvents()
    if not window.isActiveWindow():
        return []  # offscreen can't always activate; the duplicate check still ran
    found: list[str] = []
    for letter, words, widget in _keys(window):
        if not isinstance(widget, QLabel) or widget.buddy() is None or not widget.isEnabled():
            continue
        buddy = widget.buddy()
        if not buddy.isEnabled() or not buddy.isVisibleTo(window):
            continue
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # each key on its own, from wherever the page is scrolled
        QTest.keyClick(window, ord(letter.upper()), Qt.KeyboardModifier.AltModifier)
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        if focus is None or not (focus is buddy or buddy.isAncestorOf(focus)):
            where = type(focus).__name__ if focus is not None else "nowhere"
            found.append(f"{name}: Alt+{letter.upper()} (“{words}”) went to {where}")
        elif scrolled_off(focus):
            found.append(f"{name}: Alt+{letter.upper()} (“{words}”) left its field scrolled off")
    return found


def first_focus(name: str, window: QWidget) -> list[str]:
    """A dialog opens with the focus in a field (or on its first button), not nowhere."""
    from PySide6.QtWidgets import QApplication, QDialog

    if not isinstance(window, QDialog):
        return []
    window.activateWindow()
    QApplication.processEvents()
    focus = QApplication.focusWidget()
    if focus is None or focus.window() is not window:
        return [f"{name}: the focus starts nowhere"]
    return []


def unnamed(name: str, window: QWidget) -> list[str]:
    """Every control a person can reach has a name a screen reader says: the one Qt's
    accessibility (and so AT-SPI) exposes, from its own words, its label or its
    accessible name."""
    from PySide6.QtGui import QAccessible

    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if (
            not widget.isVisibleTo(window)
            or not widget.isEnabled()
            or widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or widget.focusProxy() is not None
            or isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        ):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        said = face.text(QAccessible.Text.Name).strip() if face is not None else ""
        if not said.replace("&", ""):
            where = widget.objectName() or type(widget).__name__
            parent = widget.parentWidget()
            found.append(f"{name}: a {where} in {type(parent).__name__} has no name to be read")
    return found
