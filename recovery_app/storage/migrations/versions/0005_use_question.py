"""Check-ins remember which use question was answered.

Answers stored before this revision were given to "Did you use today?",
which never said what "use" meant; they keep that label (``used_today``).
New answers are to "... outside your prescription or plan" (``outside_plan``).

Revision ID: 0005_use_question
Revises: 0004_meetings
Create Date: 2026-12-01
"""

from alembic import op

revision = "0005_use_question"
down_revision = "0004_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: every existing row takes the default, and no table is
    # rebuilt (a rebuild of ``checkin`` would cascade into its revisions).
    op.execute(
        "ALTER TABLE checkin ADD COLUMN use_question VARCHAR(20) NOT NULL "
        "DEFAULT 'used_today' "
        "CONSTRAINT ck_checkin_use_question CHECK (use_question IN ('used_today', 'outside_plan'))"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE checkin DROP COLUMN use_question")
