"""A kill at any step of a restore or a passphrase change leaves the old state or the new.

Each operation runs in a child process (``killed_child``) that ends itself with
``os._exit`` exactly at one named step, so nothing cleans up after it: no
``finally``, no flushing. First a child lists the steps; then, for every step,
a fresh copy of the same folder is killed there. The next start's ``recover``
runs, and the folder must be wholly as it was or wholly as it would have been:
every file opens with the passphrase of that state, through the key settings it
carries itself; nothing is left half-prepared; after a completed "set" no
readable note is left anywhere in the folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.storage import oplog
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.backup.backups import BackupKind
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.security import keys as crypto
from recovery_app.storage.security.rekey import change_key
from tests.kdf import fast_params
from tests.storage.killed_child import KILLED

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the child ends itself with os._exit")

NOW = datetime(2026, 11, 25, 10, 0).astimezone()
MARKER = "NOTE-THAT-MUST-NOT-LEAK"
ROOT = Path(__file__).resolve().parents[2]
FIRST, SECOND, BACKUP_WORDS = "first passphrase", "second passphrase", "the backup's words"


@dataclass(frozen=True)
class Lock:
    """A passphrase with the key settings made for it (None: no passphrase)."""

    passphrase: str
    params: crypto.KdfParams

    @property
    def key(self) -> bytes:
        return crypto.derive_key(self.passphrase, self.params)


def save_days(path: Path, key: bytes | None, days: range) -> None:
    db = Database.open(path, key)
    with db.transaction() as conn:
        for i in days:
            day = date(2026, 11, 24) - timedelta(days=i)
            CheckIns(conn).save(CheckIn(day, 3, 3, 3, UsedToday.NO, note=f"{MARKER} {i}"), NOW)
    db.close()


def notes(path: Path, key: bytes | None) -> list[str] | None:
    """What the file holds, or None if it is missing or ``key`` doesn't open it."""
    if not path.is_file():
        return None
    try:
        db = Database.open(path, key)
    except Exception:
        return None
    try:
        with db.reading() as conn:
            return [c.note for c in CheckIns(conn).all()]
    finally:
        db.close()


def own_notes(path: Path, lock: Lock | None) -> list[str] | None:
    """Opened as on a new computer: the key comes from the passphrase and the file alone."""
    if lock is None:
        return None if crypto.file_is_encrypted(path) else notes(path, None)
    params = crypto.file_params(path)
    if params != lock.params:
        return None
    return notes(path, crypto.derive_key(lock.passphrase, params))


