"""The person's own help contacts in the export (version 3)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from recovery_app.core.errors import KnownError
from recovery_app.core.help.contacts import Contact, ContactKind, validate_contact
from recovery_app.storage.exchange.rules import import_failure, records
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
        where = f"contact number {i + 1}"
        try:
            contacts.append(
                validate_contact(
                    Contact(str(r["name"]), str(r["phone"]), ContactKind(r.get("kind", "personal")),
                            str(r.get("role", "")), str(r.get("note", "")), str(r["uid"]))
                )
            )  # fmt: skip
        except KnownError as exc:
            raise import_failure(where, f"is not valid ({exc.message.rstrip('.')})") from exc
        except (KeyError, ValueError):
            raise import_failure(where, "is missing a field or has one of the wrong type") from None
    uids = [c.uid for c in contacts]
    if len(set(uids)) != len(uids):
        raise import_failure("the file", "has two contacts with the same id")
    return tuple(contacts)


def merge_contacts(conn: Connection, contacts: tuple[Contact, ...], now: datetime) -> int:
    repo = Contacts(conn)
    have = repo.uids()
    added = 0
    for person in contacts:
        if person.uid not in have:
            repo.save(person, now)
            added += 1
    return added
