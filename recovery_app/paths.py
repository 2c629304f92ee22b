"""Where data lives. The one thing tests redirect (through RECOVERY_APP_DATA_DIR)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from recovery_app.core.errors import DataDirError

ENV_DATA_DIR = "RECOVERY_APP_DATA_DIR"
APP_DIR_NAME = "recovery-companion"
DATABASE_NAME = "recovery.db"
SETTINGS_NAME = "settings.json"
LOG_NAME = "app.log"
PRIVATE_DIR_MODE = 0o700


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def settings(self) -> Path:
        return self.data_dir / SETTINGS_NAME

    @property
    def log(self) -> Path:
        return self.data_dir / LOG_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def instance_lock(self) -> Path:
        return self.data_dir / "instance.lock"

    @property
    def instance_key(self) -> str:
        """A name for the single-instance channel, one per data folder.

        Two CRC-32s (of the path and of it reversed): 64 bits tell folders apart,
        and zlib is loaded already, where hashlib would cost ~3 ms before the
        window first appears. (The lock file in the folder is what decides.)
        """
        import zlib

        raw = str(self.data_dir).encode("utf-8")
        return f"recovery-companion-{zlib.crc32(raw):08x}{zlib.crc32(raw[::-1]):08x}"


def resolve(cli_value: str | None = None) -> AppPaths:
    """``--data-dir`` wins, then RECOVERY_APP_DATA_DIR, then the platform's data folder."""
    raw = cli_value or os.environ.get(ENV_DATA_DIR) or None
    folder = Path(raw).expanduser() if raw else default_data_dir()
    return AppPaths(folder.absolute())


def ensure_data_dir(paths: AppPaths) -> AppPaths:
    """Create the data folder as 0700. Refuse a path that is a file."""
    folder = paths.data_dir
    if folder.exists() and not folder.is_dir():
        raise DataDirError(f"The data folder {folder} is a file, not a folder.")
    created = not folder.exists()
    try:
        folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        # Tighten a folder we made or that holds only our data; never a shared folder.
        if created or paths.database.exists() or not any(folder.iterdir()):
            os.chmod(folder, PRIVATE_DIR_MODE)
    except OSError as exc:
        raise DataDirError(f"Can't use the data folder {folder}: {exc.strerror}.") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataDirError(f"The data folder {folder} is not writable.")
    return paths


def delete_all_data(paths: AppPaths) -> list[Path]:
    """Remove every file the app keeps: database, its -wal/-shm, set-aside copies,
    backups, settings and logs. The app must have closed the database first.
    Returns what was removed; files the person exported elsewhere are untouched.
    """
    import shutil

    removed: list[Path] = []
    folder = paths.data_dir
    if not folder.is_dir():
        return removed
    stem = paths.database.stem
    for item in folder.iterdir():
        ours = (
            item.name.startswith(stem)  # recovery.db, -wal, -shm, -before-restore-*
            or item.name.startswith(".recovery")
            or item.name in (SETTINGS_NAME, LOG_NAME, LOG_NAME + ".1")
        )
        if item == paths.backups and item.is_dir():
            shutil.rmtree(item)
            removed.append(item)
        elif ours and item.is_file():
            item.unlink()
            removed.append(item)
    return removed


# Folders that sync tools copy between computers. A live database in one can be
# damaged (two computers writing its -wal at once); backups there are fine.
_SYNC_FOLDER_NAMES = ("Dropbox", "OneDrive", "Google Drive", "GoogleDrive", "iCloud Drive",
                      "iCloudDrive", "Mobile Documents", "Nextcloud", "ownCloud", "Sync",
                      "Syncthing", "MEGA", "pCloud Drive", "Box")  # fmt: skip
_SYNC_MARKERS = (".stfolder", ".dropbox", ".sync", ".owncloudsync.log", ".nextcloudsync.log")


def sync_folder_of(folder: Path) -> Path | None:
    """The sync tool's folder that ``folder`` is inside, if any (by name or by its marker)."""
    for place in (folder, *folder.parents):
        if place.name in _SYNC_FOLDER_NAMES or place.name.startswith("OneDrive - "):
            return place
        try:
            if any((place / marker).exists() for marker in _SYNC_MARKERS):
                return place
        except OSError:
            continue
    return None
