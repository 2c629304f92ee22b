"""The person's own help contacts for the screens: one unit of work per call."""

from __future__ import annotations

from datetime import datetime

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.help.contacts import Contact
from recovery_app.storage.db import Database
from recovery_app.storage.help.contacts import Contacts

CONTACTS = Changes.of(Record.CONTACTS)


def contacts(db: Database) -> list[Contact]:
    with db.reading() as conn:
        return Contacts(conn).all()


def save_contact(db: Database, person: Contact, now: datetime) -> Result[Contact]:
    """Add, or replace the one with the same uid. Raises ``InvalidInput``."""
    with db.transaction() as conn:
        return Result(Contacts(conn).save(person, now), CONTACTS)


def remove_contact(db: Database, uid: str) -> Result[None]:
    with db.transaction() as conn:
        Contacts(conn).remove(uid)
    return Result(None, CONTACTS)
