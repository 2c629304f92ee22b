"""Learn reading state, saved self-checks, and the person's own help contacts.

Revision ID: 0003_learn_and_help
Revises: 0002_journal
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_learn_and_help"
down_revision = "0002_journal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_state",
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("bookmarked", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_article_state")),
    )
    op.create_table(
        "self_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("answers", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "length(answers) = 6 AND answers NOT GLOB '*[^01]*'",
            name=op.f("ck_self_check_answers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_check")),
        sa.UniqueConstraint("uid", name=op.f("uq_self_check_uid")),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('personal', 'crisis_line')", name=op.f("ck_contact_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
        sa.UniqueConstraint("uid", name=op.f("uq_contact_uid")),
    )


def downgrade() -> None:
    op.drop_table("contact")
    op.drop_table("self_check")
    op.drop_table("article_state")
