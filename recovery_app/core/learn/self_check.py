"""A private self-check: six signs that benzodiazepine use may have become a problem.

It is not a diagnosis and never says one. The words point to reading more and
talking with a doctor; a result can be kept, with its date, to compare later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput

# Facts from ../shared/CONTENT.md, phrased as questions to oneself.
SIGNS = (
    "Do I need more than before to get the same effect?",
    "Do I have cravings: strong urges to take it?",
    "Have I had mood swings, felt irritable, or pulled away from people?",
    "Have I had memory problems?",
    "Have I felt drowsy or dizzy, or had poor coordination?",
    "Have I neglected work, school or family because of it?",
)
RELATED_ARTICLES = (
    "signs-of-a-problem",
    "dependence-misuse-and-addiction",
    "treatment-options",
    "getting-help-now",
)


@dataclass(frozen=True)
class SelfCheck:
    answers: tuple[bool, ...]
    taken_at: datetime
    uid: str = ""

    def __post_init__(self) -> None:
        if not self.uid:
            object.__setattr__(self, "uid", new_uid())
        if len(self.answers) != len(SIGNS) or not all(isinstance(a, bool) for a in self.answers):
            raise InvalidInput("A self-check has one yes or no for each of the six signs.")

    @property
    def yes_count(self) -> int:
        return sum(self.answers)

    def encoded(self) -> str:
        return "".join("1" if a else "0" for a in self.answers)

    @classmethod
    def decoded(cls, answers: str, taken_at: datetime, uid: str) -> SelfCheck:
        return cls(tuple(c == "1" for c in answers), taken_at, uid)


def result_message(answers: tuple[bool, ...]) -> str:
    """Kind, non-diagnostic words for the result. No score, no label, no advice to stop."""
    count = sum(answers)
    if count == 0:
        opening = (
            "You didn't tick any of the signs today. That's good to know. If something "
            "still worries you, it is always fine to talk it over with your doctor."
        )
    elif count == 1:
        opening = (
            "You ticked one sign. One sign alone doesn't mean there is a problem, and "
            "noticing it is a caring thing to do for yourself."
        )
    else:
        opening = (
            f"You ticked {count} of the six signs. This is not a diagnosis, and it "
            "doesn't say anything about who you are. It may be worth talking with a "
            "doctor you trust about how the medicine is affecting you."
        )
    return (
        f"{opening}\n\nOnly a doctor or other clinician can tell you what these signs mean "
        "for you. Please don't stop or change a benzodiazepine on your own: stopping "
        "suddenly can cause seizures that can be life-threatening. Your prescriber can "
        "help you make a safe plan.\n\nThis check stays on this computer. You can keep "
        "the result with today's date to compare later, or close it without keeping it."
    )
