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
from recovery_app.storage.backup import retention
from recovery_app.storage.backup.restore import RestoreError, restore
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


def test_daily_backups_are_one_a_day_and_rotation_keeps_what_the_person_made(
    db: Database, app_paths: AppPaths, clock: FixedClock
) -> None:
    start = clock.now()
    for i in range(5):
        when = start + timedelta(days=i)
        assert backup.daily_backup_due(app_paths.backups, when.date())
        backup.make_backup(app_paths.database, app_paths.backups, when, manual=False)
        assert not backup.daily_backup_due(app_paths.backups, when.date())
    manual = backup.make_backup(app_paths.database, app_paths.backups, start, manual=True)
    assert len(backup.list_backups(app_paths.backups)) == 6
    removed = retention.rotate(app_paths.backups, retention.Tiers(daily=3, weekly=0, monthly=0))
    kept = backup.list_backups(app_paths.backups)
    automatic = [b.made_on for b in kept if b.kind is backup.BackupKind.AUTO]
    assert automatic == [(start + timedelta(days=i)).date() for i in (4, 3, 2)]
    assert manual not in removed and manual in [b.path for b in kept]  # the person's own
    assert stat.S_IMODE(app_paths.backups.stat().st_mode) == 0o700


def test_the_daily_run_finishes_a_rotation_even_when_no_backup_is_due(
    db: Database, app_paths: AppPaths, clock: FixedClock
) -> None:
    from recovery_app.storage.backup.ops import back_up

    add(db, clock, clock.now().date())
    for i in range(5):
        backup.make_backup(app_paths.database, app_paths.backups, clock.now() - timedelta(days=i),
                           manual=False)  # fmt: skip
    tiers = retention.Tiers(daily=2, weekly=0, monthly=0)
    assert back_up(app_paths.database, app_paths.backups, clock.now(), False, None, tiers) is None
    assert len(backup.list_backups(app_paths.backups)) == 2  # today's was there: rotated only


def test_restore_puts_the_backup_back_and_keeps_the_current_data(
    db: Database, clock: FixedClock, app_paths: AppPaths, tmp_path: Path
) -> None:
    add(db, clock, date(2026, 11, 20), "before the backup")
    saved = backup.write_backup(app_paths.database, tmp_path / "b.db")
    add(db, clock, date(2026, 11, 21), "after the backup")
    db.close()
    aside = restore(app_paths.database, app_paths.backups, saved, clock.now())
    assert notes(app_paths.database) == {"2026-11-20": "before the backup"}
    assert aside is not None and aside.name.endswith("-before-restore.db")
    assert aside.parent == app_paths.backups  # listed with the backups
    assert notes(aside) == {"2026-11-20": "before the backup", "2026-11-21": "after the backup"}
    [listed] = [b for b in backup.list_backups(app_paths.backups) if b.path == aside]
    assert listed.kind is backup.BackupKind.BEFORE_RESTORE and listed.kept_by_person


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
    with pytest.raises(RestoreError):
        restore(app_paths.database, app_paths.backups, bad, clock.now())
    assert digest(app_paths.database) == before
    assert backup.list_backups(app_paths.backups, also=app_paths.data_dir) == []


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


def test_backup_names_say_when_and_how(tmp_path: Path) -> None:
    now = datetime(2026, 11, 25, 9, 5, 7)
    assert backup.backup_name(now, backup.BackupKind.AUTO) == "recovery-2026-11-25-090507-auto.db"
    names = [
        "recovery-2026-11-25-090507-manual.db",
        "recovery-2026-11-24.db",
        "recovery-2026-11-23-101010.db",
        "recovery-before-restore-20261122-080000.db",
        "recovery-2026-11-21-070000-before-upgrade.db",
        "recovery.db",
        "notes.txt",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    found = {b.path.name: b for b in backup.list_backups(tmp_path, also=tmp_path)}
    assert sorted(found) == sorted(names[:5])
    assert found["recovery-2026-11-24.db"].kind is backup.BackupKind.AUTO  # the first version
    assert not found["recovery-2026-11-24.db"].exact_time
    assert found["recovery-2026-11-23-101010.db"].kind is backup.BackupKind.MANUAL
    aside = found["recovery-before-restore-20261122-080000.db"]
    assert aside.kind is backup.BackupKind.BEFORE_RESTORE and aside.made.hour == 8


def test_tiers_keep_days_weeks_and_months() -> None:
    def made(day: date) -> backup.BackupFile:
        when = datetime.combine(day, datetime.min.time())
        return backup.BackupFile(Path(f"{day}.db"), when, backup.BackupKind.AUTO, 1)

    daily = [made(date(2026, 11, 25) - timedelta(days=i)) for i in range(400)]
    keep = retention.to_keep(daily, retention.Tiers(daily=14, weekly=8, monthly=12))
    days = sorted(date.fromisoformat(p.stem) for p in keep)
    assert days[-14:] == sorted(date(2026, 11, 25) - timedelta(days=i) for i in range(14))
    assert len({d.isocalendar()[:2] for d in days}) >= 8  # weeks further back
    assert len({(d.year, d.month) for d in days}) == 12  # a year of months
    assert len(keep) < 14 + 8 + 12


def test_rotation_never_deletes_the_newest_good_backup(
    db: Database, app_paths: AppPaths, clock: FixedClock
) -> None:
    add(db, clock, date(2026, 11, 20))
    good = backup.make_backup(app_paths.database, app_paths.backups, clock.now(), manual=False)
    for i in range(1, 4):
        damaged = backup.make_backup(
            app_paths.database, app_paths.backups, clock.now() + timedelta(days=i), manual=False
        )
        damaged.write_bytes(b"\x00" * 4096)
    retention.rotate(app_paths.backups, retention.Tiers(daily=1, weekly=0, monthly=0))
    assert good.exists()  # the tiers would keep only the newest, which is damaged


def test_contents_say_what_a_backup_holds(
    db: Database, app_paths: AppPaths, clock: FixedClock
) -> None:
    empty = backup.make_backup(app_paths.database, app_paths.backups, clock.now(), manual=True)
    for i in range(5):
        add(db, clock, date(2026, 11, 20) - timedelta(days=i))
    full = backup.make_backup(
        app_paths.database, app_paths.backups, clock.now() + timedelta(minutes=1), manual=True
    )
    assert backup.contents(empty) == backup.Contents(0, 0, 0, False)
    assert backup.contents(empty).nearly_empty  # type: ignore[union-attr]
    found = backup.contents(full)
    assert found is not None and found.checkins == 5 and not found.nearly_empty


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
    restore(run / "recovery.db", run / "backups", saved, clock.now())
    db = Database.open(run / "recovery.db")
    with db.reading() as s:
        assert list(CheckIns(s).all()) == before
    db.close()
