"""The taper diary: every version of the plan as the prescriber wrote it, what was
taken each day, and the withdrawal symptoms of each day.

Revision ID: 0012_taper
Revises: 0011_questionnaires
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_taper"
down_revision = "0011_questionnaires"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "taper_plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("medicine", sa.Text(), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("strength", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=False),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taper_plan_version")),
        sa.UniqueConstraint("uid", name=op.f("uq_taper_plan_version_uid")),
    )
    op.create_table(
        "dose_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("taken", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "taken IN ('as_planned', 'different', 'missed')", name=op.f("ck_dose_day_taken")
        ),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_dose_day")),
    )

    op.create_table(
        "symptom_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("ratings", sa.Text(), nullable=False),
        sa.Column("red_flags", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_symptom_day")),
    )


def downgrade() -> None:
    op.drop_table("symptom_day")
    op.drop_table("dose_day")
    op.drop_table("taper_plan_version")
