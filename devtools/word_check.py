"""Find words on screen that did not go through translate(), in the pseudo-locale.

Under ``RECOVERY_APP_LANGUAGE=pseudo`` every translated string has accented
letters; an English word left plain on a page is a string that was missed. Words
that are the person's data (the sample data, the default trigger and strategy
names, article titles) or names (the app, services, phone words) are allowed.
"""

from __future__ import annotations

import ast
import html
import re
from functools import cache
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)

from recovery_app.core.i18n import PSEUDO_MARKS

# Names, not words: they stay as they are in every language.
NAMES = {
    "Recovery", "Companion", "SAMHSA", "TTY", "HELP4U", "Ctrl", "Shift", "Alt", "Enter",
    "Esc", "Space", "Lifeline", "Klonopin", "NA", "AA", "SMART", "UTC", "KB", "MB", "Tab",
    "Backspace", "Del", "PgUp", "PgDown", "Home", "End", "PHQ", "GAD",
    # Medicines, by their generic and brand names.
    "alprazolam", "Xanax", "chlordiazepoxide", "Librium", "clobazam", "clonazepam",
    "lorazepam", "Ativan", "oxazepam", "temazepam", "Restoril", "diazepam", "Valium",
}  # fmt: skip
# Dates are formatted by Python in the C locale for now (see docs/design.md).
DATE_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
}  # fmt: skip
_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_MAPPED = set("aeiouycnsAEIOUYCNS")


def _strings_in(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.update(part.strip() for part in re.split(r"[\n,;·]", node.value))
    return found


@cache
def data_strings() -> tuple[str, ...]:
    """What the person typed in the sample data, the default lists and the article
    library's titles and topics: whole phrases, longest first. Only these are taken
    out of a text before its words are checked, so a common word ("days") shown
    untranslated is found even though some sample note holds it too."""
    from recovery_app import resources
    from recovery_app.core.journal import choices
    from recovery_app.core.learn import articles

    here = Path(__file__).parent
    found = _strings_in(here / "sample_data.py") | _strings_in(here / "screenshots.py")
    found |= _strings_in(Path(choices.__file__)) | _strings_in(Path(articles.__file__))
    for article in resources.path("content").glob("*.md"):
        head = article.read_text(encoding="utf-8").split("+++")[1]
        found.update(re.findall(r'title = "([^"]+)"', head))
    found |= {text.upper() for text in found}  # group headings are shown in capitals
    phrases = (text for text in found if _PLAIN_WORD.search(text) and len(text) > 2)
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def _data_pattern() -> re.Pattern[str]:
    """Any of the data phrases, as whole words (not "day" inside "Wednesday")."""
    alternatives = "|".join(re.escape(phrase) for phrase in data_strings())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def data_words() -> frozenset[str]:
    return frozenset(NAMES | DATE_WORDS)


def plain_words(text: str) -> list[str]:
    """English words in ``text`` that the pseudo-locale did not touch."""
    text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    text = re.sub(r"&\w|(?:/[\w.\-]+)+|https?://\S+", " ", text)  # mnemonics, paths, links
    text = _data_pattern().sub(" ", text)
    found = []
    for word in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text):
        # The letter after a mnemonic & is kept, so "&Add" shows as "Add".
        if any(ch in PSEUDO_MARKS for ch in word) or not set(word[1:]) & _MAPPED:
            continue
        if word.isascii() and word not in data_words() and len(word) > 1:
            found.append(word)
    return found


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QAbstractSpinBox):
        texts += [widget.text(), widget.specialValueText()]
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        texts.append(widget.placeholderText())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QComboBox):
        items = (widget.itemText(i) for i in range(widget.count()))
        texts += [item for item in items if item not in available_timezones()]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model, root = widget.model(), widget.rootIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list model keeps columnCount private
            columns = 1
        for column in range(columns):
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        for row in range(min(model.rowCount(root), 5)):
            for column in range(columns):
                texts.append(str(model.index(row, column, root).data() or ""))
    return texts


def untranslated(name: str, top: QWidget) -> list[str]:
    """One line per visible text on ``top`` with words that were not translated."""
    problems = []
    for widget in [top, *top.findChildren(QWidget)]:
        article = isinstance(widget, QTextBrowser) or widget.property("articleText")
        if article or (not widget.isVisibleTo(top) and widget is not top):
            continue  # articles are written per language, not translated string by string
        for text in _texts(widget):
            words = plain_words(text)
            if words:
                kind = type(widget).__name__
                problems.append(f"{name}: {kind} {widget.objectName()!r}: {text!r}: {words}")
    return sorted(set(problems))
