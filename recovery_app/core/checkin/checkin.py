"""The daily check-in: what a person records about their day, and its rules."""

from __future__ import annotations

import enum
import math
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

MOOD_WORDS: dict[int, str] = {
    1: translate("core.checkin.checkin", "Very low"),
    2: translate("core.checkin.checkin", "Low"),
    3: translate("core.checkin.checkin", "Okay"),
    4: translate("core.checkin.checkin", "Good"),
    5: translate("core.checkin.checkin", "Very good"),
}
SLEEP_QUALITY_WORDS: dict[int, str] = {
    1: translate("core.checkin.checkin", "Poor"),
    2: translate("core.checkin.checkin", "Restless"),
    3: translate("core.checkin.checkin", "Okay"),
    4: translate("core.checkin.checkin", "Good"),
    5: translate("core.checkin.checkin", "Great"),
}
SCALE_MIN, SCALE_MAX = 0, 10
SLEEP_HOURS_MAX = 24.0
HARD_CRAVING = 7  # a craving this strong, mood "very low" or a slip: the reply offers help


class UsedToday(enum.StrEnum):
    """The honest answer to the use question. Every answer is respected.

    "Use" means use outside one's prescription or plan: taking a medicine as
    prescribed, a taper included, is never a slip (see ``UseQuestion``).
    """

    NO = "no"
    YES = "yes"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


USED_WORDS: dict[UsedToday, str] = {
    UsedToday.NO: translate("core.checkin.checkin", "No"),
    UsedToday.YES: translate("core.checkin.checkin", "Yes"),
    UsedToday.PREFER_NOT_TO_SAY: translate("core.checkin.checkin", "I'd rather not say"),
}


class UseQuestion(enum.StrEnum):
    """Which question an answer was given to, so old answers keep their meaning."""

    # Asked until December 2026. It never said what "use" meant, so a "yes" may
    # be a prescribed dose; such days are offered for review, never rewritten.
    USED_TODAY = "used_today"
    OUTSIDE_PLAN = "outside_plan"


USE_QUESTION_WORDS: dict[UseQuestion, str] = {
    UseQuestion.USED_TODAY: translate("core.checkin.checkin", "Did you use today?"),
    UseQuestion.OUTSIDE_PLAN: translate(
        "core.checkin.checkin", "Did you use anything outside your prescription or plan today?"
    ),
}
PRESCRIBED_IS_RECOVERY = translate(
    "core.checkin.checkin",
    "Taking a medicine as prescribed, including a taper your prescriber set, is part of "
    "recovery. It is never a slip: for that, the answer is No.",
)


def use_question_words(day: date, today: date) -> str:
    """The current question, with "that day" for a day in the past."""
    words = USE_QUESTION_WORDS[UseQuestion.OUTSIDE_PLAN]
    return words if day >= today else words.replace(" today?", " that day?")


@dataclass(frozen=True)
class Halt:
    """Hungry, angry, lonely, tired: four states that often come before cravings.

    Only a ticked state says something: an unticked one means "not reported", never
    "not hungry".
    """

    hungry: bool = False
    angry: bool = False
    lonely: bool = False
    tired: bool = False

    def named(self) -> list[str]:
        return [n for n in ("hungry", "angry", "lonely", "tired") if getattr(self, n)]


def new_uid() -> str:
    """A stable id so records can be merged across exports without duplicates."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class CheckIn:
    day: date
    mood: int
    anxiety: int | None  # None: not recorded (the slider was left alone)
    craving: int | None
    used: UsedToday
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    halt: Halt = field(default_factory=Halt)
    gratitude: str = ""
    note: str = ""
    uid: str = field(default_factory=new_uid)
    use_question: UseQuestion = UseQuestion.OUTSIDE_PLAN
    # A slip (use outside the plan): about when, and a few words if the person wants.
    slip_at: datetime | None = None
    slip_note: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def mood_word(self) -> str:
        return MOOD_WORDS[self.mood]

    @property
    def is_slip(self) -> bool:
        return self.used is UsedToday.YES

    @property
    def is_hard(self) -> bool:
        """A day to answer with people and help rather than "Done"."""
        return self.mood == 1 or (self.craving or 0) >= HARD_CRAVING or self.is_slip


def scale_words(value: int | None) -> str:
    return translate("core.checkin.checkin", "not recorded") if value is None else f"{value}/10"


def _check_scale(name: str, value: object, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InvalidInput(
            translate(
                "core.checkin.checkin", "{name} must be a whole number from {low} to {high}."
            ).format(name=name, low=low, high=high)
        )


def validate_checkin(checkin: CheckIn, today: date) -> None:
    """Raise ``InvalidInput`` with a clear message if the check-in cannot be stored."""
    if not isinstance(checkin.day, date) or isinstance(checkin.day, datetime):
        raise InvalidInput(translate("core.checkin.checkin", "A check-in needs a calendar day."))
    if checkin.day > today:
        raise InvalidInput(
            translate(
                "core.checkin.checkin", "A check-in can't be for a day that hasn't happened yet."
            )
        )
    _check_scale(translate("core.checkin.checkin", "Mood"), checkin.mood, 1, 5)
    for name, value in (
        (translate("core.checkin.checkin", "Anxiety"), checkin.anxiety),
        (translate("core.checkin.checkin", "Craving"), checkin.craving),
    ):
        if value is not None:
            _check_scale(name, value, SCALE_MIN, SCALE_MAX)
    if not isinstance(checkin.used, UsedToday):
        raise InvalidInput(
            translate(
                "core.checkin.checkin",
                "Please answer whether you used anything outside your prescription or plan "
                "(you can say you'd rather not).",
            )
        )
    if not isinstance(checkin.use_question, UseQuestion):
        raise InvalidInput(
            translate(
                "core.checkin.checkin", "A check-in needs to say which question was answered."
            )
        )
    hours = checkin.sleep_hours
    if hours is not None and (
        not isinstance(hours, int | float)
        or isinstance(hours, bool)
        or not math.isfinite(hours)
        or not 0 <= hours <= SLEEP_HOURS_MAX
    ):
        raise InvalidInput(
            translate("core.checkin.checkin", "Sleep must be between 0 and 24 hours.")
        )
    if checkin.sleep_quality is not None:
        _check_scale(
            translate("core.checkin.checkin", "Sleep quality"), checkin.sleep_quality, 1, 5
        )
    for name, text in (
        (translate("core.checkin.checkin", "Gratitude"), checkin.gratitude),
        (translate("core.checkin.checkin", "Note"), checkin.note),
        (translate("core.checkin.checkin", "The note about the slip"), checkin.slip_note),
    ):
        check_storable(name, text)
    _check_slip(checkin)


def _check_slip(checkin: CheckIn) -> None:
    at = checkin.slip_at
    if not checkin.is_slip and (at is not None or checkin.slip_note):
        raise InvalidInput(
            translate(
                "core.checkin.checkin", "A time and a note about a slip go only with a Yes answer."
            )
        )
    if at is None:
        return
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise InvalidInput(
            translate("core.checkin.checkin", "The time of a slip needs its time zone.")
        )
    # The day is the person's local day; the time may be stored in another zone (UTC).
    if abs((at.date() - checkin.day).days) > 1:
        raise InvalidInput(
            translate(
                "core.checkin.checkin", "The time of a slip must be on the day of the check-in."
            )
        )
