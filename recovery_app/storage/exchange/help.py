"""The person's own help contacts in the export (version 3)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from recovery_app.core.help.contacts import Contact, ContactKind, validate_contact
from recovery_app.core.i18n import translate
from recovery_app.storage.exchange.fields import Fields, add_missing, unique
from recovery_app.storage.exchange.rules import records
from recovery_app.storage.help.contacts import Contacts


def contacts_document(conn: Connection) -> dict[str, Any]:
    return {
        "contacts": [
            {
                "uid": c.uid,
                "kind": c.kind.value,
                "name": c.name,
                "role": c.role,
                "phone": c.phone,
                "note": c.note,
            }
            for c in Contacts(conn).all()
        ]
    }


def read_contacts(raw: dict[str, Any]) -> tuple[Contact, ...]:
    contacts = []
    for i, r in enumerate(records(raw, "contacts")):
        f = Fields(
            r, translate("storage.exchange.help", "contact number {value}").format(value=i + 1)
        )
        person = Contact(
            name=f.text("name", max_length=1000),
            phone=f.text("phone", max_length=1000),
            kind=f.choice("kind", ContactKind, ContactKind.PERSONAL),
            role=f.text("role", "", max_length=1000),
            note=f.text("note", ""),
            uid=f.uid(),
        )
        with f.checking():
            contacts.append(validate_contact(person))
    unique(
        translate("storage.exchange.help", "the file"),
        translate("storage.exchange.help", "contacts with the same id"),
        [c.uid for c in contacts],
    )
    return tuple(contacts)


def merge_contacts(conn: Connection, contacts: tuple[Contact, ...], now: datetime) -> int:
    repo = Contacts(conn)
    have = repo.uids()
    return add_missing(contacts, have, lambda person: repo.save(person, now))
