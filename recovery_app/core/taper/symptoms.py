"""The withdrawal diary: how much each symptom bothered the person today (0 to 3), and
the red flags that need help now rather than a note.

Symptoms come and go in waves during a taper; the diary is for the person and their
prescriber to see that. A red flag (a seizure, confusion, hallucinations, thoughts of
self-harm) is not a rating: it opens Get help at once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

_C = "core.taper.symptoms"
MAX_SYMPTOMS = 40
MAX_NAME = 60
MAX_NOTE = 5000

COMMON_SYMPTOMS = (
    translate(_C, "Anxiety"),
    translate(_C, "Trouble sleeping"),
    translate(_C, "Tremor or shaking"),
    translate(_C, "Sweating"),
    translate(_C, "Muscle pain or stiffness"),
    translate(_C, "Sensitivity to light, sound or touch"),
    translate(_C, "Low mood"),
    translate(_C, "Headache"),
    translate(_C, "Racing heart"),
    translate(_C, "Trouble concentrating"),
)
RATING_WORDS = (
    translate(_C, "None"),
    translate(_C, "Mild"),
    translate(_C, "Moderate"),
    translate(_C, "Severe"),
)


class RedFlag(enum.StrEnum):
    SEIZURE = "seizure"
    CONFUSION = "confusion"
    HALLUCINATIONS = "hallucinations"
    SELF_HARM = "self_harm"


RED_FLAG_WORDS = {
    RedFlag.SEIZURE: translate(_C, "A seizure or fit"),
    RedFlag.CONFUSION: translate(_C, "Severe confusion, or not knowing where I am"),
    RedFlag.HALLUCINATIONS: translate(_C, "Seeing or hearing things that aren't there"),
    RedFlag.SELF_HARM: translate(_C, "Thoughts of hurting myself or ending my life"),
}
# What to do, with the right line first (US lines; the person's own come first in Get help).
URGENT_WORDS = translate(
    _C,
    "A seizure, severe confusion or hallucinations during withdrawal can be dangerous. "
    "Call 911 now (or your local emergency number), or have someone take you to an "
    "emergency department. Then tell your prescriber before changing any dose.",
)
SELF_HARM_WORDS = translate(
    _C,
    "You don't have to carry this alone. Call or text 988 (the Suicide & Crisis Lifeline) "
    "now, or call 911 if you are in danger. Please tell your prescriber soon.",
)


def help_words(flags: tuple[RedFlag, ...]) -> str:
    """The right line for these red flags: 911 for the body, 988 for thoughts of self-harm."""
    parts = []
    if any(f is not RedFlag.SELF_HARM for f in flags):
        parts.append(URGENT_WORDS)
    if RedFlag.SELF_HARM in flags:
        parts.append(SELF_HARM_WORDS)
    return " ".join(parts)


@dataclass(frozen=True)
class SymptomDay:
    day: date
    ratings: dict[str, int] = field(default_factory=dict)  # symptom name -> 0..3
    red_flags: tuple[RedFlag, ...] = ()
    note: str = ""

    @property
    def total(self) -> int:
        return sum(self.ratings.values())


def check_symptom_day(entry: SymptomDay) -> None:
    if len(entry.ratings) > MAX_SYMPTOMS:
        raise InvalidInput(
            translate(_C, "At most {most} symptoms a day can be kept.").format(most=MAX_SYMPTOMS)
        )
    for name, rating in entry.ratings.items():
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            raise InvalidInput(translate(_C, "Each symptom needs a short name."))
        check_storable(translate(_C, "A symptom"), name)
        if not isinstance(rating, int) or isinstance(rating, bool) or not 0 <= rating <= 3:
            raise InvalidInput(translate(_C, "Each symptom is rated from 0 (none) to 3 (severe)."))
    if any(not isinstance(f, RedFlag) for f in entry.red_flags):
        raise InvalidInput(translate(_C, "That warning sign is not one the app knows."))
    if not isinstance(entry.note, str) or len(entry.note) > MAX_NOTE:
        raise InvalidInput(translate(_C, "The note is too long to keep."))
    check_storable(translate(_C, "The note"), entry.note)


def symptom_name(text: str) -> str:
    """A symptom's name as kept: spaces tidied; raises ``InvalidInput`` if it can't be one."""
    name = " ".join(text.split())
    if not name or len(name) > MAX_NAME:
        raise InvalidInput(
            translate(_C, "A symptom needs a name of at most {most} letters.").format(most=MAX_NAME)
        )
    check_storable(translate(_C, "A symptom"), name)
    return name


def is_common(name: str) -> bool:
    """One of the list every diary starts with (always offered, never renamed)."""
    return name.casefold() in {c.casefold() for c in COMMON_SYMPTOMS}
