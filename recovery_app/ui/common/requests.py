"""What a view can ask the shell for: another page or a dialog. Views never call each other.

Each view has a ``requested`` signal carrying one of these; the shell handles
them in one place. They are small immutable values written by hand rather than
dataclasses: this module loads before the window first appears, and nine
dataclasses cost about 6 ms there.
"""

from __future__ import annotations

from datetime import date
from typing import Any


class _Request:
    __slots__: tuple[str, ...] = ()
    __match_args__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values() == self._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({inner})"

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, name):
            raise AttributeError(f"{type(self).__name__} can't be changed")
        object.__setattr__(self, name, value)


class OpenCheckIn(_Request):
    __slots__ = __match_args__ = ("day",)

    def __init__(self, day: date) -> None:
        self.day = day


class OpenEntry(_Request):
    __slots__ = __match_args__ = ("uid",)

    def __init__(self, uid: str) -> None:
        self.uid = uid


class LogCraving(_Request):
    __slots__ = ()


class RideOutCraving(_Request):
    """The craving flow: timer, breathing, skills, people."""

    __slots__ = ()


class MakeReport(_Request):
    """The clinician report for these days (first and last included)."""

    __slots__ = __match_args__ = ("first", "last")

    def __init__(self, first: date, last: date) -> None:
        self.first = first
        self.last = last


class TakeQuestionnaire(_Request):
    """Fill in the PHQ-9 ("phq9") or the GAD-7 ("gad7")."""

    __slots__ = __match_args__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind


class WriteEntry(_Request):
    __slots__ = ()


class ManageChoices(_Request):
    __slots__ = ()


class OpenArticle(_Request):
    __slots__ = __match_args__ = ("slug",)

    def __init__(self, slug: str) -> None:
        self.slug = slug


class OpenSelfCheck(_Request):
    __slots__ = ()


class GetHelp(_Request):
    __slots__ = ()


class ChangeStartDate(_Request):
    __slots__ = ()


Request = (
    OpenCheckIn
    | OpenEntry
    | LogCraving
    | RideOutCraving
    | WriteEntry
    | ManageChoices
    | OpenArticle
    | OpenSelfCheck
    | GetHelp
    | ChangeStartDate
)
