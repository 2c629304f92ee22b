"""The journal list: matching ids first (cheap), then light rows a page at a time.

Search words are the person's own text, never query syntax: each becomes a
quoted FTS5 phrase (or, under three characters, a LIKE pattern with its
wildcards escaped), so quotes, ``*``, ``-``, ``NEAR`` or brackets only ever
find themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    column,
    func,
    literal_column,
    select,
    table,
)

from recovery_app.core.journal.choices import ChoiceList
from recovery_app.core.journal.entries import EntryKind, JournalFilter, Outcome
from recovery_app.storage.journal.choices import Choices
from recovery_app.storage.schema import (
    JOURNAL_SEARCH_TABLE,
    entry_trigger,
    journal_entry,
    trigger_choice,
)

TRIGRAM = 3  # the trigram index can only look up words of at least this many characters
SUMMARY_CHARS = 200
_search = table(JOURNAL_SEARCH_TABLE, column("rowid"), column("body"))


@dataclass(frozen=True)
class EntryListRow:
    id: int
    uid: str
    kind: EntryKind
    occurred_at: datetime
    intensity: int | None
    outcome: Outcome | None
    summary: str
    triggers: str  # names, comma separated


def phrase(term: str) -> str:
    """``term`` as an FTS5 string literal: matched literally, never parsed as syntax."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(
    query: Select[Any],
    conn: Connection,
    f: JournalFilter,
    since: datetime | None,
    before: datetime | None,
) -> Select[Any]:
    e = journal_entry
    query = query.where(e.c.deleted_at.is_(None))
    if f.kind is not None:
        query = query.where(e.c.kind == f.kind.value)
    if since is not None:
        query = query.where(e.c.occurred_at >= since)
    if before is not None:
        query = query.where(e.c.occurred_at < before)
    if f.min_intensity is not None:
        query = query.where(e.c.intensity >= f.min_intensity)
    if f.max_intensity is not None:
        query = query.where(e.c.intensity <= f.max_intensity)
    if f.outcome is not None:
        query = query.where(e.c.outcome == f.outcome.value)
    if f.trigger is not None:
        ids = Choices(conn, ChoiceList.TRIGGERS).counted_as(f.trigger)
        query = query.where(
            e.c.id.in_(select(entry_trigger.c.entry_id).where(entry_trigger.c.choice_id.in_(ids)))
        )
    terms = f.search_terms()
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    if long_terms:
        match = " ".join(phrase(t) for t in long_terms)
        query = query.where(
            e.c.id.in_(
                select(_search.c.rowid).where(
                    literal_column(JOURNAL_SEARCH_TABLE).op("MATCH")(match)
                )
            )
        )
    short_terms = [t for t in terms if len(t) < TRIGRAM]
    if short_terms:
        inner = select(_search.c.rowid)
        for term in short_terms:
            inner = inner.where(_search.c.body.like(like_pattern(term), escape="\\"))
        query = query.where(e.c.id.in_(inner))
    return query


def matching_ids(
    conn: Connection,
    f: JournalFilter,
    since: datetime | None = None,
    before: datetime | None = None,
) -> list[int]:
    """Ids of the entries ``f`` lets through, newest first.

    ``since``/``before`` are the instants that ``f.first_day``/``f.last_day``
    begin and end in local time; the caller knows the time zone.
    """
    e = journal_entry
    query = _filtered(select(e.c.id), conn, f, since, before)
    result = conn.execute(query.order_by(e.c.occurred_at.desc(), e.c.id.desc()))
    try:
        # Plain ints straight from the driver: making 20,000 Row objects costs
        # two to three times as long as the query itself.
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


def _list_query() -> Select[tuple[object, ...]]:
    e = journal_entry
    names = (
        select(func.group_concat(trigger_choice.c.name, ", "))
        .select_from(entry_trigger.join(trigger_choice))
        .where(entry_trigger.c.entry_id == e.c.id)
        .scalar_subquery()
    )
    summary = func.substr(
        func.coalesce(
            func.nullif(e.c.title, ""),
            func.nullif(e.c.text, ""),
            func.nullif(e.c.situation, ""),
            e.c.thoughts,
        ),
        1,
        SUMMARY_CHARS,
    )
    return select(
        e.c.id, e.c.uid, e.c.kind, e.c.occurred_at, e.c.intensity, e.c.outcome,
        summary.label("summary"), names.label("triggers"),
    )  # fmt: skip


def _row(r: object) -> EntryListRow:
    m = r._mapping  # type: ignore[attr-defined]
    return EntryListRow(
        id=m["id"],
        uid=m["uid"],
        kind=EntryKind(m["kind"]),
        occurred_at=m["occurred_at"],
        intensity=m["intensity"],
        outcome=Outcome(m["outcome"]) if m["outcome"] else None,
        summary=(m["summary"] or "").strip().split("\n", 1)[0].strip(),
        triggers=m["triggers"] or "",
    )


def list_rows(conn: Connection, ids: Sequence[int]) -> dict[int, EntryListRow]:
    """Light rows for a page of ids (never whole entries: text may be a megabyte)."""
    if not ids:
        return {}
    rows = conn.execute(_list_query().where(journal_entry.c.id.in_(list(ids))))
    return {row.id: _row(row) for row in rows}


def cravings_between(
    conn: Connection, since: datetime, before: datetime, limit: int = 20
) -> list[EntryListRow]:
    """Cravings from ``since`` up to ``before`` (e.g. today), newest first."""
    e = journal_entry
    rows = conn.execute(
        _list_query()
        .where(
            e.c.kind == EntryKind.CRAVING.value,
            e.c.occurred_at >= since,
            e.c.occurred_at < before,
            e.c.deleted_at.is_(None),
        )
        .order_by(e.c.occurred_at.desc())
        .limit(limit)
    )
    return [_row(r) for r in rows]


def entry_id(conn: Connection, uid: str) -> int | None:
    return conn.execute(
        select(journal_entry.c.id).where(journal_entry.c.uid == uid)
    ).scalar_one_or_none()
