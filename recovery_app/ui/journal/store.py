"""The journal's units of work for the screens: each opens, does one thing, and closes."""

from __future__ import annotations

from recovery_app.core.clock import Clock
from recovery_app.core.journal.choices import Choice, ChoiceList
from recovery_app.core.journal.entries import JournalEntry
from recovery_app.storage.db import Database
from recovery_app.storage.journal.choices import Choices
from recovery_app.storage.journal.entries import Journal


def load_choices(db: Database, kind: ChoiceList) -> list[Choice]:
    with db.reading() as conn:
        return Choices(conn, kind).all()


def add_choice(db: Database, kind: ChoiceList, name: str, clock: Clock) -> Choice:
    """Raises ``KnownError`` with a message the person can act on."""
    with db.transaction() as session:
        return Choices(session, kind).add(name, clock.now())


def save_entry(db: Database, entry: JournalEntry, clock: Clock) -> JournalEntry:
    with db.transaction() as session:
        return Journal(session).save(entry, clock.now())


def load_entry(db: Database, uid: str) -> JournalEntry | None:
    with db.reading() as session:
        return Journal(session).get(uid)


def delete_entry(db: Database, uid: str, clock: Clock) -> None:
    with db.transaction() as session:
        Journal(session).delete(uid, clock.now())


def restore_entry(db: Database, uid: str) -> None:
    with db.transaction() as session:
        Journal(session).restore(uid)
