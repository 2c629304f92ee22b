"""Questionnaire answers in the export (version 8): each filled-in form, every answer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from recovery_app.core.i18n import translate
from recovery_app.core.questionnaires.forms import FORMS, Kind, Taken, check_taken
from recovery_app.storage.exchange.fields import Fields, add_missing, unique
from recovery_app.storage.exchange.rules import records
from recovery_app.storage.questionnaires.answers import Questionnaires


def questionnaires_document(conn: Connection) -> dict[str, Any]:
    return {
        "questionnaires": [
            {
                "uid": t.uid,
                "kind": t.kind.value,
                "taken_at": t.taken_at.isoformat(),
                "answers": list(t.answers),
                "difficulty": t.difficulty,
            }
            for t in Questionnaires(conn).all()
        ]
    }


def read_questionnaires(raw: dict[str, Any]) -> tuple[Taken, ...]:
    found = []
    for i, r in enumerate(records(raw, "questionnaires")):
        f = Fields(
            r,
            translate("storage.exchange.questionnaires", "questionnaire number {value}").format(
                value=i + 1
            ),
        )
        kind = f.choice("kind", Kind)
        taken = Taken(
            kind,
            f.instant("taken_at"),
            f.integers("answers", 0, 3, len(FORMS[kind].items)),
            f.optional_integer("difficulty", 0, 3),
            f.uid(),
        )
        with f.checking():
            check_taken(taken)
        found.append(taken)
    unique(
        translate("storage.exchange.questionnaires", "the file"),
        translate("storage.exchange.questionnaires", "questionnaires with the same id"),
        [t.uid for t in found],
    )
    return tuple(found)


def merge_questionnaires(conn: Connection, found: tuple[Taken, ...]) -> int:
    repo = Questionnaires(conn)
    return add_missing(found, repo.uids(), repo.add)
