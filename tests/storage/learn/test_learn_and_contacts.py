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
    # One kept from the first version of the check (six signs), one from the reworked one.
    first = SelfCheck((True, False, False, True, False, False), clock.now(), version=1)
    later = SelfCheck((False, False, True) + (False,) * 3 + (True,) + (False,) * 3,
                      clock.now() + timedelta(days=30))  # fmt: skip
    with db.transaction() as conn:
        SelfChecks(conn).save(first)
        SelfChecks(conn).save(later)
    with db.reading() as conn:
        saved = SelfChecks(conn).all()
    assert [c.answers for c in saved] == [later.answers, first.answers]
    assert [c.version for c in saved] == [2, 1] and saved[1].uid == first.uid
    # The history reads answers in words, never a score.
    assert saved[1].history_line("5 Jan") == (
        "5 Jan: Signs (earlier version of this check): needing more for the same effect, "
        "memory problems"
    )
    assert saved[0].history_line("4 Feb") == (
        "4 Feb: Effects to tell your prescriber: drowsy or unsteady; Signs that taking it "
        "has become hard to control: taking it with alcohol or other drugs"
    )
    assert "of" not in saved[0].history_line("x").split(":")[0]
    for wrong in ((True,) * 5, (True,) * 6):
        with pytest.raises(InvalidInput):
            SelfCheck(wrong, clock.now())  # the current version has ten questions


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


def test_self_checks_in_older_files_are_the_first_version() -> None:
    from recovery_app.core.errors import InvalidImport
    from recovery_app.storage.exchange.learn import read_self_checks

    old = {"uid": "20000000-0000-4000-8000-000000000001", "taken_at": "2026-01-05T20:30:00+00:00",
           "answers": [True, False, False, True, False, False]}  # fmt: skip
    [check] = read_self_checks({"self_checks": [old]})
    assert check.version == 1 and check.answers[3] is True
    new = dict(old, version=2, answers=[False] * 10)
    assert read_self_checks({"self_checks": [new]})[0].version == 2
    for wrong in (dict(old, version=2), dict(old, version=3), dict(new, version=True)):
        with pytest.raises(InvalidImport):
            read_self_checks({"self_checks": [wrong]})
