"""Every visible string goes through translate(): the pseudo-locale finds the ones that don't.

The language is chosen when a process starts (word tables are translated on
import), so the check runs the screenshots tool in its own process: it builds
every page and the main dialogs with sample data and lists any English word on
screen that the pseudo-locale did not touch.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from recovery_app import language
from recovery_app.core import i18n
from recovery_app.core.i18n import translate
from recovery_app.language import ENV, PSEUDO
from recovery_app.ui.common.style import icon

ROOT = Path(__file__).resolve().parents[2]


def test_no_page_or_dialog_shows_an_untranslated_word(tmp_path: Path) -> None:
    env = {**os.environ, ENV: PSEUDO, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "devtools.screenshots", str(tmp_path), "--pseudo", "--check-words"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    problems = [line for line in run.stderr.splitlines() if ": " in line and "[" in line]
    assert run.returncode == 0, run.stderr[-4000:]
    assert problems == []
    assert len(list(tmp_path.glob("*.png"))) >= 20  # the pages and dialogs were all drawn


def test_choosing_pseudo_translates_our_strings_and_qts_own(qapp: QApplication) -> None:
    try:
        language.choose(PSEUDO)
        language.install(qapp)
        assert translate("ui.today.page", "Good morning").startswith("[Gööd mörñíñg")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert "[" in buttons.buttons()[0].text()  # Qt's own "Cancel"
        assert not icon("today").isNull()  # file names are not words to translate
    finally:
        if language._chosen is not None:
            QCoreApplication.removeTranslator(language._chosen)
        language.choose()
    assert i18n.translate("ui.today.page", "Good morning") == "Good morning"
