"""Opening, pragmas, file modes, migrations and refusals."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from recovery_app.core.errors import CorruptDatabaseError, DataDirError, NewerDatabaseError
from recovery_app.paths import AppPaths, ensure_data_dir
from recovery_app.storage import migrate
from recovery_app.storage.db import Database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_head_constant_matches_alembic_scripts() -> None:
    assert migrate.alembic_heads() == [migrate.HEAD_REVISION]


def test_known_revisions_match_alembic_history() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    history = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
    assert tuple(reversed(history)) == migrate.KNOWN_REVISIONS


def test_migrates_from_empty_to_head(db: Database) -> None:
    with db.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        tables = set(
            conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        )
    assert version == migrate.HEAD_REVISION
    assert {"checkin", "checkin_revision", "recovery_profile"} <= tables


def test_schema_matches_the_tables(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from recovery_app.storage.schema import metadata

    with db.engine.connect() as conn:
        # The full-text index is an FTS5 virtual table the migration makes by hand.
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, *_: not str(name).startswith("journal_search")}
        )
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_pragmas_on_every_connection(db: Database) -> None:
    for _ in range(2):
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL


def test_files_are_private(app_paths: AppPaths) -> None:
    ensure_data_dir(app_paths)
    db = Database.open(app_paths.database)
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            wal = app_paths.database.with_name("recovery.db-wal")
            shm = app_paths.database.with_name("recovery.db-shm")
            assert wal.exists() and shm.exists()
            assert _mode(app_paths.data_dir) == 0o700
            for path in (app_paths.database, wal, shm):
                assert _mode(path) == 0o600, path
    finally:
        db.close()


def test_new_data_folder_is_created_private(tmp_path: Path) -> None:
    paths = ensure_data_dir(AppPaths(tmp_path / "a" / "b"))
    assert _mode(paths.data_dir) == 0o700


def test_data_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DataDirError, match="is a file"):
        ensure_data_dir(AppPaths(blocker))


def test_reopening_at_head_skips_alembic(
    app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    Database.open(app_paths.database).close()

    def fail(_engine: object) -> None:
        raise AssertionError("migrations ran on a database already at head")

    monkeypatch.setattr(migrate, "upgrade", fail)
    Database.open(app_paths.database).close()


def test_newer_database_is_refused_and_untouched(app_paths: AppPaths) -> None:
    Database.open(app_paths.database).close()
    conn = sqlite3.connect(app_paths.database, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    assert not app_paths.database.with_name("recovery.db-wal").exists()
    before = _digest(app_paths.database)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        Database.open(app_paths.database)
    assert _digest(app_paths.database) == before
    assert not app_paths.database.with_name("recovery.db-wal").exists()


def test_a_file_that_is_not_a_database_is_refused_and_untouched(app_paths: AppPaths) -> None:
    app_paths.database.write_bytes(b"this is not sqlite " * 200)
    before = _digest(app_paths.database)
    with pytest.raises(CorruptDatabaseError, match="has not been changed"):
        Database.open(app_paths.database)
    assert _digest(app_paths.database) == before


def test_another_apps_database_is_refused(app_paths: AppPaths) -> None:
    with sqlite3.connect(app_paths.database) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(CorruptDatabaseError, match="not a Recovery Companion database"):
        Database.open(app_paths.database)


def test_the_launch_path_loads_neither_alembic_nor_the_orm(db: Database) -> None:
    """Opening data at head and reading Today costs no Alembic, ORM or recurrence import."""
    import subprocess
    import sys

    script = f"""
import sys
from datetime import date, datetime, UTC
from pathlib import Path
from recovery_app.storage.db import Database
from recovery_app.storage.purge import purge_deleted
from recovery_app.storage.journal.queries import cravings_between
from recovery_app.storage.checkin.summary import today_summary
db = Database.open(Path({str(db.path)!r}))
with db.transaction() as conn:
    purge_deleted(conn)
with db.reading() as conn:
    today_summary(conn, date(2026, 11, 25))
    cravings_between(conn, datetime(2026, 11, 25, tzinfo=UTC), datetime(2026, 11, 26, tzinfo=UTC))
print(sorted(m for m in ("alembic", "sqlalchemy.orm", "dateutil.rrule") if m in sys.modules))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_text_deleted_for_good_leaves_no_trace_in_the_file(app_paths: AppPaths) -> None:
    """secure_delete: what was removed is overwritten, not left in free pages."""
    from recovery_app.core.journal.entries import EntryKind, JournalEntry
    from recovery_app.storage.journal.entries import Journal, purge_deleted

    secret = "a name I never want found again " * 40
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    db = Database.open(app_paths.database)
    with db.transaction() as conn:
        saved = Journal(conn).save(JournalEntry(EntryKind.JOURNAL, now, text=secret), now)
    with db.transaction() as conn:
        Journal(conn).delete(saved.uid, now)
    with db.transaction() as conn:
        purge_deleted(conn)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA secure_delete")).scalar_one() == 1
    db.close()  # the last connection folds the write-ahead log into the file
    assert secret[:32].encode() not in app_paths.database.read_bytes()
