"""My reasons for recovery: the person's own words, shown in the craving flow."""

from __future__ import annotations

from dataclasses import dataclass, field

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

REASON_MAX = 2000  # characters: a reason is a few sentences, not a diary


@dataclass(frozen=True)
class Reason:
    text: str
    uid: str = field(default_factory=new_uid)


def validate_reason(reason: Reason) -> Reason:
    """The reason tidied (outer spaces trimmed), or ``InvalidInput`` saying what to fix."""
    check_storable(translate("core.toolkit.reasons", "A reason"), reason.text)
    text = reason.text.strip()
    if not text:
        raise InvalidInput(
            translate("core.toolkit.reasons", "Please write the reason in a few words.")
        )
    if len(text) > REASON_MAX:
        raise InvalidInput(
            translate(
                "core.toolkit.reasons", "Please keep a reason under {n:,} characters."
            ).format(n=REASON_MAX)
        )
    return Reason(text, reason.uid)
