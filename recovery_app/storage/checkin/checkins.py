"""Daily check-ins: one per local day; saving again edits it and keeps the old version."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from recovery_app.core.checkin.checkin import (
    CheckIn,
    Halt,
    UsedToday,
    UseQuestion,
    validate_checkin,
)
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.storage.schema import checkin, checkin_revision

# Kept in an edit's snapshot, in this order (the row as it was before the edit).
_SNAPSHOT_FIELDS = (
    "uid", "mood", "anxiety", "craving", "sleep_hours", "sleep_quality", "hungry", "angry",
    "lonely", "tired", "used", "use_question", "gratitude", "note", "slip_note",
)  # fmt: skip


def checkin_from_row(m: Mapping[Any, Any]) -> CheckIn:
    return CheckIn(
        day=m["day"],
        mood=m["mood"],
        anxiety=m["anxiety"],
        craving=m["craving"],
        used=UsedToday(m["used"]),
        sleep_hours=m["sleep_hours"],
        sleep_quality=m["sleep_quality"],
        halt=Halt(bool(m["hungry"]), bool(m["angry"]), bool(m["lonely"]), bool(m["tired"])),
        gratitude=m["gratitude"],
        note=m["note"],
        uid=m["uid"],
        use_question=UseQuestion(m["use_question"]),
        slip_at=m["slip_at"],
        slip_note=m["slip_note"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


def checkin_columns(c: CheckIn) -> dict[str, Any]:
    """The stored columns of ``c`` that an edit may change (not uid, day or times)."""
    return {
        "mood": c.mood,
        "anxiety": c.anxiety,
        "craving": c.craving,
        "used": c.used.value,
        "use_question": c.use_question.value,
        "sleep_hours": c.sleep_hours,
        "sleep_quality": c.sleep_quality,
        "hungry": c.halt.hungry,
        "angry": c.halt.angry,
        "lonely": c.halt.lonely,
        "tired": c.halt.tired,
        "gratitude": c.gratitude,
        "note": c.note,
        "slip_at": c.slip_at,
        "slip_note": c.slip_note,
    }


def _snapshot(m: Mapping[Any, Any]) -> str:
    data: dict[str, object] = {name: m[name] for name in _SNAPSHOT_FIELDS}
    data["day"] = m["day"].isoformat()
    data["slip_at"] = m["slip_at"].isoformat() if m["slip_at"] else None
    data["updated_at"] = m["updated_at"].isoformat()
    return json.dumps(data, ensure_ascii=False)


class CheckIns:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _row(self, day: date) -> Mapping[Any, Any] | None:
        row = self.conn.execute(select(checkin).where(checkin.c.day == day)).first()
        return None if row is None else row._mapping

    def get(self, day: date) -> CheckIn | None:
        row = self._row(day)
        return None if row is None else checkin_from_row(row)

    def save(self, c: CheckIn, now: datetime) -> CheckIn:
        """Store the check-in for its day; one already there is edited, never duplicated.

        ``now`` is the local, aware time: its date is "today" for validation.
        """
        validate_checkin(c, today=now.date())
        existing = self._row(c.day)
        try:
            if existing is None:
                self.conn.execute(
                    insert(checkin).values(
                        uid=c.uid, day=c.day, created_at=now, updated_at=now, **checkin_columns(c)
                    )
                )
            else:
                self.conn.execute(
                    insert(checkin_revision).values(
                        checkin_id=existing["id"], replaced_at=now, snapshot=_snapshot(existing)
                    )
                )
                self.conn.execute(
                    update(checkin)
                    .where(checkin.c.id == existing["id"])
                    .values(updated_at=now, **checkin_columns(c))
                )
        except IntegrityError as exc:
            raise InvalidInput(
                translate(
                    "storage.checkin.checkins",
                    "This check-in has a value outside what can be stored.",
                )
            ) from exc
        saved = self.get(c.day)
        assert saved is not None
        return saved

    def between(self, first: date, last: date) -> list[CheckIn]:
        rows = self.conn.execute(
            select(checkin)
            .where(checkin.c.day >= first, checkin.c.day <= last)
            .order_by(checkin.c.day)
        )
        return [checkin_from_row(r._mapping) for r in rows]

    def days_between(self, first: date, last: date) -> set[date]:
        """The days from ``first`` to ``last`` that have a check-in."""
        rows = self.conn.execute(
            select(checkin.c.day).where(checkin.c.day >= first, checkin.c.day <= last)
        )
        return set(rows.scalars())

    def slip_days(self) -> list[date]:
        """Days on which the person recorded use outside their prescription or plan."""
        rows = self.conn.execute(
            select(checkin.c.day)
            .where(checkin.c.used == UsedToday.YES.value)
            .order_by(checkin.c.day)
        )
        return list(rows.scalars())

    def slips(self) -> list[CheckIn]:
        """Check-ins answered Yes, oldest first."""
        rows = self.conn.execute(
            select(checkin).where(checkin.c.used == UsedToday.YES.value).order_by(checkin.c.day)
        )
        return [checkin_from_row(r._mapping) for r in rows]

    def count(self) -> int:
        return self.conn.execute(select(func.count()).select_from(checkin)).scalar_one()

    def revision_count(self, day: date) -> int:
        return self.conn.execute(
            select(func.count())
            .select_from(checkin_revision)
            .join(checkin, checkin.c.id == checkin_revision.c.checkin_id)
            .where(checkin.c.day == day)
        ).scalar_one()

    def uids_and_days(self) -> tuple[set[str], set[date]]:
        rows = list(self.conn.execute(select(checkin.c.uid, checkin.c.day)))
        return {r.uid for r in rows}, {r.day for r in rows}

    def add_many(self, items: list[CheckIn], now: datetime) -> None:
        """Insert new check-ins as they are (an import): their own times are kept."""
        if items:
            self.conn.execute(
                insert(checkin),
                [
                    {
                        "uid": c.uid,
                        "day": c.day,
                        "created_at": c.created_at or now,
                        "updated_at": c.updated_at or now,
                        **checkin_columns(c),
                    }
                    for c in items
                ],
            )

    def all(self, batch: int = 500) -> Iterator[CheckIn]:
        """Every check-in, oldest first, read in batches."""
        last = date.min
        while True:
            rows = list(
                self.conn.execute(
                    select(checkin).where(checkin.c.day > last).order_by(checkin.c.day).limit(batch)
                )
            )
            if not rows:
                return
            yield from (checkin_from_row(r._mapping) for r in rows)
            last = rows[-1].day
