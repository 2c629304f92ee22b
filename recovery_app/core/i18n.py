"""Words the person reads go through ``translate(context, text)``.

Every visible string in the app is written as ``translate("ui.journal.page", "Save")``:
a literal context and a literal text, so ``pyside6-lupdate`` finds them all. The
core has no Qt, so this module only holds the hook; ``recovery_app.language``
sets it to a Qt translator when a language (or the pseudo-locale) is chosen.
With no translator the English text comes back unchanged, at the cost of one call.

The language is chosen once, when the process starts and before the pages are
imported: some word tables are built at import time.

``pseudo()`` is the pseudo-locale: every letter accented and each string about
40 % longer, inside [brackets], so a clipped label or an untranslated string
shows before a real translation exists. Placeholders (``{name}``, ``%n``), HTML
tags and entities, mnemonics (``&Save``) and web addresses are kept as they are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

Translator = Callable[[str, str], str | None]  # None or "": not translated

_translator: Translator | None = None


def translate(context: str, text: str) -> str:
    """The text in the chosen language (English when none is chosen)."""
    if _translator is None:
        return text
    return _translator(context, text) or text


def set_translator(translator: Translator | None) -> None:
    global _translator
    _translator = translator


_ACCENTED = str.maketrans("aeiouycnsAEIOUYCNS", "áéíöüýçñšÅÉÍÖÜÝÇÑŠ")
# Kept exactly: format fields, Qt's %n and %1, tags, entities, && and the letter
# after a mnemonic &, web addresses.
_KEEP = re.compile(r"\{[^{}]*\}|%n|%\d|<[^>]*>|&[a-zA-Z]+;|&#\d+;|&&|&\w|https?://\S+|\w+@\w+\.\w+")
PSEUDO_MARKS = frozenset("áéíöüýçñšÅÉÍÖÜÝÇÑŠ[")


def pseudo(text: str) -> str:
    """The pseudo-locale's version of one string (see the module text)."""
    if not any(ch.isalpha() for ch in text):
        return text
    parts: list[str] = []
    position = 0
    for kept in _KEEP.finditer(text):
        parts.append(text[position : kept.start()].translate(_ACCENTED))
        parts.append(kept.group())
        position = kept.end()
    parts.append(text[position:].translate(_ACCENTED))
    body = "".join(parts)
    # In words of at most 8: a translation is longer, but not one endless word.
    tildes = max(1, math.ceil(len(text) * 0.4) - 2)
    padding = " ".join("~" * min(8, tildes - start) for start in range(0, tildes, 9))
    if text.lstrip().startswith(("<", "#")):  # rich text or Markdown: the start is syntax
        return f"{body} {padding}"
    return f"[{body} {padding}]"
