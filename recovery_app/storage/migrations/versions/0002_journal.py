"""Journal: cravings and entries, triggers and coping strategies, drafts, search.

Revision ID: 0002_journal
Revises: 0001_initial
Create Date: 2026-11-25
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002_journal"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# The lists as they were when this revision was written (uid, group, name); a
# migration never reads live code, so later changes to the defaults can't alter it.
TRIGGERS = (
    ("eaa83503-1ede-5f06-9d30-d6713307f06f", "Feelings", "Stress"),
    ("6fdea930-9cc5-57d3-a9dc-1e9eff6051a2", "Feelings", "Anxiety or panic"),
    ("0e6633a7-b966-5d34-81c5-4f8c6e86ff06", "Feelings", "Sadness"),
    ("4a2ff43f-0e8a-5d69-a4ba-2d7511d42724", "Feelings", "Boredom"),
    ("d3585209-73e0-5504-92bc-19d999f8f742", "Feelings", "Shame or guilt"),
    ("a6353e73-8f9a-5f7f-a653-377d6ad5e81a", "Feelings", "Feeling good, wanting more"),
    ("1d2ecb6d-4beb-5683-9b55-cbac2f0daefc", "HALT", "Hungry"),
    ("23db30ad-6856-5d9a-9430-732dff23cd5f", "HALT", "Angry"),
    ("fca0e6ea-67cc-5d01-af49-1b93f6fcecf6", "HALT", "Lonely"),
    ("c1f6fa63-0cfa-509e-aee9-3497dfcbf1b5", "HALT", "Tired"),
    ("1b087111-09e8-5166-b019-20c2ddc0c534", "People", "Being around people who use"),
    ("1a3e7a63-86e7-5fde-81de-eb29e9cac95d", "People", "Family"),
    ("9969e398-b981-54b3-ac77-b4a8f9b5952a", "People", "Partner"),
    ("e58e7fe5-8a20-5623-9efa-ad5fc6547df4", "People", "Being alone"),
    ("a39192a3-bbd6-501b-92b7-2b5ec2c92615", "Places", "Home"),
    ("6158db57-d588-5fe7-a049-a4378f2741d2", "Places", "Pharmacy or doctor's office"),
    ("4dc5e853-730c-50e6-90c0-e79cc3c1b5d4", "Places", "Parties or bars"),
    ("ee8ea015-cac1-5a7a-be51-5a1d03257d52", "Places", "Places where I used"),
    ("d3cfab57-722f-512a-9b61-59c8c4b62c2e", "Situations", "Conflict or an argument"),
    ("1a1c19d0-c5bb-553d-852f-e68fe44e3ea9", "Situations", "Can't sleep"),
    ("636b96fb-2d87-5e1f-982b-496953b7c81f", "Situations", "Pain"),
    ("4f5ab5b9-e606-5c49-81ec-84005abb78bb", "Situations", "Payday or having cash"),
    ("a0465f9c-686d-5493-ac78-5ab4ab95f88c", "Situations", "Celebrations or holidays"),
    ("268c83ee-bf97-57e0-a1b3-cd7021495618", "Situations", "Work or school pressure"),
    ("8d9d5de5-c11a-5883-8db9-1d41e40ef10e", "Situations", "Seeing pills"),
    ("0d1d8575-df7d-57a0-8703-1b2b4df24171", "Body", "Withdrawal symptoms"),
    ("1d8f21de-ecf2-53e7-958a-270e73818db8", "Body", "Restlessness"),
    ("dc8fdb9f-fd86-58ee-a387-3bcc1a09569b", "Body", "Racing heart"),
    ("c6128734-f9c0-5d4f-b3c5-a90725a7aad2", "Body", "Headache or tension"),
)
COPING = (
    ("81c435bb-b36f-545d-9d8d-8e51682966e3", "", "Urge surfing (waited for it to pass)"),
    ("dd38f741-d74c-5b74-ae2a-41794c614a25", "", "Called or texted someone"),
    ("24ef8f7e-ab7c-56e3-a1db-788706a50448", "", "Went for a walk"),
    ("06d19868-3f8c-5f46-89d6-a28c10f0d476", "", "Breathing exercise"),
    ("20fe09d5-749a-5ec8-af01-e592ce1887f2", "", "Went to a meeting"),
    ("f684f990-6192-5731-8110-39138c9baf85", "", "Ate something or drank water"),
    ("4ef24a76-47f6-58ce-8701-bc4841c3c133", "", "Rested"),
    ("d53e8173-7cb5-59fd-a775-45724485e39a", "", "Distracted myself"),
    ("9e6c38d8-2b77-5dfe-89e3-77eeb03052ab", "", "Wrote it down"),
    ("7f3fe258-3f72-56cb-ac6e-4ef28ea3759e", "", "Played the tape forward"),
    ("8053be51-cc15-5f40-9fab-abd6f6d54d71", "", "Grounding (5 things I can see...)"),
    ("b47a53c5-65ff-56ad-87ca-80dca553267e", "", "Prayer or meditation"),
    ("20c6ed98-da76-568e-b95a-a4cf9be8e88c", "", "Exercise"),
)


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
    for table, items in ((triggers, TRIGGERS), (coping, COPING)):
        op.bulk_insert(
            table,
            [
                {
                    "uid": uid,
                    "name": name,
                    "group_name": group,
                    "archived": False,
                    "merged_into_id": None,
                    "position": position,
                    "created_at": now,
                }
                for position, (uid, group, name) in enumerate(items)
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
