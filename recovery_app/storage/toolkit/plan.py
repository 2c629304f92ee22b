"""My plan, every saved version kept (in the database, so encrypted with it)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select

from recovery_app.core.toolkit.plan import PlanVersion, validate_plan
from recovery_app.storage.schema import plan_version


class Plans:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def versions(self, most: int | None = None) -> list[PlanVersion]:
        """Newest first; the first is the plan."""
        newest_first = select(plan_version).order_by(
            plan_version.c.saved_at.desc(), plan_version.c.id.desc()
        )
        rows = self.conn.execute(newest_first.limit(most))
        return [PlanVersion(json.loads(r.sections), r.saved_at, r.uid) for r in rows]

    def current(self) -> PlanVersion | None:
        """The plan: the newest version only (not every earlier one read and parsed)."""
        found = self.versions(most=1)
        return found[0] if found else None

    def save(self, sections: dict[str, str], now: datetime) -> PlanVersion:
        """A new version (the earlier ones stay), always the newest: after a version
        imported from a computer whose clock ran ahead. Raises ``InvalidInput``."""
        newest = self.current()
        when = now if newest is None else max(now, newest.saved_at + timedelta(microseconds=1))
        return self.add(PlanVersion(sections, when))  # add() checks the words

    def add(self, version: PlanVersion) -> PlanVersion:
        kept = PlanVersion(validate_plan(version.sections), version.saved_at, version.uid)
        self.conn.execute(
            insert(plan_version).values(
                uid=kept.uid,
                saved_at=kept.saved_at,
                sections=json.dumps(kept.sections, ensure_ascii=False),
            )
        )
        return kept

    def uids(self) -> set[str]:
        return set(self.conn.execute(select(plan_version.c.uid)).scalars())
