"""Journal: cravings and entries, triggers and coping strategies, drafts, search.

Revision ID: 0002_journal
Revises: 0001_initial
Create Date: 2026-11-25
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from recovery_app.core.journal.choices import ChoiceList, default_choices

revision = "0002_journal"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _choice_table(name: str) -> sa.Table:
    return op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("group_name", sa.String(length=200), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], [f"{name}.id"], name=op.f(f"fk_{name}_merged_into_id_{name}")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("uid", name=op.f(f"uq_{name}_uid")),
    )


def _link_table(name: str, choices: str) -> None:
    op.create_table(
        name,
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("choice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["choice_id"], [f"{choices}.id"], name=op.f(f"fk_{name}_choice_id_{choices}")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
            name=op.f(f"fk_{name}_entry_id_journal_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "choice_id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_choice_id"), name, ["choice_id"], unique=False)


def upgrade() -> None:
    triggers = _choice_table("trigger_choice")
    coping = _choice_table("coping_choice")
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("people", sa.Text(), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("thoughts", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('craving', 'journal')", name=op.f("ck_journal_entry_kind")),
        sa.CheckConstraint(
            "intensity IS NULL OR intensity BETWEEN 0 AND 10",
            name=op.f("ck_journal_entry_intensity_range"),
        ),
        sa.CheckConstraint(
            "kind <> 'craving' OR intensity IS NOT NULL",
            name=op.f("ck_journal_entry_craving_intensity"),
        ),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 10080",
            name=op.f("ck_journal_entry_duration_range"),
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('passed', 'used', 'ongoing')",
            name=op.f("ck_journal_entry_outcome_value"),
        ),
        sa.CheckConstraint(
            "mood IS NULL OR mood BETWEEN 1 AND 5", name=op.f("ck_journal_entry_mood_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entry")),
        sa.UniqueConstraint("uid", name=op.f("uq_journal_entry_uid")),
    )
    # The journal list (not deleted, newest first) reads straight off this index.
    op.create_index(
        "ix_journal_entry_listing", "journal_entry", ["deleted_at", "occurred_at"], unique=False
    )
    _link_table("entry_trigger", "trigger_choice")
    _link_table("entry_coping", "coping_choice")
    op.create_table(
        "journal_draft",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_journal_draft")),
    )
    # Trigram: finds any substring of 3+ characters in any script, emoji included.
    op.execute("CREATE VIRTUAL TABLE journal_search USING fts5(body, tokenize = 'trigram')")

    now = datetime.now(UTC).replace(tzinfo=None)
    for table, kind in ((triggers, ChoiceList.TRIGGERS), (coping, ChoiceList.COPING)):
        op.bulk_insert(
            table,
            [
                {
                    "uid": c.uid,
                    "name": c.name,
                    "group_name": c.group,
                    "archived": False,
                    "merged_into_id": None,
                    "position": c.position,
                    "created_at": now,
                }
                for c in default_choices(kind)
            ],
        )


def downgrade() -> None:
    op.execute("DROP TABLE journal_search")
    op.drop_table("journal_draft")
    for name in ("entry_coping", "entry_trigger"):
        op.drop_index(op.f(f"ix_{name}_choice_id"), table_name=name)
        op.drop_table(name)
    op.drop_index("ix_journal_entry_listing", table_name="journal_entry")
    op.drop_table("journal_entry")
    op.drop_table("coping_choice")
    op.drop_table("trigger_choice")
