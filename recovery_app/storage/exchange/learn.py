"""Self-check results the person kept, in the export (version 3)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from recovery_app.core.errors import KnownError
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.storage.exchange.rules import import_failure, instant, records
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
        where = f"self-check number {i + 1}"
        answers = r.get("answers")
        if not isinstance(answers, list) or not all(isinstance(a, bool) for a in answers):
            raise import_failure(where, "has answers that are not yes/no")
        try:
            checks.append(
                SelfCheck(tuple(answers), instant(r.get("taken_at"), where), str(r["uid"]))
            )
        except (KnownError, KeyError) as exc:
            raise import_failure(where, "is not valid") from exc
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
