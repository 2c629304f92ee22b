"""What a unit of work changed, so every view can refresh itself (as Anki's OpChanges).

A storage operation returns a ``Result``: its value and the ``Changes`` it made.
The UI runs operations through one runner, which broadcasts the changes; each
page reloads when something it shows has changed. Import and restore change
everything.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class Record(enum.StrEnum):
    """The kinds of record a page can show."""

    CHECKINS = "checkins"
    PROFILE = "profile"  # the recovery start date
    JOURNAL = "journal"
    CHOICES = "choices"  # triggers and coping strategies
    MEETINGS = "meetings"  # meetings and attendance
    REMINDERS = "reminders"  # the in-app reminder list
    CONTACTS = "contacts"
    READING = "reading"  # read, bookmarked, where reading stopped
    SELF_CHECKS = "self_checks"
    TOOLKIT = "toolkit"  # my reasons, favourite skills
    QUESTIONNAIRES = "questionnaires"  # PHQ-9 and GAD-7 answers
    TAPER = "taper"  # the taper plan's versions and the dose log


@dataclass(frozen=True)
class Changes:
    records: frozenset[Record] = frozenset()

    @classmethod
    def of(cls, *records: Record) -> Changes:
        return cls(frozenset(records))

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset(Record))

    def touches(self, *records: Record) -> bool:
        return any(r in self.records for r in records)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.records | other.records)

    def __bool__(self) -> bool:
        return bool(self.records)


NOTHING = Changes()


@dataclass(frozen=True)
class Result(Generic[T]):
    """What an operation gives back, and what it changed."""

    value: T
    changes: Changes
