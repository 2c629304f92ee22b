"""A page's context outside the app (benchmarks, screenshots): what the shell would give it."""

from __future__ import annotations

from recovery_app.core.clock import Clock
from recovery_app.paths import AppPaths
from recovery_app.settings import SettingsStore
from recovery_app.storage.db import Database
from recovery_app.ui.common.bus import ChangeBus
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.ops import Ops


def make_context(db: Database, clock: Clock) -> AppContext:
    paths = AppPaths(db.path.parent)
    bus = ChangeBus()
    return AppContext(db, clock, bus, Ops(bus), SettingsStore(paths.settings), paths)
