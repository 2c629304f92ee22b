"""Multi-step file operations that a kill at any step can't leave half done.

A restore or a passphrase change first prepares complete, checked copies of
the new files, then writes a small journal saying which file replaces which,
and only then renames them into place, one ``os.replace`` at a time. If the
process dies after the journal is written, the next start finishes the
renames (everything they need is already on disk); if it dies before, the
next start removes the prepared copies and the old files are untouched. Either
way the person finds the old state or the new one, and is told which.

``crash_point(name)`` marks each step, so tests can end a child process with
``os._exit`` exactly there (``CRASH_AT``); it does nothing otherwise.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from recovery_app.core.i18n import translate
from recovery_app.storage.files import fsync_dir, write_private

JOURNAL_NAME = "operation.json"
PREPARED_SUFFIXES = (".converting", ".restoring", ".partial")
CrashHook = Callable[[str], None]
crash_hook: CrashHook | None = None  # set by tests, in a child process, to die at a step


def crash_point(name: str) -> None:
    if crash_hook is not None:
        crash_hook(name)


@dataclass(frozen=True)
class Journal:
    kind: str  # "restore" or "rekey"
    swaps: list[tuple[str, str]]  # (prepared copy, the file it replaces), in order
    moves: list[tuple[str, str]]  # (file, where it is set aside), done before the swaps
    note: str  # what to tell the person once it is finished
    removes: list[str] = field(default_factory=list)  # files no longer needed, after the swaps

    def to_json(self) -> bytes:
        return json.dumps(
            {"kind": self.kind, "swaps": self.swaps, "moves": self.moves, "note": self.note,
             "removes": self.removes},
            ensure_ascii=False,
        ).encode("utf-8")  # fmt: skip


def journal_path(data_dir: Path) -> Path:
    return data_dir / JOURNAL_NAME


def begin(data_dir: Path, journal: Journal) -> None:
    """Record the plan durably; from here on, the operation will be finished."""
    write_private(journal_path(data_dir), journal.to_json())
    fsync_dir(data_dir)
    crash_point(f"{journal.kind}: journal written")


def _carry_out(journal: Journal) -> None:
    """Each step once, however often this runs: a step already done is recognised by
    its result, and nothing is ever renamed over an existing file but by a swap."""
    # Every prepared copy exists until its swap: once one is gone, the moves (which
    # come first) are all done, and the file at a moved place may be the new one.
    swapping = any(not Path(prepared).exists() for prepared, _ in journal.swaps)
    for source, target in journal.moves:
        if not swapping and Path(source).exists() and not Path(target).exists():
            os.replace(source, target)
        crash_point(f"{journal.kind}: set aside {Path(source).name}")
    for prepared, target in journal.swaps:
        if Path(prepared).exists():
            for side in ("-wal", "-shm"):  # a log of the old file must never meet the new one
                with contextlib.suppress(FileNotFoundError):
                    Path(target + side).unlink()
            os.replace(prepared, target)
        crash_point(f"{journal.kind}: replaced {Path(target).name}")
    for path in journal.removes:
        Path(path).unlink(missing_ok=True)


def finish(data_dir: Path, journal: Journal) -> None:
    """Do the renames (again, after a crash: each is done once) and close the journal."""
    _carry_out(journal)
    renamed = [target for _source, target in journal.swaps + journal.moves]
    for folder in {Path(t).parent for t in renamed} | {data_dir}:
        fsync_dir(folder)
    journal_path(data_dir).unlink(missing_ok=True)
    fsync_dir(data_dir)
    crash_point(f"{journal.kind}: done")


def _read(data_dir: Path) -> Journal | None:
    try:
        raw = json.loads(journal_path(data_dir).read_text(encoding="utf-8"))
        return Journal(
            str(raw["kind"]),
            [(str(a), str(b)) for a, b in raw["swaps"]],
            [(str(a), str(b)) for a, b in raw["moves"]],
            str(raw["note"]),
            [str(p) for p in raw.get("removes", [])],
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Written atomically, so unreadable means it was never complete: nothing began.
        journal_path(data_dir).unlink(missing_ok=True)
        return None


def is_prepared(name: str) -> bool:
    """A copy prepared for an operation (or the -wal/-shm SQLite made beside one)."""
    return name.removesuffix("-wal").removesuffix("-shm").endswith(PREPARED_SUFFIXES)


def _prepared_files(data_dir: Path, backups: Path) -> list[Path]:
    found = []
    for folder in (data_dir, backups):
        if folder.is_dir():
            found += [p for p in folder.iterdir() if is_prepared(p.name)]
    return found


def recover(data_dir: Path, backups: Path) -> str | None:
    """At start: finish an operation a crash interrupted, or clear one that never began.

    Returns what to tell the person, or None when there was nothing to do.
    """
    journal = _read(data_dir)
    if journal is not None:
        finish(data_dir, journal)
        leftovers = _prepared_files(data_dir, backups)
        for path in leftovers:
            path.unlink(missing_ok=True)
        return journal.note
    leftovers = _prepared_files(data_dir, backups)
    for path in leftovers:
        path.unlink(missing_ok=True)  # copies prepared for an operation that never began
    if leftovers:
        return translate(
            "storage.oplog",
            "The app was closed in the middle of changing your files, before anything "
            "was changed. Your data is as it was.",
        )
    return None
