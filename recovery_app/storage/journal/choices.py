"""Trigger and coping-strategy lists: add, rename, archive, merge. Nothing is deleted."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import Connection, Row, Table, func, insert, select, update

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import Choice, ChoiceList, clean_name
from recovery_app.storage.schema import coping_choice, trigger_choice


def choice_table(kind: ChoiceList) -> Table:
    return trigger_choice if kind is ChoiceList.TRIGGERS else coping_choice


def _choice(row: Row[tuple[object, ...]]) -> Choice:
    m = row._mapping
    return Choice(
        uid=m["uid"],
        name=m["name"],
        group=m["group_name"],
        archived=bool(m["archived"]),
        merged_into=m["merged_uid"],
        position=m["position"],
    )


class Choices:
    def __init__(self, conn: Connection, kind: ChoiceList) -> None:
        self.conn = conn
        self.kind = kind
        self.table = choice_table(kind)

    def all(self) -> list[Choice]:
        """Every choice ever made, archived and merged ones included, in list order."""
        t = self.table
        target = t.alias("target")
        rows = self.conn.execute(
            select(t, target.c.uid.label("merged_uid"))
            .outerjoin(target, target.c.id == t.c.merged_into_id)
            .order_by(t.c.position, t.c.id)
        )
        return [_choice(r) for r in rows]

    def ids_by_uid(self, uids: set[str] | tuple[str, ...]) -> dict[str, int]:
        if not uids:
            return {}
        t = self.table
        rows = self.conn.execute(select(t.c.uid, t.c.id).where(t.c.uid.in_(set(uids))))
        return {uid: id_ for uid, id_ in rows}

    def _id(self, uid: str) -> int:
        found = self.ids_by_uid((uid,))
        if uid not in found:
            raise InvalidInput(translate("storage.journal.choices", "That item no longer exists."))
        return found[uid]

    def _same_name(self, name: str, leave_out: str | None = None) -> Choice | None:
        """The unmerged choice with this name, ignoring case (lists are short)."""
        wanted = name.casefold()
        return next(
            (
                c
                for c in self.all()
                if c.merged_into is None and c.uid != leave_out and c.name.casefold() == wanted
            ),
            None,
        )

    def add(self, name: str, now: datetime, group: str = "", uid: str | None = None) -> Choice:
        """Add a choice, or bring back the archived one with that name."""
        name = clean_name(name)
        t = self.table
        existing = self._same_name(name)
        if existing is not None:
            self.conn.execute(update(t).where(t.c.uid == existing.uid).values(archived=False))
            return replace(existing, archived=False)
        position = self.conn.scalar(select(func.coalesce(func.max(t.c.position), -1))) or 0
        new = Choice(uid=uid or new_uid(), name=name, group=group, position=position + 1)
        self.conn.execute(
            insert(t).values(
                uid=new.uid,
                name=new.name,
                group_name=new.group,
                archived=False,
                position=new.position,
                created_at=now,
            )
        )
        return new

    def rename(self, uid: str, name: str) -> None:
        name = clean_name(name)
        if self._same_name(name, leave_out=uid) is not None:
            raise InvalidInput(
                translate(
                    "storage.journal.choices",
                    "You already have “{name}”. You can merge the two instead.",
                ).format(name=name)
            )
        self.conn.execute(
            update(self.table).where(self.table.c.id == self._id(uid)).values(name=name)
        )

    def set_archived(self, uid: str, archived: bool) -> None:
        self.conn.execute(
            update(self.table).where(self.table.c.id == self._id(uid)).values(archived=archived)
        )

    def merge(self, uid: str, into: str) -> None:
        """From now on ``uid`` counts as ``into``; entries keep pointing at what they chose."""
        if uid == into:
            raise InvalidInput(
                translate(
                    "storage.journal.choices", "Please choose a different item to merge into."
                )
            )
        t = self.table
        source, target = self._id(uid), self._id(into)
        if self.conn.scalar(select(t.c.merged_into_id).where(t.c.id == target)) is not None:
            raise InvalidInput(
                translate(
                    "storage.journal.choices",
                    "That item was itself merged; please pick the one it became.",
                )
            )
        # Keep merges one level deep, so "counts as" is a single lookup.
        self.conn.execute(
            update(t).where(t.c.merged_into_id == source).values(merged_into_id=target)
        )
        self.conn.execute(update(t).where(t.c.id == source).values(merged_into_id=target))

    def counted_as(self, uid: str) -> list[int]:
        """Ids that count as ``uid``: itself and everything merged into it."""
        t = self.table
        own = self._id(uid)
        merged = self.conn.scalars(select(t.c.id).where(t.c.merged_into_id == own))
        return [own, *merged]
