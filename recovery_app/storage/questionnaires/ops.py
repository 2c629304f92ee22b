"""Questionnaires for the screens: one unit of work per call."""

from __future__ import annotations

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.questionnaires.forms import Kind, Taken
from recovery_app.storage.db import Database
from recovery_app.storage.questionnaires.answers import Questionnaires

QUESTIONNAIRES = Changes.of(Record.QUESTIONNAIRES)


def history(db: Database, kind: Kind | None = None) -> list[Taken]:
    with db.reading() as conn:
        return Questionnaires(conn).all(kind)


def save_taken(db: Database, taken: Taken) -> Result[Taken]:
    """Raises ``InvalidInput`` for answers that don't fit the form."""
    with db.transaction() as conn:
        return Result(Questionnaires(conn).add(taken), QUESTIONNAIRES)
