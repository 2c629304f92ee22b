"""The command line: version, export, and clear one-line errors with status 2."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from recovery_app import __version__
from recovery_app.cli import main
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry, Outcome
from recovery_app.paths import AppPaths
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import EXPORT_FORMAT, EXPORT_VERSION
from recovery_app.storage.journal.entries import Journal
from tests.kdf import use_fast_params

STRESS = default_uid(ChoiceList.TRIGGERS, "Stress")
PAYDAY = default_uid(ChoiceList.TRIGGERS, "Payday or having cash")
NOTE = "Felt shaky 😟 but called my sponsor — مرحبا"


@pytest.fixture
def filled(app_paths: AppPaths) -> AppPaths:
    now = datetime(2026, 11, 25, 9, 0).astimezone()
    db = Database.open(app_paths.database)
    with db.transaction() as s:
        Profile(s).set_start_date(date(2026, 1, 1), now)
        CheckIns(s).save(CheckIn(date(2026, 11, 24), 2, 7, 8, UsedToday.YES, note=NOTE), now)
        CheckIns(s).save(CheckIn(date(2026, 11, 25), 4, 3, 1, UsedToday.NO, sleep_hours=6.5), now)
        Journal(s).save(
            JournalEntry(
                EntryKind.CRAVING,
                now,
                intensity=7,
                triggers=(STRESS, PAYDAY),
                outcome=Outcome.PASSED,
                text=NOTE,
                tags=("evening", "work"),
            ),
            now,
        )
    db.close()
    return app_paths


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"recovery-app {__version__}"


def test_export_json(filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "export.json"
    assert (
        main(["--data-dir", str(filled.data_dir), "export", "--format", "json", "--out", str(out)])
        == 0
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == (EXPORT_FORMAT, EXPORT_VERSION)
    assert doc["profile"] == {"recovery_start_date": "2026-01-01"}
    assert [c["day"] for c in doc["checkins"]] == ["2026-11-24", "2026-11-25"]
    first = doc["checkins"][0]
    assert (first["used"], first["note"], first["craving"]) == ("yes", NOTE, 8)
    assert doc["checkins"][1]["sleep_hours"] == 6.5
    [entry] = doc["entries"]
    assert (entry["kind"], entry["intensity"], entry["text"]) == ("craving", 7, NOTE)
    assert entry["triggers"] == [STRESS, PAYDAY] and entry["tags"] == ["evening", "work"]
    assert any(t["name"] == "Stress" for t in doc["triggers"]) and doc["coping_strategies"]
    assert "not encrypted" in capsys.readouterr().err


def test_data_dir_from_environment(filled: AppPaths, tmp_path: Path) -> None:
    # The autouse fixture points RECOVERY_APP_DATA_DIR at the filled folder.
    out = tmp_path / "env.json"
    assert main(["export", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["checkins"]) == 2


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str], words: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_data_dir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    _fails(
        ["--data-dir", str(blocker), "export", "--out", str(tmp_path / "o.json")],
        capsys,
        "is a file",
    )


def test_unwritable_output(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fails(["export", "--out", str(tmp_path / "missing" / "o.json")], capsys, "does not exist")
    _fails(["export", "--out", str(tmp_path)], capsys, "is a folder")


def test_export_with_no_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fails(
        ["--data-dir", str(tmp_path / "empty"), "export", "--out", str(tmp_path / "o.json")],
        capsys,
        "no Recovery Companion data",
    )
    assert not (tmp_path / "empty").exists()


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "xml", "--out", "x"])
    assert exit_info.value.code == 2


def test_module_entry_point_in_a_real_process(filled: AppPaths, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "recovery_app",
            "--data-dir",
            str(blocker),
            "export",
            "--out",
            str(tmp_path / "o.json"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("recovery-app: ") and "Traceback" not in result.stderr


def test_backup_and_restore_round_trip(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "my-backup.db"
    assert main(["backup", "--out", str(copy)]) == 0
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    db = Database.open(filled.database)
    with db.transaction() as s:
        Profile(s).set_start_date(date(2026, 6, 1), datetime(2026, 11, 25, 9).astimezone())
    db.close()
    assert main(["restore", str(copy)]) == 0
    assert "kept as" in capsys.readouterr().err
    db = Database.open(filled.database)
    with db.reading() as s:
        assert Profile(s).start_date() == date(2026, 1, 1)
        assert CheckIns(s).count() == 2
    db.close()
    assert any("before-restore" in p.name for p in filled.backups.iterdir())


def test_restore_refuses_while_the_app_is_open(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QLockFile

    copy = tmp_path / "b.db"
    assert main(["backup", "--out", str(copy)]) == 0
    capsys.readouterr()
    running = QLockFile(str(filled.instance_lock))
    assert running.tryLock(0)
    try:
        _fails(["restore", str(copy)], capsys, "is open")
    finally:
        running.unlock()


def test_restore_of_a_bad_file_changes_nothing(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    before = filled.database.read_bytes()
    _fails(["restore", str(bad)], capsys, "can't be used")
    assert filled.database.read_bytes() == before


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fast_params(monkeypatch)


def test_passphrase_set_use_change_and_remove(
    filled: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fast_kdf: None,
) -> None:
    from recovery_app.storage.security.keys import file_is_encrypted

    monkeypatch.setenv("RECOVERY_APP_NEW_PASSPHRASE", "blue kite over the river")
    assert main(["passphrase", "set"]) == 0
    assert "can't be recovered" in capsys.readouterr().err
    assert file_is_encrypted(filled.database)
    assert NOTE.encode() not in filled.database.read_bytes()

    out = tmp_path / "e.json"
    monkeypatch.setenv("RECOVERY_APP_PASSPHRASE", "wrong words")
    _fails(["export", "--out", str(out)], capsys, "doesn't open your data")
    assert not out.exists()
    monkeypatch.setenv("RECOVERY_APP_PASSPHRASE", "blue kite over the river")
    assert main(["export", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["checkins"][0]["note"] == NOTE

    monkeypatch.setenv("RECOVERY_APP_NEW_PASSPHRASE", "green boat")
    assert main(["passphrase", "change"]) == 0
    monkeypatch.setenv("RECOVERY_APP_PASSPHRASE", "green boat")
    assert main(["passphrase", "remove"]) == 0
    assert not file_is_encrypted(filled.database)
    assert main(["export", "--out", str(out)]) == 0


def test_passphrase_needed_but_not_given(
    filled: AppPaths,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fast_kdf: None,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("RECOVERY_APP_NEW_PASSPHRASE", "a quiet morning")
    assert main(["passphrase", "set"]) == 0
    capsys.readouterr()
    monkeypatch.delenv("RECOVERY_APP_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", None)
    _fails(["backup", "--out", str(tmp_path / "b.db")], capsys, "RECOVERY_APP_PASSPHRASE")
    _fails(["passphrase", "set"], capsys, "already has a passphrase")


def test_export_csv_for_spreadsheets(filled: AppPaths, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "csv"
    assert main(["export", "--format", "csv", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "attendance.csv",
        "checkins.csv",
        "contacts.csv",
        "coping_strategies.csv",
        "dose_days.csv",
        "entries.csv",
        "meetings.csv",
        "profile.csv",
        "questionnaires.csv",
        "reasons.csv",
        "symptom_days.csv",
        "triggers.csv",
    ]
    assert stat.S_IMODE((out / "checkins.csv").stat().st_mode) == 0o600
    raw = (out / "checkins.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so spreadsheet programs read UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["day"] for r in rows] == ["2026-11-24", "2026-11-25"]
    assert rows[0]["note"] == NOTE and rows[0]["used"] == "yes" and rows[0]["hungry"] == "0"
    profile = (out / "profile.csv").read_text(encoding="utf-8-sig").splitlines()
    assert profile == ["recovery_start_date", "2026-01-01"]
    [entry] = csv.DictReader((out / "entries.csv").read_text(encoding="utf-8-sig").splitlines())
    assert (entry["kind"], entry["intensity"], entry["outcome"]) == ("craving", "7", "passed")
    assert entry["triggers"] == "Stress; Payday or having cash" and entry["text"] == NOTE
    assert entry["tags"] == "evening; work"
    triggers = list(csv.DictReader((out / "triggers.csv").read_text("utf-8-sig").splitlines()))
    assert {"Stress", "Hungry"} <= {t["name"] for t in triggers}


def test_import_command(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    assert main(["export", "--out", str(out)]) == 0
    other = tmp_path / "other"
    other.mkdir()
    Database.open(other / "recovery.db").close()
    capsys.readouterr()
    assert main(["--data-dir", str(other), "import", str(out)]) == 0
    assert "Added 2 check-ins and 1 journal entry." in capsys.readouterr().err
    assert main(["--data-dir", str(other), "import", str(out)]) == 0
    assert "3 were already here" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "recovery-companion-export", "version": 99}')
    _fails(["--data-dir", str(other), "import", str(bad)], capsys, "newer version")


def test_meetings_calendar_round_trip(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import time

    from recovery_app.core.meetings.schedule import Meeting, MeetingKind, Repeat, Schedule
    from recovery_app.storage.meetings.meetings import Meetings

    db = Database.open(filled.database)
    schedule = Schedule(Repeat.WEEKLY, date(2026, 11, 24), time(19), 60, "America/New_York",
                        weekdays=(1, 3))  # fmt: skip
    with db.transaction() as conn:
        Meetings(conn).save(
            Meeting("NA", MeetingKind.TWELVE_STEP, schedule), datetime(2026, 11, 25).astimezone()
        )
    db.close()
    out = tmp_path / "meetings.ics"
    assert main(["meetings", "export-ics", "--out", str(out)]) == 0
    assert "Exported 1 meeting" in capsys.readouterr().err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    other = tmp_path / "other"
    other.mkdir()
    Database.open(other / "recovery.db").close()
    assert main(["--data-dir", str(other), "meetings", "import-ics", str(out)]) == 0
    assert "Added 1 meeting." in capsys.readouterr().err
    assert main(["--data-dir", str(other), "meetings", "import-ics", str(out)]) == 0
    assert "1 were already here" in capsys.readouterr().err
    copy = Database.open(other / "recovery.db")
    with copy.reading() as conn:
        [back] = Meetings(conn).all()
    copy.close()
    assert back.schedule == schedule
    bad = tmp_path / "bad.ics"
    bad.write_text("hello")
    assert main(["--data-dir", str(other), "meetings", "import-ics", str(bad)]) == 2
    assert "not a calendar file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "is a folder"),
        (
            b'{"format": "recovery-companion-export", "version": 4, "checkins": [{"sleep_hours":'
            b" 1e999}]}",
            "number too large",
        ),
        ("\ufeff{}".encode("utf-16"), "UTF-16"),
        (
            b'{"format": "recovery-companion-export", "version": 4, "meetings": [{"uid": "a",'
            b' "name": "NA", "kind": "other", "repeat": "once", "first_day": "0001-01-01",'
            b' "start_time": "19:00", "duration_minutes": 60, "zone": "UTC"}]}',
            "1900 to 2200",
        ),
    ],
    ids=["folder", "1e999", "utf-16", "year 1"],
)
def test_a_hostile_import_is_one_line_and_exit_2(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None,
    words: str,
) -> None:  # fmt: skip
    source = tmp_path / "source"
    if content is None:
        source.mkdir()
    else:
        source.write_bytes(content)
    assert main(["--data-dir", str(filled.data_dir), "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and "Traceback" not in err


def test_passphrase_set_leaves_a_damaged_backup_as_it_is_and_says_so(
    filled: AppPaths,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fast_kdf: None,
) -> None:
    filled.backups.mkdir(exist_ok=True)
    cut = filled.backups / "recovery-2026-11-01-080000-manual.db"
    short = filled.database.read_bytes()[:2048]
    cut.write_bytes(short)  # a copy cut short
    monkeypatch.setenv("RECOVERY_APP_NEW_PASSPHRASE", "blue kite over the river")
    assert main(["passphrase", "set"]) == 0
    err = capsys.readouterr().err
    assert "left as they are: recovery-2026-11-01-080000-manual.db" in err
    assert "Traceback" not in err and cut.read_bytes() == short
