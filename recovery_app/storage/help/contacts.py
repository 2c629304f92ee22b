"""The person's own help contacts (kept in the database, so encrypted with it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from recovery_app.core.help.contacts import Contact, ContactKind, validate_contact
from recovery_app.storage.schema import contact


class Contacts:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Contact]:
        rows = self.conn.execute(select(contact).order_by(contact.c.position, contact.c.id))
        return [Contact(r.name, r.phone, ContactKind(r.kind), r.role, r.note, r.uid) for r in rows]

    def save(self, person: Contact, now: datetime) -> Contact:
        """Add, or replace the one with the same uid. Raises ``InvalidInput``."""
        person = validate_contact(person)
        values = {
            "kind": person.kind.value,
            "name": person.name,
            "role": person.role,
            "phone": person.phone,
            "note": person.note,
        }
        found = self.conn.execute(
            select(contact.c.id).where(contact.c.uid == person.uid)
        ).scalar_one_or_none()
        if found is None:
            last = self.conn.execute(select(func.max(contact.c.position))).scalar()
            self.conn.execute(
                insert(contact).values(
                    uid=person.uid, position=(last or 0) + 1, created_at=now, **values
                )
            )
        else:
            self.conn.execute(update(contact).where(contact.c.id == found).values(**values))
        return person

    def uids(self) -> set[str]:
        return set(self.conn.execute(select(contact.c.uid)).scalars())

    def remove(self, uid: str) -> None:
        self.conn.execute(delete(contact).where(contact.c.uid == uid))
