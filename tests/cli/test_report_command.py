"""``recovery-app report``: the clinician report with no window and no display."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from recovery_app.cli import main
from recovery_app.paths import AppPaths
from recovery_app.storage.db import Database
from tests.insights_data import OWN_WORDS, fill
from tests.pdf_text import pdf_text


@pytest.fixture
def filled(app_paths: AppPaths) -> AppPaths:
    db = Database.open(app_paths.database)
    fill(db)
    db.close()
    return app_paths


def test_a_report_for_two_weeks_in_a_fresh_process_without_a_display(
    filled: AppPaths, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "recovery_app", "--data-dir", str(filled.data_dir), "report",
         "--from", "2026-11-02", "--to", "2026-11-15", "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = "".join(pdf_text(out.read_bytes()).split())
    assert "2November2026to15November2026" in text and "3cravingslogged" in text
    assert "".join(OWN_WORDS.split()) not in text


def test_notes_only_when_asked_and_the_figures_as_csv(
    qapp: QApplication, filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In this process the report uses the test run's own Qt application (as the
    command does whenever one exists), rather than making one of its own."""
    base = [
        "--data-dir",
        str(filled.data_dir),
        "report",
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-15",
    ]
    pdf = tmp_path / "notes.pdf"
    assert main([*base, "--notes", "--sections", "cravings,meetings", "--out", str(pdf)]) == 0
    text = "".join(pdf_text(pdf.read_bytes()).split())
    assert "".join(OWN_WORDS.split()) in text and "Whencravingscame" not in text
    figures = tmp_path / "figures.csv"
    assert main([*base, "--format", "csv", "--sections", "meetings", "--out", str(figures)]) == 0
    rows = list(csv.DictReader(io.StringIO(figures.read_text(encoding="utf-8"))))
    assert {(r["section"], r["row"], r["measure"], r["value"]) for r in rows} == {
        ("meetings", "2026-11-02", "Went", "1"),
        ("meetings", "2026-11-02", "Missed", "0"),
        ("meetings", "2026-11-09", "Went", "0"),
        ("meetings", "2026-11-09", "Missed", "1"),
    }
    capsys.readouterr()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "2026-11-20", "--to", "2026-11-02"], "first day must not be after"),
        (["--from", "2026-02-30"], "is not a date"),
        (["--sections", "cravings,feelings"], "not feelings"),
    ],
)
def test_wrong_arguments_say_what_is_wrong_and_write_nothing(
    qapp: QApplication,
    filled: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    words: str,
) -> None:
    out = tmp_path / "report.pdf"
    try:
        code = main(["--data-dir", str(filled.data_dir), "report", *args, "--out", str(out)])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    assert code == 2
    assert words in capsys.readouterr().err
    assert not out.exists()
