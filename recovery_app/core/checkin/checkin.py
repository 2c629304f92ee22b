"""The daily check-in: what a person records about their day, and its rules."""

from __future__ import annotations

import enum
import math
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_app.core.errors import InvalidInput
from recovery_app.core.text import check_storable

MOOD_WORDS: dict[int, str] = {
    1: "Very low",
    2: "Low",
    3: "Okay",
    4: "Good",
    5: "Very good",
}
SLEEP_QUALITY_WORDS: dict[int, str] = {
    1: "Poor",
    2: "Restless",
    3: "Okay",
    4: "Good",
    5: "Great",
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
    UsedToday.NO: "No",
    UsedToday.YES: "Yes",
    UsedToday.PREFER_NOT_TO_SAY: "I'd rather not say",
}


class UseQuestion(enum.StrEnum):
    """Which question an answer was given to, so old answers keep their meaning."""

    # Asked until December 2026. It never said what "use" meant, so a "yes" may
    # be a prescribed dose; such days are offered for review, never rewritten.
    USED_TODAY = "used_today"
    OUTSIDE_PLAN = "outside_plan"


USE_QUESTION_WORDS: dict[UseQuestion, str] = {
    UseQuestion.USED_TODAY: "Did you use today?",
    UseQuestion.OUTSIDE_PLAN: "Did you use anything outside your prescription or plan today?",
}
PRESCRIBED_IS_RECOVERY = (
    "Taking a medicine as prescribed, including a taper your prescriber set, is part of "
    "recovery. It is never a slip: for that, the answer is No."
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
    return "not recorded" if value is None else f"{value}/10"


def _check_scale(name: str, value: object, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InvalidInput(f"{name} must be a whole number from {low} to {high}.")


def validate_checkin(checkin: CheckIn, today: date) -> None:
    """Raise ``InvalidInput`` with a clear message if the check-in cannot be stored."""
    if not isinstance(checkin.day, date) or isinstance(checkin.day, datetime):
        raise InvalidInput("A check-in needs a calendar day.")
    if checkin.day > today:
        raise InvalidInput("A check-in can't be for a day that hasn't happened yet.")
    _check_scale("Mood", checkin.mood, 1, 5)
    for name, value in (("Anxiety", checkin.anxiety), ("Craving", checkin.craving)):
        if value is not None:
            _check_scale(name, value, SCALE_MIN, SCALE_MAX)
    if not isinstance(checkin.used, UsedToday):
        raise InvalidInput(
            "Please answer whether you used anything outside your prescription or plan "
            "(you can say you'd rather not)."
        )
    if not isinstance(checkin.use_question, UseQuestion):
        raise InvalidInput("A check-in needs to say which question was answered.")
    hours = checkin.sleep_hours
    if hours is not None and (
        not isinstance(hours, int | float)
        or isinstance(hours, bool)
        or not math.isfinite(hours)
        or not 0 <= hours <= SLEEP_HOURS_MAX
    ):
        raise InvalidInput("Sleep must be between 0 and 24 hours.")
    if checkin.sleep_quality is not None:
        _check_scale("Sleep quality", checkin.sleep_quality, 1, 5)
    for name, text in (
        ("Gratitude", checkin.gratitude),
        ("Note", checkin.note),
        ("The note about the slip", checkin.slip_note),
    ):
        check_storable(name, text)
    _check_slip(checkin)


def _check_slip(checkin: CheckIn) -> None:
    at = checkin.slip_at
    if not checkin.is_slip and (at is not None or checkin.slip_note):
        raise InvalidInput("A time and a note about a slip go only with a Yes answer.")
    if at is None:
        return
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise InvalidInput("The time of a slip needs its time zone.")
    # The day is the person's local day; the time may be stored in another zone (UTC).
    if abs((at.date() - checkin.day).days) > 1:
        raise InvalidInput("The time of a slip must be on the day of the check-in.")
