"""What a view can ask the shell for: another page or a dialog. Views never call each other.

Each view has a ``requested`` signal carrying one of these; the shell handles
them in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class OpenCheckIn:
    day: date


@dataclass(frozen=True)
class OpenEntry:
    uid: str


@dataclass(frozen=True)
class LogCraving:
    pass


@dataclass(frozen=True)
class WriteEntry:
    pass


@dataclass(frozen=True)
class ManageChoices:
    pass


@dataclass(frozen=True)
class OpenArticle:
    slug: str


@dataclass(frozen=True)
class OpenSelfCheck:
    pass


@dataclass(frozen=True)
class GetHelp:
    pass


@dataclass(frozen=True)
class ChangeStartDate:
    pass


Request = (
    OpenCheckIn
    | OpenEntry
    | LogCraving
    | WriteEntry
    | ManageChoices
    | OpenArticle
    | OpenSelfCheck
    | GetHelp
    | ChangeStartDate
)
