"""Self-check results the person kept, in the export (version 3)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from recovery_app.core.learn.self_check import SIGNS, SelfCheck
from recovery_app.storage.exchange.fields import Fields, unique
from recovery_app.storage.exchange.rules import records
from recovery_app.storage.learn.reading import SelfChecks


def self_checks_document(conn: Connection) -> dict[str, Any]:
    return {
        "self_checks": [
            {"uid": c.uid, "taken_at": c.taken_at.isoformat(), "answers": list(c.answers)}
            for c in reversed(SelfChecks(conn).all())
        ]
    }


def read_self_checks(raw: dict[str, Any]) -> tuple[SelfCheck, ...]:
    checks = []
    for i, r in enumerate(records(raw, "self_checks")):
        f = Fields(r, f"self-check number {i + 1}")
        checks.append(SelfCheck(f.booleans("answers", len(SIGNS)), f.instant("taken_at"), f.uid()))
    unique("the file", "self-checks with the same id", [c.uid for c in checks])
    return tuple(checks)


def merge_self_checks(conn: Connection, checks: tuple[SelfCheck, ...]) -> int:
    repo = SelfChecks(conn)
    kept = repo.uids()
    added = 0
    for check in checks:
        if check.uid not in kept:
            repo.save(check)
            added += 1
    return added
