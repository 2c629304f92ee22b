"""What every view is built with: the data, the clock, the change bus and the settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the shell imports this before the first paint: no SQLAlchemy yet
    from recovery_app.core.clock import Clock
    from recovery_app.paths import AppPaths
    from recovery_app.settings import SettingsStore
    from recovery_app.storage.db import Database
    from recovery_app.ui.common.bus import ChangeBus
    from recovery_app.ui.common.ops import Ops


@dataclass(frozen=True)
class AppContext:
    db: Database  # one object for the whole session; a restore reopens it in place
    clock: Clock
    bus: ChangeBus
    ops: Ops
    settings: SettingsStore
    paths: AppPaths
