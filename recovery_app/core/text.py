"""Rules every piece of stored text follows."""

from __future__ import annotations

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate


def encodable(text: str) -> bool:
    """False for text holding lone surrogates, which no file or database can store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_storable(name: str, text: object) -> None:
    if not isinstance(text, str):
        raise InvalidInput(translate("core.text", "{name} must be text.").format(name=name))
    if "\x00" in text or not encodable(text):
        raise InvalidInput(
            translate("core.text", "{name} contains a character that can't be stored.").format(
                name=name
            )
        )
