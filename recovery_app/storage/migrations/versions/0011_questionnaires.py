"""Questionnaires: each time the PHQ-9 or the GAD-7 was filled in, with every answer.

Revision ID: 0011_questionnaires
Revises: 0010_local_offsets
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_questionnaires"
down_revision = "0010_local_offsets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questionnaire",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("taken_minute", sa.Integer(), nullable=False),
        sa.Column("answers", sa.String(length=20), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'phq9' AND length(answers) = 9) OR (kind = 'gad7' AND length(answers) = 7)",
            name=op.f("ck_questionnaire_kind_answers"),
        ),
        sa.CheckConstraint(
            "answers NOT GLOB '*[^0-3]*'", name=op.f("ck_questionnaire_answer_range")
        ),
        sa.CheckConstraint(
            "difficulty IS NULL OR difficulty BETWEEN 0 AND 3",
            name=op.f("ck_questionnaire_difficulty_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire")),
        sa.UniqueConstraint("uid", name=op.f("uq_questionnaire_uid")),
    )
    op.create_index("ix_questionnaire_kind_taken", "questionnaire", ["kind", "taken_at"])


def downgrade() -> None:
    op.drop_index("ix_questionnaire_kind_taken", table_name="questionnaire")
    op.drop_table("questionnaire")
