"""Triggers and coping strategies: lists a person picks from and can make their own.

Defaults have fixed uids (derived from their names), so two installs, or an
export imported elsewhere, agree on what "Stress" is without duplicating it.
Archiving hides a choice from the pick list; merging points one choice at
another. Neither touches the entries that used them.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

MAX_NAME_CHARS = 80
_DEFAULTS_NAMESPACE = uuid.UUID("6f1d2c7e-3a8b-4c55-9e0a-5b1c2d3e4f60")


class ChoiceList(enum.StrEnum):
    TRIGGERS = "triggers"
    COPING = "coping"


@dataclass(frozen=True)
class Choice:
    uid: str
    name: str
    group: str = ""
    archived: bool = False
    merged_into: str | None = None  # uid of the choice this one now counts as
    position: int = 0

    @property
    def active(self) -> bool:
        return not self.archived and self.merged_into is None


DEFAULT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "Feelings": (
        "Stress",
        "Anxiety or panic",
        "Sadness",
        "Boredom",
        "Shame or guilt",
        "Feeling good, wanting more",
    ),
    "HALT": ("Hungry", "Angry", "Lonely", "Tired"),
    "People": (
        "Being around people who use",
        "Family",
        "Partner",
        "Being alone",
    ),
    "Places": (
        "Home",
        "Pharmacy or doctor's office",
        "Parties or bars",
        "Places where I used",
    ),
    "Situations": (
        "Conflict or an argument",
        "Can't sleep",
        "Pain",
        "Payday or having cash",
        "Celebrations or holidays",
        "Work or school pressure",
        "Seeing pills",
    ),
    "Body": (
        "Withdrawal symptoms",
        "Restlessness",
        "Racing heart",
        "Headache or tension",
    ),
}

DEFAULT_COPING: tuple[str, ...] = (
    "Urge surfing (waited for it to pass)",
    "Called or texted someone",
    "Went for a walk",
    "Breathing exercise",
    "Went to a meeting",
    "Ate something or drank water",
    "Rested",
    "Distracted myself",
    "Wrote it down",
    "Played the tape forward",
    "Grounding (5 things I can see...)",
    "Prayer or meditation",
    "Exercise",
)


def default_uid(kind: ChoiceList, name: str) -> str:
    return str(uuid.uuid5(_DEFAULTS_NAMESPACE, f"{kind.value}:{name}"))


def default_choices(kind: ChoiceList) -> list[Choice]:
    if kind is ChoiceList.TRIGGERS:
        named = [(group, name) for group, names in DEFAULT_TRIGGERS.items() for name in names]
    else:
        named = [("", name) for name in DEFAULT_COPING]
    return [
        Choice(uid=default_uid(kind, name), name=name, group=group, position=i)
        for i, (group, name) in enumerate(named)
    ]


def clean_name(name: str) -> str:
    """A choice name as stored: single spaces, no ends; refused when empty or too long."""
    check_storable(translate("core.journal.choices", "The name"), name)
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput(translate("core.journal.choices", "Please type a name."))
    if len(cleaned) > MAX_NAME_CHARS:
        raise InvalidInput(
            translate(
                "core.journal.choices", "Please keep the name under {MAX_NAME_CHARS} characters."
            ).format(MAX_NAME_CHARS=MAX_NAME_CHARS)
        )
    return cleaned
