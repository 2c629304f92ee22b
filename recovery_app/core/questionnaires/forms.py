"""Two validated self-report questionnaires, with their published wording and scoring.

PHQ-9 (depression) and GAD-7 (anxiety), from the PHQ Screeners forms. They are the
one exception to writing everything in our own words: changed wording makes a
validated questionnaire invalid. Both are free to reproduce; the credit line below is
the authors' own. Scoring adds the answers (0 to 3 each) and names the published
band, worded as how much these problems bothered the person, never as a diagnosis.

PHQ-9 question 9 asks about thoughts of being better off dead or of self-harm: any
answer above "Not at all" shows a crisis card at once, before any total.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate

_CONTEXT = "core.questionnaires.forms"
# The authors' own credit line (an official translation has its own).
CREDIT = translate(
    _CONTEXT,
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute.",
)


class Kind(enum.StrEnum):
    PHQ9 = "phq9"
    GAD7 = "gad7"


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    name: str  # the published band, e.g. "moderate"


@dataclass(frozen=True)
class Form:
    kind: Kind
    name: str  # "PHQ-9"
    about: str  # our own words: what it asks about
    stem: str
    items: tuple[str, ...]
    difficulty: str
    bands: tuple[Band, ...]

    @property
    def most(self) -> int:
        return 3 * len(self.items)


ANSWERS = (  # the same four for every question of both forms
    translate(_CONTEXT, "Not at all"),
    translate(_CONTEXT, "Several days"),
    translate(_CONTEXT, "More than half the days"),
    translate(_CONTEXT, "Nearly every day"),
)
DIFFICULTY_ANSWERS = (
    translate(_CONTEXT, "Not difficult at all"),
    translate(_CONTEXT, "Somewhat difficult"),
    translate(_CONTEXT, "Very difficult"),
    translate(_CONTEXT, "Extremely difficult"),
)

PHQ9 = Form(
    Kind.PHQ9,
    "PHQ-9",
    translate(_CONTEXT, "Nine questions about mood over the last two weeks."),
    translate(
        _CONTEXT,
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    ),
    (
        translate(_CONTEXT, "Little interest or pleasure in doing things"),
        translate(_CONTEXT, "Feeling down, depressed, or hopeless"),
        translate(_CONTEXT, "Trouble falling or staying asleep, or sleeping too much"),
        translate(_CONTEXT, "Feeling tired or having little energy"),
        translate(_CONTEXT, "Poor appetite or overeating"),
        translate(
            _CONTEXT,
            "Feeling bad about yourself — or that you are a failure or have let yourself "
            "or your family down",
        ),
        translate(
            _CONTEXT,
            "Trouble concentrating on things, such as reading the newspaper or watching television",
        ),
        translate(
            _CONTEXT,
            "Moving or speaking so slowly that other people could have noticed? Or the "
            "opposite — being so fidgety or restless that you have been moving around a lot "
            "more than usual",
        ),
        translate(
            _CONTEXT,
            "Thoughts that you would be better off dead or of hurting yourself in some way",
        ),
    ),
    translate(
        _CONTEXT,
        "If you checked off any problems, how difficult have these problems made it for you "
        "to do your work, take care of things at home, or get along with other people?",
    ),
    (
        Band(0, 4, translate(_CONTEXT, "minimal")),
        Band(5, 9, translate(_CONTEXT, "mild")),
        Band(10, 14, translate(_CONTEXT, "moderate")),
        Band(15, 19, translate(_CONTEXT, "moderately severe")),
        Band(20, 27, translate(_CONTEXT, "severe")),
    ),
)
GAD7 = Form(
    Kind.GAD7,
    "GAD-7",
    translate(_CONTEXT, "Seven questions about anxiety over the last two weeks."),
    translate(
        _CONTEXT,
        "Over the last 2 weeks, how often have you been bothered by the following problems?",
    ),
    (
        translate(_CONTEXT, "Feeling nervous, anxious, or on edge"),
        translate(_CONTEXT, "Not being able to stop or control worrying"),
        translate(_CONTEXT, "Worrying too much about different things"),
        translate(_CONTEXT, "Trouble relaxing"),
        translate(_CONTEXT, "Being so restless that it is hard to sit still"),
        translate(_CONTEXT, "Becoming easily annoyed or irritable"),
        translate(_CONTEXT, "Feeling afraid, as if something awful might happen"),
    ),
    translate(
        _CONTEXT,
        "If you checked off any problems, how difficult have these made it for you to do "
        "your work, take care of things at home, or get along with other people?",
    ),
    (
        Band(0, 4, translate(_CONTEXT, "minimal")),
        Band(5, 9, translate(_CONTEXT, "mild")),
        Band(10, 14, translate(_CONTEXT, "moderate")),
        Band(15, 21, translate(_CONTEXT, "severe")),
    ),
)
FORMS = {PHQ9.kind: PHQ9, GAD7.kind: GAD7}
SELF_HARM_ITEM = 8  # PHQ-9 question 9, counted from 0


def check_answers(form: Form, answers: tuple[int, ...], difficulty: int | None) -> None:
    """``InvalidInput`` unless every question has one answer from 0 to 3."""
    if len(answers) != len(form.items) or any(
        not isinstance(a, int) or isinstance(a, bool) or not 0 <= a <= 3 for a in answers
    ):
        raise InvalidInput(
            translate(_CONTEXT, "Please answer every question of the {name}.").format(
                name=form.name
            )
        )
    if difficulty is not None and (
        not isinstance(difficulty, int) or isinstance(difficulty, bool) or not 0 <= difficulty <= 3
    ):
        raise InvalidInput(
            translate(_CONTEXT, "The last question's answer is not one of its four.")
        )


def total(answers: tuple[int, ...]) -> int:
    return sum(answers)


def band(form: Form, score: int) -> Band:
    return next(b for b in form.bands if b.low <= score <= b.high)


def needs_crisis_card(form: Form, answers: tuple[int | None, ...]) -> bool:
    """PHQ-9 question 9 answered above "Not at all" (so far, while the form is filled)."""
    if form.kind is not Kind.PHQ9 or len(answers) <= SELF_HARM_ITEM:
        return False
    answer = answers[SELF_HARM_ITEM]
    return answer is not None and answer > 0


def result_words(form: Form, score: int) -> str:
    """The total in words: a measure of how much these problems bothered the person."""
    return translate(
        _CONTEXT,
        "{score} of {most}. In the {name}'s published ranges, that is a {band} amount of "
        "being bothered by these problems over the last two weeks. It is not a diagnosis: "
        "it is a measure you and your doctor can follow over time.",
    ).format(score=score, most=form.most, name=form.name, band=band(form, score).name)


@dataclass(frozen=True)
class Taken:
    """One time a questionnaire was filled in."""

    kind: Kind
    taken_at: datetime  # aware; read back at the offset it was taken with
    answers: tuple[int, ...]
    difficulty: int | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def form(self) -> Form:
        return FORMS[self.kind]

    @property
    def total(self) -> int:
        return sum(self.answers)

    @property
    def self_harm_answered(self) -> bool:
        return needs_crisis_card(self.form, self.answers)


def check_taken(taken: Taken) -> None:
    if not isinstance(taken.kind, Kind):
        raise InvalidInput(translate(_CONTEXT, "That questionnaire is not one the app knows."))
    if not isinstance(taken.taken_at, datetime) or taken.taken_at.tzinfo is None:
        raise InvalidInput(translate(_CONTEXT, "A questionnaire needs the time it was taken."))
    if taken.taken_at.year < 1900:
        raise InvalidInput(translate(_CONTEXT, "A questionnaire's date must be in 1900 or later."))
    check_answers(taken.form, taken.answers, taken.difficulty)
