"""The person's optional recovery start date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.storage.schema import recovery_profile


class Profile:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def start_date(self) -> date | None:
        return self.conn.execute(
            select(recovery_profile.c.start_date).where(recovery_profile.c.id == 1)
        ).scalar_one_or_none()

    def set_start_date(self, start: date | None, now: datetime) -> None:
        """``None`` means the person would rather not count days."""
        if start is not None and start > now.date():
            raise InvalidInput(
                translate(
                    "storage.checkin.profile", "A recovery start date can't be in the future."
                )
            )
        values = {"start_date": start, "updated_at": now}
        self.conn.execute(
            insert(recovery_profile)
            .values(id=1, **values)
            .on_conflict_do_update(index_elements=[recovery_profile.c.id], set_=values)
        )
