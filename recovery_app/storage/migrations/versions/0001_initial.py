"""Initial schema: recovery profile, daily check-ins and their edit history.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recovery_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_recovery_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_profile")),
    )
    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("anxiety", sa.Integer(), nullable=False),
        sa.Column("craving", sa.Integer(), nullable=False),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("hungry", sa.Boolean(), nullable=False),
        sa.Column("angry", sa.Boolean(), nullable=False),
        sa.Column("lonely", sa.Boolean(), nullable=False),
        sa.Column("tired", sa.Boolean(), nullable=False),
        sa.Column("used", sa.String(length=20), nullable=False),
        sa.Column("gratitude", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("mood BETWEEN 1 AND 5", name=op.f("ck_checkin_mood_range")),
        sa.CheckConstraint("anxiety BETWEEN 0 AND 10", name=op.f("ck_checkin_anxiety_range")),
        sa.CheckConstraint("craving BETWEEN 0 AND 10", name=op.f("ck_checkin_craving_range")),
        sa.CheckConstraint(
            "sleep_hours IS NULL OR (sleep_hours >= 0 AND sleep_hours <= 24)",
            name=op.f("ck_checkin_sleep_hours_range"),
        ),
        sa.CheckConstraint(
            "sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 5",
            name=op.f("ck_checkin_sleep_quality_range"),
        ),
        sa.CheckConstraint(
            "used IN ('no', 'yes', 'prefer_not_to_say')", name=op.f("ck_checkin_used_answer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
        sa.UniqueConstraint("day", name=op.f("uq_checkin_day")),
        sa.UniqueConstraint("uid", name=op.f("uq_checkin_uid")),
    )
    op.create_table(
        "checkin_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkin.id"],
            name=op.f("fk_checkin_revision_checkin_id_checkin"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_revision")),
    )
    op.create_index(
        op.f("ix_checkin_revision_checkin_id"), "checkin_revision", ["checkin_id"], unique=False
    )
    # Slips are looked up on their own for day counts; keep that lookup small.
    op.create_index("ix_checkin_used_day", "checkin", ["used", "day"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_checkin_used_day", table_name="checkin")
    op.drop_index(op.f("ix_checkin_revision_checkin_id"), table_name="checkin_revision")
    op.drop_table("checkin_revision")
    op.drop_table("checkin")
    op.drop_table("recovery_profile")
