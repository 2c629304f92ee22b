"""My reasons for recovery and favourite skills (in the database, so encrypted with it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, literal_column, select, update

from recovery_app.core.toolkit.reasons import Reason, validate_reason
from recovery_app.core.toolkit.skills import BY_KEY
from recovery_app.storage.schema import favourite_skill, reason


class Reasons:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Reason]:
        rows = self.conn.execute(select(reason).order_by(reason.c.position, reason.c.id))
        return [Reason(r.text, r.uid) for r in rows]

    def save(self, item: Reason, now: datetime) -> Reason:
        """Add at the end, or change the one with the same uid. Raises ``InvalidInput``."""
        item = validate_reason(item)
        found = self.conn.execute(
            select(reason.c.id).where(reason.c.uid == item.uid)
        ).scalar_one_or_none()
        if found is None:
            last = self.conn.execute(select(func.max(reason.c.position))).scalar()
            self.conn.execute(
                insert(reason).values(
                    uid=item.uid,
                    text=item.text,
                    position=(last or 0) + 1,
                    created_at=now,
                    updated_at=now,
                )
            )
        else:
            self.conn.execute(
                update(reason).where(reason.c.id == found).values(text=item.text, updated_at=now)
            )
        return item

    def uids(self) -> set[str]:
        return set(self.conn.execute(select(reason.c.uid)).scalars())

    def remove(self, uid: str) -> None:
        self.conn.execute(delete(reason).where(reason.c.uid == uid))


class Favourites:
    """The quick skills a person marked, by key; shown first in the craving flow."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def keys(self) -> list[str]:
        rows = self.conn.execute(
            # Marked at the same instant (an import): in the order they were written.
            select(favourite_skill.c.skill).order_by(
                favourite_skill.c.created_at, literal_column("rowid")
            )
        )
        return [key for key in rows.scalars() if key in BY_KEY]  # a skill since removed

    def mark(self, key: str, on: bool, now: datetime) -> None:
        if key not in BY_KEY:
            raise ValueError(f"no skill {key!r}")
        have = self.conn.execute(
            select(favourite_skill.c.skill).where(favourite_skill.c.skill == key)
        ).scalar_one_or_none()
        if on and have is None:
            self.conn.execute(insert(favourite_skill).values(skill=key, created_at=now))
        elif not on and have is not None:
            self.conn.execute(delete(favourite_skill).where(favourite_skill.c.skill == key))
