"""Journal records in the JSON export (version 2) and their import.

Triggers and coping strategies travel with the entries. On import a choice
is matched by uid, then by name (so the defaults and a person's own "Payday"
are not duplicated); entries are matched by uid and never overwrite.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from recovery_app.core.errors import KnownError
from recovery_app.core.journal.choices import Choice, ChoiceList, clean_name
from recovery_app.core.journal.entries import EntryKind, JournalEntry, Outcome, validate_entry
from recovery_app.storage.exchange.rules import import_failure, instant, optional_instant
from recovery_app.storage.journal.choices import Choices, choice_table
from recovery_app.storage.journal.entries import Journal
from recovery_app.storage.schema import journal_entry

CHOICE_KEYS = {ChoiceList.TRIGGERS: "triggers", ChoiceList.COPING: "coping_strategies"}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def choice_to_json(c: Choice) -> dict[str, Any]:
    return {
        "uid": c.uid,
        "name": c.name,
        "group": c.group,
        "archived": c.archived,
        "merged_into": c.merged_into,
        "position": c.position,
    }


def entry_to_json(e: JournalEntry) -> dict[str, Any]:
    return {
        "uid": e.uid,
        "kind": e.kind.value,
        "occurred_at": e.occurred_at.isoformat(),
        "intensity": e.intensity,
        "duration_minutes": e.duration_minutes,
        "triggers": list(e.triggers),
        "coping": list(e.coping),
        "outcome": e.outcome.value if e.outcome else None,
        "place": e.place,
        "people": e.people,
        "situation": e.situation,
        "thoughts": e.thoughts,
        "title": e.title,
        "text": e.text,
        "mood": e.mood,
        "tags": list(e.tags),
        "created_at": _iso(e.created_at),
        "updated_at": _iso(e.updated_at),
    }


def journal_document(conn: Connection) -> dict[str, Any]:
    document: dict[str, Any] = {
        key: [choice_to_json(c) for c in Choices(conn, kind).all()]
        for kind, key in CHOICE_KEYS.items()
    }
    document["entries"] = [entry_to_json(e) for e in Journal(conn).all()]
    return document


# Reading --------------------------------------------------------------------


def _uid(record: dict[str, Any], where: str, name: str = "uid") -> str:
    value = record.get(name)
    try:
        uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        value = None
    if not isinstance(value, str):
        raise import_failure(where, f"has no valid {'id' if name == 'uid' else name}")
    return value


def _list(raw: dict[str, Any], key: str) -> list[Any]:
    records = raw.get(key, [])
    if not isinstance(records, list):
        raise import_failure("the file", f"has “{key}” that is not a list")
    return records


def _choice(record: Any, where: str) -> Choice:
    if not isinstance(record, dict):
        raise import_failure(where, "is not a record")
    try:
        name = clean_name(record.get("name", ""))
    except KnownError as exc:
        raise import_failure(where, f"has an unusable name ({exc.message.rstrip('.')})") from exc
    group, archived, position = (
        record.get("group", ""),
        record.get("archived", False),
        record.get("position", 0),
    )
    merged = record.get("merged_into")
    if not isinstance(group, str) or not isinstance(archived, bool):
        raise import_failure(where, "has a group or archived flag of the wrong type")
    if not isinstance(position, int) or isinstance(position, bool):
        raise import_failure(where, "has a position that is not a whole number")
    if merged is not None:
        merged = _uid(record, where, "merged_into")
    return Choice(_uid(record, where), name, group, archived, merged, position)


def _str_list(record: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise import_failure(where, f"has {key} that are not a list of text")
    return tuple(value)


def _entry(record: Any, where: str) -> JournalEntry:
    if not isinstance(record, dict):
        raise import_failure(where, "is not a record")
    texts: dict[str, Any] = {}
    for name in ("place", "people", "situation", "thoughts", "title", "text"):
        value = record.get(name, "")
        if not isinstance(value, str):
            raise import_failure(where, f"has a {name} that is not text")
        texts[name] = value
    try:
        kind = EntryKind(str(record.get("kind")))
        outcome = Outcome(record["outcome"]) if record.get("outcome") is not None else None
    except ValueError:
        raise import_failure(where, "has an unknown kind or outcome") from None
    numbers: dict[str, Any] = {}
    for name in ("intensity", "duration_minutes", "mood"):
        value = record.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise import_failure(where, f"has a {name} that is not a whole number")
        numbers[name] = value
    occurred = instant(record.get("occurred_at"), where)
    entry = JournalEntry(
        kind=kind,
        occurred_at=occurred,
        triggers=_str_list(record, "triggers", where),
        coping=_str_list(record, "coping", where),
        outcome=outcome,
        tags=_str_list(record, "tags", where),
        uid=_uid(record, where),
        created_at=optional_instant(record.get("created_at"), where),
        updated_at=optional_instant(record.get("updated_at"), where),
        **texts,
        **numbers,
    )
    try:
        validate_entry(entry)
    except KnownError as exc:
        raise import_failure(where, f"is not valid ({exc.message.rstrip('.')})") from exc
    return entry


@dataclass(frozen=True)
class JournalImport:
    choices: dict[ChoiceList, tuple[Choice, ...]]
    entries: tuple[JournalEntry, ...]


def read_journal(raw: dict[str, Any]) -> JournalImport:
    """Check the journal part of an export completely; raise ``InvalidImport`` on any problem."""
    choices = {
        kind: tuple(
            _choice(r, f"{key.replace('_', ' ')} item number {i + 1}")
            for i, r in enumerate(_list(raw, key))
        )
        for kind, key in CHOICE_KEYS.items()
    }
    entries = tuple(_entry(r, f"entry number {i + 1}") for i, r in enumerate(_list(raw, "entries")))
    for label, uids in (
        ("entries", [e.uid for e in entries]),
        *((key, [c.uid for c in choices[kind]]) for kind, key in CHOICE_KEYS.items()),
    ):
        if len(set(uids)) != len(uids):
            raise import_failure("the file", f"has two {label.replace('_', ' ')} with the same id")
    return JournalImport(choices, entries)


# Merging --------------------------------------------------------------------


@dataclass(frozen=True)
class JournalMerge:
    entries_added: int
    entries_present: int
    choices_added: int


def _point_at(conn: Connection, kind: ChoiceList, uid: str, target: str) -> None:
    """Record an imported merge, keeping merges one level deep."""
    table = choice_table(kind)
    row = conn.execute(
        select(table.c.id, table.c.merged_into_id).where(table.c.uid == target)
    ).one()
    final = row.merged_into_id or row.id
    conn.execute(update(table).where(table.c.uid == uid).values(merged_into_id=final))


def merge_journal(conn: Connection, data: JournalImport, now: datetime) -> JournalMerge:
    """Add what is new; raise ``InvalidImport`` (rolling back) if an entry names an unknown item."""
    choices_added = 0
    uid_map: dict[ChoiceList, dict[str, str]] = {}
    for kind, incoming in data.choices.items():
        repo = Choices(conn, kind)
        mine = repo.all()
        by_uid = {c.uid for c in mine}
        by_name = {c.name.casefold(): c.uid for c in mine if c.merged_into is None}
        mapping: dict[str, str] = {c: c for c in by_uid}
        for c in incoming:
            if c.uid in by_uid:
                continue
            if c.name.casefold() in by_name:
                mapping[c.uid] = by_name[c.name.casefold()]
                continue
            repo.add(c.name, now, group=c.group, uid=c.uid)
            if c.archived:
                repo.set_archived(c.uid, True)
            mapping[c.uid] = by_name[c.name.casefold()] = c.uid
            choices_added += 1
        added_here = [c for c in incoming if c.uid not in by_uid and mapping[c.uid] == c.uid]
        for c in added_here:
            target = mapping.get(c.merged_into or "")
            if target and target != c.uid:
                _point_at(conn, kind, c.uid, target)
        uid_map[kind] = mapping

    # A deleted entry (undo still possible) with the same uid is brought back.
    present = set(
        conn.scalars(select(journal_entry.c.uid).where(journal_entry.c.deleted_at.is_(None)))
    )
    journal = Journal(conn)
    added = already = 0
    for entry in data.entries:
        if entry.uid in present:
            already += 1
            continue
        try:
            triggers = tuple(uid_map[ChoiceList.TRIGGERS][u] for u in entry.triggers)
            coping = tuple(uid_map[ChoiceList.COPING][u] for u in entry.coping)
        except KeyError:
            raise import_failure(
                f"entry {entry.uid}", "names a trigger or strategy the file lacks"
            ) from None
        saved = journal.save(replace(entry, triggers=triggers, coping=coping), now)
        if entry.created_at or entry.updated_at:
            conn.execute(
                update(journal_entry)
                .where(journal_entry.c.uid == saved.uid)
                .values(created_at=entry.created_at or now, updated_at=entry.updated_at or now)
            )
        added += 1
    return JournalMerge(added, already, choices_added)
