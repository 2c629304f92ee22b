"""Self-checks remember which version of the questions they answer.

Results kept before this revision answered the first version's six signs
(``version`` 1) and stay readable with those words; the reworked check has ten
questions in two parts (``version`` 2). The answers' check constraint depends on
the version, so the small ``self_check`` table is rebuilt (nothing refers to it).

Revision ID: 0007_self_check_versions
Revises: 0006_slips_and_not_recorded
Create Date: 2026-12-01
"""

from alembic import op

revision = "0007_self_check_versions"
down_revision = "0006_slips_and_not_recorded"
branch_labels = None
depends_on = None


def _rebuild(versioned: bool) -> None:
    version = "version INTEGER DEFAULT 1 NOT NULL, " if versioned else ""
    answers = (
        "((version = 1 AND length(answers) = 6) OR (version = 2 AND length(answers) = 10)) "
        if versioned
        else "length(answers) = 6 "
    )
    op.execute(
        "CREATE TABLE _self_check_new (id INTEGER NOT NULL, uid VARCHAR(36) NOT NULL, "
        f"taken_at DATETIME NOT NULL, answers VARCHAR(20) NOT NULL, {version}"
        "CONSTRAINT pk_self_check PRIMARY KEY (id), "
        f"CONSTRAINT ck_self_check_answers CHECK ({answers}AND answers NOT GLOB '*[^01]*'), "
        "CONSTRAINT uq_self_check_uid UNIQUE (uid))"
    )
    op.execute(
        "INSERT INTO _self_check_new (id, uid, taken_at, answers) "
        "SELECT id, uid, taken_at, answers FROM self_check"
    )
    op.execute("DROP TABLE self_check")
    op.execute("ALTER TABLE _self_check_new RENAME TO self_check")


def upgrade() -> None:
    _rebuild(versioned=True)


def downgrade() -> None:
    op.execute("DELETE FROM self_check WHERE version != 1")  # the earlier app can't read them
    _rebuild(versioned=False)
