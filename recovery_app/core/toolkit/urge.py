"""The craving flow's maths: the urge-surfing timer, paced breathing, and the
craving entry it offers to log. Pure: the UI passes the clock's instants in.

Urges usually rise, peak and pass within about 15 to 30 minutes (urge surfing,
Marlatt); the flow's timer starts at 20 and can be changed.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.core.toolkit.skills import BREATHING_COPING, BY_KEY, URGE_SURFING_COPING

DEFAULT_MINUTES = 20
MIN_MINUTES, MAX_MINUTES = 5, 60
BREATHE_IN, BREATHE_OUT = 4, 6  # seconds: a longer breath out calms


class Breath(enum.Enum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class BreathNow:
    phase: Breath
    fraction: float  # 0 at the start of this breath in or out, 1 at its end
    seconds_left: int  # whole seconds left in this phase, for the spoken count


def breath_at(elapsed: float, inhale: int = BREATHE_IN, exhale: int = BREATHE_OUT) -> BreathNow:
    """Where the paced breath is ``elapsed`` seconds after it started."""
    at = max(0.0, elapsed) % (inhale + exhale)
    if at < inhale:
        return BreathNow(Breath.IN, at / inhale, math.ceil(inhale - at))
    return BreathNow(Breath.OUT, (at - inhale) / exhale, math.ceil(inhale + exhale - at))


def remaining(started: datetime, now: datetime, minutes: int) -> timedelta:
    """What is left of the urge-surfing timer (never less than nothing)."""
    return max(timedelta(0), started + timedelta(minutes=minutes) - now)


def clock_words(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    return f"{seconds // 60:d}:{seconds % 60:02d}"


@dataclass
class Ride:
    """One time through the flow: when it began and what was used. Kept while the
    flow is hidden; gone when it is closed."""

    started: datetime
    minutes: int = DEFAULT_MINUTES
    strength_at_start: int | None = None
    skills: list[str] = field(default_factory=list)  # skill keys, in the order opened
    breathed: bool = False
    called: bool = False

    def minutes_until(self, now: datetime) -> int:
        """How long the ride has gone on, in whole minutes (at least one)."""
        return max(1, round((now - self.started).total_seconds() / 60))

    def used(self, key: str) -> None:
        if key not in self.skills:
            self.skills.append(key)

    def coping_names(self) -> list[str]:
        """The default coping strategies this ride counts as, in order."""
        names = [URGE_SURFING_COPING]
        if self.breathed:
            names.append(BREATHING_COPING)
        names += [BY_KEY[key].coping for key in self.skills if BY_KEY[key].coping]
        return list(dict.fromkeys(names))


def craving_entry(
    ride: Ride,
    now: datetime,
    strength_now: int | None,
    coping: list[str],
    known_coping: set[str],
) -> JournalEntry:
    """The craving entry to offer at the end, for the person to check and save.

    ``coping`` are default coping strategy names the person kept ticked;
    ``known_coping`` the uids of their coping list (a removed strategy is left out).
    """
    minutes = ride.minutes_until(now)
    uids = [default_uid(ChoiceList.COPING, name) for name in coping]
    lines = []
    skills = [BY_KEY[key].title for key in ride.skills]
    if skills:
        lines.append(
            translate("core.toolkit.urge", "Skills I used: {skills}.").format(
                skills=", ".join(skills)
            )
        )
    if strength_now is not None:
        lines.append(
            translate("core.toolkit.urge", "Strength at the end: {n}/10.").format(n=strength_now)
        )
    return JournalEntry(
        kind=EntryKind.CRAVING,
        occurred_at=ride.started,
        intensity=ride.strength_at_start,
        duration_minutes=minutes,
        coping=tuple(uid for uid in uids if uid in known_coping),
        text="\n".join(lines),
    )
