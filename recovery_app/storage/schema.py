"""The tables, in SQLAlchemy Core.

The ORM models in ``models.py`` map these tables. Keeping the tables in Core
lets the launch path (the Today summary) query without importing the ORM,
which costs about a tenth of a second. CHECK constraints repeat the rules in
``core`` so no path can store bad data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING_CONVENTION)


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


recovery_profile = Table(
    "recovery_profile",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("start_date", Date, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

checkin = Table(
    "checkin",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("day", Date, nullable=False, unique=True),
    Column("mood", Integer, nullable=False),
    Column("anxiety", Integer, nullable=False),
    Column("craving", Integer, nullable=False),
    Column("sleep_hours", Float, nullable=True),
    Column("sleep_quality", Integer, nullable=True),
    Column("hungry", Boolean, nullable=False, default=False),
    Column("angry", Boolean, nullable=False, default=False),
    Column("lonely", Boolean, nullable=False, default=False),
    Column("tired", Boolean, nullable=False, default=False),
    Column("used", String(20), nullable=False),
    Column("gratitude", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
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
    # Slips are looked up on their own for day counts; keep that lookup small.
    Index("ix_checkin_used_day", "used", "day"),
)

checkin_revision = Table(
    "checkin_revision",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "checkin_id",
        Integer,
        ForeignKey("checkin.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("replaced_at", UTCDateTime, nullable=False),
    Column("snapshot", Text, nullable=False),
)
