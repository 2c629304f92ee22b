"""Every page and dialog by keyboard: no Alt+letter used twice in one window, and each
label's Alt+letter puts the focus in its field, scrolled into view.

The screenshots tool builds every page and the dialogs with sample data in its own
process; ``--check-keys`` presses each label's mnemonic there (devtools/keyboard_check.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from devtools.keyboard_check import mnemonic, problems

ROOT = Path(__file__).resolve().parents[2]


def test_no_window_has_a_mnemonic_twice_or_one_that_goes_nowhere(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "devtools.screenshots", str(tmp_path), "--check-keys"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = [line for line in run.stderr.splitlines() if ": Alt+" in line]
    assert found == []
    assert run.returncode == 0, run.stderr[-4000:]
    assert len(list(tmp_path.glob("*.png"))) >= 30  # every page and dialog was visited


def test_the_check_finds_a_duplicate_and_a_label_with_nowhere_to_go(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    first, second = QLabel("&Strength", window), QLabel("&Save", window)
    field = QLineEdit(window)
    first.setBuddy(field)
    window.show()
    found = problems("test", window)
    assert any("Alt+S is both" in p for p in found)
    assert any("“Save” has Alt+S but no field" in p for p in found)
    assert mnemonic("Fish && chips") is None and mnemonic("Who w&ith") == "i"
    second.deleteLater()
