"""Daily check-ins: one per local day; saving again edits it and keeps the old version."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from recovery_app.core.checkin.checkin import CheckIn, UsedToday, validate_checkin
from recovery_app.core.errors import InvalidInput
from recovery_app.storage.checkin.convert import checkin_from_row
from recovery_app.storage.models import CheckInRevision, CheckInRow


def _snapshot(row: CheckInRow) -> str:
    fields = (
        "uid",
        "mood",
        "anxiety",
        "craving",
        "sleep_hours",
        "sleep_quality",
        "hungry",
        "angry",
        "lonely",
        "tired",
        "used",
        "use_question",
        "gratitude",
        "note",
    )
    data: dict[str, object] = {name: getattr(row, name) for name in fields}
    data["day"] = row.day.isoformat()
    data["updated_at"] = row.updated_at.isoformat()
    return json.dumps(data, ensure_ascii=False)


def _fill(row: CheckInRow, checkin: CheckIn) -> None:
    row.mood = checkin.mood
    row.anxiety = checkin.anxiety
    row.craving = checkin.craving
    row.used = checkin.used.value
    row.use_question = checkin.use_question.value
    row.sleep_hours = checkin.sleep_hours
    row.sleep_quality = checkin.sleep_quality
    row.hungry = checkin.halt.hungry
    row.angry = checkin.halt.angry
    row.lonely = checkin.halt.lonely
    row.tired = checkin.halt.tired
    row.gratitude = checkin.gratitude
    row.note = checkin.note


class CheckIns:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, day: date) -> CheckIn | None:
        row = self.session.scalars(select(CheckInRow).where(CheckInRow.day == day)).one_or_none()
        return None if row is None else checkin_from_row(row)

    def save(self, checkin: CheckIn, now: datetime) -> CheckIn:
        """Store the check-in for its day; one already there is edited, never duplicated.

        ``now`` is the local, aware time: its date is "today" for validation.
        """
        validate_checkin(checkin, today=now.date())
        row = self.session.scalars(
            select(CheckInRow).where(CheckInRow.day == checkin.day)
        ).one_or_none()
        if row is None:
            row = CheckInRow(uid=checkin.uid, day=checkin.day, created_at=now)
            self.session.add(row)
        else:
            self.session.add(
                CheckInRevision(checkin_id=row.id, replaced_at=now, snapshot=_snapshot(row))
            )
        _fill(row, checkin)
        row.updated_at = now
        try:
            self.session.flush()
        except IntegrityError as exc:
            raise InvalidInput("This check-in has a value outside what can be stored.") from exc
        return checkin_from_row(row)

    def between(self, first: date, last: date) -> list[CheckIn]:
        rows = self.session.scalars(
            select(CheckInRow)
            .where(CheckInRow.day >= first, CheckInRow.day <= last)
            .order_by(CheckInRow.day)
        )
        return [checkin_from_row(r) for r in rows]

    def slip_days(self) -> list[date]:
        """Days on which the person recorded that they used."""
        return list(
            self.session.scalars(
                select(CheckInRow.day)
                .where(CheckInRow.used == UsedToday.YES.value)
                .order_by(CheckInRow.day)
            )
        )

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(CheckInRow)) or 0

    def revision_count(self, day: date) -> int:
        return (
            self.session.scalar(
                select(func.count())
                .select_from(CheckInRevision)
                .join(CheckInRow, CheckInRow.id == CheckInRevision.checkin_id)
                .where(CheckInRow.day == day)
            )
            or 0
        )

    def all(self) -> Iterator[CheckIn]:
        for row in self.session.scalars(
            select(CheckInRow).order_by(CheckInRow.day).execution_options(yield_per=500)
        ):
            yield checkin_from_row(row)
