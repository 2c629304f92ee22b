"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from recovery_app.core.clock import FixedClock
from recovery_app.paths import ENV_DATA_DIR, AppPaths
from recovery_app.storage.db import Database

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    return folder


@pytest.fixture
def app_paths(data_dir: Path) -> AppPaths:
    data_dir.mkdir(mode=0o700, exist_ok=True)
    return AppPaths(data_dir)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 25, 10, 0, tzinfo=NEW_YORK))


@pytest.fixture
def db(app_paths: AppPaths):
    database = Database.open(app_paths.database)
    yield database
    database.close()
