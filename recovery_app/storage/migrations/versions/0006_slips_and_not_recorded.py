"""Anxiety and craving may be "not recorded" (NULL); a slip keeps its time and a note.

SQLite can't drop NOT NULL from a column, so ``checkin`` is rebuilt. Dropping the
old table would cascade into ``checkin_revision`` (foreign keys are on, and can't
be switched off inside the migration's transaction), so the revisions are kept
aside first and put back with their ids. Earlier zeros stay zeros: only check-ins
saved from now on store "not recorded".

Revision ID: 0006_slips_and_not_recorded
Revises: 0005_use_question
Create Date: 2026-12-01
"""

from alembic import op

revision = "0006_slips_and_not_recorded"
down_revision = "0005_use_question"
branch_labels = None
depends_on = None

_COLUMNS = (
    "id, uid, day, mood, anxiety, craving, sleep_hours, sleep_quality, hungry, angry, lonely, "
    "tired, used, gratitude, note, created_at, updated_at, use_question"
)


def _create(name: str, anxiety: str, slip: bool) -> None:
    slip_columns = "slip_at DATETIME, slip_note TEXT DEFAULT '' NOT NULL, " if slip else ""
    slip_check = (
        "CONSTRAINT ck_checkin_slip_only_yes CHECK "
        "(used = 'yes' OR (slip_at IS NULL AND slip_note = '')), "
        if slip
        else ""
    )
    op.execute(
        f"CREATE TABLE {name} ("
        "id INTEGER NOT NULL, uid VARCHAR(36) NOT NULL, day DATE NOT NULL, "
        f"mood INTEGER NOT NULL, anxiety INTEGER{anxiety}, craving INTEGER{anxiety}, "
        "sleep_hours FLOAT, sleep_quality INTEGER, hungry BOOLEAN NOT NULL, "
        "angry BOOLEAN NOT NULL, lonely BOOLEAN NOT NULL, tired BOOLEAN NOT NULL, "
        "used VARCHAR(20) NOT NULL, gratitude TEXT NOT NULL, note TEXT NOT NULL, "
        "created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, "
        "use_question VARCHAR(20) DEFAULT 'used_today' NOT NULL, "
        f"{slip_columns}"
        "CONSTRAINT pk_checkin PRIMARY KEY (id), "
        "CONSTRAINT ck_checkin_mood_range CHECK (mood BETWEEN 1 AND 5), "
        "CONSTRAINT ck_checkin_anxiety_range CHECK (anxiety BETWEEN 0 AND 10), "
        "CONSTRAINT ck_checkin_craving_range CHECK (craving BETWEEN 0 AND 10), "
        "CONSTRAINT ck_checkin_sleep_hours_range CHECK "
        "(sleep_hours IS NULL OR (sleep_hours >= 0 AND sleep_hours <= 24)), "
        "CONSTRAINT ck_checkin_sleep_quality_range CHECK "
        "(sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 5), "
        "CONSTRAINT ck_checkin_used_answer CHECK (used IN ('no', 'yes', 'prefer_not_to_say')), "
        "CONSTRAINT ck_checkin_use_question CHECK "
        "(use_question IN ('used_today', 'outside_plan')), "
        f"{slip_check}"
        "CONSTRAINT uq_checkin_day UNIQUE (day), "
        "CONSTRAINT uq_checkin_uid UNIQUE (uid))"
    )


def _rebuild(anxiety: str, slip: bool, copied: str) -> None:
    op.execute("CREATE TABLE _checkin_revision_kept AS SELECT * FROM checkin_revision")
    _create("_checkin_new", anxiety, slip)
    op.execute(f"INSERT INTO _checkin_new ({copied}) SELECT {copied} FROM checkin")
    op.execute("DROP TABLE checkin")  # its revisions go with it: they are kept aside
    op.execute("ALTER TABLE _checkin_new RENAME TO checkin")
    op.execute("CREATE INDEX ix_checkin_used_day ON checkin (used, day)")
    op.execute(
        "INSERT INTO checkin_revision (id, checkin_id, replaced_at, snapshot) "
        "SELECT id, checkin_id, replaced_at, snapshot FROM _checkin_revision_kept"
    )
    op.execute("DROP TABLE _checkin_revision_kept")


def upgrade() -> None:
    _rebuild("", slip=True, copied=_COLUMNS)


def downgrade() -> None:
    # "Not recorded" goes back to the 0 earlier versions stored; slips lose time and note.
    op.execute("UPDATE checkin SET anxiety = coalesce(anxiety, 0), craving = coalesce(craving, 0)")
    _rebuild(" NOT NULL", slip=False, copied=_COLUMNS)
