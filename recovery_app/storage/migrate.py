"""Bring a database to the current schema, without importing Alembic when it is already there.

Alembic costs most of a second to import, so start-up compares the stored
revision with ``HEAD_REVISION`` using the plain connection first. A test keeps
``KNOWN_REVISIONS`` equal to Alembic's own script history.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from recovery_app.core.errors import CorruptDatabaseError, NewerDatabaseError
from recovery_app.core.i18n import translate
from recovery_app.storage.connect import database_errors, open_raw
from recovery_app.storage.security.keys import WrongPassphrase, needs_passphrase

# Oldest first. Add each new migration's revision id here.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_journal",
    "0003_learn_and_help",
    "0004_meetings",
    "0005_use_question",
    "0006_slips_and_not_recorded",
    "0007_self_check_versions",
    "0008_meeting_changes",
    "0009_toolkit",
    "0010_local_offsets",
    "0011_questionnaires",
    "0012_taper",
    "0013_questionnaire_reminder",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def stored_revision(path: Path, key: bytes | None = None) -> str | None:
    """The schema revision in the file, or None for a new, empty database.

    Reads with a plain read-only query and no pragmas, so a file we must refuse
    is left exactly as it was.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if key is None and needs_passphrase(path):
        raise WrongPassphrase(
            translate(
                "storage.migrate", "Your data is protected with a passphrase. Please enter it."
            )
        )
    try:
        conn = open_raw(path, key, readonly=True)
    except database_errors() as exc:
        raise CorruptDatabaseError(
            translate("storage.migrate", "The data file {path} can't be opened ({exc}).").format(
                path=path, exc=exc
            )
        ) from exc
    try:
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        except database_errors() as exc:
            if key is not None:
                raise WrongPassphrase(
                    translate(
                        "storage.migrate",
                        "That passphrase doesn't open your data. Please check it and try again.",
                    )
                ) from exc
            raise CorruptDatabaseError(
                translate(
                    "storage.migrate",
                    (
                        "The data file {path} is damaged or is not a Recovery Companion "
                        "database. It has not been changed."
                    ),
                ).format(path=path)
            ) from exc
        if "alembic_version" not in tables:
            if tables:
                raise CorruptDatabaseError(
                    translate(
                        "storage.migrate",
                        (
                            "The file {path} is not a Recovery Companion database. It has not been "
                            "changed."
                        ),
                    ).format(path=path)
                )
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def check_revision(path: Path, key: bytes | None = None) -> str | None:
    revision = stored_revision(path, key)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            translate(
                "storage.migrate",
                "Your data was saved by a newer version of Recovery Companion. "
                "Please install the newer version to open it. Your data has not been changed.",
            )
        )
    return revision


def upgrade(engine: Engine) -> None:
    """Run the packaged Alembic migrations on ``engine`` up to the head revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        # Python's sqlite3 starts a transaction only before INSERT, UPDATE or DELETE, so
        # a table created or dropped before one would be committed on its own. One
        # explicit BEGIN makes every step of every migration one unit: all or nothing.
        connection.exec_driver_sql("BEGIN")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def alembic_heads() -> list[str]:
    """Alembic's own view of the heads (used by tests to keep the constants true)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return list(ScriptDirectory.from_config(config).get_heads())
