"""My plan: a relapse-prevention plan and a safety plan, written on a good day in the
person's own words, kept with every earlier version.

The safety plan follows the six steps of the Stanley-Brown Safety Planning
Intervention (Barbara Stanley and Gregory K. Brown, 2012), in our own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

SECTION_MAX = 5000  # characters in one section


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str
    safety: bool  # part of the safety plan (shown in Get help)


def _t(text: str) -> str:
    return translate("core.toolkit.plan", text)


SECTIONS: tuple[Section, ...] = (
    Section("warning_signs", _t("My warning signs"),
            _t("Thoughts, feelings and habits that tell me things are starting to slip."), False),
    Section("high_risk", _t("High-risk situations and triggers"),
            _t("Places, people, times and feelings where cravings come."), False),
    Section("green", _t("Green: when I'm doing well, I keep doing"),
            _t("Meetings, sleep, people, routines that help."), False),
    Section("amber", _t("Amber: when warning signs show, I will"),
            _t("Who I tell, what I change, which skills I use."), False),
    Section("red", _t("Red: when a craving is strong, or after a slip, I will"),
            _t("The first three things to do, and who to call."), False),
    Section("safe_places", _t("Safe places I can go"),
            _t("Somewhere to be that isn't near what I used."), False),
    Section("sp_signs", _t("1. Signs that a crisis may be coming"),
            _t("Thoughts, moods, situations or behaviour that come before a crisis."), True),
    Section("sp_coping", _t("2. Things I can do on my own"),
            _t("To take my mind off it: a walk, music, a shower, a skill from the toolkit."), True),
    Section("sp_people", _t("3. People and places that take my mind off things"),
            _t("A friend's house, a café, a meeting, a library."), True),
    Section("sp_help", _t("4. People I can ask for help"),
            _t("Names and numbers of people I trust."), True),
    Section("sp_professionals", _t("5. Professionals and crisis lines"),
            _t("My doctor, therapist or counsellor; in the US, call or text 988, or call 911 "
               "in an emergency."), True),
    Section("sp_safe", _t("6. Making my surroundings safer"),
            _t("For example, asking someone to keep my medicines, or removing what I could "
               "use to hurt myself."), True),
)  # fmt: skip
BY_KEY = {s.key: s for s in SECTIONS}


@dataclass(frozen=True)
class PlanVersion:
    sections: dict[str, str]  # section key: the person's words
    saved_at: datetime
    uid: str = field(default_factory=new_uid)

    def text(self, key: str) -> str:
        return self.sections.get(key, "")

    def has_safety_plan(self) -> bool:
        return any(self.text(s.key).strip() for s in SECTIONS if s.safety)

    def filled(self) -> int:
        return sum(1 for s in SECTIONS if self.text(s.key).strip())


def validate_plan(sections: dict[str, str]) -> dict[str, str]:
    """The known sections, tidied; ``InvalidInput`` saying what to fix."""
    kept = {}
    for key, text in sections.items():
        section = BY_KEY.get(key)
        if section is None:
            continue  # a section this version doesn't have
        check_storable(section.title, text)
        if len(text) > SECTION_MAX:
            raise InvalidInput(
                _t("Please keep “{title}” under {n:,} characters.").format(
                    title=section.title, n=SECTION_MAX
                )
            )
        if text.strip():
            kept[key] = text.strip()
    return kept
