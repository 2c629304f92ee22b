"""The local wall-clock time where and when a craving or journal entry happened, and
when a meeting began, so Insights can count by the person's own day, weekday and hour.

Instants stay stored in UTC. Beside them is the local wall-clock time as whole minutes
since 1900-01-01 00:00 on that clock: local minus UTC gives the offset back, and SQL
counts days (minutes / 1440), hours and weekdays with integer arithmetic alone.

Rows written before this migration get the computer's own time zone at that instant
("today's zone", right for each date's daylight saving time); attendance gets its
meeting's zone. Covering indexes let the Insights queries read cravings and attendance
without touching the entries' text.

Revision ID: 0010_local_offsets
Revises: 0009_toolkit
Create Date: 2026-12-01
"""

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0010_local_offsets"
down_revision = "0009_toolkit"
branch_labels = None
depends_on = None


EPOCH = datetime(1900, 1, 1)  # a Monday: day number % 7 is the weekday


def _local(stored: str, zone: tzinfo | None) -> int:
    instant = datetime.fromisoformat(str(stored)).replace(tzinfo=UTC)
    wall = instant.astimezone(zone).replace(tzinfo=None)
    return (wall - EPOCH) // timedelta(minutes=1)


def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except Exception:  # an unknown zone name: the computer's own zone
        return None


def upgrade() -> None:
    op.execute("ALTER TABLE journal_entry ADD COLUMN occurred_minute INTEGER DEFAULT 0 NOT NULL")
    op.execute("ALTER TABLE attendance ADD COLUMN starts_minute INTEGER DEFAULT 0 NOT NULL")
    conn = op.get_bind()
    entries = conn.execute(sa.text("SELECT id, occurred_at FROM journal_entry")).all()
    if entries:
        conn.execute(
            sa.text("UPDATE journal_entry SET occurred_minute = :local WHERE id = :id"),
            [{"id": i, "local": _local(at, None)} for i, at in entries],
        )
    meetings = conn.execute(
        sa.text(
            "SELECT attendance.id, attendance.starts_at, meeting.zone FROM attendance"
            " JOIN meeting ON meeting.id = attendance.meeting_id"
        )
    ).all()
    zones = {z: _zone(z) for _i, _at, z in meetings}
    if meetings:
        conn.execute(
            sa.text("UPDATE attendance SET starts_minute = :local WHERE id = :id"),
            [{"id": i, "local": _local(at, zones[z])} for i, at, z in meetings],
        )
    op.create_index("ix_attendance_insights", "attendance", ["starts_minute", "status"])
    op.create_index(
        "ix_journal_entry_insights",
        "journal_entry",
        ["kind", "occurred_minute", "intensity", "outcome", "deleted_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_journal_entry_insights", table_name="journal_entry")
    op.drop_index("ix_attendance_insights", table_name="attendance")
    op.execute("ALTER TABLE attendance DROP COLUMN starts_minute")
    op.execute("ALTER TABLE journal_entry DROP COLUMN occurred_minute")
