"""A private self-check about a benzodiazepine, in two parts, that never scores the person.

Part one asks about effects the medicine can have even at the prescribed dose
(worth telling the prescriber, not signs of a problem). Part two asks about signs
that taking it has become hard to control, including mixing, which links to the
overdose article. Every question is single and has a time frame. The result and
the history say which answers were yes, never a count or a label.

The first version of the check (six signs, one of them tolerance) counted normal
effects as signs of a problem; results kept from it stay readable with their own
questions (``version`` 1).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate


class Part(enum.StrEnum):
    PRESCRIBER = "prescriber"  # effects to tell your prescriber
    CONTROL = "control"  # signs that taking it has become hard to control


PART_TITLES = {
    Part.PRESCRIBER: translate("core.learn.self_check", "Effects to tell your prescriber"),
    Part.CONTROL: translate(
        "core.learn.self_check", "Signs that taking it has become hard to control"
    ),
}


@dataclass(frozen=True)
class Question:
    words: str  # as asked
    short: str  # as the history lists a yes
    part: Part
    article: str = ""  # a Learn article the result points to when this is a yes


CURRENT_VERSION = 2
TIME_FRAME = translate("core.learn.self_check", "In the past month")
QUESTIONS: tuple[Question, ...] = (
    Question(
        translate(
            "core.learn.self_check", "has the same dose seemed to work less well than before?"
        ),
        translate("core.learn.self_check", "the dose working less well"),
        Part.PRESCRIBER,
    ),
    Question(
        translate("core.learn.self_check", "have you had trouble remembering things?"),
        translate("core.learn.self_check", "trouble remembering"),
        Part.PRESCRIBER,
    ),
    Question(
        translate("core.learn.self_check", "have you felt drowsy or unsteady during the day?"),
        translate("core.learn.self_check", "drowsy or unsteady"),
        Part.PRESCRIBER,
    ),
    Question(
        translate("core.learn.self_check", "have you felt unwell or shaky when a dose was late?"),
        translate("core.learn.self_check", "unwell when a dose was late"),
        Part.PRESCRIBER,
        "withdrawal",
    ),
    Question(
        translate("core.learn.self_check", "have you taken more than prescribed?"),
        translate("core.learn.self_check", "taking more than prescribed"),
        Part.CONTROL,
    ),
    Question(
        translate("core.learn.self_check", "have you had strong urges to take it?"),
        translate("core.learn.self_check", "strong urges"),
        Part.CONTROL,
        "cravings-and-triggers",
    ),
    Question(
        translate(
            "core.learn.self_check",
            "have you taken it with alcohol, opioids or other drugs that make you sleepy?",
        ),
        translate("core.learn.self_check", "taking it with alcohol or other drugs"),
        Part.CONTROL,
        "is-it-an-overdose",
    ),
    Question(
        translate(
            "core.learn.self_check",
            "have you taken benzodiazepines that were not prescribed to you?",
        ),
        translate("core.learn.self_check", "pills not prescribed to me"),
        Part.CONTROL,
        "pills-not-from-a-pharmacy",
    ),
    Question(
        translate("core.learn.self_check", "has taking it kept you from work, school or family?"),
        translate("core.learn.self_check", "kept from work, school or family"),
        Part.CONTROL,
    ),
    Question(
        translate(
            "core.learn.self_check", "has someone close to you worried about how you take it?"
        ),
        translate("core.learn.self_check", "someone close worried"),
        Part.CONTROL,
    ),
)
# The first version's six signs, kept so its results read as they were asked.
FIRST_VERSION_SIGNS = (
    translate("core.learn.self_check", "needing more for the same effect"),
    "cravings",
    translate("core.learn.self_check", "mood swings, irritability or pulling away"),
    translate("core.learn.self_check", "memory problems"),
    translate("core.learn.self_check", "drowsiness, dizziness or poor coordination"),
    translate("core.learn.self_check", "neglecting work, school or family"),
)
ANSWER_COUNTS = {1: len(FIRST_VERSION_SIGNS), CURRENT_VERSION: len(QUESTIONS)}
RELATED_ARTICLES = (
    "signs-of-a-problem",
    "dependence-misuse-and-addiction",
    "treatment-options",
    "getting-help-now",
)
GET_HELP_LINE = translate(
    "core.learn.self_check",
    "If you feel unsafe, or someone may have taken too much, get help now: press F1, call "
    "or text 988, or call 911.",
)


def asked(question: Question) -> str:
    return f"{TIME_FRAME}, {question.words}"


@dataclass(frozen=True)
class SelfCheck:
    answers: tuple[bool, ...]
    taken_at: datetime
    uid: str = ""
    version: int = CURRENT_VERSION

    def __post_init__(self) -> None:
        if not self.uid:
            object.__setattr__(self, "uid", new_uid())
        count = ANSWER_COUNTS.get(self.version)
        if count is None:
            raise InvalidInput(
                translate(
                    "core.learn.self_check",
                    "This self-check was made by a newer version of the app.",
                )
            )
        if len(self.answers) != count or not all(isinstance(a, bool) for a in self.answers):
            raise InvalidInput(
                translate(
                    "core.learn.self_check",
                    "A self-check has one yes or no for each of its {count} questions.",
                ).format(count=count)
            )

    def encoded(self) -> str:
        return "".join("1" if a else "0" for a in self.answers)

    @classmethod
    def decoded(cls, answers: str, taken_at: datetime, uid: str, version: int) -> SelfCheck:
        return cls(tuple(c == "1" for c in answers), taken_at, uid, version)

    def yes_words(self) -> dict[str, list[str]]:
        """The yes answers in short words, by part (the first version has one list)."""
        if self.version == 1:
            said = [s for s, yes in zip(FIRST_VERSION_SIGNS, self.answers, strict=True) if yes]
            return {"Signs (earlier version of this check)": said}
        return {
            PART_TITLES[part]: [
                q.short for q, yes in zip(QUESTIONS, self.answers, strict=True)
                if yes and q.part is part
            ]
            for part in Part
        }  # fmt: skip

    def history_line(self, when: str) -> str:
        return f"{when}: {self.history_details()}"

    def history_details(self) -> str:
        """What was answered yes, part by part."""
        parts = [
            f"{title}: {', '.join(words)}" for title, words in self.yes_words().items() if words
        ]
        return "; ".join(parts) or translate("core.learn.self_check", "no to every question")


def result_message(answers: tuple[bool, ...]) -> str:
    """Kind, non-diagnostic words for the result: what to tell whom. No score, no label."""
    yes = [q for q, a in zip(QUESTIONS, answers, strict=True) if a]
    effects = [q for q in yes if q.part is Part.PRESCRIBER]
    control = [q for q in yes if q.part is Part.CONTROL]
    said: list[str] = []
    if not yes:
        said.append(
            translate(
                "core.learn.self_check",
                "You answered no to every question. If something still worries you, it is "
                "always fine to talk it over with your prescriber.",
            )
        )
    if effects:
        said.append(
            translate(
                "core.learn.self_check",
                "You noticed: {items}. These can happen at the prescribed dose and are not "
                "signs of a problem on their own. They are worth telling your prescriber, who "
                "may change the plan with you.",
            ).format(items=", ".join(q.short for q in effects))
        )
    if control:
        said.append(
            translate(
                "core.learn.self_check",
                "You also said yes to: {items}. This is not a diagnosis and says nothing about "
                "who you are. It may help to talk with a doctor you trust; treatment and "
                "support work, and you deserve them.",
            ).format(items=", ".join(q.short for q in control))
        )
    if any(q.article == "is-it-an-overdose" for q in control):
        said.append(
            translate(
                "core.learn.self_check",
                "Taking a benzodiazepine with alcohol, opioids or other sleepy-making drugs can "
                "stop breathing. Please read “Is it an overdose? What to do”, and keep naloxone "
                "near you.",
            )
        )
    said.append(
        translate(
            "core.learn.self_check",
            "Please don't stop or cut down a benzodiazepine on your own: stopping suddenly can "
            "cause seizures that can be life-threatening. Your prescriber can help you make a "
            "safe plan.",
        )
    )
    said.append(
        translate(
            "core.learn.self_check",
            "This check stays on this computer. You can keep your answers with today's date to "
            "compare later, or close it without keeping them.",
        )
    )
    return "\n\n".join(said)
