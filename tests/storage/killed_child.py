"""A child process for the kill tests: runs one file operation and dies at a named step.

``python -m tests.storage.killed_child SPEC.json``. The spec names the operation
and its arguments, and either ``"at"`` (the step to die at, with ``os._exit``,
so no ``finally`` block or buffered write runs) or ``"list": true`` (print
every step's name instead, to learn what the steps are).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

KILLED = 137


def _key(value: str | None) -> bytes | None:
    return bytes.fromhex(value) if value else None


def run(spec: dict[str, Any]) -> None:
    from recovery_app.storage import oplog

    at, listing = spec.get("at"), spec.get("list", False)

    def hook(name: str) -> None:
        if listing:
            print(name, flush=True)
        elif name == at:
            os._exit(KILLED)

    oplog.crash_hook = hook
    data = Path(spec["data_dir"])
    database, backups = data / "recovery.db", data / "backups"
    if spec["op"] == "rekey":
        from recovery_app.storage.security.keys import KdfParams
        from recovery_app.storage.security.rekey import change_key

        params = KdfParams(**spec["params"]) if spec["params"] else None
        change_key(database, backups, _key(spec["old"]), _key(spec["new"]), params)
    elif spec["op"] == "restore":
        from recovery_app.storage.backup.restore import restore

        now = datetime.fromisoformat(spec["now"])
        source = Path(spec["backup"].replace("{folder}", str(data)))
        restore(database, backups, source, now, _key(spec["backup_key"]),
                _key(spec["data_key"]))  # fmt: skip
    elif spec["op"] == "rotate":
        from recovery_app.storage.backup.retention import Tiers, rotate

        rotate(backups, Tiers(*spec["tiers"]), _key(spec.get("key")))
    elif spec["op"] == "unlock":
        from recovery_app.storage.security.unlock import unlock

        unlock(database, backups, spec["passphrase"])
    else:
        raise SystemExit(f"unknown operation {spec['op']}")


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
