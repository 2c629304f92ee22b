"""The use question: answers keep the question they were given to, across upgrade and import."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from recovery_app.core.checkin.checkin import CheckIn, UsedToday, UseQuestion
from recovery_app.storage import migrate
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import EXPORT_VERSION, build_document, export_json
from recovery_app.storage.exchange.importer import import_file

NOW = datetime(2026, 11, 25, 12, 0).astimezone()


def database_at(path: Path, revision: str) -> None:
    """A database file as an older version of the app left it."""
    db = Database(path)
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with db.transaction() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    db.close()


def test_answers_given_before_the_upgrade_keep_the_old_question(tmp_path: Path) -> None:
    path = tmp_path / "recovery.db"
    database_at(path, "0004_meetings")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO checkin (uid, day, mood, anxiety, craving, hungry, angry, lonely, tired,"
            " used, gratitude, note, created_at, updated_at) VALUES"
            " ('6f1f7a2e-2f4b-4d8e-9a51-0c2f6b1d9e10', '2026-11-20', 3, 4, 2, 0, 0, 0, 0, 'yes',"
            " '', 'took my taper dose', '2026-11-20 20:00:00', '2026-11-20 20:00:00')"
        )
    db = Database.open(path)
    try:
        with db.transaction() as s:
            old = CheckIns(s).get(date(2026, 11, 20))
            assert old is not None
            assert (old.used, old.use_question) == (UsedToday.YES, UseQuestion.USED_TODAY)
            assert old.note == "took my taper dose"
            new = CheckIns(s).save(CheckIn(date(2026, 11, 21), 3, 2, 1, UsedToday.NO), NOW)
        assert new.use_question is UseQuestion.OUTSIDE_PLAN
    finally:
        db.close()


def test_export_carries_the_question_and_older_files_mean_the_old_one(
    db: Database, tmp_path: Path
) -> None:
    with db.transaction() as s:
        CheckIns(s).save(CheckIn(date(2026, 11, 20), 3, 2, 1, UsedToday.YES), NOW)
        CheckIns(s).save(
            CheckIn(
                date(2026, 11, 21), 3, 2, 1, UsedToday.YES, use_question=UseQuestion.USED_TODAY
            ),
            NOW,
        )
    document = build_document(db, NOW)
    assert document["version"] == EXPORT_VERSION == 9
    assert [c["use_question"] for c in document["checkins"]] == ["outside_plan", "used_today"]

    # A file written before version 4 only ever asked "Did you use today?".
    older = dict(document, version=3)
    older["checkins"] = [{k: v for k, v in c.items() if k != "use_question"}
                         for c in document["checkins"]]  # fmt: skip
    source = tmp_path / "v3.json"
    source.write_text(json.dumps(older), encoding="utf-8")
    target = Database.open(tmp_path / "target.db")
    try:
        import_file(target, source, NOW)
        with target.reading() as s:
            kept = [c.use_question for c in CheckIns(s).all()]
        assert kept == [UseQuestion.USED_TODAY, UseQuestion.USED_TODAY]
    finally:
        target.close()

    current = tmp_path / "v4.json"
    export_json(db, current, NOW)
    again = Database.open(tmp_path / "again.db")
    try:
        import_file(again, current, NOW)
        with again.reading() as s:
            kept = [c.use_question for c in CheckIns(s).all()]
        assert kept == [UseQuestion.OUTSIDE_PLAN, UseQuestion.USED_TODAY]
    finally:
        again.close()


def test_slips_runs_and_not_recorded_survive_export_and_import(
    db: Database, tmp_path: Path
) -> None:
    from recovery_app.core.checkin.progress import compute_progress
    from recovery_app.storage.checkin.profile import Profile

    slip_at = datetime(2026, 11, 10, 21, 30).astimezone()
    with db.transaction() as s:
        Profile(s).set_start_date(date(2026, 9, 1), NOW)
        CheckIns(s).save(CheckIn(date(2026, 10, 1), 2, None, 8, UsedToday.YES), NOW)
        CheckIns(s).save(
            CheckIn(
                date(2026, 11, 10),
                2,
                3,
                None,
                UsedToday.YES,
                slip_at=slip_at,
                slip_note="at the party",
            ),
            NOW,
        )
        CheckIns(s).save(CheckIn(date(2026, 11, 11), 4, None, None, UsedToday.NO), NOW)
    path = tmp_path / "export.json"
    export_json(db, path, NOW)
    written = json.loads(path.read_text(encoding="utf-8"))["checkins"]
    assert [(c["anxiety"], c["craving"]) for c in written] == [(None, 8), (3, None), (None, None)]
    target = Database.open(tmp_path / "target.db")
    try:
        import_file(target, path, NOW)
        with target.reading() as s:
            back = list(CheckIns(s).all())
            start = Profile(s).start_date()
        assert [(c.anxiety, c.craving) for c in back] == [(None, 8), (3, None), (None, None)]
        assert back[1].slip_at == slip_at and back[1].slip_note == "at the party"
        assert start is not None
        runs = compute_progress(start, NOW.date(), [c.day for c in back if c.is_slip]).runs
        assert [r.days for r in runs] == [30, 39, 14]  # the run history comes back whole
    finally:
        target.close()


def test_a_slip_time_without_a_yes_is_refused_on_import(db: Database, tmp_path: Path) -> None:
    from recovery_app.core.errors import KnownError

    with db.transaction() as s:
        CheckIns(s).save(CheckIn(date(2026, 11, 20), 3, 2, 1, UsedToday.NO), NOW)
    document = build_document(db, NOW)
    document["checkins"][0]["slip_note"] = "left from an edit elsewhere"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    target = Database.open(tmp_path / "target.db")
    try:
        with pytest.raises(KnownError, match="only with a Yes"):
            import_file(target, path, NOW)
        with target.reading() as s:
            assert CheckIns(s).count() == 0
    finally:
        target.close()
