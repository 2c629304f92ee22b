"""Reading state, saved self-checks and personal contacts as stored."""

from __future__ import annotations

from datetime import timedelta

import pytest

from recovery_app.core.clock import FixedClock
from recovery_app.core.errors import InvalidInput
from recovery_app.core.help.contacts import Contact, ContactKind
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.storage.db import Database
from recovery_app.storage.help.contacts import Contacts
from recovery_app.storage.learn.reading import ArticleState, Reading, SelfChecks


def test_reading_state_and_where_you_left_off(db: Database, clock: FixedClock) -> None:
    with db.transaction() as conn:
        reading = Reading(conn)
        assert reading.last_opened() is None
        reading.opened("withdrawal", clock.now())
        reading.set_position("withdrawal", 420)
        reading.set_read("withdrawal", True, clock.now())
        reading.opened("glossary", clock.now() + timedelta(minutes=1))
        reading.set_bookmarked("glossary", True)
    with db.reading() as conn:
        states = Reading(conn).states()
        assert Reading(conn).last_opened() == "glossary"
    assert states["withdrawal"] == ArticleState("withdrawal", True, False, 420)
    assert states["glossary"] == ArticleState("glossary", False, True, 0)


def test_self_checks_keep_answers_and_dates(db: Database, clock: FixedClock) -> None:
    first = SelfCheck((True, False, False, True, False, False), clock.now())
    later = SelfCheck((False,) * 6, clock.now() + timedelta(days=30))
    with db.transaction() as conn:
        SelfChecks(conn).save(first)
        SelfChecks(conn).save(later)
    with db.reading() as conn:
        saved = SelfChecks(conn).all()
    assert [c.answers for c in saved] == [later.answers, first.answers]
    assert saved[1].yes_count == 2 and saved[1].uid == first.uid
    with pytest.raises(InvalidInput):
        SelfCheck((True,) * 5, clock.now())


def test_contacts_are_checked_and_kept_in_order(db: Database, clock: FixedClock) -> None:
    with db.transaction() as conn:
        contacts = Contacts(conn)
        sam = contacts.save(Contact("  Sam  ", "+1 (555) 010-2233", role="Sponsor"), clock.now())
        contacts.save(Contact("Samaritans (UK)", "116 123", ContactKind.CRISIS_LINE), clock.now())
        with pytest.raises(InvalidInput, match="name"):
            contacts.save(Contact("", "123"), clock.now())
        with pytest.raises(InvalidInput, match="phone number"):
            contacts.save(Contact("Dr. Lee", "call me maybe"), clock.now())
        contacts.save(Contact("Sam R.", sam.phone, role="Sponsor", uid=sam.uid), clock.now())
    with db.reading() as conn:
        saved = Contacts(conn).all()
    assert [(c.name, c.kind) for c in saved] == [
        ("Sam R.", ContactKind.PERSONAL),
        ("Samaritans (UK)", ContactKind.CRISIS_LINE),
    ]
    with db.transaction() as conn:
        Contacts(conn).remove(sam.uid)
        assert [c.name for c in Contacts(conn).all()] == ["Samaritans (UK)"]
