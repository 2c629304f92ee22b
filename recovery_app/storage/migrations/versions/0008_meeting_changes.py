"""Skipped and moved dates of a meeting, the last day of a series that ends, and the
calendar file's version of a meeting.

A meeting keeps the dates that differ from its schedule: skipped ("the group
doesn't meet on 24 December") or moved ("this week it's at 18:00", perhaps
somewhere else), keyed by the start the schedule gives that date. A meeting that
came from a calendar file remembers that file's SEQUENCE and LAST-MODIFIED, so
importing a newer version of the file updates it.

Revision ID: 0008_meeting_changes
Revises: 0007_self_check_versions
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_meeting_changes"
down_revision = "0007_self_check_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE meeting ADD COLUMN calendar_version VARCHAR(60) DEFAULT '' NOT NULL")
    op.execute("ALTER TABLE meeting ADD COLUMN last_day DATE")
    op.create_table(
        "meeting_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("original_at", sa.DateTime(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=True),
        sa.Column("location", sa.Text(), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_change_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_change")),
    )
    op.create_index(
        "ix_meeting_change_meeting_original",
        "meeting_change",
        ["meeting_id", "original_at"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("ix_meeting_change_meeting_original", table_name="meeting_change")
    op.drop_table("meeting_change")
    op.execute("ALTER TABLE meeting DROP COLUMN calendar_version")
    op.execute("ALTER TABLE meeting DROP COLUMN last_day")
