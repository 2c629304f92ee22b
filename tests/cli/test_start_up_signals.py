"""Signals that arrive in the first seconds, before anything else touched the ``Qt`` namespace.

The launch path never touches ``Qt``'s enums before the first paint (they cost
time), so a slot that takes an enum argument could not be called then. This
runs the real window in its own process, where nothing else has touched them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from recovery_app.paths import AppPaths

SCRIPT = r"""
import json, sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from recovery_app.core.clock import SystemClock
from recovery_app.paths import AppPaths
from recovery_app.storage.db import Database

app = QApplication(sys.argv[:1])
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.meetings.scheduler import ReminderScheduler
from recovery_app.ui.shell.main_window import MainWindow

problems = []
sys.excepthook = lambda kind, value, tb: problems.append(f"{kind.__name__}: {value}")
seen = []
# The real check happens to touch ``Qt`` first; recording it keeps ``Qt`` untouched,
# as it is when the window is activated in the first moments on a real desktop.
ReminderScheduler.check = lambda self: seen.append("checked")
paths = AppPaths(Path(sys.argv[1]))
window = MainWindow(paths, SystemClock())
db = Database.open(paths.database)
ctx = AppContext(db, window.clock, window.bus, window.ops, window.settings, paths)
window.reminders.start(ctx)  # connects to the application's state, as after opening data
# A slot without arguments needs no conversion, so this one always runs.
app.applicationStateChanged.connect(lambda: seen.append("state"))
other = QWidget()
other.show()
other.activateWindow()  # the app becomes active: its state changes
while "state" not in seen:
    app.processEvents()
print(json.dumps({"problems": problems, "seen": seen}))
"""


def test_the_application_state_changing_at_start_is_handled(app_paths: AppPaths) -> None:
    app_paths.settings.write_text('{"welcome_done": true}', encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(app_paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["problems"] == []
    # Checked once at start, then again because the state changed; then the probe.
    assert report["seen"] == ["checked", "checked", "state"]
