"""Backups and restores: complete, private, rotated, and never losing the current data."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.core.errors import OutputPathError
from recovery_app.paths import AppPaths
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from tests.strategies import checkins

NOTE = "Called my sponsor 📞 — שלום"


def add(db: Database, clock: FixedClock, day: date, note: str = NOTE) -> None:
    with db.transaction() as s:
        CheckIns(s).save(CheckIn(day, 3, 4, 2, UsedToday.NO, note=note), clock.now())


def notes(path: Path) -> dict[str, str]:
    db = Database.open(path)
    try:
        with db.reading() as s:
            return {c.day.isoformat(): c.note for c in CheckIns(s).all()}
    finally:
        db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_complete_private_and_standalone(
    db: Database, clock: FixedClock, app_paths: AppPaths, tmp_path: Path
) -> None:
    add(db, clock, date(2026, 11, 24))  # still in the -wal file, not yet checkpointed
    out = backup.write_backup(app_paths.database, tmp_path / "copy.db")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not out.with_name("copy.db-wal").exists()
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert notes(out) == {"2026-11-24": NOTE}


def test_progress_is_reported(db: Database, app_paths: AppPaths, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    backup.write_backup(app_paths.database, tmp_path / "b.db", lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] > 0


def test_backup_to_a_bad_place_is_a_clear_error(
    db: Database, app_paths: AppPaths, tmp_path: Path
) -> None:
    with pytest.raises(OutputPathError, match="does not exist"):
        backup.write_backup(app_paths.database, tmp_path / "nope" / "b.db")
    with pytest.raises(OutputPathError, match="is a folder"):
        backup.write_backup(app_paths.database, tmp_path)


def test_daily_backups_rotate(db: Database, app_paths: AppPaths, clock: FixedClock) -> None:
    start = clock.now()
    for i in range(5):
        when = start + timedelta(days=i)
        assert backup.daily_backup_due(app_paths.backups, when.date())
        backup.make_backup(app_paths.database, app_paths.backups, when, manual=False)
        assert not backup.daily_backup_due(app_paths.backups, when.date())
    manual = backup.make_backup(app_paths.database, app_paths.backups, start, manual=True)
    assert len(backup.list_backups(app_paths.backups)) == 6
    removed = backup.rotate(app_paths.backups, keep=3)
    kept = backup.list_backups(app_paths.backups)
    assert [b.made_on for b in kept] == [(start + timedelta(days=i)).date() for i in (4, 3, 2)]
    assert manual in removed
    assert stat.S_IMODE(app_paths.backups.stat().st_mode) == 0o700


def test_restore_puts_the_backup_back_and_keeps_the_current_data(
    db: Database, clock: FixedClock, app_paths: AppPaths, tmp_path: Path
) -> None:
    add(db, clock, date(2026, 11, 20), "before the backup")
    saved = backup.write_backup(app_paths.database, tmp_path / "b.db")
    add(db, clock, date(2026, 11, 21), "after the backup")
    db.close()
    aside = backup.restore(app_paths.database, saved, clock.now())
    assert notes(app_paths.database) == {"2026-11-20": "before the backup"}
    assert aside is not None and "before-restore" in aside.name
    assert notes(aside) == {"2026-11-20": "before the backup", "2026-11-21": "after the backup"}


@pytest.mark.parametrize("kind", ["garbage", "truncated", "newer", "missing"])
def test_a_bad_backup_changes_nothing(
    db: Database, clock: FixedClock, app_paths: AppPaths, tmp_path: Path, kind: str
) -> None:
    add(db, clock, date(2026, 11, 20))
    db.close()
    bad = tmp_path / "bad.db"
    if kind == "garbage":
        bad.write_bytes(b"not a database at all" * 100)
    elif kind == "truncated":
        good = backup.write_backup(app_paths.database, tmp_path / "good.db")
        bad.write_bytes(good.read_bytes()[:1500])
    elif kind == "newer":
        backup.write_backup(app_paths.database, bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.close()
    before = digest(app_paths.database)
    with pytest.raises(backup.RestoreError):
        backup.restore(app_paths.database, bad, clock.now())
    assert digest(app_paths.database) == before
    assert sorted(p.name for p in app_paths.data_dir.iterdir() if "before-restore" in p.name) == []


def test_newest_good_backup_skips_damaged_ones(
    db: Database, clock: FixedClock, app_paths: AppPaths
) -> None:
    add(db, clock, date(2026, 11, 20))
    older = backup.make_backup(app_paths.database, app_paths.backups, clock.now(), manual=False)
    newer = backup.make_backup(
        app_paths.database, app_paths.backups, clock.now() + timedelta(days=1), manual=False
    )
    newer.write_bytes(b"\x00" * 4096)
    found = backup.newest_good_backup(app_paths.backups)
    assert found is not None and found.path == older


def test_backup_names(clock: FixedClock) -> None:
    now = datetime(2026, 11, 25, 9, 5, 7)
    assert backup.backup_name(now, manual=False) == "recovery-2026-11-25.db"
    assert backup.backup_name(now, manual=True) == "recovery-2026-11-25-090507.db"


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(checkins, max_size=6, unique_by=lambda c: c.day))
def test_backup_and_restore_round_trip_any_data(
    tmp_path: Path, clock: FixedClock, items: list[CheckIn]
) -> None:
    run = tmp_path / f"run-{len(list(tmp_path.iterdir()))}"
    run.mkdir()
    db = Database.open(run / "recovery.db")
    with db.transaction() as s:
        for c in items:
            CheckIns(s).save(c, clock.now())
    with db.reading() as s:
        before = list(CheckIns(s).all())
    saved = backup.make_backup(run / "recovery.db", run / "backups", clock.now(), manual=True)
    with db.transaction() as s:  # change everything after the backup
        for c in items:
            CheckIns(s).save(replace(c, note="changed", mood=1), clock.now())
    db.close()
    backup.restore(run / "recovery.db", saved, clock.now())
    db = Database.open(run / "recovery.db")
    with db.reading() as s:
        assert list(CheckIns(s).all()) == before
    db.close()
