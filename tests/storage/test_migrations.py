"""Every earlier schema, with a person's rows, is upgraded to the current one and loses nothing."""

from __future__ import annotations

import ast
import shutil
import sqlite3
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from recovery_app.core.checkin.checkin import UsedToday, UseQuestion
from recovery_app.core.clock import from_day_number
from recovery_app.core.errors import CorruptDatabaseError
from recovery_app.core.journal.entries import JournalFilter
from recovery_app.core.questionnaires.forms import Taken
from recovery_app.storage import migrate
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.drafts import Drafts
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.journal.queries import matching_ids
from recovery_app.storage.learn.reading import Reading, SelfChecks
from recovery_app.storage.meetings.meetings import Meetings
from recovery_app.storage.meetings.reminders import ReminderList
from recovery_app.storage.questionnaires.answers import Questionnaires
from recovery_app.storage.taper.diary import DoseLog, SymptomDiary, TaperPlans
from recovery_app.storage.taper.own_symptoms import OwnSymptoms
from recovery_app.storage.toolkit.plan import Plans
from recovery_app.storage.toolkit.reasons import Favourites, Reasons

FIXTURES = Path(__file__).parents[1] / "data" / "schemas"
EARLIER = migrate.KNOWN_REVISIONS[:-1]


def test_there_is_a_fixture_for_every_earlier_schema() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.db")) == sorted(EARLIER)


