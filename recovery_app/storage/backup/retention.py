"""Which automatic backups to keep: tiers, as Anki keeps them.

The newest automatic backup of each of the last ``daily`` days, of each of the
last ``weekly`` weeks and of each of the last ``monthly`` months is kept; the
rest go. Backups the person made, and copies set aside by a restore or an
update, are never deleted automatically. And whatever the tiers say, the
newest backup that passes an integrity check is never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from recovery_app.storage import oplog
from recovery_app.storage.backup.backups import (
    BackupFile,
    BackupKind,
    delete_backup,
    list_backups,
    newest_good_backup,
)


@dataclass(frozen=True)
class Tiers:
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


def to_keep(backups: list[BackupFile], tiers: Tiers) -> set[Path]:
    """The automatic backups the tiers keep (newest first in, one per day, week, month)."""
    automatic = sorted((b for b in backups if b.kind is BackupKind.AUTO),
                       key=lambda b: b.made, reverse=True)  # fmt: skip
    kept: set[Path] = set()
    for count, bucket in (
        (tiers.daily, lambda b: b.made.date()),
        (tiers.weekly, lambda b: b.made.isocalendar()[:2]),
        (tiers.monthly, lambda b: (b.made.year, b.made.month)),
    ):
        seen: list[object] = []
        for backup in automatic:
            key = bucket(backup)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            kept.add(backup.path)
    return kept


def rotate(folder: Path, tiers: Tiers, key: bytes | None = None) -> list[Path]:
    """Delete the automatic backups no tier keeps; returns what was removed.

    One file at a time, and never one that is kept: a kill part way leaves every
    kept backup and some that were going anyway, and the next rotation (at the
    next start) finishes the job.
    """
    backups = list_backups(folder)
    keep = to_keep(backups, tiers)
    doomed = [b for b in backups if not b.kept_by_person and b.path not in keep]
    if not doomed:
        return []  # the usual case at start: nothing to check, nothing to delete
    # The newest copy that is known to be good survives any rule.
    good = newest_good_backup(folder, key)
    if good is not None:
        keep.add(good.path)
    removed = []
    for backup in doomed:
        if backup.path in keep:
            continue
        delete_backup(backup.path)
        removed.append(backup.path)
        oplog.crash_point(f"rotate: deleted {backup.path.name}")
    return removed
