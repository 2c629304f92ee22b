"""What a person has read, bookmarked and where they stopped; their saved self-checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects.sqlite import insert as upsert

from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.storage.schema import article_state, self_check


@dataclass(frozen=True)
class ArticleState:
    slug: str
    read: bool = False
    bookmarked: bool = False
    position: int = 0


class Reading:
    """Takes a Connection or Session; each call is one small statement."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def states(self) -> dict[str, ArticleState]:
        rows = self.conn.execute(select(article_state))
        return {
            r.slug: ArticleState(r.slug, r.read_at is not None, bool(r.bookmarked), r.position)
            for r in rows
        }

    def _set(self, slug: str, **values: Any) -> None:
        statement = upsert(article_state).values(slug=slug, bookmarked=False, position=0)
        self.conn.execute(
            statement.values(**values).on_conflict_do_update(
                index_elements=[article_state.c.slug], set_=values
            )
        )

    def opened(self, slug: str, now: datetime) -> None:
        self._set(slug, opened_at=now)

    def set_read(self, slug: str, read: bool, now: datetime) -> None:
        self._set(slug, read_at=now if read else None)

    def set_bookmarked(self, slug: str, bookmarked: bool) -> None:
        self._set(slug, bookmarked=bookmarked)

    def set_position(self, slug: str, position: int) -> None:
        self._set(slug, position=max(0, position))

    def last_opened(self) -> str | None:
        """The article read most recently, for "continue where you left off"."""
        return self.conn.execute(
            select(article_state.c.slug)
            .where(article_state.c.opened_at.is_not(None))
            .order_by(article_state.c.opened_at.desc())
            .limit(1)
        ).scalar_one_or_none()


class SelfChecks:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def save(self, check: SelfCheck) -> None:
        self.conn.execute(
            insert(self_check).values(
                uid=check.uid,
                taken_at=check.taken_at,
                answers=check.encoded(),
                version=check.version,
            )
        )

    def uids(self) -> set[str]:
        return set(self.conn.execute(select(self_check.c.uid)).scalars())

    def all(self) -> list[SelfCheck]:
        """Newest first."""
        rows = self.conn.execute(select(self_check).order_by(self_check.c.taken_at.desc()))
        return [SelfCheck.decoded(r.answers, r.taken_at, r.uid, r.version) for r in rows]
