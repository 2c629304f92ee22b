"""Questionnaire answers as stored: one row each time a form was filled in."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError

from recovery_app.core.clock import at_wall_minute, from_day_number, wall_minute
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.questionnaires.forms import Kind, Taken, check_taken
from recovery_app.storage.schema import questionnaire

MINUTES_A_DAY = 1440


def taken_from_row(r: Any) -> Taken:
    return Taken(
        Kind(r.kind),
        at_wall_minute(r.taken_at, r.taken_minute),
        tuple(int(a) for a in r.answers),
        r.difficulty,
        r.uid,
    )


class Questionnaires:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, taken: Taken) -> Taken:
        """Store one filled-in form (they are never edited: a new one is a new row)."""
        check_taken(taken)
        try:
            self.conn.execute(
                insert(questionnaire).values(
                    uid=taken.uid,
                    kind=taken.kind.value,
                    taken_at=taken.taken_at,
                    taken_minute=wall_minute(taken.taken_at),
                    answers="".join(str(a) for a in taken.answers),
                    difficulty=taken.difficulty,
                )
            )
        except IntegrityError as exc:
            raise InvalidInput(
                translate("storage.questionnaires.answers", "These answers can't be stored.")
            ) from exc
        return taken

    def all(self, kind: Kind | None = None) -> list[Taken]:
        """Oldest first."""
        query = select(questionnaire).order_by(questionnaire.c.taken_at, questionnaire.c.id)
        if kind is not None:
            query = query.where(questionnaire.c.kind == kind.value)
        return [taken_from_row(r) for r in self.conn.execute(query)]

    def last_day(self) -> date | None:
        """The local day a form was last filled in, or None."""
        minute = self.conn.execute(select(func.max(questionnaire.c.taken_minute))).scalar()
        return None if minute is None else from_day_number(minute // MINUTES_A_DAY)

    def last_taken_at(self) -> datetime | None:
        """When a form was last filled in (UTC), or None."""
        return self.conn.execute(select(func.max(questionnaire.c.taken_at))).scalar()

    def uids(self) -> set[str]:
        return set(self.conn.execute(select(questionnaire.c.uid)).scalars())
