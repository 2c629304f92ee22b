"""Moving to a new computer from the command line: a new, empty folder is set up by
``import``, ``restore`` and ``meetings import-ics``; an encrypted backup restores
there with nothing but its passphrase, also one from before a passphrase change."""

from __future__ import annotations

import json
import shutil
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from recovery_app.cli import main
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.paths import AppPaths
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.security import keys as crypto
from tests.kdf import use_fast_params

NOW = datetime(2026, 11, 25, 9, 0).astimezone()
OLD, NEW = "words on my old laptop", "words chosen later"
CALENDAR = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//EN\r
BEGIN:VEVENT\r
UID:group-1@example.org\r
DTSTAMP:20261101T120000Z\r
DTSTART;TZID=America/New_York:20261103T190000\r
DTEND;TZID=America/New_York:20261103T200000\r
RRULE:FREQ=WEEKLY;BYDAY=TU\r
SUMMARY:Tuesday group\r
END:VEVENT\r
END:VCALENDAR\r
"""


def private(path: Path, mode: int) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == mode


def new_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """A data folder that does not exist yet (its parent does)."""
    folder = tmp_path / "new-computer" / "data"
    folder.parent.mkdir()
    monkeypatch.setenv("RECOVERY_APP_DATA_DIR", str(folder))
    return AppPaths(folder)


def test_import_sets_up_a_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps(
            {
                "format": "recovery-companion-export",
                "version": 4,
                "profile": {"recovery_start_date": "2025-11-20"},
                "checkins": [
                    {"uid": "0b8c1e4e-7d1e-4d8a-9f0e-2b7a5c9d1e01", "day": "2026-11-24",
                     "mood": 4, "anxiety": 2, "craving": 1, "used": "no", "note": "a year"}
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    paths = new_computer(tmp_path, monkeypatch)
    assert main(["import", str(export)]) == 0
    assert "Added 1 check-in" in capsys.readouterr().err
    assert private(paths.data_dir, 0o700) and private(paths.database, 0o600)
    db = Database.open(paths.database)
    with db.reading() as conn:
        assert Profile(conn).start_date() == date(2025, 11, 20)
        assert CheckIns(conn).count() == 1
    db.close()


def test_meetings_from_a_calendar_on_a_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = tmp_path / "groups.ics"
    calendar.write_text(CALENDAR, encoding="utf-8", newline="")
    paths = new_computer(tmp_path, monkeypatch)
    assert main(["meetings", "import-ics", str(calendar)]) == 0
    db = Database.open(paths.database)
    with db.reading() as conn:
        assert [m.name for m in Meetings(conn).all()] == ["Tuesday group"]
    db.close()
    assert private(paths.data_dir, 0o700)


def make_old_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Data with a passphrase and a backup; then the passphrase is changed and a second
    backup made. Returns the two backups (under OLD, under NEW)."""
    use_fast_params(monkeypatch)
    old = tmp_path / "old-computer"
    monkeypatch.setenv("RECOVERY_APP_DATA_DIR", str(old))
    old.mkdir()
    db = Database.open(old / "recovery.db")
    with db.transaction() as conn:
        Profile(conn).set_start_date(date(2025, 6, 1), NOW)
        CheckIns(conn).save(CheckIn(date(2026, 11, 20), 3, 3, 2, UsedToday.NO, note="first"), NOW)
    db.close()
    monkeypatch.setenv("RECOVERY_APP_NEW_PASSPHRASE", OLD)
    assert main(["passphrase", "set"]) == 0
    monkeypatch.setenv("RECOVERY_APP_PASSPHRASE", OLD)
    assert main(["backup", "--out", str(tmp_path / "before-change.db")]) == 0
    monkeypatch.setenv("RECOVERY_APP_NEW_PASSPHRASE", NEW)
    assert main(["passphrase", "change"]) == 0
    monkeypatch.setenv("RECOVERY_APP_PASSPHRASE", NEW)
    assert main(["backup", "--out", str(tmp_path / "after-change.db")]) == 0
    shutil.rmtree(old)  # the old computer is gone, and its key settings file with it
    return tmp_path / "before-change.db", tmp_path / "after-change.db"


@pytest.mark.parametrize("which", ["after", "before"])
def test_an_encrypted_backup_restores_on_a_new_computer_with_its_passphrase(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    which: str,
) -> None:
    before, after = make_old_computer(tmp_path, monkeypatch)
    chosen, words = (after, NEW) if which == "after" else (before, OLD)
    assert crypto.file_params(chosen) is not None  # the file carries its key settings
    paths = new_computer(tmp_path, monkeypatch)
    capsys.readouterr()
    other = NEW if words == OLD else OLD
    monkeypatch.setenv("RECOVERY_APP_PASSPHRASE", other)
    assert main(["restore", str(chosen)]) == 2
    assert "doesn't open this backup" in capsys.readouterr().err
    assert not paths.database.exists()
    monkeypatch.setenv("RECOVERY_APP_PASSPHRASE", words)
    assert main(["restore", str(chosen)]) == 0
    assert "opens with the passphrase this backup was made with" in capsys.readouterr().err
    assert private(paths.data_dir, 0o700) and private(paths.database, 0o600)
    assert not crypto.kdf_path(paths.database).exists()
    # The data opens with that passphrase, on this computer, from now on.
    out = tmp_path / "check.json"
    assert main(["export", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["profile"] == {"recovery_start_date": "2025-06-01"}
    assert [c["note"] for c in doc["checkins"]] == ["first"]
