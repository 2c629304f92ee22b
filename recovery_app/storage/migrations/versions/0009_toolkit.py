"""The toolkit: my reasons for recovery, favourite quick skills, and my plan (every
saved version kept).

Three new tables; nothing earlier changes.

Revision ID: 0009_toolkit
Revises: 0008_meeting_changes
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_toolkit"
down_revision = "0008_meeting_changes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reason",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reason")),
        sa.UniqueConstraint("uid", name=op.f("uq_reason_uid")),
    )
    op.create_table(
        "plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("sections", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_version")),
        sa.UniqueConstraint("uid", name=op.f("uq_plan_version_uid")),
    )
    op.create_table(
        "favourite_skill",
        sa.Column("skill", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("skill", name=op.f("pk_favourite_skill")),
    )


def downgrade() -> None:
    op.drop_table("favourite_skill")
    op.drop_table("plan_version")
    op.drop_table("reason")
