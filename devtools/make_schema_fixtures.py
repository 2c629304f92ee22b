"""Write one database per earlier schema revision, with real rows, for the migration tests.

    python -m devtools.make_schema_fixtures tests/data/schemas

Each file is made by the migrations up to that revision and filled with plain
SQL of that revision's tables, as a person's data would be. Run it once when a
revision is added (files already there are left as they are); the files are kept in the repository so later changes to the
migrations can't quietly change what the test starts from.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config

from recovery_app.storage import migrate
from recovery_app.storage.db import make_engine

STRESS = "eaa83503-1ede-5f06-9d30-d6713307f06f"  # a default trigger since 0002


def _upgrade_to(path: Path, revision: str) -> None:
    engine = make_engine(path)
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _rows(conn: sqlite3.Connection, revision: str) -> None:
    at = migrate.KNOWN_REVISIONS.index(revision)
    t = "2026-01-05 20:30:00"
    conn.execute(
        "INSERT INTO recovery_profile (id, start_date, updated_at) VALUES (1, '2025-06-01', ?)",
        (t,),
    )
    for i, (day, used, note) in enumerate(
        [
            ("2026-01-03", "no", "Went to my group 🌱"),
            ("2026-01-04", "yes", "hard day — שלום"),
            ("2026-01-05", "prefer_not_to_say", ""),
        ]
    ):
        conn.execute(
            "INSERT INTO checkin (uid, day, mood, anxiety, craving, sleep_hours, sleep_quality,"
            " hungry, angry, lonely, tired, used, gratitude, note, created_at, updated_at)"
            " VALUES (?, ?, ?, 4, 3, 7.5, 4, 0, 0, 1, 1, ?, 'my sister', ?, ?, ?)",
            (f"00000000-0000-4000-8000-00000000000{i}", day, 2 + i, used, note, t, t),
        )
    conn.execute(
        "INSERT INTO checkin_revision (checkin_id, replaced_at, snapshot) VALUES (1, ?, '{}')", (t,)
    )
    if at >= 1:
        conn.execute(
            "INSERT INTO journal_entry (uid, kind, occurred_at, intensity, duration_minutes,"
            " outcome, place, people, situation, thoughts, title, text, mood, tags, created_at,"
            " updated_at) VALUES ('10000000-0000-4000-8000-000000000001', 'craving', ?, 7, 20,"
            " 'passed', 'home', '', 'payday', 'just one', '', 'called Sam', NULL, '', ?, ?)",
            (t, t, t),
        )
        trigger = conn.execute("SELECT id FROM trigger_choice WHERE uid = ?", (STRESS,)).fetchone()[
            0
        ]
        conn.execute("INSERT INTO entry_trigger (entry_id, choice_id) VALUES (1, ?)", (trigger,))
        coping = conn.execute("SELECT id FROM coping_choice ORDER BY position LIMIT 1").fetchone()[
            0
        ]
        conn.execute("INSERT INTO entry_coping (entry_id, choice_id) VALUES (1, ?)", (coping,))
        conn.execute(
            "INSERT INTO journal_search (rowid, body) VALUES (1, 'payday just one called sam')"
        )
        conn.execute(
            "INSERT INTO journal_draft (name, payload, updated_at) VALUES ('quick-capture', '{\"line\": \"half written\"}', ?)",
            (t,),
        )
    if at >= 2:
        conn.execute(
            "INSERT INTO article_state (slug, read_at, bookmarked, position, opened_at) VALUES ('withdrawal', ?, 1, 120, ?)",
            (t, t),
        )
        conn.execute(
            "INSERT INTO self_check (uid, taken_at, answers) VALUES ('20000000-0000-4000-8000-000000000001', ?, '100100')",
            (t,),
        )
        conn.execute(
            "INSERT INTO contact (uid, kind, name, role, phone, note, position, created_at) VALUES ('30000000-0000-4000-8000-000000000001', 'personal', 'Sam', 'Sponsor', '+1 555 010 2233', 'after 6pm', 1, ?)",
            (t,),
        )
    if at >= 3:
        conn.execute(
            "INSERT INTO meeting (uid, name, kind, location, online, repeat, first_day, start_time,"
            " duration_minutes, zone, every, weekdays, nth, month_day, rrule, reminders, notes,"
            " paused, created_at, updated_at) VALUES ('40000000-0000-4000-8000-000000000001',"
            " 'NA Tuesday', 'twelve_step', 'Hall', 0, 'weekly', '2025-11-04', '19:00', 60,"
            " 'America/New_York', 1, '1', 1, 1, 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;WKST=MO', '15',"
            " '', 0, ?, ?)",
            (t, t),
        )
        conn.execute(
            "INSERT INTO attendance (meeting_id, starts_at, status, note, recorded_at) VALUES (1, '2026-01-06 00:00:00', 'went', 'shared', ?)",
            (t,),
        )
        conn.execute(
            "INSERT INTO notification (key, kind, meeting_uid, starts_at, title, body, due_at) VALUES ('k1', 'meeting', '40000000-0000-4000-8000-000000000001', '2026-01-13 00:00:00', 'NA Tuesday in 15 minutes', '', '2026-01-12 23:45:00')"
        )
        conn.execute(
            "INSERT INTO app_state (key, value) VALUES ('reminders_checked_until', '2026-01-05T20:30:00+00:00')"
        )
    if at >= migrate.KNOWN_REVISIONS.index("0010_local_offsets"):
        # Wall-clock minutes from 1900 for the rows above, written in UTC (offset 0).
        minutes = "(julianday({c}) - julianday('1900-01-01')) * 1440"
        conn.execute(
            f"UPDATE journal_entry SET occurred_minute = CAST(round({minutes.format(c='occurred_at')}) AS INTEGER)"
        )
        conn.execute(
            f"UPDATE attendance SET starts_minute = CAST(round({minutes.format(c='starts_at')}) AS INTEGER) - 300"
        )
    if at >= migrate.KNOWN_REVISIONS.index("0011_questionnaires"):
        conn.execute(
            "INSERT INTO questionnaire (uid, kind, taken_at, taken_minute, answers, difficulty)"
            " VALUES ('70000000-0000-4000-8000-000000000001', 'gad7', ?, 66277230, '1231000', 1)",
            (t,),
        )
    if at >= migrate.KNOWN_REVISIONS.index("0012_taper"):
        steps = '[{"starts": "2026-01-01", "note": "", "doses": [{"when": "morning", "amount": "0.5", "note": ""}]}]'
        conn.execute(
            "INSERT INTO taper_plan_version (uid, saved_at, medicine, form, strength, unit, changed_by, steps)"
            " VALUES ('80000000-0000-4000-8000-000000000001', ?, 'clonazepam', 'tablet', '0.5 mg', 'mg', '', ?)",
            (t, steps),
        )
        conn.execute(
            "INSERT INTO dose_day (day, taken, amount, note, updated_at) VALUES ('2026-01-05', 'different', '0.25', 'felt shaky', ?)",
            (t,),
        )
        conn.execute(
            "INSERT INTO symptom_day (day, ratings, red_flags, note, updated_at)"
            " VALUES ('2026-01-05', '{\"Anxiety\": 2, \"Ringing in my ears\": 1}', '', 'a wave', ?)",
            (t,),
        )
    if at >= migrate.KNOWN_REVISIONS.index("0009_toolkit"):
        conn.execute(
            "INSERT INTO reason (uid, text, position, created_at, updated_at) VALUES ('50000000-0000-4000-8000-000000000001', 'For my daughter', 0, ?, ?)",
            (t, t),
        )
        conn.execute(
            "INSERT INTO favourite_skill (skill, created_at) VALUES ('grounding', ?)", (t,)
        )
        conn.execute(
            "INSERT INTO plan_version (uid, saved_at, sections) VALUES ('60000000-0000-4000-8000-000000000001', ?, '{\"warning_signs\": \"skipping meals\"}')",
            (t,),
        )


def make(folder: Path, revision: str) -> Path:
    path = folder / f"{revision}.db"
    path.unlink(missing_ok=True)
    _upgrade_to(path, revision)
    conn = sqlite3.connect(path)
    with conn:
        _rows(conn, revision)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    for revision in migrate.KNOWN_REVISIONS[:-1]:
        if not (args.folder / f"{revision}.db").exists():
            print(make(args.folder, revision))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
