"""Encryption at rest: keys from Argon2id, SQLCipher files, passphrase set/change/remove."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.paths import AppPaths
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.backup.restore import RestoreError, restore
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.security import keys as crypto
from recovery_app.storage.security.rekey import change_key, file_is_encrypted
from tests.kdf import fast_params
from tests.strategies import storable_text

MARKER = "PLAINTEXT-MARKER-7f3a"
FAST = fast_params()


def fill(db: Database, clock: FixedClock, note: str = MARKER, days: int = 3) -> None:
    with db.transaction() as s:
        for i in range(days):
            day = clock.now().date() - timedelta(days=i)
            CheckIns(s).save(CheckIn(day, 3, 4, 2, UsedToday.NO, note=f"{note} {i}"), clock.now())


def notes(path: Path, key: bytes | None) -> list[str]:
    db = Database.open(path, key)
    try:
        with db.reading() as s:
            return [c.note for c in CheckIns(s).all()]
    finally:
        db.close()


def contains_marker(path: Path) -> bool:
    return path.exists() and MARKER.encode() in path.read_bytes()


def test_key_derivation_is_stable_and_salted() -> None:
    assert crypto.derive_key("correct horse", FAST) == crypto.derive_key("correct horse", FAST)
    assert len(crypto.derive_key("correct horse", FAST)) == 32
    other_salt = replace(FAST, salt="11" * 16)
    assert crypto.derive_key("correct horse", FAST) != crypto.derive_key(
        "correct horse", other_salt
    )
    assert crypto.derive_key("correct horse", FAST) != crypto.derive_key("correct horsf", FAST)
    with pytest.raises(crypto.WrongPassphrase):
        crypto.derive_key("", FAST)


def test_parameters_are_tuned_and_carried_in_the_file_itself(app_paths: AppPaths) -> None:
    params = crypto.new_params(target_seconds=0.02, memory_kib=8 * 1024)
    assert params.time_cost >= 1 and len(params.salt_bytes) == 16
    assert crypto.params_in_salt(params.salt_bytes) == params
    key = crypto.derive_key("my words", params)
    Database.open(app_paths.database).close()
    change_key(app_paths.database, app_paths.backups, None, key, params)
    # The file's first 16 bytes are the salt; nothing is written beside the data.
    assert app_paths.database.read_bytes()[:16] == params.salt_bytes
    assert not crypto.kdf_path(app_paths.database).exists()
    assert crypto.load_params(app_paths.database) == params
    assert crypto.needs_passphrase(app_paths.database)


def test_first_version_data_still_opens_with_its_settings_file(app_paths: AppPaths) -> None:
    legacy = crypto.KdfParams("ab" * 16, 1, 8 * 1024, 1, version=1)
    key = crypto.derive_key("old words", legacy)
    Database.open(app_paths.database, key).close()
    crypto.save_params(app_paths.database, legacy)
    assert crypto.file_params(app_paths.database) is None
    assert crypto.load_params(app_paths.database) == legacy
    assert oct(crypto.kdf_path(app_paths.database).stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("content", ["", "{not json", '{"salt": "zz"}', "newer"])
def test_unreadable_key_settings_are_a_clear_error(app_paths: AppPaths, content: str) -> None:
    path = crypto.kdf_path(app_paths.database)
    if content == "newer":
        crypto.save_params(app_paths.database, replace(FAST, version=99))
    else:
        path.write_text(content)
    with pytest.raises(crypto.KdfFileError):
        crypto.load_params(app_paths.database)


def test_no_plaintext_in_the_database_its_wal_shm_or_backups(
    app_paths: AppPaths, clock: FixedClock
) -> None:
    key = os.urandom(32)
    db = Database.open(app_paths.database, key)
    fill(db, clock)
    made = backup.make_backup(app_paths.database, app_paths.backups, clock.now(), False, key=key)
    wal = app_paths.database.with_name("recovery.db-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the notes are still in the WAL
    for path in (app_paths.database, wal, app_paths.database.with_name("recovery.db-shm"), made):
        assert not contains_marker(path), path
    assert file_is_encrypted(app_paths.database) and file_is_encrypted(made)
    db.close()
    assert notes(made, key) == [f"{MARKER} {i}" for i in (2, 1, 0)]


def test_wrong_key_is_refused_and_changes_nothing(app_paths: AppPaths, clock: FixedClock) -> None:
    key = os.urandom(32)
    db = Database.open(app_paths.database, key)
    fill(db, clock)
    db.close()
    before = hashlib.sha256(app_paths.database.read_bytes()).hexdigest()
    with pytest.raises(crypto.WrongPassphrase, match="doesn't open"):
        Database.open(app_paths.database, os.urandom(32))
    crypto.save_params(app_paths.database, FAST)
    with pytest.raises(crypto.WrongPassphrase, match="protected with a passphrase"):
        Database.open(app_paths.database, None)  # no key at all
    assert hashlib.sha256(app_paths.database.read_bytes()).hexdigest() == before


def test_set_change_and_remove_a_passphrase(app_paths: AppPaths, clock: FixedClock) -> None:
    db = Database.open(app_paths.database)
    fill(db, clock)
    plain_backup = backup.make_backup(app_paths.database, app_paths.backups, clock.now(), False)
    db.close()
    assert contains_marker(plain_backup) and not file_is_encrypted(app_paths.database)
    expected = notes(app_paths.database, None)

    first, second = os.urandom(32), os.urandom(32)
    change_key(app_paths.database, app_paths.backups, None, first, FAST)
    assert crypto.load_params(app_paths.database) == FAST
    assert crypto.load_params(plain_backup) == FAST  # each file carries its settings
    for path in (app_paths.database, plain_backup):
        assert file_is_encrypted(path) and not contains_marker(path)
    assert not app_paths.database.with_name("recovery.db-wal").exists()
    assert notes(app_paths.database, first) == expected
    assert notes(plain_backup, first) == expected

    later = fast_params()
    change_key(app_paths.database, app_paths.backups, first, second, later)
    assert crypto.load_params(app_paths.database) == later
    with pytest.raises(crypto.WrongPassphrase):
        Database.open(app_paths.database, first)
    assert notes(app_paths.database, second) == expected
    assert notes(plain_backup, second) == expected

    change_key(app_paths.database, app_paths.backups, second, None, None)
    assert not file_is_encrypted(app_paths.database)
    assert not crypto.kdf_path(app_paths.database).exists()
    assert notes(app_paths.database, None) == expected


def test_restore_an_encrypted_backup(app_paths: AppPaths, clock: FixedClock) -> None:
    key = os.urandom(32)
    db = Database.open(app_paths.database, key)
    fill(db, clock, days=1)
    saved = backup.make_backup(app_paths.database, app_paths.backups, clock.now(), True, key=key)
    fill(db, clock, note="later", days=2)
    db.close()
    with pytest.raises(RestoreError):
        restore(app_paths.database, app_paths.backups, saved, clock.now(), os.urandom(32), key)
    restore(app_paths.database, app_paths.backups, saved, clock.now(), key, key)
    assert notes(app_paths.database, key) == [f"{MARKER} 0"]


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=storable_text)
def test_any_note_survives_setting_and_removing_a_passphrase(
    tmp_path: Path, clock: FixedClock, note: str
) -> None:
    folder = tmp_path / f"run-{os.urandom(4).hex()}"
    folder.mkdir()
    path = folder / "recovery.db"
    db = Database.open(path)
    with db.transaction() as s:
        CheckIns(s).save(CheckIn(date(2026, 11, 1), 2, 5, 5, UsedToday.YES, note=note), clock.now())
    db.close()
    key = os.urandom(32)
    change_key(path, folder / "backups", None, key, FAST)
    assert notes(path, key) == [note]
    change_key(path, folder / "backups", key, None, None)
    assert notes(path, None) == [note]
