"""People and lines a person can reach on a hard day: their own list, beside the public lines."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

ROLES = (
    translate("core.help.contacts", "Sponsor"),
    translate("core.help.contacts", "Therapist"),
    translate("core.help.contacts", "Doctor"),
    translate("core.help.contacts", "Friend"),
    translate("core.help.contacts", "Family"),
    translate("core.help.contacts", "Other"),
)
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]*$")


class ContactKind(enum.StrEnum):
    PERSONAL = "personal"  # sponsor, therapist, doctor, friend...
    CRISIS_LINE = "crisis_line"  # a local crisis or help line (numbers differ by country)


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    kind: ContactKind = ContactKind.PERSONAL
    role: str = ""
    note: str = ""
    uid: str = field(default_factory=new_uid)


def validate_contact(contact: Contact) -> Contact:
    """The contact tidied (spaces trimmed), or ``InvalidInput`` saying what to fix."""
    for name, text in (
        (translate("core.help.contacts", "Name"), contact.name),
        (translate("core.help.contacts", "Role"), contact.role),
        (translate("core.help.contacts", "Phone"), contact.phone),
        (translate("core.help.contacts", "Note"), contact.note),
    ):
        check_storable(name, text)
    cleaned = Contact(
        name=" ".join(contact.name.split()),
        phone=" ".join(contact.phone.split()),
        kind=contact.kind,
        role=" ".join(contact.role.split()),
        note=contact.note.strip(),
        uid=contact.uid,
    )
    if not cleaned.name:
        raise InvalidInput(
            translate("core.help.contacts", "Please add a name, so you know who this is.")
        )
    if len(cleaned.name) > 100:
        raise InvalidInput(
            translate("core.help.contacts", "Please keep the name under 100 characters.")
        )
    if not _PHONE.match(cleaned.phone) or len(cleaned.phone) > 40:
        raise InvalidInput(
            translate(
                "core.help.contacts",
                "Please enter a phone number using digits, spaces, + ( ) - or dots, "
                "for example +44 116 123.",
            )
        )
    if not isinstance(cleaned.kind, ContactKind):
        raise InvalidInput(translate("core.help.contacts", "A contact is a person or a help line."))
    return cleaned
