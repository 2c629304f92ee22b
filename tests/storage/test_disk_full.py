"""A full disk during a save, an import, a backup, an export, a restore or a passphrase
change changes nothing and says so in words.

SQLite's own "database or disk is full" comes from a real limit (``max_page_count``
on every connection); a full disk under a plain file write is an ``ENOSPC`` from
``fsync``, the last step before a file would count as written.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from recovery_app.cli import main
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.core.errors import DiskFullError
from recovery_app.paths import AppPaths
from recovery_app.storage import db as db_module
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.backup.restore import restore
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.security.rekey import change_key
from tests.kdf import fast_params

BIG_NOTE = "a long evening, written down so it is not carried alone. " * 300


def fill(db: Database, clock: FixedClock, days: int = 3) -> None:
    with db.transaction() as conn:
        for i in range(days):
            day = clock.now().date() - timedelta(days=i + 1)
            CheckIns(conn).save(CheckIn(day, 3, 3, 3, UsedToday.NO, note=f"kept {i}"), clock.now())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def no_space_on_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)


@pytest.fixture
def full_database(app_paths: AppPaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data whose file may not grow by a single page from now on."""
    db = Database.open(app_paths.database)
    fill(db, clock)
    db.close()
    raw = sqlite3.connect(app_paths.database)
    raw.execute("VACUUM")  # no free pages left (a migration's rebuilt table leaves some)
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    raw.close()
    limit = f"PRAGMA max_page_count = {pages}"
    monkeypatch.setattr(db_module, "DATABASE_PRAGMAS", (*db_module.DATABASE_PRAGMAS, limit))
    return app_paths.database


def notes(path: Path, key: bytes | None = None) -> list[str]:
    db = Database.open(path, key)
    try:
        with db.reading() as conn:
            return [c.note for c in CheckIns(conn).all()]
    finally:
        db.close()


def test_a_save_on_a_full_disk_is_refused_whole(full_database: Path, clock: FixedClock) -> None:
    db = Database.open(full_database)
    with pytest.raises(DiskFullError, match="not enough free space"), db.transaction() as conn:
        CheckIns(conn).save(CheckIn(clock.now().date(), 2, 2, 2, UsedToday.NO, note=BIG_NOTE),
                            clock.now())  # fmt: skip
    with db.reading() as conn:
        assert CheckIns(conn).count() == 3  # the earlier days, and nothing half-saved
    db.close()


def test_an_import_on_a_full_disk_adds_nothing(
    full_database: Path, clock: FixedClock, tmp_path: Path
) -> None:
    start = date(2026, 1, 1)
    checkins = [
        {"uid": f"00000000-0000-4000-8000-{i:012d}", "day": str(start + timedelta(days=i)),
         "mood": 3, "anxiety": 3, "craving": 3, "used": "no", "note": BIG_NOTE}
        for i in range(40)
    ]  # fmt: skip
    source = tmp_path / "export.json"
    source.write_text(
        json.dumps({"format": "recovery-companion-export", "version": 1, "checkins": checkins}),
        encoding="utf-8",
    )
    db = Database.open(full_database)
    with pytest.raises(DiskFullError):
        import_file(db, source, clock.now())
    with db.reading() as conn:
        assert CheckIns(conn).count() == 3
    db.close()


def test_a_backup_on_a_full_disk_leaves_no_file(
    app_paths: AppPaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(app_paths.database)
    fill(db, clock)
    no_space_on_fsync(monkeypatch)
    with pytest.raises(DiskFullError, match="for the backup"):
        backup.make_backup(app_paths.database, app_paths.backups, clock.now(), True)
    db.close()
    assert list(app_paths.backups.iterdir()) == []


def test_an_export_on_a_full_disk_leaves_the_old_file(
    db: Database, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db, clock)
    out = tmp_path / "out"
    out.mkdir()
    (out / "export.json").write_text("my older export")
    no_space_on_fsync(monkeypatch)
    with pytest.raises(DiskFullError):
        export_json(db, out / "export.json", clock.now())
    assert [p.name for p in out.iterdir()] == ["export.json"]
    assert (out / "export.json").read_text() == "my older export"


def test_a_passphrase_change_on_a_full_disk_changes_no_file(
    app_paths: AppPaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(app_paths.database)
    fill(db, clock)
    backup.make_backup(app_paths.database, app_paths.backups, clock.now(), True)
    db.close()
    before = folder_state(app_paths.data_dir)
    params = fast_params()
    no_space_on_fsync(monkeypatch)
    with pytest.raises(DiskFullError, match="convert your files"):
        change_key(app_paths.database, app_paths.backups, None, os.urandom(32), params)
    assert folder_state(app_paths.data_dir) == before
    monkeypatch.undo()
    assert notes(app_paths.database) == ["kept 2", "kept 1", "kept 0"]


def test_a_restore_on_a_full_disk_changes_nothing(
    app_paths: AppPaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(app_paths.database)
    fill(db, clock)
    made = backup.make_backup(app_paths.database, app_paths.backups, clock.now(), True)
    db.close()
    before = folder_state(app_paths.data_dir)
    no_space_on_fsync(monkeypatch)
    with pytest.raises(DiskFullError, match="restore this backup"):
        restore(app_paths.database, app_paths.backups, made, clock.now())
    assert folder_state(app_paths.data_dir) == before


def test_the_command_line_says_so_in_one_line(
    app_paths: AppPaths,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = Database.open(app_paths.database)
    fill(db, clock)
    db.close()
    no_space_on_fsync(monkeypatch)
    assert main(["backup", "--out", str(tmp_path / "b.db")]) == 2
    err = capsys.readouterr().err
    assert "not enough free space on the disk for the backup" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("*b.db*"))
