"""ORM classes for writing and editing, mapped onto the Core tables in ``schema.py``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from recovery_app.storage import schema


class Base(DeclarativeBase):
    metadata = schema.metadata


class RecoveryProfile(Base):
    """One row: the person's optional recovery start date."""

    __table__ = schema.recovery_profile

    id: Mapped[int]
    start_date: Mapped[date | None]
    updated_at: Mapped[datetime]


class CheckInRow(Base):
    __table__ = schema.checkin

    id: Mapped[int]
    uid: Mapped[str]
    day: Mapped[date]
    mood: Mapped[int]
    anxiety: Mapped[int]
    craving: Mapped[int]
    sleep_hours: Mapped[float | None]
    sleep_quality: Mapped[int | None]
    hungry: Mapped[bool]
    angry: Mapped[bool]
    lonely: Mapped[bool]
    tired: Mapped[bool]
    used: Mapped[str]
    use_question: Mapped[str]
    gratitude: Mapped[str]
    note: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CheckInRevision(Base):
    """The earlier version of a check-in each time it is edited: history is never lost."""

    __table__ = schema.checkin_revision

    id: Mapped[int]
    checkin_id: Mapped[int]
    replaced_at: Mapped[datetime]
    snapshot: Mapped[str]
