"""Choosing the language, once, when the process starts.

``RECOVERY_APP_LANGUAGE=pseudo`` switches on the pseudo-locale (see
``core.i18n``); a compiled translation ``resources/i18n/recovery_app_<lang>.qm``
for the chosen or the system language is loaded when there is one. English needs
no file, and then nothing from Qt is loaded here.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from recovery_app import resources
from recovery_app.core import i18n

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

ENV = "RECOVERY_APP_LANGUAGE"
PSEUDO = "pseudo"

_chosen: QTranslator | None = None


def _pseudo_translator() -> QTranslator:
    from PySide6.QtCore import QTranslator

    class PseudoTranslator(QTranslator):
        """Every string, Qt's own too, in the pseudo-locale."""

        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return i18n.pseudo(source) if source else ""

    return PseudoTranslator()


def _file_translator(language: str | None) -> QTranslator | None:
    folder = resources.path("i18n")
    if not folder.is_dir():
        return None
    from PySide6.QtCore import QLocale, QTranslator

    locale = QLocale(language) if language else QLocale.system()
    translator = QTranslator()
    if not translator.load(locale, "recovery_app", "_", str(folder)):
        return None
    return translator


def choose(language: str | None = None) -> None:
    """Pick the language (argument, else the environment, else the system's)."""
    global _chosen
    name = language or os.environ.get(ENV) or None
    translator = _pseudo_translator() if name == PSEUDO else _file_translator(name)
    _chosen = translator
    i18n.set_translator(
        None if translator is None else lambda context, text: translator.translate(context, text)
    )


def install(app: QApplication) -> None:
    """Let Qt's own words (standard buttons, menus) follow the chosen language."""
    if _chosen is not None:
        app.installTranslator(_chosen)
