"""The UTC offset in force where and when a craving or journal entry happened, and when a
meeting began, so Insights can count by the person's own weekday and hour.

Instants stay stored in UTC. Rows written before this migration get the offset of the
computer's own time zone at that instant ("today's zone", right for each date's daylight
saving time); attendance gets the offset of its meeting's zone.

Revision ID: 0010_local_offsets
Revises: 0009_toolkit
Create Date: 2026-12-01
"""

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0010_local_offsets"
down_revision = "0009_toolkit"
branch_labels = None
depends_on = None


def _offset_minutes(stored: str, zone: tzinfo | None) -> int:
    instant = datetime.fromisoformat(str(stored)).replace(tzinfo=UTC)
    offset = instant.astimezone(zone).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except Exception:  # an unknown zone name: the computer's own zone
        return None


def upgrade() -> None:
    op.execute("ALTER TABLE journal_entry ADD COLUMN occurred_offset INTEGER DEFAULT 0 NOT NULL")
    op.execute("ALTER TABLE attendance ADD COLUMN starts_offset INTEGER DEFAULT 0 NOT NULL")
    conn = op.get_bind()
    entries = conn.execute(sa.text("SELECT id, occurred_at FROM journal_entry")).all()
    if entries:
        conn.execute(
            sa.text("UPDATE journal_entry SET occurred_offset = :offset WHERE id = :id"),
            [{"id": i, "offset": _offset_minutes(at, None)} for i, at in entries],
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
            sa.text("UPDATE attendance SET starts_offset = :offset WHERE id = :id"),
            [{"id": i, "offset": _offset_minutes(at, zones[z])} for i, at, z in meetings],
        )


def downgrade() -> None:
    op.execute("ALTER TABLE attendance DROP COLUMN starts_offset")
    op.execute("ALTER TABLE journal_entry DROP COLUMN occurred_offset")