def run_child(spec: dict[str, Any], folder: Path) -> subprocess.CompletedProcess[str]:
    spec_file = folder.with_name(folder.name + ".json")
    spec_file.write_text(json.dumps({**spec, "data_dir": str(folder)}), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "tests.storage.killed_child", str(spec_file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def leftovers(folder: Path) -> list[str]:
    prepared = [p.name for p in folder.rglob("*") if oplog.is_prepared(p.name)]
    return prepared + ([oplog.JOURNAL_NAME] if oplog.journal_path(folder).exists() else [])


Check = Callable[[Path], str]  # "old" or "new"; fails the test for anything else


def kill_at_every_step(template: Path, spec: dict[str, Any], state_of: Check) -> dict[str, str]:
    """Kill a copy of ``template`` at each step; returns the state found after each."""
    listing = template.with_name("listing")
    shutil.copytree(template, listing)
    listed = run_child({**spec, "list": True}, listing)
    assert listed.returncode == 0, listed.stderr
    steps = listed.stdout.split("\n")[:-1]
    assert state_of(listing) == "new"  # run to the end, it does what it should
    assert len(steps) >= 5, steps

    def one(step: str) -> tuple[str, str]:
        folder = template.with_name(f"killed-{steps.index(step)}")
        shutil.copytree(template, folder)
        result = run_child({**spec, "at": step}, folder)
        assert result.returncode == KILLED, (step, result.stderr)
        oplog.recover(folder, folder / "backups")  # the next start
        assert leftovers(folder) == [], step
        return step, state_of(folder)

    with ThreadPoolExecutor(max_workers=2) as pool:
        found = dict(pool.map(one, steps))
    # Killed before the journal: the old state; after it: the new one.
    written = steps.index(next(s for s in steps if s.endswith("journal written")))
    assert [found[s] for s in steps] == ["old"] * written + ["new"] * (len(steps) - written)
    return found


# -- passphrase: set, change, remove, and the first version's data moved on ---------------


def rekey_template(tmp_path: Path, lock: Lock | None) -> tuple[Path, list[str], bytes]:
    """Data, an automatic backup, a copy set aside by an old restore, and a truncated backup."""
    folder = tmp_path / "template"
    (folder / "backups").mkdir(parents=True)
    database = folder / "recovery.db"
    save_days(database, None, range(3))
    backup.make_backup(database, folder / "backups", NOW - timedelta(days=1), False)
    save_days(database, None, range(3, 5))
    # Where the first version set data aside: beside the data, not in backups/.
    shutil.copy(database, folder / "recovery-before-restore-20261120-080000.db")
    truncated = folder / "backups" / "recovery-2026-11-01-080000-manual.db"
    truncated.write_bytes(database.read_bytes()[:4096])
    if lock is not None:
        change_key(database, folder / "backups", None, lock.key, lock.params)
    expected = notes(database, lock.key if lock else None)
    assert expected is not None and len(expected) == 5
    return folder, expected, truncated.read_bytes()


def files_of(folder: Path) -> list[Path]:
    """The data and every copy of it that opens (the truncated backup aside)."""
    listed = backup.list_backups(folder / "backups", also=folder)
    return [folder / "recovery.db"] + [b.path for b in listed if "11-01" not in b.path.name]


def rekey_state(expected: list[str], truncated: bytes, old: Lock | None, new: Lock | None) -> Check:
    def state_of(folder: Path) -> str:
        files = files_of(folder)
        assert len(files) == 3, files
        assert (folder / "backups" / "recovery-2026-11-01-080000-manual.db").read_bytes() == (
            truncated
        )  # left exactly as it was
        for name, lock in (("old", old), ("new", new)):
            held = [own_notes(path, lock) for path in files]
            if held[0] == expected:
                # Every copy moves with the data: none is left behind in the old state.
                assert all(h is not None for h in held), (name, held)
                if name == "new" and new is not None:
                    for path in folder.rglob("*"):
                        if path.is_file() and "11-01" not in path.name:
                            assert MARKER.encode() not in path.read_bytes(), path
                    assert not crypto.kdf_path(folder / "recovery.db").exists()
                return name
        raise AssertionError(f"the data opens in neither state: {folder}")

    return state_of


def rekey_spec(old: Lock | None, new: Lock | None) -> dict[str, Any]:
    return {
        "op": "rekey",
        "old": old.key.hex() if old else None,
        "new": new.key.hex() if new else None,
        "params": asdict(new.params) if new else None,
    }


@pytest.mark.parametrize("change", ["set", "change", "remove"])
def test_a_kill_at_any_step_of_a_passphrase_change(tmp_path: Path, change: str) -> None:
    first, second = Lock(FIRST, fast_params()), Lock(SECOND, fast_params())
    old, new = {"set": (None, first), "change": (first, second), "remove": (second, None)}[change]
    template, expected, truncated = rekey_template(tmp_path, old)
    kill_at_every_step(template, rekey_spec(old, new), rekey_state(expected, truncated, old, new))


def test_a_kill_while_data_of_the_first_version_moves_to_the_current_one(
    tmp_path: Path,
) -> None:
    """The first version kept the key settings only beside the data (kdf.json)."""
    legacy = crypto.KdfParams("ab" * 16, 1, 8 * 1024, 1, version=1)
    template, expected, truncated = rekey_template(tmp_path, None)
    old_key = crypto.derive_key(FIRST, legacy)
    change_key(template / "recovery.db", template / "backups", None, old_key, None)
    crypto.save_params(template / "recovery.db", legacy)

    def state_of(folder: Path) -> str:
        files = files_of(folder)
        if crypto.file_params(files[0]) is None:
            assert crypto.kdf_path(files[0]).exists()
            held = [notes(path, old_key) for path in files]
            assert held[0] == expected and all(h is not None for h in held), files
            return "old"
        params = crypto.file_params(files[0])
        assert params is not None and params.time_cost == 1 and params.memory_cost == 8 * 1024
        return rekey_state(expected, truncated, None, Lock(FIRST, params))(folder)

    kill_at_every_step(template, {"op": "unlock", "passphrase": FIRST}, state_of)


# -- restore ---------------------------------------------------------------------------


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_kill_at_any_step_of_a_restore(tmp_path: Path, encrypted: bool) -> None:
    """Plain data from a plain backup; or encrypted data from a backup made with
    another passphrase (the data then opens with that one)."""
    data_lock = Lock(FIRST, fast_params()) if encrypted else None
    backup_lock = Lock(BACKUP_WORDS, fast_params()) if encrypted else None
    # The backup: two days, made where the backup's passphrase was in use.
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "backups").mkdir(parents=True)
    save_days(elsewhere / "recovery.db", None, range(2))
    if backup_lock is not None:
        change_key(elsewhere / "recovery.db", elsewhere / "backups", None, backup_lock.key,
                   backup_lock.params)  # fmt: skip
    made_there = backup.make_backup(elsewhere / "recovery.db", elsewhere / "backups",
                                    NOW - timedelta(days=2), True,
                                    key=backup_lock.key if backup_lock else None)  # fmt: skip
    # The data now: four days, under its own passphrase.
    folder = tmp_path / "template"
    (folder / "backups").mkdir(parents=True)
    database = folder / "recovery.db"
    save_days(database, None, range(4))
    if data_lock is not None:
        change_key(database, folder / "backups", None, data_lock.key, data_lock.params)
    made = folder / "backups" / made_there.name
    shutil.copy(made_there, made)
    data_key = data_lock.key if data_lock else None
    before = notes(database, data_key)
    in_backup = own_notes(made, backup_lock)
    assert before is not None and len(before) == 4
    assert in_backup is not None and len(in_backup) == 2

    def state_of(killed: Path) -> str:
        db = killed / "recovery.db"
        aside = [b for b in backup.list_backups(killed / "backups")
                 if b.kind is BackupKind.BEFORE_RESTORE]  # fmt: skip
        if own_notes(db, data_lock) == before:
            assert aside == []
            return "old"
        assert own_notes(db, backup_lock) == in_backup, "the data is in neither state"
        [kept] = aside
        assert own_notes(kept.path, data_lock) == before  # Undo restore can bring it back
        return "new"

    spec = {
        "op": "restore",
        "backup": str(made).replace(str(folder), "{folder}"),
        "now": NOW.isoformat(),
        "backup_key": backup_lock.key.hex() if backup_lock else None,
        "data_key": data_key.hex() if data_key else None,
    }
    kill_at_every_step(folder, spec, state_of)


# -- rotation ----------------------------------------------------------------------------


def test_a_kill_during_rotation_never_loses_a_kept_backup(tmp_path: Path) -> None:
    """Rotation deletes one file at a time: any kill leaves every kept backup, and the
    next rotation ends where an uninterrupted one would have."""
    from recovery_app.storage.backup.retention import Tiers, rotate

    folder = tmp_path / "template"
    (folder / "backups").mkdir(parents=True)
    save_days(folder / "recovery.db", None, range(1))
    for days_ago in range(0, 60, 6):
        backup.make_backup(folder / "recovery.db", folder / "backups",
                           NOW - timedelta(days=days_ago), False)  # fmt: skip
    backup.make_backup(folder / "recovery.db", folder / "backups", NOW - timedelta(days=90), True)
    tiers = (3, 2, 1)
    finished = tmp_path / "finished"
    shutil.copytree(folder, finished)
    rotate(finished / "backups", Tiers(*tiers))
    kept = sorted(p.name for p in (finished / "backups").iterdir())
    assert any("manual" in name for name in kept) and len(kept) < 11
    spec = {"op": "rotate", "tiers": tiers}
    listing = tmp_path / "listing"
    shutil.copytree(folder, listing)
    steps = run_child({**spec, "list": True}, listing).stdout.split("\n")[:-1]
    assert len(steps) == 11 - len(kept) >= 3

    def one(index: int) -> None:
        killed = tmp_path / f"killed-{index}"
        shutil.copytree(folder, killed)
        assert run_child({**spec, "at": steps[index]}, killed).returncode == KILLED
        left = {p.name for p in (killed / "backups").iterdir()}
        assert set(kept) <= left  # nothing kept was touched
        rotate(killed / "backups", Tiers(*tiers))  # the next start's rotation
        assert sorted(p.name for p in (killed / "backups").iterdir()) == kept

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, range(len(steps))))
