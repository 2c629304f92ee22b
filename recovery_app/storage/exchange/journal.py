"""Journal records in the JSON export (version 2) and their import.

Triggers and coping strategies travel with the entries. On import a choice
is matched by uid, then by name (so the defaults and a person's own "Payday"
are not duplicated); entries are matched by uid and never overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import Choice, ChoiceList, clean_name
from recovery_app.core.journal.entries import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    MAX_DURATION_MINUTES,
    EntryKind,
    JournalEntry,
    Outcome,
    validate_entry,
)
from recovery_app.storage.exchange.fields import Fields, unique
from recovery_app.storage.exchange.rules import import_failure, records
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

TEXT_FIELDS = ("place", "people", "situation", "thoughts", "title", "text")


def _choice(record: Any, where: str) -> Choice:
    f = Fields(record, where)
    with f.checking(translate("storage.exchange.journal", "has an unusable name ({why})")):
        name = clean_name(f.text("name", max_length=1000))
    return Choice(
        uid=f.uid(),
        name=name,
        group=f.text("group", "", max_length=200),
        archived=f.boolean("archived", False),
        merged_into=f.optional_uid("merged_into"),
        position=f.integer("position", -(10**9), 10**9, 0),
    )


# From this version on, an entry's "occurred_at" carries the offset where it happened.
LOCAL_OFFSETS_SINCE = 7


def _entry(record: Any, where: str, local_offsets: bool) -> JournalEntry:
    f = Fields(record, where)
    occurred = f.instant("occurred_at")
    if not local_offsets:  # written in UTC: read as this computer's own zone then
        occurred = occurred.astimezone()
    uids = (ChoiceList.TRIGGERS, ChoiceList.COPING)
    triggers, coping = (
        tuple(Fields({"uid": u}, f"{where} ({kind.value})").uid() for u in f.texts(name))
        for kind, name in zip(uids, ("triggers", "coping"), strict=True)
    )
    entry = JournalEntry(
        kind=f.choice("kind", EntryKind),
        occurred_at=occurred,
        intensity=f.optional_integer("intensity", INTENSITY_MIN, INTENSITY_MAX),
        duration_minutes=f.optional_integer("duration_minutes", 0, MAX_DURATION_MINUTES),
        triggers=triggers,
        coping=coping,
        outcome=f.optional_choice("outcome", Outcome),
        mood=f.optional_integer("mood", 1, 5),
        tags=f.texts("tags"),
        uid=f.uid(),
        created_at=f.optional_instant("created_at"),
        updated_at=f.optional_instant("updated_at"),
        **{name: f.text(name, "") for name in TEXT_FIELDS},
    )
    with f.checking():
        validate_entry(entry)
    return entry


def _no_merge_cycles(key: str, choices: tuple[Choice, ...]) -> None:
    """An item merged into one that (through others) was merged into it would be lost."""
    into: dict[str, str] = {c.uid: c.merged_into for c in choices if c.merged_into is not None}
    for start in into:
        seen = {start}
        current: str | None = into[start]
        while current is not None:
            if current in seen:
                raise import_failure(
                    translate("storage.exchange.journal", "the file"),
                    translate(
                        "storage.exchange.journal", "has {replace} merged in a circle"
                    ).format(replace=key.replace("_", " ")),
                )
            seen.add(current)
            current = into.get(current)


@dataclass(frozen=True)
class JournalImport:
    choices: dict[ChoiceList, tuple[Choice, ...]]
    entries: tuple[JournalEntry, ...]


def read_journal(raw: dict[str, Any]) -> JournalImport:
    """Check the journal part of an export completely; raise ``InvalidImport`` on any problem.

    ``raw["version"]`` was checked to be a whole number by the importer.
    """
    local_offsets = raw.get("version", 0) >= LOCAL_OFFSETS_SINCE
    choices = {
        kind: tuple(
            _choice(
                r,
                translate("storage.exchange.journal", "{replace} item number {value}").format(
                    replace=key.replace("_", " "), value=i + 1
                ),
            )
            for i, r in enumerate(records(raw, key))
        )
        for kind, key in CHOICE_KEYS.items()
    }
    entries = tuple(
        _entry(
            r,
            translate("storage.exchange.journal", "entry number {value}").format(value=i + 1),
            local_offsets,
        )
        for i, r in enumerate(records(raw, "entries"))
    )
    unique(
        translate("storage.exchange.journal", "the file"),
        translate("storage.exchange.journal", "entries with the same id"),
        [e.uid for e in entries],
    )
    for kind, key in CHOICE_KEYS.items():
        unique(
            translate("storage.exchange.journal", "the file"),
            translate("storage.exchange.journal", "{replace} with the same id").format(
                replace=key.replace("_", " ")
            ),
            [c.uid for c in choices[kind]],
        )
        _no_merge_cycles(key, choices[kind])
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
    own = conn.execute(select(table.c.id).where(table.c.uid == uid)).scalar_one()
    if final == own:
        return  # the target already counts as this item: merging would loop
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
                translate("storage.exchange.journal", "entry {uid}").format(uid=entry.uid),
                translate("storage.exchange.journal", "names a trigger or strategy the file lacks"),
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
