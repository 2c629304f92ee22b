"""Tables. CHECK constraints repeat the rules in ``core`` so no path can store bad data."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an instant is needed")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecoveryProfile(Base):
    """One row: the person's optional recovery start date."""

    __tablename__ = "recovery_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CheckInRow(Base):
    __tablename__ = "checkin"
    __table_args__ = (
        CheckConstraint("mood BETWEEN 1 AND 5", name="mood_range"),
        CheckConstraint("anxiety BETWEEN 0 AND 10", name="anxiety_range"),
        CheckConstraint("craving BETWEEN 0 AND 10", name="craving_range"),
        CheckConstraint(
            "sleep_hours IS NULL OR (sleep_hours >= 0 AND sleep_hours <= 24)",
            name="sleep_hours_range",
        ),
        CheckConstraint(
            "sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 5", name="sleep_quality_range"
        ),
        CheckConstraint("used IN ('no', 'yes', 'prefer_not_to_say')", name="used_answer"),
        Index("ix_checkin_used_day", "used", "day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    mood: Mapped[int] = mapped_column(Integer)
    anxiety: Mapped[int] = mapped_column(Integer)
    craving: Mapped[int] = mapped_column(Integer)
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    sleep_quality: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hungry: Mapped[bool] = mapped_column(Boolean, default=False)
    angry: Mapped[bool] = mapped_column(Boolean, default=False)
    lonely: Mapped[bool] = mapped_column(Boolean, default=False)
    tired: Mapped[bool] = mapped_column(Boolean, default=False)
    used: Mapped[str] = mapped_column(String(20))
    gratitude: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CheckInRevision(Base):
    """The earlier version of a check-in each time it is edited: history is never lost."""

    __tablename__ = "checkin_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkin.id", ondelete="CASCADE"), index=True
    )
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime)
    snapshot: Mapped[str] = mapped_column(Text)
