"""Journal entries: save (new or edited), load, delete with undo, and keep search in step."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from recovery_app.core.clock import at_wall_minute, wall_minute
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import ChoiceList
from recovery_app.core.journal.entries import (
    EntryKind,
    JournalEntry,
    Outcome,
    search_text,
    validate_entry,
)
from recovery_app.storage.journal.choices import Choices, choice_table
from recovery_app.storage.schema import (
    JOURNAL_SEARCH_TABLE,
    entry_coping,
    entry_trigger,
    journal_draft,
    journal_entry,
)

_LINKS = ((ChoiceList.TRIGGERS, entry_trigger), (ChoiceList.COPING, entry_coping))
_INSERT_SEARCH = text(f"INSERT INTO {JOURNAL_SEARCH_TABLE} (rowid, body) VALUES (:id, :body)")
_DELETE_SEARCH = text(f"DELETE FROM {JOURNAL_SEARCH_TABLE} WHERE rowid = :id")


def _columns(entry: JournalEntry) -> dict[str, Any]:
    return {
        "kind": entry.kind.value,
        "occurred_at": entry.occurred_at,
        "occurred_minute": wall_minute(entry.occurred_at),
        "intensity": entry.intensity,
        "duration_minutes": entry.duration_minutes,
        "outcome": entry.outcome.value if entry.outcome else None,
        "place": entry.place,
        "people": entry.people,
        "situation": entry.situation,
        "thoughts": entry.thoughts,
        "title": entry.title,
        "text": entry.text,
        "mood": entry.mood,
        "tags": "\n".join(entry.tags),
    }


def entry_from_row(
    m: Mapping[str, Any], triggers: tuple[str, ...] = (), coping: tuple[str, ...] = ()
) -> JournalEntry:
    return JournalEntry(
        uid=m["uid"],
        kind=EntryKind(m["kind"]),
        occurred_at=at_wall_minute(m["occurred_at"], m["occurred_minute"]),
        intensity=m["intensity"],
        duration_minutes=m["duration_minutes"],
        triggers=triggers,
        coping=coping,
        outcome=Outcome(m["outcome"]) if m["outcome"] else None,
        place=m["place"],
        people=m["people"],
        situation=m["situation"],
        thoughts=m["thoughts"],
        title=m["title"],
        text=m["text"],
        mood=m["mood"],
        tags=tuple(t for t in m["tags"].split("\n") if t),
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


class Journal:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def save(self, entry: JournalEntry, now: datetime) -> JournalEntry:
        """Store a new entry or replace the one with the same uid."""
        validate_entry(entry)
        links: dict[ChoiceList, list[int]] = {}
        for kind, uids in (
            (ChoiceList.TRIGGERS, entry.triggers),
            (ChoiceList.COPING, entry.coping),
        ):
            found = Choices(self.conn, kind).ids_by_uid(uids)
            if len(found) != len(set(uids)):
                raise InvalidInput(
                    translate(
                        "storage.journal.entries",
                        "One of the chosen items no longer exists. Please choose again.",
                    )
                )
            links[kind] = sorted(set(found.values()))
        values = _columns(entry)
        existing = self.conn.execute(
            select(journal_entry.c.id, journal_entry.c.created_at).where(
                journal_entry.c.uid == entry.uid
            )
        ).first()
        entry_id, created = (existing.id, existing.created_at) if existing else (None, now)
        try:
            if entry_id is None:
                entry_id = self.conn.execute(
                    insert(journal_entry)
                    .values(uid=entry.uid, created_at=now, updated_at=now, **values)
                    .returning(journal_entry.c.id)
                ).scalar_one()
            else:
                self.conn.execute(
                    update(journal_entry)
                    .where(journal_entry.c.id == entry_id)
                    .values(updated_at=now, deleted_at=None, **values)
                )
                self.conn.execute(_DELETE_SEARCH, {"id": entry_id})
            for kind, link in _LINKS:
                self.conn.execute(delete(link).where(link.c.entry_id == entry_id))
                if links[kind]:
                    self.conn.execute(
                        insert(link), [{"entry_id": entry_id, "choice_id": c} for c in links[kind]]
                    )
            self.conn.execute(_INSERT_SEARCH, {"id": entry_id, "body": search_text(entry)})
        except IntegrityError as exc:
            raise InvalidInput(
                translate(
                    "storage.journal.entries", "This entry has a value outside what can be stored."
                )
            ) from exc
        return replace(
            entry,
            created_at=created.astimezone(UTC),
            updated_at=now.astimezone(UTC),
        )

    def _choice_uids(self, entry_ids: list[int]) -> dict[ChoiceList, dict[int, tuple[str, ...]]]:
        result: dict[ChoiceList, dict[int, tuple[str, ...]]] = {}
        for kind, link in _LINKS:
            choices = choice_table(kind)
            rows = self.conn.execute(
                select(link.c.entry_id, choices.c.uid)
                .join(choices, choices.c.id == link.c.choice_id)
                .where(link.c.entry_id.in_(entry_ids))
                .order_by(choices.c.position, choices.c.id)
            )
            per_entry: dict[int, list[str]] = {}
            for entry_id, uid in rows:
                per_entry.setdefault(entry_id, []).append(uid)
            result[kind] = {k: tuple(v) for k, v in per_entry.items()}
        return result

    def _entries(self, rows: list[Any]) -> list[JournalEntry]:
        ids = [r.id for r in rows]
        uids = self._choice_uids(ids)
        return [
            entry_from_row(
                r._mapping,
                uids[ChoiceList.TRIGGERS].get(r.id, ()),
                uids[ChoiceList.COPING].get(r.id, ()),
            )
            for r in rows
        ]

    def get(self, uid: str) -> JournalEntry | None:
        rows = list(
            self.conn.execute(
                select(journal_entry).where(
                    journal_entry.c.uid == uid, journal_entry.c.deleted_at.is_(None)
                )
            )
        )
        return self._entries(rows)[0] if rows else None

    def delete(self, uid: str, now: datetime) -> None:
        """Hide the entry; ``restore`` brings it back until the data is next opened."""
        self.conn.execute(
            update(journal_entry).where(journal_entry.c.uid == uid).values(deleted_at=now)
        )

    def restore(self, uid: str) -> None:
        self.conn.execute(
            update(journal_entry).where(journal_entry.c.uid == uid).values(deleted_at=None)
        )

    def count(self) -> int:
        return (
            self.conn.scalar(
                select(func.count())
                .select_from(journal_entry)
                .where(journal_entry.c.deleted_at.is_(None))
            )
            or 0
        )

    def all(self, batch: int = 500) -> Iterator[JournalEntry]:
        """Every entry, oldest first, read in batches."""
        last_id = 0
        while True:
            rows = list(
                self.conn.execute(
                    select(journal_entry)
                    .where(journal_entry.c.id > last_id, journal_entry.c.deleted_at.is_(None))
                    .order_by(journal_entry.c.id)
                    .limit(batch)
                )
            )
            if not rows:
                return
            yield from self._entries(rows)
            last_id = rows[-1].id


def purge_deleted(conn: Connection) -> int:
    """Remove for good the entries deleted earlier (their undo ended when the app closed).

    Core only, so it can run while opening without loading the ORM.
    """
    ids = list(
        conn.execute(
            select(journal_entry.c.id).where(journal_entry.c.deleted_at.is_not(None))
        ).scalars()
    )
    uids = list(
        conn.execute(select(journal_entry.c.uid).where(journal_entry.c.id.in_(ids))).scalars()
    )
    for entry_id in ids:
        conn.execute(_DELETE_SEARCH, {"id": entry_id})
    if ids:
        conn.execute(delete(journal_entry).where(journal_entry.c.id.in_(ids)))
        # An unsaved edit of a deleted entry would keep its words: it goes too.
        conn.execute(
            delete(journal_draft).where(journal_draft.c.name.in_([f"entry:{u}" for u in uids]))
        )
    return len(ids)
