"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator

# A 1280x800 laptop screen (the offscreen default is 800x800): the layout tests need a
# screen the size the design promises to fit.
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
    os.path.dirname(__file__), "data", "screen-1280x800.json"
)

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from recovery_app.core.clock import FixedClock
from recovery_app.paths import ENV_DATA_DIR, AppPaths
from recovery_app.storage.db import Database

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True, scope="session")
def _no_collection_on_worker_threads() -> Iterator[None]:
    """As in the app (ui/shell/collector.py): no automatic cycle collection, which
    could start in a backup or export worker and free a Qt object there."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    yield
    from recovery_app.ui.shell.collector import collect_due

    collect_due()


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


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database made by every migration, once per run; tests start from a copy.

    Migrating a new file takes about 45 ms and copying this one about 2 ms, across the
    hundreds of tests that open data. The migrations themselves are tested on their own
    (tests/storage/test_migrations.py), and this file is made by them."""
    path = tmp_path_factory.mktemp("template") / "recovery.db"
    Database.open(path).close()
    return path


def open_fresh(app_paths: AppPaths, template: Path) -> Database:
    """The test's own data: a copy of the empty database (0600), opened as the app would."""
    target = app_paths.database
    if not target.exists():
        shutil.copyfile(template, target)
        os.chmod(target, 0o600)
    return Database.open(target)


@pytest.fixture
def db(app_paths: AppPaths, empty_database: Path):
    database = open_fresh(app_paths, empty_database)
    yield database
    database.close()
