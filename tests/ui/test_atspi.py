"""What a screen reader sees, over the real AT-SPI bus: the app runs as its own process
under Xvfb (walking the tree in-process makes Qt warn), every page and the main dialogs
are walked, and any control a person can reach without a name fails the test.

Skipped where the bus or Xvfb is missing on a developer's machine; .ci/run installs
them, and with CI=true a missing one fails instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEEDED = ("Xvfb", "dbus-run-session", "openbox", "xdotool", "/usr/libexec/at-spi-bus-launcher")


def _missing() -> list[str]:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None and not Path(tool).exists()]
    has_pyatspi = Path("/usr/bin/python3").exists() and (
        subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True).returncode
        == 0
    )
    return missing if has_pyatspi else [*missing, "python3-pyatspi"]


def test_every_reachable_control_has_a_name_a_screen_reader_says(tmp_path: Path) -> None:
    missing = _missing()
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"missing for the AT-SPI test: {', '.join(missing)} (.ci/run installs them)")
    if missing:
        pytest.skip(f"not installed here: {', '.join(missing)}")
    run = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-m", "devtools.atspi_session",
         str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    report = run.stdout
    problems = [line for line in report.splitlines() if line.startswith("PROBLEM:")]
    assert problems == [], report
    assert run.returncode == 0, report + run.stderr[-2000:]
    visited = next(line for line in report.splitlines() if line.startswith("VISITED:"))
    for page in ("Today", "Check-in", "Journal", "Meetings", "Taper diary", "Your data"):
        assert page in visited
    assert visited.count("|") >= 15  # the pages and the dialogs opened from them