@pytest.mark.parametrize("revision", EARLIER)
def test_an_earlier_schema_is_upgraded_with_its_rows(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "recovery.db"
    shutil.copy(FIXTURES / f"{revision}.db", path)
    original = path.read_bytes()
    assert migrate.stored_revision(path) == revision
    db = Database.open(path)
    try:
        assert migrate.stored_revision(path) == migrate.HEAD_REVISION
        at = EARLIER.index(revision)
        with db.reading() as conn:
            assert Profile(conn).start_date() == date(2025, 6, 1)
            checkins = list(CheckIns(conn).all())
            assert [c.note for c in checkins] == ["Went to my group 🌱", "hard day — שלום", ""]
            assert [c.used for c in checkins] == list(UsedToday)
            # Answers given before migration 0005 keep the question they were asked.
            assert {c.use_question for c in checkins} == {UseQuestion.USED_TODAY}
            assert CheckIns(conn).revision_count(date(2026, 1, 3)) == 1
            if at >= 1:
                [entry] = list(Journal(conn).all())
                assert (entry.intensity, entry.text, len(entry.triggers)) == (7, "called Sam", 1)
                assert matching_ids(conn, JournalFilter(words="payday")) == [1]
                assert Drafts(conn).get("quick-capture") == {"line": "half written"}
            if at >= 2:
                assert Reading(conn).states()["withdrawal"].bookmarked
                [kept] = SelfChecks(conn).all()
                assert kept.answers[0] is True and kept.version == 1  # the first six signs
                assert [c.name for c in Contacts(conn).all()] == ["Sam"]
            if at >= 3:
                [meeting] = Meetings(conn).all()
                assert meeting.name == "NA Tuesday" and meeting.schedule.weekdays == (1,)
                assert Meetings(conn).history()[0].note == "shared"
                later = datetime(2026, 1, 20, tzinfo=UTC)
                assert ReminderList(conn).showing(later)[0].title == "NA Tuesday in 15 minutes"
            if at >= EARLIER.index("0011_questionnaires"):
                [taken] = history_of(conn)
                assert (taken.kind.value, taken.answers, taken.total) == (
                    "gad7",
                    (1, 2, 3, 1, 0, 0, 0),
                    7,
                )
            if at >= EARLIER.index("0012_taper"):
                plan = TaperPlans(conn).current()
                assert plan is not None and plan.steps[0].doses[0].amount == "0.5"
                [dose] = DoseLog(conn).all()
                assert (dose.taken.value, dose.amount, dose.note) == (
                    "different",
                    "0.25",
                    "felt shaky",
                )
                [day] = SymptomDiary(conn).all()
                assert day.ratings == {"Anxiety": 2, "Ringing in my ears": 1}
                # 0013: the person's own symptom joins their list; the common one is not theirs.
                assert OwnSymptoms(conn).names() == ["Ringing in my ears"]
            if at >= EARLIER.index("0009_toolkit"):
                assert [r.text for r in Reasons(conn).all()] == ["For my daughter"]
                assert Favourites(conn).keys() == ["grounding"]
                plan = Plans(conn).current()
                assert plan is not None and plan.sections["warning_signs"] == "skipping meals"
    finally:
        db.close()
    # The data as it was is kept beside it, untouched, before anything was migrated.
    [snapshot] = (tmp_path / "backups").glob("recovery-*-before-upgrade.db")
    assert migrate.stored_revision(snapshot) == revision
    with sqlite3.connect(snapshot) as raw:
        assert raw.execute("SELECT count(*) FROM checkin").fetchone() == (3,)
    assert len(original) > 0


def test_at_head_no_snapshot_is_made(tmp_path: Path) -> None:
    Database.open(tmp_path / "recovery.db").close()
    Database.open(tmp_path / "recovery.db").close()
    assert list(tmp_path.glob("**/*before-upgrade*")) == []


def test_migrations_import_no_app_code() -> None:
    """A migration must do the same thing whatever later versions of the app change."""
    folder = migrate.MIGRATIONS_DIR
    for path in [folder / "env.py", *sorted((folder / "versions").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("recovery_app"), path.name
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("recovery_app") for a in node.names), path.name


def test_not_recorded_and_a_slip_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "recovery.db"
    shutil.copy(FIXTURES / "0005_use_question.db", path)
    db = Database.open(path)
    try:
        with db.reading() as conn:
            before = list(CheckIns(conn).all())
        assert [(c.anxiety, c.craving) for c in before] == [(4, 3)] * 3  # numbers stay numbers
        now = datetime(2026, 1, 6, 15, 0, tzinfo=UTC)
        with db.transaction() as conn:
            CheckIns(conn).save(
                replace(
                    before[1], anxiety=None, slip_at=now - timedelta(days=2), slip_note="a note"
                ),
                now,
            )
        with db.reading() as conn:
            after = CheckIns(conn).get(before[1].day)
            assert after is not None and (after.anxiety, after.slip_note) == (None, "a note")
            assert CheckIns(conn).revision_count(date(2026, 1, 3)) == 1
    finally:
        db.close()


def test_a_migration_that_fails_half_way_changes_nothing(tmp_path: Path) -> None:
    """Every step of an upgrade is one transaction: a table made before the failing step
    is gone with it (Python's sqlite3 would have committed it on its own)."""
    path = tmp_path / "recovery.db"
    shutil.copy(FIXTURES / "0005_use_question.db", path)
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE _checkin_new (x)")  # the rebuild's second step will fail
    raw.close()
    with pytest.raises(CorruptDatabaseError):
        Database.open(path)
    with sqlite3.connect(path) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "_checkin_revision_kept" not in tables
        assert raw.execute("SELECT count(*) FROM checkin_revision").fetchone() == (1,)
    raw.close()
    assert migrate.stored_revision(path) == "0005_use_question"


def test_earlier_instants_get_the_offset_of_their_own_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries written before offsets were kept count by this computer's zone on their own
    date (winter and summer differ); attendance by its meeting's zone."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    path = tmp_path / "recovery.db"
    shutil.copy(FIXTURES / "0009_toolkit.db", path)
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO journal_entry (uid, kind, occurred_at, intensity, place, people,"
            " situation, thoughts, title, text, tags, created_at, updated_at)"
            " VALUES ('10000000-0000-4000-8000-000000000002', 'craving', '2026-07-03 21:15:00',"
            " 4, '', '', '', '', '', '', '', '2026-07-03 21:15:00', '2026-07-03 21:15:00')"
        )
    raw.close()
    try:
        db = Database.open(path)
        try:
            with db.reading() as conn:
                winter, summer = sorted(Journal(conn).all(), key=lambda e: e.occurred_at)
                # 20:30 UTC in January is 21:30 in Berlin; 21:15 UTC in July is 23:15.
                assert f"{winter.occurred_at:%H:%M %z}" == "21:30 +0100"
                assert f"{summer.occurred_at:%a %H:%M %z}" == "Fri 23:15 +0200"
                [start] = conn.execute(text("SELECT starts_minute FROM attendance")).scalars()
                # 19:00 in New York on Monday 5 January, in winter.
                days, minutes = divmod(start, 1440)
                assert (from_day_number(days), minutes) == (date(2026, 1, 5), 19 * 60)
                assert days % 7 == 0  # a Monday
        finally:
            db.close()
    finally:
        monkeypatch.undo()
        time.tzset()


def history_of(conn: Connection) -> list[Taken]:
    return Questionnaires(conn).all()
