"""``recovery-app self-test``: what a package build runs to prove it works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_app import selftest


def test_self_test_uses_every_part_and_the_window_then_passes(tmp_path: Path) -> None:
    # HOME points elsewhere, so nothing in the person's own folders could be opened.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env.pop("RECOVERY_APP_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "recovery_app", "self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "ok  content: 23 articles" in lines
    assert any(line.startswith("ok  encryption and migrations") for line in lines)
    assert "ok  window: 9 pages shown (offscreen)" in lines
    assert lines[-1].endswith("works on this computer.")
    assert not any(tmp_path.iterdir()), "the self-test left something in the home folder"


def test_a_missing_part_fails_the_self_test_with_its_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(folder: Path) -> str:
        raise FileNotFoundError("resources/content")

    monkeypatch.setattr(selftest, "CHECKS", (*selftest.CHECKS[:1], ("time zones", broken)))
    assert selftest.run() == 1
    out, err = capsys.readouterr()
    assert "ok  content" in out
    assert "FAILED  time zones: FileNotFoundError('resources/content')" in err
    assert "works on this computer" not in out
