"""The journal for the screens: each call is one unit of work; writes say what changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from recovery_app.core.changes import Changes, Record, Result
from recovery_app.core.journal.choices import Choice, ChoiceList
from recovery_app.core.journal.entries import JournalEntry, JournalFilter
from recovery_app.storage.db import Database
from recovery_app.storage.journal.choices import Choices
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.journal.queries import EntryListRow, entry_id, list_rows, matching_ids

JOURNAL = Changes.of(Record.JOURNAL)
CHOICES = Changes.of(Record.CHOICES)


def load_choices(db: Database, kind: ChoiceList) -> list[Choice]:
    with db.reading() as conn:
        return Choices(conn, kind).all()


def add_choice(db: Database, kind: ChoiceList, name: str, now: datetime) -> Result[Choice]:
    """Raises ``KnownError`` with a message the person can act on."""
    with db.transaction() as conn:
        return Result(Choices(conn, kind).add(name, now), CHOICES)


def change_choices(
    db: Database, kind: ChoiceList, work: Callable[[Choices], object]
) -> Result[None]:
    """Rename, archive or merge: ``work`` gets the list for ``kind`` inside one transaction."""
    with db.transaction() as conn:
        work(Choices(conn, kind))
    return Result(None, CHOICES)


def save_entry(db: Database, entry: JournalEntry, now: datetime) -> Result[JournalEntry]:
    with db.transaction() as conn:
        return Result(Journal(conn).save(entry, now), JOURNAL)


def load_entry(db: Database, uid: str) -> JournalEntry | None:
    with db.reading() as conn:
        return Journal(conn).get(uid)


def delete_entry(db: Database, uid: str, now: datetime) -> Result[None]:
    with db.transaction() as conn:
        Journal(conn).delete(uid, now)
    return Result(None, JOURNAL)


def restore_entry(db: Database, uid: str) -> Result[None]:
    with db.transaction() as conn:
        Journal(conn).restore(uid)
    return Result(None, JOURNAL)


# The journal list reads ids first (cheap), then light rows a page at a time.


def find_entries(
    db: Database, f: JournalFilter, since: datetime | None, before: datetime | None
) -> list[int]:
    """Ids of the entries ``f`` lets through, newest first."""
    with db.reading() as conn:
        return matching_ids(conn, f, since, before)


def entry_rows(db: Database, ids: Sequence[int]) -> dict[int, EntryListRow]:
    with db.reading() as conn:
        return list_rows(conn, ids)


def id_of_entry(db: Database, uid: str) -> int | None:
    with db.reading() as conn:
        return entry_id(conn, uid)
