"""Every option and its default, in one place.

Settings live in ``settings.json`` beside the database, outside it, because
some are needed before the database is opened (and, later, unlocked). They
never hold journal text.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    # The welcome has been seen and answered.
    welcome_done: bool = False
    # Qt's saveGeometry(), base64, so the window opens where it was left.
    window_geometry: str = ""
    # How many daily backups to keep in the backups folder.
    backups_keep: int = 14
    # With a passphrase, lock after this many idle minutes (0: never).
    lock_minutes: int = 5
    # Learn: how many steps larger (or smaller) than normal the article text is.
    reader_zoom: int = 0
    # A daily check-in reminder at this local time ("HH:MM"), or "" for none.
    checkin_reminder: str = ""
    # Closing the window keeps the app (and its reminders) running in the tray.
    keep_in_tray: bool = False


def load(path: Path) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (and is logged)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        log.warning("settings file unreadable; using defaults")
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        value = raw.get(f.name, getattr(defaults, f.name))
        if isinstance(value, type(getattr(defaults, f.name))):
            values[f.name] = value
    return replace(defaults, **values)


def save(path: Path, settings: Settings) -> None:
    from recovery_app.storage.files import write_private  # tempfile is slow to import

    data = json.dumps(asdict(settings), indent=2, sort_keys=True).encode("utf-8")
    write_private(path, data)
