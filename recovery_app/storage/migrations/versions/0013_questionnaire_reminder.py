"""The questionnaires' reminder, and the person's own list of withdrawal symptoms.

A reminder of a new kind (``questionnaire``, every two weeks) needs the
notification table's check constraint widened; SQLite can't change a constraint,
so the small table is rebuilt (nothing refers to it). The symptoms a person added
themselves were only known from the days they were rated on; they get a table of
their own, so one can be renamed, removed (and stay removed, its ratings kept), or
kept before it was ever rated. It starts with every name rated so far, once however
it was capitalised (the form leaves out the common ones); a day whose ratings are not
a JSON object adds nothing.

Revision ID: 0013_questionnaire_reminder
Revises: 0012_taper
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_questionnaire_reminder"
down_revision = "0012_taper"
branch_labels = None
depends_on = None

_COLUMNS = (
    'id, "key", kind, meeting_uid, starts_at, title, body, due_at, snoozed_until, dismissed_at'
)


def _rebuild_notification(kinds: str) -> None:
    op.execute(
        'CREATE TABLE _notification_new (id INTEGER NOT NULL, "key" VARCHAR(300) NOT NULL, '
        "kind VARCHAR(20) NOT NULL, meeting_uid VARCHAR(200), starts_at DATETIME, "
        "title VARCHAR(300) NOT NULL, body TEXT NOT NULL, due_at DATETIME NOT NULL, "
        "snoozed_until DATETIME, dismissed_at DATETIME, "
        "CONSTRAINT pk_notification PRIMARY KEY (id), "
        f"CONSTRAINT ck_notification_kind CHECK (kind IN ({kinds})), "
        'CONSTRAINT uq_notification_key UNIQUE ("key"))'
    )
    op.execute(f"INSERT INTO _notification_new ({_COLUMNS}) SELECT {_COLUMNS} FROM notification")
    op.execute("DROP TABLE notification")
    op.execute("ALTER TABLE _notification_new RENAME TO notification")


def upgrade() -> None:
    _rebuild_notification("'meeting', 'attendance', 'checkin', 'questionnaire'")
    op.create_table(
        "own_symptom",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_own_symptom")),
        sa.UniqueConstraint("name", name=op.f("uq_own_symptom_name")),
    )
    # In the order they were first rated; "Nausea" and "nausea" are one symptom.
    op.execute(
        "INSERT INTO own_symptom (name, position) "
        "SELECT min(key), row_number() OVER (ORDER BY min(day), lower(key)) - 1 "
        "FROM (SELECT symptom_day.day AS day, each.key AS key "
        "      FROM symptom_day, json_each(symptom_day.ratings) AS each "
        "      WHERE json_valid(symptom_day.ratings) "
        "        AND json_type(symptom_day.ratings) = 'object' "
        "        AND each.key IS NOT NULL AND trim(each.key) != '') "
        "GROUP BY lower(key)"
    )


def downgrade() -> None:
    op.drop_table("own_symptom")
    op.execute("DELETE FROM notification WHERE kind = 'questionnaire'")
    _rebuild_notification("'meeting', 'attendance', 'checkin'")
