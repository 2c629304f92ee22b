"""Turning stored rows (ORM objects or Core rows, same attribute names) into core values."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from recovery_app.core.checkin.checkin import CheckIn, Halt, UsedToday, UseQuestion


class CheckInFields(Protocol):
    @property
    def uid(self) -> str: ...
    @property
    def day(self) -> date: ...
    @property
    def mood(self) -> int: ...
    @property
    def anxiety(self) -> int: ...
    @property
    def craving(self) -> int: ...
    @property
    def sleep_hours(self) -> float | None: ...
    @property
    def sleep_quality(self) -> int | None: ...
    @property
    def hungry(self) -> bool: ...
    @property
    def angry(self) -> bool: ...
    @property
    def lonely(self) -> bool: ...
    @property
    def tired(self) -> bool: ...
    @property
    def used(self) -> str: ...
    @property
    def use_question(self) -> str: ...
    @property
    def gratitude(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...


def checkin_from_row(row: CheckInFields) -> CheckIn:
    return CheckIn(
        day=row.day,
        mood=row.mood,
        anxiety=row.anxiety,
        craving=row.craving,
        used=UsedToday(row.used),
        sleep_hours=row.sleep_hours,
        sleep_quality=row.sleep_quality,
        halt=Halt(row.hungry, row.angry, row.lonely, row.tired),
        gratitude=row.gratitude,
        note=row.note,
        uid=row.uid,
        use_question=UseQuestion(row.use_question),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
