"""A writer killed with SIGKILL in the middle of its work leaves an intact database.

Each round starts a process that saves check-ins with large notes, one
transaction each, and reports every commit. The test kills it at a random
point and then checks the file: intact, every reported commit present and
complete, nothing half-written.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from recovery_app.paths import AppPaths
from recovery_app.storage.db import Database

ROUNDS = 20
TODAY = date(2026, 11, 25)

WRITER = """
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.db import Database

db = Database.open(Path(sys.argv[1]))
first = int(sys.argv[2])
now = datetime(2026, 11, 25, 12, 0).astimezone()
print("ready", flush=True)
for i in range(first, first + 400):
    day = date(2026, 11, 25) - timedelta(days=i)
    note = f"day {i} " + "journal text that must never be cut in half. " * 400
    with db.transaction() as session:
        CheckIns(session).save(CheckIn(day, 1 + i % 5, i % 11, 3, UsedToday.NO, note=note), now)
    print(i, flush=True)
"""


def expected_note(i: int) -> str:
    return f"day {i} " + "journal text that must never be cut in half. " * 400


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_mid_transaction_never_leaves_a_partial_write(
    app_paths: AppPaths, tmp_path: Path
) -> None:
    Database.open(app_paths.database).close()
    rng = random.Random(20261125)
    acknowledged: set[int] = set()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for round_number in range(ROUNDS):
        first = round_number * 400
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(app_paths.database), str(first)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(1, 25)):
            line = child.stdout.readline()
            if not line:
                break
            acknowledged.add(int(line))
        child.send_signal(signal.SIGKILL)
        child.wait()
        # Commits reported between our last read and the kill count as reported too.
        acknowledged.update(int(line) for line in child.stdout.read().split())
        child.stdout.close()

        conn = sqlite3.connect(app_paths.database)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = dict(conn.execute("SELECT day, note FROM checkin").fetchall())
        finally:
            conn.close()
        stored = {(TODAY - date.fromisoformat(day)).days: note for day, note in rows.items()}
        assert acknowledged <= stored.keys(), "a reported commit was lost"
        for i, note in stored.items():
            assert note == expected_note(i), f"check-in {i} is only partly written"
        # At most the one transaction in flight may have landed without being reported.
        assert len(set(stored) - acknowledged) <= round_number + 1
    assert len(acknowledged) >= ROUNDS
