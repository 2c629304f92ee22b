"""The real app process: starts, shows Today, makes its daily backup and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from recovery_app.paths import AppPaths
from recovery_app.storage.backup import backups as backup
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database


def test_the_app_quits_cleanly_while_its_daily_backup_runs(app_paths: AppPaths) -> None:
    db = Database.open(app_paths.database)
    with db.transaction() as conn:  # something to keep, so the daily backup is made
        Profile(conn).set_start_date(date(2026, 1, 1), datetime.now().astimezone())
    db.close()
    app_paths.settings.write_text('{"welcome_done": true}', encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Started with the benchmark marks, the app quits as soon as Today shows its
    # data, which is exactly when the daily backup has just started.
    result = subprocess.run(
        [sys.executable, "-m", "devtools.launch", "--data-dir", str(app_paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert "today-data" in result.stdout
    # Nothing heavy on the launch path: no SQLAlchemy before the first paint, and no
    # Alembic, ORM or recurrence rules by the time Today shows its data.
    lines = result.stdout.splitlines()
    assert "loaded-at-paint -" in lines
    assert "loaded -" in lines
    made = backup.list_backups(app_paths.backups)
    assert len(made) == 1
    backup.check_database_file(made[0].path)
    assert not any(Path(p).name.endswith(".partial") for p in os.listdir(app_paths.backups))
