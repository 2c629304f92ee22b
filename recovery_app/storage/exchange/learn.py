"""Self-check results the person kept, in the export (version 3; from version 5 each says
which version of the questions it answers)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from recovery_app.core.i18n import translate
from recovery_app.core.learn.self_check import ANSWER_COUNTS, SelfCheck
from recovery_app.storage.exchange.fields import Fields, add_missing, unique
from recovery_app.storage.exchange.rules import records
from recovery_app.storage.learn.reading import SelfChecks


def self_checks_document(conn: Connection) -> dict[str, Any]:
    return {
        "self_checks": [
            {
                "uid": c.uid,
                "taken_at": c.taken_at.isoformat(),
                "version": c.version,
                "answers": list(c.answers),
            }
            for c in reversed(SelfChecks(conn).all())
        ]
    }


def read_self_checks(raw: dict[str, Any]) -> tuple[SelfCheck, ...]:
    checks = []
    for i, r in enumerate(records(raw, "self_checks")):
        f = Fields(
            r, translate("storage.exchange.learn", "self-check number {value}").format(value=i + 1)
        )
        # Files before version 5 only hold the first version's six signs.
        version = f.integer("version", 1, max(ANSWER_COUNTS), default=1)
        if version not in ANSWER_COUNTS:
            raise f.fail(
                translate(
                    "storage.exchange.learn", "has a version of the questions this app doesn't know"
                )
            )
        answers = f.booleans("answers", ANSWER_COUNTS[version])
        with f.checking():
            checks.append(SelfCheck(answers, f.instant("taken_at"), f.uid(), version))
    unique(
        translate("storage.exchange.learn", "the file"),
        translate("storage.exchange.learn", "self-checks with the same id"),
        [c.uid for c in checks],
    )
    return tuple(checks)


def merge_self_checks(conn: Connection, checks: tuple[SelfCheck, ...]) -> int:
    repo = SelfChecks(conn)
    return add_missing(checks, repo.uids(), repo.save)
