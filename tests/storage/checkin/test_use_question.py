"""The use question: answers keep the question they were given to, across upgrade and import."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

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
    assert document["version"] == EXPORT_VERSION == 4
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
