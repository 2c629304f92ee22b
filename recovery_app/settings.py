"""Every option, declared once with its type and default, and the one store that keeps them.

Settings live in ``settings.json`` beside the database, outside it, because some
are needed before the database is opened (and unlocked). They never hold
journal text. Listeners are plain callbacks, so nothing here needs Qt; a save
that fails (a full disk, a folder that became read-only) is reported to the
problem listeners as a message, never raised, and the new value still applies
for this run.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from recovery_app.core.errors import DiskFullError, KnownError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    # The welcome has been seen and answered.
    welcome_done: bool = False
    # Qt's saveGeometry(), base64, so the window opens where it was left.
    window_geometry: str = ""
    # Automatic backups kept: the newest of each of this many days, weeks and months.
    backups_keep: int = 14
    backups_weekly: int = 8
    backups_monthly: int = 12
    # A second folder (a USB stick, a folder a sync tool copies) that gets a copy of
    # each backup; "" for none. The live data is never placed there.
    second_backup_folder: str = ""
    # With a passphrase, lock after this many idle minutes (0: never).
    lock_minutes: int = 5
    # Learn: how many steps larger (or smaller) than normal the article text is.
    reader_zoom: int = 0
    # A daily check-in reminder at this local time ("HH:MM"), or "" for none.
    checkin_reminder: str = ""
    # The PHQ-9 and GAD-7 every two weeks at this local time ("HH:MM"), or "" for none,
    # counted from the later of the day it was turned on (ISO) and the last one filled in.
    questionnaire_reminder: str = ""
    questionnaire_reminder_from: str = ""
    # Desktop notices name the meeting (or say what the reminder is); off, they say only
    # "You have a reminder" or "Time for your check-in", for anyone glancing at the screen.
    reminder_details: bool = False
    # An XDG autostart entry opens the app minimised at login, so reminders arrive.
    start_at_login: bool = False
    # Closing the window keeps the app (and its reminders) running in the tray.
    keep_in_tray: bool = False
    # Appearance: "system", "light" or "dark"; contrast "system", "normal" or "high";
    # the text size of every page in percent (100 to 200).
    colour_scheme: str = "system"
    contrast: str = "system"
    text_size: int = 100
    # What the system last said (read after the first paint, which must not wait for it),
    # so the next launch paints its first frame in the right colours.
    system_dark: bool = False
    system_high_contrast: bool = False
    # The craving flow's breathing circle moves (off for people whom motion unsettles;
    # Qt 6.11 reports no system reduced-motion preference to follow).
    breathing_motion: bool = True


NAMES = frozenset(f.name for f in fields(Settings))


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
        if type(value) is type(getattr(defaults, f.name)):  # bool is not an int here
            values[f.name] = value
    return replace(defaults, **values)


def save(path: Path, settings: Settings) -> None:
    """Raises ``OutputPathError`` when the file can't be written."""
    from recovery_app.storage.files import write_private  # tempfile is slow to import

    data = json.dumps(asdict(settings), indent=2, sort_keys=True).encode("utf-8")
    write_private(path, data)


Listener = Callable[[Settings, frozenset[str]], None]


class SettingsStore:
    """The settings of one data folder: read once, changed through ``update``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values = load(path)
        self._listeners: list[Listener] = []
        self._problem_listeners: list[Callable[[str], None]] = []

    def on_change(self, listener: Listener) -> None:
        """``listener(settings, names)`` after each change, with the names that changed."""
        self._listeners.append(listener)

    def on_problem(self, listener: Callable[[str], None]) -> None:
        """``listener(message)`` when the settings could not be saved."""
        self._problem_listeners.append(listener)

    def update(self, **changes: Any) -> bool:
        """Change some settings and save them; False (and a problem reported) if not saved."""
        unknown = set(changes) - NAMES
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        for name, value in changes.items():
            expected = type(getattr(self.values, name))
            if type(value) is not expected:
                raise TypeError(f"{name} is a {expected.__name__}")
        new = replace(self.values, **changes)
        changed = frozenset(n for n in changes if getattr(new, n) != getattr(self.values, n))
        if not changed:
            return True
        self.values = new
        saved = self.save()
        for listener in list(self._listeners):
            listener(new, changed)
        return saved

    def save(self) -> bool:
        try:
            save(self.path, self.values)
        except DiskFullError:
            log.warning("settings not saved: disk full")
            message = (
                "Your settings could not be saved: there is not enough free space on the "
                "disk. They apply until you close the app."
            )
        except KnownError as exc:
            log.warning("settings not saved")
            message = (
                f"Your settings could not be saved ({exc.message.rstrip('.')}). "
                "They apply until you close the app."
            )
        else:
            return True
        for listener in list(self._problem_listeners):
            listener(message)
        return False

    def forget_listeners(self) -> None:
        self._listeners.clear()
        self._problem_listeners.clear()
